#include "lexer.hpp"

#include "arch/arch_syntax.hpp"

#include <array>
#include <cctype>
#include <limits>

namespace xmcheck::litmus::internal {
namespace {

bool is_ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}
bool is_ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.';
}
int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Longest first, so that `/\` is not read as `/`.
constexpr std::array<std::string_view, 6> kTwoCharPuncts = {"/\\", "\\/", "=>", "!=", "<>", "=="};
constexpr std::string_view kOneCharPuncts = "{}[]();,|:=#.+-*~&!";

class Lexer {
 public:
  Lexer(const SourceText& src, Region region, std::string_view extra_punctuation)
      : src_(src), text_(src.text()), region_(region), extra_(extra_punctuation) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    std::size_t at = region_.begin;
    while (true) {
      at = skip_blanks_and_comments(at);
      if (at >= region_.end) break;
      tokens.push_back(lex_one(at));
      at = tokens.back().where.end;
    }
    Token end;
    end.where = {region_.end, region_.end};
    tokens.push_back(end);
    return tokens;
  }

 private:
  std::size_t skip_blanks_and_comments(std::size_t at) const {
    while (at < region_.end) {
      const char c = text_[at];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
        ++at;
      } else if (c == '(' && at + 1 < region_.end && text_[at + 1] == '*') {
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
    for (auto p : kTwoCharPuncts) {
      if (at + 2 <= region_.end && std::string_view(text_).substr(at, 2) == p) {
        tok.kind = Token::Kind::Punct;
        tok.text = std::string(p);
        tok.where = {at, at + 2};
        return tok;
      }
    }
    if (kOneCharPuncts.find(c) != std::string_view::npos ||
        extra_.find(c) != std::string_view::npos) {
      tok.kind = Token::Kind::Punct;
      tok.text = std::string(1, c);
      tok.where = {at, at + 1};
      return tok;
    }
    src_.fail(at, at + 1, std::string("unexpected character '") + c + "'");
  }

  Token lex_number(std::size_t at) const {
    const IntegerScan n = scan_integer(text_, at, region_.end, false);
    if (n.overflow) src_.fail(at, n.end, "integer literal out of range");
    Token tok;
    tok.kind = Token::Kind::Number;
    tok.text = text_.substr(at, n.end - at);
    tok.number = static_cast<std::int64_t>(n.value);  // modulo 2^64 (C++20)
    tok.where = {at, n.end};
    return tok;
  }

  const SourceText& src_;
  const std::string& text_;
  Region region_;
  std::string_view extra_;
};

}  // namespace

Token string_token(const SourceText& src, std::size_t at, std::size_t end) {
  const std::size_t close = skip_string(src, at, end);
  Token tok;
  tok.kind = Token::Kind::String;
  tok.text = src.text().substr(at + 1, close - at - 2);
  tok.where = {at, close};
  return tok;
}

IntegerScan scan_integer(const std::string& text, std::size_t at, std::size_t end, bool c_octal) {
  int base = 10;
  std::size_t pos = at;
  if (text[at] == '0' && at + 2 < end && (text[at + 1] == 'x' || text[at + 1] == 'X') &&
      digit_value(text[at + 2]) >= 0) {
    base = 16;
    pos = at + 2;
  } else if (c_octal && text[at] == '0') {
    base = 8;
  }
  IntegerScan out;
  // Up to 2^64 - 1: a literal is a 64-bit pattern (Token::number), so that
  // 0x8000000000000000 and -9223372036854775808 (INT64_MIN) can be written.
  constexpr auto kMax = std::numeric_limits<std::uint64_t>::max();
  while (pos < end) {
    const int d = digit_value(text[pos]);
    if (d < 0 || d >= base) break;
    if (out.value > (kMax - static_cast<std::uint64_t>(d)) / static_cast<std::uint64_t>(base))
      out.overflow = true;
    else
      out.value = out.value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
    ++pos;
  }
  out.end = pos;
  return out;
}

bool Token::is_word(std::string_view word) const {
  if (kind != Kind::Ident || text.size() != word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(text[i])) !=
        std::toupper(static_cast<unsigned char>(word[i])))
      return false;
  return true;
}

std::string Token::describe() const {
  switch (kind) {
    case Kind::End: return "end of input";
    case Kind::String: return "'\"" + text + "\"'";
    default: return "'" + text + "'";
  }
}

std::vector<Token> tokenize(const SourceText& src, Region region, ArchId arch) {
  const bool has_syntax = arch != kCDialect && arch != kNoArch;
  return Lexer(src, region, has_syntax ? syntax(arch).extra_punctuation() : std::string_view{}).run();
}

std::vector<Token> tokenize_with(const SourceText& src, Region region, std::string_view extra_punctuation) {
  return Lexer(src, region, extra_punctuation).run();
}

std::size_t skip_comment(const SourceText& src, std::size_t at, std::size_t end) {
  const std::string& text = src.text();
  const std::size_t start = at;
  int depth = 0;
  while (at < end) {
    if (text[at] == '(' && at + 1 < end && text[at + 1] == '*') {
      ++depth;
      at += 2;
    } else if (text[at] == '*' && at + 1 < end && text[at + 1] == ')') {
      at += 2;
      if (--depth == 0) return at;
    } else {
      ++at;
    }
  }
  src.fail(start, start + 2, "unterminated comment");
}

std::size_t skip_string(const SourceText& src, std::size_t at, std::size_t end) {
  const std::string& text = src.text();
  for (std::size_t i = at + 1; i < end; ++i) {
    if (text[i] == '"') return i + 1;
    if (text[i] == '\n') break;
  }
  src.fail(at, at + 1, "unterminated string");
}

}  // namespace xmcheck::litmus::internal
