#include <doctest/doctest.h>

#include <string>

#include "lexer.hpp"
#include "parser.hpp"
#include "xmcheck/diag/diagnostic.hpp"

using namespace xmcheck::axioms::detail;
using xmcheck::diag::ErrorKind;
using xmcheck::diag::UserError;

namespace {

std::shared_ptr<const std::string> file() { return std::make_shared<const std::string>("t.cat"); }

std::vector<std::string> lexemes(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& t : lex(text, file())) {
    if (t.kind == Tok::Eof) break;
    out.push_back(t.text);
  }
  return out;
}

std::string show(const Expr& e) {
  using K = Expr::Kind;
  // Built by appending (GCC 12 warns falsely on chained operator+ here).
  auto bin = [&](const char* op) {
    std::string s("(");
    s.append(show(*e.a)).append(" ").append(op).append(" ").append(show(*e.b)).append(")");
    return s;
  };
  auto post = [&](const char* op) {
    std::string s("(");
    s.append(show(*e.a)).append(op).append(")");
    return s;
  };
  auto wrap = [](const char* pre, const std::string& mid, const char* post_) {
    std::string s(pre);
    s.append(mid).append(post_);
    return s;
  };
  switch (e.kind) {
    case K::Name: return e.name;
    case K::Empty: return "0";
    case K::EmptySet: return "{}";
    case K::Universe: return "_";
    case K::Union: return bin("|");
    case K::Inter: return bin("&");
    case K::Diff: return bin("\\");
    case K::Seq: return bin(";");
    case K::Cartesian: return bin("*");
    case K::Plus: return post("+");
    case K::Star: return post("*");
    case K::Opt: return post("?");
    case K::Inverse: return post("^-1");
    case K::Complement: return wrap("(~", show(*e.a), ")");
    case K::ToId: return wrap("[", show(*e.a), "]");
    case K::App: {
      std::string s = e.name;
      s.append("(");
      for (std::size_t i = 0; i < e.args.size(); ++i) s.append(i ? ", " : "").append(show(*e.args[i]));
      return s.append(")");
    }
    case K::Tuple: return "tuple";
    case K::If: return wrap("(if ? then ", show(*e.a), wrap(" else ", show(*e.b), ")").c_str());
    case K::LetIn: return wrap("(let in ", show(*e.a), ")");
    case K::LetRecIn: return wrap("(let rec in ", show(*e.a), ")");
    case K::Try: return wrap("(try ", show(*e.a), wrap(" with ", show(*e.b), ")").c_str());
    case K::Add: return bin("++");
    case K::ExplicitSet: {
      std::string s = "{";
      for (std::size_t i = 0; i < e.args.size(); ++i) s.append(i ? ", " : "").append(show(*e.args[i]));
      return s.append("}");
    }
  }
  return "?";
}

/// Parses `let x = <text>` and prints the expression fully parenthesised.
std::string parse_expr(const std::string& text) {
  Program p = parse_program("let x = " + text, file());
  REQUIRE(p.stmts.size() == 1);
  return show(*p.stmts[0].binds[0].body);
}

template <typename F>
UserError error_of(F&& f) {
  try {
    f();
  } catch (const UserError& e) {
    return e;
  }
  FAIL("expected a UserError");
  throw;  // unreachable
}

}  // namespace

TEST_CASE("lexer: identifiers follow herd's rule") {
  CHECK(lexemes("po-loc DMB.ISH IC-after _x x' a_b1") ==
        std::vector<std::string>{"po-loc", "DMB.ISH", "IC-after", "_x", "x'", "a_b1"});
  CHECK(lexemes("r^-1") == std::vector<std::string>{"r", "^", "-1"});
  CHECK(lexemes("_ 0 || && ++ -> \\") == std::vector<std::string>{"_", "0", "||", "&&", "++", "->", "\\"});
  CHECK(lexemes("a (* c (* nested *) still *) b // line\n c # hash\n d") ==
        std::vector<std::string>{"a", "b", "c", "d"});
  const auto toks = lex("let rec x\n  = \"str\"", file());
  CHECK(toks[0].kind == Tok::KwLet);
  CHECK(toks[1].kind == Tok::KwRec);
  CHECK(toks[3].span.begin.line == 2);
  CHECK(toks[3].span.begin.col == 3);
  CHECK(toks[4].kind == Tok::String);
  CHECK(toks[4].text == "str");
}

TEST_CASE("lexer: errors are positioned") {
  auto e = error_of([] { (void)lex("let x =\n  po $ rf", file()); });
  CHECK(e.kind() == ErrorKind::Model);
  CHECK(e.formatted() == "t.cat:2:6: error: unexpected character '$'");
  auto c = error_of([] { (void)lex("(* open (* *)", file()); });
  CHECK(c.formatted() == "t.cat:1:1: error: unterminated comment");
  auto s = error_of([] { (void)lex("\"abc", file()); });
  CHECK(s.formatted() == "t.cat:1:1: error: unterminated string");
}

TEST_CASE("parser: precedence and associativity") {
  CHECK(parse_expr("a | b ; c") == "(a | (b ; c))");
  CHECK(parse_expr("a ; b | c") == "((a ; b) | c)");
  CHECK(parse_expr("a ; b \\ c") == "(a ; (b \\ c))");
  CHECK(parse_expr("a \\ b & c") == "(a \\ (b & c))");
  CHECK(parse_expr("a & b \\ c") == "((a & b) \\ c)");
  CHECK(parse_expr("a \\ b \\ c") == "((a \\ b) \\ c)");
  CHECK(parse_expr("a | b | c") == "(a | (b | c))");
  CHECK(parse_expr("a ; b ; c") == "(a ; (b ; c))");
  CHECK(parse_expr("a & b * c") == "(a & (b * c))");
  CHECK(parse_expr("a ; b*") == "(a ; (b*))");
  CHECK(parse_expr("a* ; b") == "((a*) ; b)");
  CHECK(parse_expr("(a ; b)* | c") == "(((a ; b)*) | c)");
  CHECK(parse_expr("a+ & b?") == "((a+) & (b?))");
  CHECK(parse_expr("~a | b") == "((~a) | b)");
  CHECK(parse_expr("~a ; b") == "((~a) ; b)");
  CHECK(parse_expr("~a^-1") == "(~(a^-1))");
  CHECK(parse_expr("a^-1*") == "((a^-1)*)");
  CHECK(parse_expr("a * b^-1") == "(a * (b^-1))");
  CHECK(parse_expr("A * (B & C)") == "(A * (B & C))");
  CHECK(parse_expr("[A]; po; [B]") == "([A] ; (po ; [B]))");
  CHECK(parse_expr("domain(po; [R])") == "domain((po ; [R]))");
  CHECK(parse_expr("f(a, b | c)") == "f(a, (b | c))");
  CHECK(parse_expr("f x") == "f(x)");
  CHECK(parse_expr("(if \"DIC\" then ca else 0) | b") == "((if ? then ca else 0) | b)");
  CHECK(parse_expr("if not \"A\" && \"B\" then a else b | c") == "(if ? then a else (b | c))");
  CHECK(parse_expr("_ * {}") == "(_ * {})");
}

TEST_CASE("parser: postfix star versus binary star") {
  // '*' followed by something that starts an expression is the product.
  CHECK(parse_expr("a * b") == "(a * b)");
  CHECK(parse_expr("a * [b]") == "(a * [b])");
  CHECK(parse_expr("a * _") == "(a * _)");
  CHECK(parse_expr("a *") == "(a*)");
  CHECK(parse_expr("(a *)") == "(a*)");
  CHECK(parse_expr("a * | b") == "((a*) | b)");
}

TEST_CASE("parser: non-associative level is rejected like herd") {
  auto e = error_of([] { (void)parse_expr("a*+"); });
  CHECK(e.kind() == ErrorKind::Model);
  CHECK(e.formatted().find("t.cat:1:11: error: ambiguous use of '+'") == 0);
  CHECK_THROWS_AS((void)parse_expr("~a*"), UserError);
  CHECK_THROWS_AS((void)parse_expr("a * b * c"), UserError);
}

TEST_CASE("parser: statements") {
  const Program p = parse_program(
      "\"My model\"\ncatdep\n"
      "include \"other.cat\"\n"
      "let a = po and b = rf\n"
      "let rec c = a | c ; c\n"
      "let f(x, y) = x ; y\n"
      "let g x = x\n"
      "acyclic a as ac\n"
      "~empty a\n"
      "flag ~empty b as warn\n"
      "show a, b unshow c\n"
      "with d from orient(a, b)\n"
      "if \"V\" || not (\"W\") let z = a else let z = b end\n",
      file());
  CHECK(p.title == "My model");
  REQUIRE(p.stmts.size() == 12);
  CHECK(p.stmts[0].kind == Stmt::Kind::Include);
  CHECK(p.stmts[0].name == "other.cat");
  CHECK(p.stmts[1].binds.size() == 2);
  CHECK(p.stmts[2].kind == Stmt::Kind::LetRec);
  CHECK(p.stmts[3].binds[0].is_function);
  CHECK(p.stmts[3].binds[0].params == std::vector<std::string>{"x", "y"});
  CHECK(p.stmts[4].binds[0].params == std::vector<std::string>{"x"});
  CHECK(p.stmts[5].test == "acyclic");
  CHECK(p.stmts[5].name == "ac");
  CHECK(p.stmts[6].negated);
  CHECK(p.stmts[6].name.empty());
  CHECK(p.stmts[7].is_flag);
  CHECK(p.stmts[7].negated);
  CHECK(p.stmts[8].kind == Stmt::Kind::Ignored);
  CHECK(p.stmts[9].kind == Stmt::Kind::Ignored);
  CHECK(p.stmts[10].kind == Stmt::Kind::With);
  CHECK(p.stmts[11].kind == Stmt::Kind::IfVariant);
  CHECK(p.stmts[11].then_stmts.size() == 1);
  CHECK(p.stmts[11].else_stmts.size() == 1);
}

TEST_CASE("parser: bare identifier title, as in herd") {
  CHECK(parse_program("AArch64Fences\nlet x = po", file()).title == "AArch64Fences");
  CHECK(parse_program("AArch64 \"the title\"\nlet x = po", file()).title == "the title");
  CHECK(parse_program("let x = po", file()).title.empty());
}

TEST_CASE("parser: unsupported constructs are positioned") {
  struct Case {
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {"let x = po\nprocedure p() = end", "t.cat:2:1: error: unsupported construct 'procedure'"},
      {"let x = match po with _ -> 0 end", "t.cat:1:9: error: unsupported construct 'match'"},
      {"forall x in y do end", "t.cat:1:1: error: unsupported construct 'forall'"},
      {"call p(x)", "t.cat:1:1: error: unsupported construct 'call'"},
      {"let x = fun y -> y", "t.cat:1:9: error: unsupported construct 'fun'"},
      {"let x = 'tag", "t.cat:1:9: error: unsupported construct ''tag'"},
      {"let x = if a = b then a else b", "t.cat:1:12: error: unsupported construct 'if with a non-variant condition'"},
      {"assert empty po", "t.cat:1:1: error: unsupported construct 'assert'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto e = error_of([&] { (void)parse_program(c.text, file()); });
    CHECK(e.kind() == ErrorKind::Unsupported);
    CHECK(e.formatted() == c.expected);
  }
}

TEST_CASE("parser: syntax errors are positioned") {
  auto e = error_of([] { (void)parse_program("let x = po |\nacyclic x", file()); });
  CHECK(e.kind() == ErrorKind::Model);
  CHECK(e.formatted() == "t.cat:2:1: error: expected an expression, found 'acyclic'");
  auto f = error_of([] { (void)parse_program("let x = (po", file()); });
  CHECK(f.formatted() == "t.cat:1:12: error: expected ')', found end of file");
  auto g = error_of([] { (void)parse_program("acyclic po as", file()); });
  CHECK(g.formatted() == "t.cat:1:14: error: expected a check name, found end of file");
  auto h = error_of([] { (void)parse_program("let x = po ^ 2", file()); });
  CHECK(h.formatted() == "t.cat:1:14: error: unexpected character '2'");
}
