// C statements: blocks, declarations, if/else, while, do-while, for,
// break/continue/return, empty and expression statements. Each statement
// nested in another is one level of kCNestingLimit.
#include "c_parser.hpp"
#include "xmcheck/diag/nesting.hpp"

namespace xmcheck::litmus::internal {
namespace {

c::Stmt make(c::Stmt::Kind kind) {
  c::Stmt s;
  s.kind = kind;
  return s;
}

std::string position(const SourceText& src, std::size_t offset) {
  const diag::SourcePos p = src.pos_at(offset);
  return std::to_string(p.line) + ":" + std::to_string(p.col);
}

}  // namespace

void CParser::expect_semicolon(const std::string& after) {
  if (cur_.accept(";")) return;
  const std::size_t at = cur_.previous_end();
  src_.fail(at, at, "expected ';' after " + after + ", found " + cur_.peek().describe());
}

c::Stmt CParser::statement() {
  const Token& first = cur_.peek();
  const diag::NestingGuard level(depth_, kCNestingLimit);
  if (level.too_deep()) cur_.fail_here(diag::nested_too_deeply("statement", kCNestingLimit));
  if (first.is("{")) return block();
  if (first.is(";")) {
    cur_.next();
    c::Stmt s = make(c::Stmt::Kind::Empty);
    s.span = src_.span(first.where);
    return s;
  }
  if (first.is_ident()) {
    const std::string& w = first.text;
    if (w == "if") return if_statement();
    if (w == "while") return while_statement();
    if (w == "do") return do_while_statement();
    if (w == "for") return for_statement();
    if (w == "break" || w == "continue" || w == "return") return jump_statement();
    if (w == "else") cur_.fail_here("'else' without a matching 'if'");
    if (w == "switch" || w == "case" || w == "default" || w == "goto")
      throw diag::UserError(diag::ErrorKind::Unsupported, src_.span(first.where),
                            "'" + w + "' statements are not supported");
    if (at_c_type(cur_)) return declaration();
    // `foo x;`: a declaration with a type we do not know.
    const Token& second = cur_.peek(1);
    if (second.is_ident() && !is_c_keyword(w) && !is_c_keyword(second.text))
      cur_.fail_here("unknown type '" + w + "'");
  }
  return expression_statement();
}

c::Stmt CParser::block() {
  const Token& open = cur_.expect("{", "to open a block");
  c::Stmt s = make(c::Stmt::Kind::Block);
  while (!cur_.peek().is("}")) {
    if (cur_.at_end())
      cur_.fail_here("expected '}' to close the block opened at " + position(src_, open.where.begin) +
                     ", found end of input");
    s.children.push_back(statement());
  }
  cur_.next();
  s.span = span_from(open.where.begin);
  return s;
}

c::Stmt CParser::declaration(bool require_semicolon) {
  const std::size_t begin = cur_.peek().where.begin;
  const c::Type spec = parse_c_type_specifier(cur_);
  c::Stmt s = make(c::Stmt::Kind::Decl);
  do {
    c::Decl d;
    d.type = spec;
    parse_c_pointers(cur_, d.type);
    d.type.span = span_from(begin);
    const Token& name = cur_.peek();
    if (!name.is_ident() || is_c_keyword(name.text) || is_c_type_word(name.text))
      cur_.fail_here("expected variable name in declaration, found " + name.describe());
    cur_.next();
    d.name = name.text;
    d.name_span = src_.span(name.where);
    if (cur_.accept("[")) {
      const Token& size = cur_.peek();
      if (size.kind != Token::Kind::Number || size.number <= 0)
        cur_.fail_here("expected array size, found " + size.describe());
      cur_.next();
      cur_.expect("]", "after array size");
      d.type.array_size = static_cast<std::size_t>(size.number);
    }
    if (cur_.accept("=")) {
      if (cur_.peek().is("{"))
        throw diag::UserError(diag::ErrorKind::Unsupported, src_.span(cur_.peek().where),
                              "initializer lists are not supported in function bodies");
      d.init = expression();
    }
    d.span = span_from(begin);
    s.decls.push_back(std::move(d));
  } while (cur_.accept(","));
  if (require_semicolon) expect_semicolon("declaration");
  s.span = span_from(begin);
  return s;
}

c::Expr CParser::parenthesised_condition(const std::string& keyword) {
  cur_.expect("(", "after '" + keyword + "'");
  c::Expr e = expression();
  cur_.expect(")", "after the condition of '" + keyword + "'");
  return e;
}

c::Stmt CParser::if_statement() {
  const Token& kw = cur_.next();
  c::Stmt s = make(c::Stmt::Kind::If);
  s.expr = parenthesised_condition("if");
  s.children.push_back(statement());
  if (cur_.peek().is_ident() && cur_.peek().text == "else") {
    cur_.next();
    s.children.push_back(statement());
  }
  s.span = span_from(kw.where.begin);
  return s;
}

c::Stmt CParser::while_statement() {
  const Token& kw = cur_.next();
  c::Stmt s = make(c::Stmt::Kind::While);
  s.expr = parenthesised_condition("while");
  s.children.push_back(statement());
  s.span = span_from(kw.where.begin);
  return s;
}

c::Stmt CParser::do_while_statement() {
  const Token& kw = cur_.next();
  c::Stmt s = make(c::Stmt::Kind::DoWhile);
  s.children.push_back(statement());
  if (!(cur_.peek().is_ident() && cur_.peek().text == "while"))
    cur_.fail_here("expected 'while' after the body of 'do', found " + cur_.peek().describe());
  cur_.next();
  s.expr = parenthesised_condition("while");
  expect_semicolon("'do ... while (...)'");
  s.span = span_from(kw.where.begin);
  return s;
}

c::Stmt CParser::for_statement() {
  const Token& kw = cur_.next();
  c::Stmt s = make(c::Stmt::Kind::For);
  cur_.expect("(", "after 'for'");
  const Token& init_tok = cur_.peek();
  if (init_tok.is(";")) {
    c::Stmt empty = make(c::Stmt::Kind::Empty);
    empty.span = src_.span(init_tok.where);
    s.children.push_back(std::move(empty));
    cur_.next();
  } else if (at_c_type(cur_)) {
    s.children.push_back(declaration(false));
    expect_semicolon("the first clause of 'for'");
  } else {
    c::Stmt init = make(c::Stmt::Kind::Expr);
    init.expr = expression();
    init.span = span_from(init_tok.where.begin);
    s.children.push_back(std::move(init));
    expect_semicolon("the first clause of 'for'");
  }
  if (!cur_.peek().is(";")) s.expr = expression();
  expect_semicolon("the condition of 'for'");
  if (!cur_.peek().is(")")) s.step = expression();
  cur_.expect(")", "after the clauses of 'for'");
  s.children.push_back(statement());
  s.span = span_from(kw.where.begin);
  return s;
}

c::Stmt CParser::jump_statement() {
  const Token& kw = cur_.next();
  c::Stmt s = make(kw.text == "break"      ? c::Stmt::Kind::Break
                   : kw.text == "continue" ? c::Stmt::Kind::Continue
                                           : c::Stmt::Kind::Return);
  if (s.kind == c::Stmt::Kind::Return && !cur_.peek().is(";")) s.expr = expression();
  expect_semicolon("'" + kw.text + "'");
  s.span = span_from(kw.where.begin);
  return s;
}

c::Stmt CParser::expression_statement() {
  const std::size_t begin = cur_.peek().where.begin;
  c::Stmt s = make(c::Stmt::Kind::Expr);
  s.expr = expression();
  expect_semicolon("expression");
  s.span = span_from(begin);
  return s;
}

}  // namespace xmcheck::litmus::internal
