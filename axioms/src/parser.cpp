// Parser. Binary/postfix operator precedence and associativity follow herd7's
// ModelParser (lowest first):
//   |  (right)   ++ (right, unsupported)   ;  (right)   \  (left)   &  (right)
//   * + ? ~ (binary '*', postfix '*', '+', '?', prefix '~': one non-associative level)
//   ^-1 (postfix)           application by juxtaposition binds tightest.
// A '*' is the binary cartesian product when the next token can start an
// expression, otherwise the postfix reflexive-transitive closure.
// Nesting is bounded (kModelNestingLimit): the recursion by NestingGuards, the
// trees that loops build (operator chains, postfix operators) by their height.
#include "parser.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "lexer.hpp"
#include "xmcheck/axioms/limits.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/diag/nesting.hpp"

namespace xmcheck::axioms::detail {

namespace {

using diag::ErrorKind;
using diag::SourceSpan;

constexpr int kLevelUnion = 1;
constexpr int kLevelAdd = 2;
constexpr int kLevelSeq = 3;
constexpr int kLevelDiff = 4;
constexpr int kLevelInter = 5;
constexpr int kLevelStar = 6;  // binary *, postfix * + ?, prefix ~
constexpr int kLevelHat = 7;
constexpr int kLevelAtom = 100;

class Parser {
 public:
  explicit Parser(std::vector<Token> toks) : toks_(std::move(toks)) {}

  Program program() {
    Program p;
    if (at(Tok::String)) {
      p.title = take().text;
    } else if (at(Tok::Var)) {
      p.title = take().text;  // architecture name, as in herd
      if (at(Tok::Var) || at(Tok::String)) p.title = take().text;
    }
    if (at(Tok::KwCatdep)) take();
    p.stmts = statements(/*in_block=*/false);
    expect(Tok::Eof, "a statement");
    return p;
  }

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

  // ---- statements
  StmtList statements(bool in_block) {
    StmtList out;
    for (;;) {
      if (at(Tok::Eof)) return out;
      if (in_block && (at(Tok::KwElse) || at(Tok::KwEnd))) return out;
      if (auto s = statement()) out.push_back(std::move(*s));
    }
  }

  std::optional<Stmt> statement() {
    const Token& t = cur();
    Stmt s;
    s.span = t.span;
    switch (t.kind) {
      case Tok::KwLet: {
        take();
        s.kind = Stmt::Kind::Let;
        if (at(Tok::KwRec)) {
          take();
          s.kind = Stmt::Kind::LetRec;
        }
        s.binds = bindings();
        if (s.kind == Stmt::Kind::LetRec && at(Tok::KwWhen)) unsupported(cur(), "let rec ... when");
        if (at(Tok::KwIn)) take();
        return s;
      }
      case Tok::KwInclude:
        take();
        s.kind = Stmt::Kind::Include;
        s.name_span = cur().span;
        s.name = expect(Tok::String, "a file name string").text;
        return s;
      default: break;
    }
    if (t.kind == Tok::KwFlag || t.kind == Tok::Tilde || t.kind == Tok::KwAcyclic ||
        t.kind == Tok::KwIrreflexive || t.kind == Tok::KwEmpty) {
      s.kind = Stmt::Kind::Check;
      if (at(Tok::KwFlag)) {
        take();
        s.is_flag = true;
      }
      if (at(Tok::Tilde)) {
        take();
        s.negated = true;
      }
      const Token& test = cur();
      if (test.kind == Tok::KwAcyclic || test.kind == Tok::KwIrreflexive || test.kind == Tok::KwEmpty) {
        s.test = take().text;
      } else {
        error_at(test, "expected 'acyclic', 'irreflexive' or 'empty', found " + describe(test));
      }
      s.expr = exp();
      if (at(Tok::KwAs)) {
        take();
        s.name_span = cur().span;
        s.name = expect(Tok::Var, "a check name").text;
      }
      return s;
    }
    switch (t.kind) {
      case Tok::KwShow:
      case Tok::KwUnshow: {
        take();
        s.kind = Stmt::Kind::Ignored;
        (void)base(0);
        if (at(Tok::KwAs)) {
          take();
          expect(Tok::Var, "a name");
        }
        while (at(Tok::Comma)) {
          take();
          (void)base(0);
        }
        return s;
      }
      case Tok::KwWith: {
        take();
        s.kind = Stmt::Kind::With;
        s.name_span = cur().span;
        s.name = expect(Tok::Var, "a variable name").text;
        expect(Tok::KwFrom, "'from'");
        s.expr = exp();
        return s;
      }
      case Tok::KwIf: {
        take();
        const diag::NestingGuard level(depth_, kModelNestingLimit);
        check_level(level, "statement");
        s.kind = Stmt::Kind::IfVariant;
        s.cond = variant_or();
        s.then_stmts = statements(true);
        if (at(Tok::KwElse)) {
          take();
          s.else_stmts = statements(true);
        }
        expect(Tok::KwEnd, "'end'");
        return s;
      }
      case Tok::KwRequires: unsupported(t, "undefined_unless");
      case Tok::KwAssert: unsupported(t, "assert");
      case Tok::KwProcedure: unsupported(t, "procedure");
      case Tok::KwCall: unsupported(t, "call");
      case Tok::KwEnum: return enum_decl();
      case Tok::KwDebug: unsupported(t, "debug");
      case Tok::KwMatch: unsupported(t, "match");
      case Tok::KwForall: unsupported(t, "forall");
      case Tok::KwInstructions: return instructions_decl();
      case Tok::KwDefault: unsupported(t, "default");
      default: error_at(t, "expected a statement, found " + describe(t));
    }
  }

  /// `enum Name = 'a || 'b || ...` (herd also accepts a leading `||`).
  Stmt enum_decl() {
    Stmt s;
    s.span = take().span;
    s.kind = Stmt::Kind::Enum;
    s.name_span = cur().span;
    s.name = expect(Tok::Var, "an enumeration name").text;
    expect(Tok::Equal, "'='");
    if (at(Tok::BarBar)) take();
    s.tags.push_back(expect(Tok::Tag, "a tag ('name)").text);
    while (at(Tok::BarBar)) {
      take();
      s.tags.push_back(expect(Tok::Tag, "a tag ('name)").text);
    }
    return s;
  }

  /// `instructions SET[ENUM]`: events of SET may carry the tags of ENUM.
  Stmt instructions_decl() {
    Stmt s;
    s.span = take().span;
    s.kind = Stmt::Kind::Instructions;
    s.name_span = cur().span;
    s.name = expect(Tok::Var, "an event set name").text;
    expect(Tok::LBrack, "'['");
    s.tags.push_back(expect(Tok::Var, "an enumeration name").text);
    expect(Tok::RBrack, "']'");
    return s;
  }

  std::vector<LetBinding> bindings() {
    std::vector<LetBinding> out;
    for (;;) {
      out.push_back(binding());
      if (!at(Tok::KwAnd)) return out;
      take();
    }
  }

  std::string formal() {
    if (at(Tok::Underscore)) {
      take();
      return "_";
    }
    return expect(Tok::Var, "a parameter name").text;
  }

  LetBinding binding() {
    LetBinding b;
    b.span = cur().span;
    if (at(Tok::LPar)) unsupported(cur(), "tuple pattern");
    b.name = expect(Tok::Var, "a name").text;
    if (at(Tok::LPar)) {
      take();
      b.is_function = true;
      if (!at(Tok::RPar)) {
        b.params.push_back(formal());
        while (at(Tok::Comma)) {
          take();
          b.params.push_back(formal());
        }
      }
      expect(Tok::RPar, "')'");
    } else if (at(Tok::Var) || at(Tok::Underscore)) {
      b.is_function = true;
      b.params.push_back(formal());
    }
    expect(Tok::Equal, "'='");
    b.body = exp();
    b.span = join(b.span, prev_span());
    return b;
  }

  // ---- variant conditions
  std::unique_ptr<VarCond> variant_or() {
    auto l = variant_and();
    while (at(Tok::BarBar)) {
      const Token op = take();
      auto c = std::make_unique<VarCond>();
      c->kind = VarCond::Kind::Or;
      c->lhs = std::move(l);
      c->rhs = variant_and();
      measure(*c, op.span);
      l = std::move(c);
    }
    return l;
  }
  std::unique_ptr<VarCond> variant_and() {
    auto l = variant_not();
    while (at(Tok::AmpAmp)) {
      const Token op = take();
      auto c = std::make_unique<VarCond>();
      c->kind = VarCond::Kind::And;
      c->lhs = std::move(l);
      c->rhs = variant_not();
      measure(*c, op.span);
      l = std::move(c);
    }
    return l;
  }
  std::unique_ptr<VarCond> variant_not() {
    const diag::NestingGuard level(depth_, kModelNestingLimit);
    check_level(level, "variant condition");
    if (at(Tok::KwNot)) {
      const Token op = take();
      auto c = std::make_unique<VarCond>();
      c->kind = VarCond::Kind::Not;
      c->lhs = variant_not();
      measure(*c, op.span);
      return c;
    }
    if (at(Tok::LPar)) {
      take();
      auto c = variant_or();
      expect(Tok::RPar, "')'");
      return c;
    }
    if (at(Tok::KwVariant)) take();
    auto c = std::make_unique<VarCond>();
    c->name = expect(Tok::String, "a variant name string").text;
    return c;
  }
  [[nodiscard]] bool starts_variant_cond() const {
    std::size_t k = 0;
    while (peek(k).kind == Tok::LPar) ++k;
    const Tok t = peek(k).kind;
    return t == Tok::String || t == Tok::KwNot || t == Tok::KwVariant;
  }

  // ---- expressions
  ExprPtr make(Expr::Kind k, SourceSpan span) {
    auto e = std::make_unique<Expr>();
    e->kind = k;
    e->span = std::move(span);
    return e;
  }

  ExprPtr exp() {
    const Token& t = cur();
    const diag::NestingGuard level(depth_, kModelNestingLimit);
    check_level(level, "expression");
    switch (t.kind) {
      case Tok::KwLet: {
        take();
        auto e = make(Expr::Kind::LetIn, t.span);
        if (at(Tok::KwRec)) {
          take();
          e->kind = Expr::Kind::LetRecIn;
          e->binds = bindings();
          if (at(Tok::KwWhen)) unsupported(cur(), "let rec ... when");
        } else {
          e->binds = bindings();
        }
        expect(Tok::KwIn, "'in'");
        e->a = exp();
        measure(*e, t.span);
        return e;
      }
      case Tok::KwIf: {
        take();
        if (!starts_variant_cond()) unsupported(cur(), "if with a non-variant condition");
        auto e = make(Expr::Kind::If, t.span);
        e->cond = variant_or();
        expect(Tok::KwThen, "'then'");
        e->a = exp();
        expect(Tok::KwElse, "'else'");
        e->b = exp();
        measure(*e, t.span);
        return e;
      }
      case Tok::KwFun: unsupported(t, "fun");
      case Tok::KwTry: {
        take();
        auto e = make(Expr::Kind::Try, t.span);
        e->a = exp();
        expect(Tok::KwWith, "'with'");
        e->b = exp();
        measure(*e, t.span);
        return e;
      }
      case Tok::KwMatch: unsupported(t, "match");
      default: return base(0);
    }
  }

  [[nodiscard]] static bool starts_simple(Tok t) {
    return t == Tok::LPar || t == Tok::LBrack || t == Tok::LBrace || t == Tok::Underscore ||
           t == Tok::Zero || t == Tok::KwBegin || t == Tok::Tag;
  }
  [[nodiscard]] static bool starts_base(Tok t) {
    return t == Tok::Var || t == Tok::Tilde || starts_simple(t);
  }

  ExprPtr binary(Expr::Kind k, ExprPtr l, ExprPtr r, const SourceSpan& op) {
    auto e = make(k, join(l->span, r->span));
    e->a = std::move(l);
    e->b = std::move(r);
    measure(*e, op);
    return e;
  }
  ExprPtr unary(Expr::Kind k, ExprPtr x, const SourceSpan& span, const SourceSpan& op) {
    auto e = make(k, span);
    e->a = std::move(x);
    measure(*e, op);
    return e;
  }

  /// A right-associative chain `a | b | c` = a | (b | c), of operator `op` at
  /// `level`: operands are read in a loop (no recursion per operator), then
  /// folded from the right. Each operator nests the rest one level deeper.
  ExprPtr right_chain(Expr::Kind k, Tok op, int level, ExprPtr first) {
    std::vector<ExprPtr> operands;
    std::vector<SourceSpan> ops;
    operands.push_back(std::move(first));
    while (at(op)) {
      if (operands.size() >= kModelNestingLimit) too_deep(cur().span, "expression");
      ops.push_back(take().span);
      operands.push_back(base(level + 1));
    }
    ExprPtr right = std::move(operands.back());
    for (std::size_t i = ops.size(); i-- > 0;)
      right = binary(k, std::move(operands[i]), std::move(right), ops[i]);
    return right;
  }

  /// Precedence climbing over base expressions; returns operators binding at
  /// least as tightly as `min`.
  ExprPtr base(int min) {
    int level = kLevelAtom;
    ExprPtr left;
    if (at(Tok::Tilde)) {
      const Token t = take();
      const diag::NestingGuard nested(depth_, kModelNestingLimit);
      if (nested.too_deep()) too_deep(t.span, "expression");
      ExprPtr x = base(kLevelHat);
      left = unary(Expr::Kind::Complement, std::move(x), t.span, t.span);
      left->span = join(t.span, left->a->span);
      level = kLevelStar;
    } else {
      left = application();
    }
    for (;;) {
      const Token& t = cur();
      auto nonassoc = [&] {
        if (level == kLevelStar)
          error_at(t, "ambiguous use of " + describe(t) +
                          " after another '*', '+', '?' or '~' (add parentheses)");
      };
      switch (t.kind) {
        case Tok::Bar:
          if (kLevelUnion < min) return left;
          left = right_chain(Expr::Kind::Union, Tok::Bar, kLevelUnion, std::move(left));
          level = kLevelUnion;
          break;
        case Tok::PlusPlus:
          if (kLevelAdd < min) return left;
          left = right_chain(Expr::Kind::Add, Tok::PlusPlus, kLevelAdd, std::move(left));
          level = kLevelAdd;
          break;
        case Tok::Semi:
          if (kLevelSeq < min) return left;
          left = right_chain(Expr::Kind::Seq, Tok::Semi, kLevelSeq, std::move(left));
          level = kLevelSeq;
          break;
        case Tok::Backslash:
          if (kLevelDiff < min) return left;
          take();
          left = binary(Expr::Kind::Diff, std::move(left), base(kLevelDiff + 1), t.span);
          level = kLevelDiff;
          break;
        case Tok::Amp:
          if (kLevelInter < min) return left;
          left = right_chain(Expr::Kind::Inter, Tok::Amp, kLevelInter, std::move(left));
          level = kLevelInter;
          break;
        case Tok::Star:
          if (kLevelStar < min) return left;
          nonassoc();
          take();
          if (starts_base(cur().kind)) {
            left = binary(Expr::Kind::Cartesian, std::move(left), base(kLevelHat), t.span);
          } else {
            const SourceSpan sp = join(left->span, t.span);
            left = unary(Expr::Kind::Star, std::move(left), sp, t.span);
          }
          level = kLevelStar;
          break;
        case Tok::Plus:
        case Tok::Question: {
          if (kLevelStar < min) return left;
          nonassoc();
          const Token op = take();
          const auto k = op.kind == Tok::Plus ? Expr::Kind::Plus : Expr::Kind::Opt;
          SourceSpan sp = join(left->span, op.span);
          left = unary(k, std::move(left), sp, op.span);
          level = kLevelStar;
          break;
        }
        case Tok::Hat: {
          if (kLevelHat < min) return left;
          take();
          const Token inv = expect(Tok::Inv, "'-1' after '^'");
          SourceSpan sp = join(left->span, inv.span);
          left = unary(Expr::Kind::Inverse, std::move(left), sp, t.span);
          level = kLevelHat;
          break;
        }
        default:
          return left;
      }
    }
  }

  /// name arg*  |  simple
  ExprPtr application() {
    if (!at(Tok::Var)) {
      if (!starts_simple(cur().kind))
        error_at(cur(), "expected an expression, found " + describe(cur()));
      return simple();
    }
    const Token name = take();
    auto e = make(Expr::Kind::Name, name.span);
    e->name = name.text;
    if (!(at(Tok::Var) || starts_simple(cur().kind))) return e;
    e->kind = Expr::Kind::App;
    if (at(Tok::Var)) {
      const Token a = take();
      auto arg = make(Expr::Kind::Name, a.span);
      arg->name = a.text;
      e->args.push_back(std::move(arg));
    } else {
      ExprPtr arg = simple();
      if (arg->kind == Expr::Kind::Tuple) {
        e->args = std::move(arg->args);
      } else {
        e->args.push_back(std::move(arg));
      }
    }
    // `f a b ...`: herd's curried application (e.g. `map f S`); each operand is
    // one argument, and only builtins that expect it accept it.
    while (at(Tok::Var) || starts_simple(cur().kind)) {
      if (e->args.size() >= kModelNestingLimit) too_deep(cur().span, "expression");
      e->curried = true;
      if (at(Tok::Var)) {
        const Token a = take();
        auto arg = make(Expr::Kind::Name, a.span);
        arg->name = a.text;
        e->args.push_back(std::move(arg));
      } else {
        e->args.push_back(simple());
      }
    }
    e->span = join(name.span, prev_span());
    measure(*e, name.span);
    return e;
  }

  ExprPtr simple() {
    const Token t = take();
    switch (t.kind) {
      case Tok::Zero: return make(Expr::Kind::Empty, t.span);
      case Tok::Underscore: return make(Expr::Kind::Universe, t.span);
      case Tok::LBrace:
        if (at(Tok::RBrace)) return make(Expr::Kind::EmptySet, join(t.span, take().span));
        {
          auto set = make(Expr::Kind::ExplicitSet, t.span);
          set->args.push_back(exp());
          while (at(Tok::Comma)) {
            take();
            set->args.push_back(exp());
          }
          set->span = join(t.span, expect(Tok::RBrace, "'}'").span);
          measure(*set, t.span);
          return set;
        }
      case Tok::LBrack: {
        ExprPtr x = exp();
        const Token close = expect(Tok::RBrack, "']'");
        auto e = unary(Expr::Kind::ToId, std::move(x), join(t.span, close.span), t.span);
        return e;
      }
      case Tok::KwBegin: {
        ExprPtr x = exp();
        expect(Tok::KwEnd, "'end'");
        return x;
      }
      case Tok::LPar: {
        if (at(Tok::RPar)) unsupported(t, "()");
        ExprPtr x = exp();
        if (!at(Tok::Comma)) {
          expect(Tok::RPar, "')'");
          return x;
        }
        auto tup = make(Expr::Kind::Tuple, t.span);
        tup->args.push_back(std::move(x));
        while (at(Tok::Comma)) {
          take();
          tup->args.push_back(exp());
        }
        const Token close = expect(Tok::RPar, "')'");
        tup->span = join(t.span, close.span);
        measure(*tup, t.span);
        return tup;
      }
      case Tok::Tag: unsupported(t, "'" + t.text);
      default: error_at(t, "expected an expression, found " + describe(t));
    }
  }

  std::vector<Token> toks_;
  std::size_t i_ = 0;
  std::size_t depth_ = 0;  ///< levels of recursion now open (NestingGuard)
};

}  // namespace

Program parse_program(const std::string& text, const std::shared_ptr<const std::string>& file) {
  return Parser(lex(text, file)).program();
}

}  // namespace xmcheck::axioms::detail
