#include <doctest/doctest.h>

#include "lexer.hpp"

using namespace xmcheck;
using namespace xmcheck::litmus::internal;

namespace {
std::vector<Token> lex(const SourceText& src) { return tokenize_with(src, {0, src.size()}, {}); }
}  // namespace

TEST_CASE("lexer: identifiers keep dots, numbers are decimal or hex") {
  const SourceText src("B.NE P1.F 42 0x1f \"s\" /\\ \\/ => != ~", "f");
  const auto toks = lex(src);
  REQUIRE(toks.size() == 11);
  CHECK(toks[0].kind == Token::Kind::Ident);
  CHECK(toks[0].text == "B.NE");
  CHECK(toks[1].text == "P1.F");
  CHECK(toks[2].number == 42);
  CHECK(toks[3].number == 31);
  CHECK(toks[4].kind == Token::Kind::String);
  CHECK(toks[4].text == "s");
  CHECK(toks[5].is("/\\"));
  CHECK(toks[6].is("\\/"));
  CHECK(toks[7].is("=>"));
  CHECK(toks[8].is("!="));
  CHECK(toks[9].is("~"));
  CHECK(toks[10].kind == Token::Kind::End);
}

TEST_CASE("lexer: positions are 1-based line and column") {
  const SourceText src("a\n  b\n\tc", "f");
  const auto toks = lex(src);
  CHECK(src.pos_at(toks[0].where.begin) == diag::SourcePos{1, 1});
  CHECK(src.pos_at(toks[1].where.begin) == diag::SourcePos{2, 3});
  CHECK(src.pos_at(toks[2].where.begin) == diag::SourcePos{3, 2});
  CHECK(src.pos_at(src.size()) == diag::SourcePos{3, 3});
}

TEST_CASE("lexer: comments nest and are skipped") {
  const SourceText src("x (* a (* b *) c *) y", "f");
  const auto toks = lex(src);
  REQUIRE(toks.size() == 3);
  CHECK(toks[0].text == "x");
  CHECK(toks[1].text == "y");
}

TEST_CASE("lexer: errors are positioned") {
  auto error_of = [](const std::string& text) {
    const SourceText src(text, "f");
    try {
      (void)lex(src);
    } catch (const diag::UserError& e) {
      return e.span().to_string() + " " + e.what();
    }
    return std::string("no error");
  };
  CHECK(error_of("a\n (* (* *) ") == "f:2:2 unterminated comment");
  CHECK(error_of("x \"abc\n\"") == "f:1:3 unterminated string");
  CHECK(error_of("x @") == "f:1:3 unexpected character '@'");
  CHECK(error_of("99999999999999999999") == "f:1:1 integer literal out of range");
}
