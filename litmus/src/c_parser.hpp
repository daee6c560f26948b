#pragma once
// Recursive-descent parser of herd's C dialect over tokenize_c() tokens:
// types (c_type.cpp), expressions (c_expr_parser.cpp), statements
// (c_stmt_parser.cpp) and top-level functions (c_program_parser.cpp).
#include <memory>
#include <string>
#include <vector>

#include "token_cursor.hpp"
#include "xmcheck/litmus/c_ast.hpp"
#include "xmcheck/litmus/limits.hpp"

namespace xmcheck::litmus::internal {

/// True if `name` starts a type: a base word (`int`, `unsigned`, `void`,
/// `struct`, ...), a qualifier (`const`, `volatile`, `_Atomic`), or a
/// typedef-like name (`*_t`: `atomic_t`, `spinlock_t`, `code_t`, `u32`...).
[[nodiscard]] bool is_c_type_word(const std::string& name);

/// True if the next token starts a type.
[[nodiscard]] bool at_c_type(const TokenCursor& cur);

/// Type specifier and qualifiers (`const unsigned long`, `atomic_t`, `struct s`)
/// without pointers. Throws on a missing or contradictory type.
[[nodiscard]] c::Type parse_c_type_specifier(TokenCursor& cur);

/// `*`s (qualifiers after them are accepted and dropped) added to `type`.
void parse_c_pointers(TokenCursor& cur, c::Type& type);

/// A full type name as in a cast or a parameter without name: specifier + stars.
[[nodiscard]] c::Type parse_c_type_name(TokenCursor& cur);

/// C keywords that cannot name a variable or function.
[[nodiscard]] bool is_c_keyword(const std::string& name);

class CParser {
 public:
  CParser(const SourceText& src, const std::vector<Token>& tokens)
      : src_(src), cur_(src, tokens, kCDialect) {}

  /// The whole program region: function definitions (at least one thread).
  [[nodiscard]] c::CProgram program();

  // Exposed for unit tests.
  [[nodiscard]] c::Expr expression();  ///< assignment-expression (no comma operator)
  [[nodiscard]] c::Stmt statement();
  [[nodiscard]] TokenCursor& cursor() { return cur_; }

 private:
  // c_expr_parser.cpp
  c::Expr assignment();
  c::Expr conditional();
  c::Expr binary(int min_level);
  c::Expr unary();
  c::Expr postfix();
  c::Expr primary();
  [[nodiscard]] bool at_cast() const;
  /// Fails at `at` when a tree of `height` levels, built here by a loop (an
  /// operator chain, postfix calls and subscripts), reaches past kCNestingLimit.
  void check_height(std::size_t height, const Token& at) const;

  // c_stmt_parser.cpp
  c::Stmt block();
  c::Stmt declaration(bool require_semicolon = true);
  c::Stmt if_statement();
  c::Stmt while_statement();
  c::Stmt do_while_statement();
  c::Stmt for_statement();
  c::Stmt jump_statement();
  c::Stmt expression_statement();
  c::Expr parenthesised_condition(const std::string& keyword);
  void expect_semicolon(const std::string& after);

  // c_program_parser.cpp
  c::Function function();
  std::vector<c::Param> parameters();

  [[nodiscard]] diag::SourceSpan span_from(std::size_t begin) const {
    return src_.span(begin, cur_.previous_end());
  }

  const SourceText& src_;
  TokenCursor cur_;
  /// Levels of the recursive descent (statements and expressions) now open.
  std::size_t depth_ = 0;
};

/// Parses the program region of a C test.
[[nodiscard]] c::CProgram parse_c_program(const SourceText& src, Region region);

/// Parses the init block of a C test (between the braces).
[[nodiscard]] std::vector<c::InitDecl> parse_c_init(const SourceText& src, Region region);

}  // namespace xmcheck::litmus::internal
