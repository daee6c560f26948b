#include "c_lexer.hpp"

#include <array>
#include <cctype>
#include <string_view>

namespace xmcheck::litmus::internal {
namespace {

bool is_ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

constexpr std::array<std::string_view, 3> kThree = {"<<=", ">>=", "..."};
constexpr std::array<std::string_view, 19> kTwo = {"->", "++", "--", "<<", ">>", "<=", ">=",
                                                   "==", "!=", "&&", "||", "+=", "-=", "*=",
                                                   "/=", "%=", "&=", "|=", "^="};
constexpr std::string_view kOne = "{}[]();,:?=+-*/%&|^~!<>.";

class CLexer {
 public:
  CLexer(const SourceText& src, Region region) : src_(src), text_(src.text()), region_(region) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    std::size_t at = region_.begin;
    while (true) {
      at = skip_blanks_and_comments(at);
      if (at >= region_.end) break;
      tokens.push_back(lex_one(at));
      const Token& t = tokens.back();
      if (t.is("{")) ++depth_;
      if (t.is("}") && depth_ > 0) --depth_;
      at = t.where.end;
    }
    Token end;
    end.where = {region_.end, region_.end};
    tokens.push_back(end);
    return tokens;
  }

 private:
  [[nodiscard]] bool starts(std::size_t at, std::string_view s) const {
    return at + s.size() <= region_.end && std::string_view(text_).substr(at, s.size()) == s;
  }

  std::size_t skip_blanks_and_comments(std::size_t at) const {
    while (at < region_.end) {
      const char c = text_[at];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
        ++at;
      } else if (starts(at, "//")) {
        while (at < region_.end && text_[at] != '\n') ++at;
      } else if (starts(at, "/*")) {
        const std::size_t close = text_.find("*/", at + 2);
        if (close == std::string::npos || close + 2 > region_.end)
          src_.fail(at, at + 2, "unterminated comment");
        at = close + 2;
      } else if (depth_ == 0 && starts(at, "(*")) {
        at = skip_comment(src_, at, region_.end);
      } else {
        break;
      }
    }
    return at;
  }

  Token lex_one(std::size_t at) const {
    const char c = text_[at];
    Token tok;
    if (is_ident_start(c)) {
      std::size_t end = at + 1;
      while (end < region_.end && is_ident_char(text_[end])) ++end;
      tok.kind = Token::Kind::Ident;
      tok.text = text_.substr(at, end - at);
      tok.where = {at, end};
      return tok;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) return lex_number(at);
    if (c == '"') return string_token(src_, at, region_.end);
    tok.kind = Token::Kind::Punct;
    for (auto p : kThree)
      if (starts(at, p)) return punct(tok, at, p);
    for (auto p : kTwo)
      if (starts(at, p)) return punct(tok, at, p);
    if (kOne.find(c) != std::string_view::npos) return punct(tok, at, std::string_view(&text_[at], 1));
    src_.fail(at, at + 1, std::string("unexpected character '") + c + "'");
  }

  static Token punct(Token& tok, std::size_t at, std::string_view p) {
    tok.text = std::string(p);
    tok.where = {at, at + p.size()};
    return tok;
  }

  Token lex_number(std::size_t at) const {
    const IntegerScan n = scan_integer(text_, at, region_.end, true);
    std::size_t end = n.end;
    // Integer suffixes: u, l, ul, ull, ... (any case).
    while (end < region_.end && (text_[end] == 'u' || text_[end] == 'U' || text_[end] == 'l' ||
                                 text_[end] == 'L'))
      ++end;
    if (end < region_.end && is_ident_char(text_[end]))
      src_.fail(at, end + 1, "invalid integer literal '" + text_.substr(at, end + 1 - at) + "'");
    if (n.overflow) src_.fail(at, end, "integer literal out of range");
    Token tok;
    tok.kind = Token::Kind::Number;
    tok.text = text_.substr(at, end - at);
    tok.number = static_cast<std::int64_t>(n.value);  // modulo 2^64 (C++20), as gcc's unsigned long
    tok.where = {at, end};
    return tok;
  }

  const SourceText& src_;
  const std::string& text_;
  Region region_;
  int depth_ = 0;  ///< brace depth: herd's `(* *)` comments only at depth 0
};

}  // namespace

std::vector<Token> tokenize_c(const SourceText& src, Region region) {
  return CLexer(src, region).run();
}

}  // namespace xmcheck::litmus::internal
