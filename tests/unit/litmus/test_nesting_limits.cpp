// Nesting limits (xmcheck/litmus/limits.hpp): deep input is a positioned error
// at the limit, long flat chains of `/\` and `\/` are lists of any length.
#include <string>

#include "test_c_support.hpp"
#include "xmcheck/litmus/limits.hpp"

using namespace xmcheck;
using namespace xmcheck::litmus;
using namespace xmcheck::litmus::test;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string join(const std::string& sep, const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i > 0 ? sep : "") + s;
  return out;
}

/// A test whose condition (line 5) is `exists PROP`.
std::string with_condition(const std::string& prop) {
  return "AArch64 T\n{}\n P0 ;\n NOP ;\nexists " + prop + "\n";
}

/// A C test whose thread P0 runs `body` (line 5 onwards).
std::string with_c_body(const std::string& body) { return c_test("P0(int *x)\n{\n" + body + "\n}"); }

const std::size_t kLimit = kLitmusNestingLimit;
const std::size_t kCLimit = kCNestingLimit;

}  // namespace

TEST_CASE("nesting: conditions nest up to the limit") {
  // Each parenthesis and each `~` is one level; the atom itself is one more.
  const std::string ok = repeat("(", kLimit - 1) + "0:X0=1" + repeat(")", kLimit - 1);
  CHECK(to_string(parse_string(with_condition(ok), "t.litmus").condition) == "exists (0:X0=1)");
  const std::string deep = repeat("(", kLimit) + "0:X0=1" + repeat(")", kLimit);
  CHECK(error_at(with_condition(deep)) == "5:264: condition nested too deeply (limit 256)");
  CHECK(parse_error(with_condition(deep)).kind() == diag::ErrorKind::Litmus);
  CHECK(error_at(with_condition("(" + repeat("~", 3000) + "0:X0=1)")) ==
        "5:264: condition nested too deeply (limit 256)");
  // `=>` is right-nested: each one is a level.
  CHECK(error_at(with_condition("(" + join(" => ", "0:X0=1", 3000) + ")")) ==
        "5:2559: condition nested too deeply (limit 256)");
}

TEST_CASE("nesting: a long /\\ or \\/ chain is one node and prints as herd does") {
  const std::string atoms = join(" /\\ ", "0:X0=1", 25000);
  const LitmusTest t = parse_string(with_condition("(" + atoms + ")"), "t.litmus");
  CHECK(t.condition.prop.kind == Prop::Kind::And);
  CHECK(t.condition.prop.children.size() == 25000);
  CHECK(to_string(t.condition) == "exists (" + atoms + ")");
  const LitmusTest o = parse_string(with_condition(join(" \\/ ", "0:X0=1", 3)), "t.litmus");
  CHECK(o.condition.prop.kind == Prop::Kind::Or);
  CHECK(o.condition.prop.children.size() == 3);
  CHECK(o.condition.prop.span.begin == diag::SourcePos{5, 8});
  CHECK(o.condition.prop.span.end == o.condition.prop.children.back().span.end);
  // Parenthesised sub-chains stay nodes of their own, printed without parentheses.
  CHECK(condition_of("exists (0:X0=1 /\\ 0:X1=1) /\\ (0:X2=1 /\\ 0:X3=1)") ==
        "exists (0:X0=1 /\\ 0:X1=1 /\\ 0:X2=1 /\\ 0:X3=1)");
  CHECK(condition_of("exists 0:X0=1 \\/ (0:X1=1 \\/ 0:X2=1) /\\ 0:X3=1") ==
        "exists (0:X0=1 \\/ (0:X1=1 \\/ 0:X2=1) /\\ 0:X3=1)");
}

TEST_CASE("nesting: C statements and expressions nest up to the limit") {
  // Statements: the block of P0 holds the first level.
  CHECK_NOTHROW((void)parse_string(with_c_body(repeat("{", 200) + "x = 1;" + repeat("}", 200)), "t.litmus"));
  CHECK(error_at(with_c_body(repeat("{", 3000) + "x = 1;" + repeat("}", 3000))) ==
        "5:257: statement nested too deeply (limit 256)");
  CHECK(error_at(with_c_body("r = " + repeat("(", 3000) + "1" + repeat(")", 3000) + ";")) ==
        "5:259: expression nested too deeply (limit 256)");
  CHECK(error_at(with_c_body("r = " + repeat("~", 3000) + "1;")) ==
        "5:259: expression nested too deeply (limit 256)");
  CHECK(error_at(with_c_body("r = " + repeat("a = ", 3000) + "1;")) ==
        "5:1021: expression nested too deeply (limit 256)");
  // A chain is a left-nested tree: one level per operator, found without recursion.
  CHECK(c_expr(join(" + ", "1", 100)) ==
        "(" + repeat("(", 97) + "1 + 1" + repeat(") + 1", 97) + ") + 1");
  CHECK(error_at(with_c_body("r = " + join(" + ", "1", 15000) + ";")) ==
        "5:1019: expression nested too deeply (limit 256)");
  CHECK(error_at(with_c_body("r = a" + repeat("[0]", 3000) + ";")) ==
        "5:762: expression nested too deeply (limit 256)");
  CHECK(parse_error(with_c_body("r = " + join(" + ", "1", 15000) + ";")).kind() ==
        diag::ErrorKind::Litmus);
  // Values in the init block: ATOMIC_INIT(ATOMIC_INIT(...)).
  CHECK(error_at(c_test("P0(int *x)\n{\n}", " x = " + repeat("ATOMIC_INIT(", 3000) + "1" +
                                                   repeat(")", 3000) + "; ")) ==
        "2:3079: value nested too deeply (limit 256)");
  CHECK(kCLimit == 256);
}
