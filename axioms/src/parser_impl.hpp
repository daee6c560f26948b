#pragma once
// The Parser class with its token helpers and nesting limits (private to the parser's .cpp files).
#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ast.hpp"
#include "lexer.hpp"
#include "xmcheck/axioms/limits.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/diag/nesting.hpp"

namespace xmcheck::axioms::detail {

using diag::ErrorKind;
using diag::SourceSpan;

class Parser {
 public:
  explicit Parser(std::vector<Token> toks) : toks_(std::move(toks)) {}

  Program program();

 private:
  // ---- token helpers
  [[nodiscard]] const Token& cur() const { return toks_[i_]; }
  [[nodiscard]] const Token& peek(std::size_t k) const {
    return toks_[std::min(i_ + k, toks_.size() - 1)];
  }
  [[nodiscard]] bool at(Tok t) const { return cur().kind == t; }
  Token take() {
    Token t = toks_[i_];
    if (i_ + 1 < toks_.size()) ++i_;
    return t;
  }
  static std::string describe(const Token& t) {
    switch (t.kind) {
      case Tok::Eof: return "end of file";
      case Tok::Var: return "'" + t.text + "'";
      case Tok::String: return "string \"" + t.text + "\"";
      default: return "'" + t.text + "'";
    }
  }
  [[noreturn]] void error_at(const Token& t, const std::string& msg) const {
    throw diag::UserError(ErrorKind::Model, t.span, msg);
  }
  [[noreturn]] void unsupported(const Token& t, const std::string& what) const {
    throw diag::UserError(ErrorKind::Unsupported, t.span, "unsupported construct '" + what + "'");
  }
  Token expect(Tok t, const std::string& what) {
    if (!at(t)) error_at(cur(), "expected " + what + ", found " + describe(cur()));
    return take();
  }
  static SourceSpan join(const SourceSpan& a, const SourceSpan& b) { return {a.file, a.begin, b.end}; }
  [[nodiscard]] SourceSpan prev_span() const { return toks_[i_ == 0 ? 0 : i_ - 1].span; }

  // ---- nesting limits
  // Nesting is bounded (kModelNestingLimit): the recursion by NestingGuards, the
  // trees that loops build (operator chains, postfix operators) by their height.
  [[noreturn]] static void too_deep(const SourceSpan& at, const char* what) {
    throw diag::UserError(ErrorKind::Model, at, diag::nested_too_deeply(what, kModelNestingLimit));
  }
  /// Fails at the current token when `level` (just opened) is past the limit.
  void check_level(const diag::NestingGuard& level, const char* what) const {
    if (level.too_deep()) too_deep(cur().span, what);
  }
  /// Sets `e`'s height from its children; past the limit, fails at `at` (the
  /// operator or keyword that built `e`).
  static void measure(Expr& e, const SourceSpan& at) {
    std::size_t below = 0;
    for (const Expr* c : {e.a.get(), e.b.get()})
      if (c != nullptr) below = std::max(below, c->height);
    for (const auto& x : e.args) below = std::max(below, x->height);
    for (const auto& bd : e.binds) below = std::max(below, bd.body->height);
    if (e.cond) below = std::max(below, e.cond->height);
    e.height = below + 1;
    if (e.height > kModelNestingLimit) too_deep(at, "expression");
  }
  static void measure(VarCond& c, const SourceSpan& at) {
    std::size_t below = 0;
    for (const VarCond* x : {c.lhs.get(), c.rhs.get()})
      if (x != nullptr) below = std::max(below, x->height);
    c.height = below + 1;
    if (c.height > kModelNestingLimit) too_deep(at, "variant condition");
  }

  // ---- statements (parser.cpp)
  StmtList statements(bool in_block);

  std::optional<Stmt> statement();

  /// `enum Name = 'a || 'b || ...` (herd also accepts a leading `||`).
  Stmt enum_decl();

  /// `instructions SET[ENUM]`: events of SET may carry the tags of ENUM.
  Stmt instructions_decl();

  std::vector<LetBinding> bindings();

  std::string formal();

  LetBinding binding();

  // ---- variant conditions (parser.cpp)
  std::unique_ptr<VarCond> variant_or();
  std::unique_ptr<VarCond> variant_and();
  std::unique_ptr<VarCond> variant_not();
  [[nodiscard]] bool starts_variant_cond() const;

  // ---- expressions (parser_expressions.cpp)
  ExprPtr make(Expr::Kind k, SourceSpan span);

  ExprPtr exp();

  [[nodiscard]] static bool starts_simple(Tok t);
  [[nodiscard]] static bool starts_base(Tok t);

  ExprPtr binary(Expr::Kind k, ExprPtr l, ExprPtr r, const SourceSpan& op);
  ExprPtr unary(Expr::Kind k, ExprPtr x, const SourceSpan& span, const SourceSpan& op);

  /// A right-associative chain `a | b | c` = a | (b | c), of operator `op` at
  /// `level`: operands are read in a loop (no recursion per operator), then
  /// folded from the right. Each operator nests the rest one level deeper.
  ExprPtr right_chain(Expr::Kind k, Tok op, int level, ExprPtr first);

  /// Precedence climbing over base expressions; returns operators binding at
  /// least as tightly as `min`.
  ExprPtr base(int min);

  /// name arg*  |  simple
  ExprPtr application();

  ExprPtr simple();

  std::vector<Token> toks_;
  std::size_t i_ = 0;
  std::size_t depth_ = 0;  ///< levels of recursion now open (NestingGuard)
};

}  // namespace xmcheck::axioms::detail
