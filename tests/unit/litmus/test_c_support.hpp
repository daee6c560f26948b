#pragma once
// Helpers shared by the C-dialect unit tests.
#include <string>

#include "test_support.hpp"
#include "xmcheck/litmus/c_ast.hpp"

namespace xmcheck::litmus::test {

/// A C test with init block `init`, the program `program` and `exists (0:r0=0)`.
inline std::string c_test(const std::string& program, const std::string& init = "") {
  return "C T\n{" + init + "}\n" + program + "\nexists (0:r0=0)\n";
}

inline LitmusTest parse_c(const std::string& program, const std::string& init = "") {
  return parse_string(c_test(program, init), "t.litmus");
}

/// The statements of thread P0 whose body is `body`.
inline std::vector<c::Stmt> c_body(const std::string& body) {
  const LitmusTest t = parse_c("P0(int *x, int *y)\n{\n" + body + "\n}\n");
  REQUIRE(t.c_program != nullptr);
  REQUIRE(t.c_program->threads.size() == 1);
  return t.c_program->threads[0].body.children;
}

/// The expression of the statement `expr;` in P0, printed by c::to_string.
inline std::string c_expr(const std::string& expr) {
  const auto body = c_body(expr + ";");
  REQUIRE(body.size() == 1);
  REQUIRE(body[0].kind == c::Stmt::Kind::Expr);
  return c::to_string(*body[0].expr);
}

/// "line:col: message" of the error for the C test `c_test(program, init)`
/// (the program starts on line 3).
inline std::string c_error(const std::string& program, const std::string& init = "") {
  return error_at(c_test(program, init));
}

}  // namespace xmcheck::litmus::test
