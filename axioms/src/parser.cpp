// Parser: programs, statements and variant conditions (expressions are in
// parser_expressions.cpp, the token helpers and nesting limits in parser_impl.hpp).
#include "parser.hpp"

#include <optional>
#include <utility>

#include "lexer.hpp"
#include "parser_impl.hpp"
#include "xmcheck/axioms/limits.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/diag/nesting.hpp"

namespace xmcheck::axioms::detail {

Program Parser::program() {
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

// ---- statements
StmtList Parser::statements(bool in_block) {
  StmtList out;
  for (;;) {
    if (at(Tok::Eof)) return out;
    if (in_block && (at(Tok::KwElse) || at(Tok::KwEnd))) return out;
    if (auto s = statement()) out.push_back(std::move(*s));
  }
}

std::optional<Stmt> Parser::statement() {
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

Stmt Parser::enum_decl() {
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

Stmt Parser::instructions_decl() {
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

std::vector<LetBinding> Parser::bindings() {
  std::vector<LetBinding> out;
  for (;;) {
    out.push_back(binding());
    if (!at(Tok::KwAnd)) return out;
    take();
  }
}

std::string Parser::formal() {
  if (at(Tok::Underscore)) {
    take();
    return "_";
  }
  return expect(Tok::Var, "a parameter name").text;
}

LetBinding Parser::binding() {
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
std::unique_ptr<VarCond> Parser::variant_or() {
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

std::unique_ptr<VarCond> Parser::variant_and() {
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

std::unique_ptr<VarCond> Parser::variant_not() {
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

bool Parser::starts_variant_cond() const {
  std::size_t k = 0;
  while (peek(k).kind == Tok::LPar) ++k;
  const Tok t = peek(k).kind;
  return t == Tok::String || t == Tok::KwNot || t == Tok::KwVariant;
}

Program parse_program(const std::string& text, const std::shared_ptr<const std::string>& file) {
  return Parser(lex(text, file)).program();
}

}  // namespace xmcheck::axioms::detail
