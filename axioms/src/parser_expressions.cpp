// Parser methods for expressions. Binary/postfix operator precedence and
// associativity follow herd7's ModelParser (lowest first):
//   |  (right)   ++ (right, unsupported)   ;  (right)   \  (left)   &  (right)
//   * + ? ~ (binary '*', postfix '*', '+', '?', prefix '~': one non-associative level)
//   ^-1 (postfix)           application by juxtaposition binds tightest.
// A '*' is the binary cartesian product when the next token can start an
// expression, otherwise the postfix reflexive-transitive closure.
#include <string>
#include <utility>
#include <vector>

#include "parser_impl.hpp"
#include "xmcheck/axioms/limits.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/diag/nesting.hpp"

namespace xmcheck::axioms::detail {

namespace {

constexpr int kLevelUnion = 1;
constexpr int kLevelAdd = 2;
constexpr int kLevelSeq = 3;
constexpr int kLevelDiff = 4;
constexpr int kLevelInter = 5;
constexpr int kLevelStar = 6;  // binary *, postfix * + ?, prefix ~
constexpr int kLevelHat = 7;
constexpr int kLevelAtom = 100;

}  // namespace

// ---- expressions
ExprPtr Parser::make(Expr::Kind k, SourceSpan span) {
  auto e = std::make_unique<Expr>();
  e->kind = k;
  e->span = std::move(span);
  return e;
}

ExprPtr Parser::exp() {
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

bool Parser::starts_simple(Tok t) {
  return t == Tok::LPar || t == Tok::LBrack || t == Tok::LBrace || t == Tok::Underscore ||
         t == Tok::Zero || t == Tok::KwBegin || t == Tok::Tag;
}

bool Parser::starts_base(Tok t) {
  return t == Tok::Var || t == Tok::Tilde || starts_simple(t);
}

ExprPtr Parser::binary(Expr::Kind k, ExprPtr l, ExprPtr r, const SourceSpan& op) {
  auto e = make(k, join(l->span, r->span));
  e->a = std::move(l);
  e->b = std::move(r);
  measure(*e, op);
  return e;
}

ExprPtr Parser::unary(Expr::Kind k, ExprPtr x, const SourceSpan& span, const SourceSpan& op) {
  auto e = make(k, span);
  e->a = std::move(x);
  measure(*e, op);
  return e;
}

ExprPtr Parser::right_chain(Expr::Kind k, Tok op, int level, ExprPtr first) {
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

ExprPtr Parser::base(int min) {
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

ExprPtr Parser::application() {
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

ExprPtr Parser::simple() {
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

}  // namespace xmcheck::axioms::detail
