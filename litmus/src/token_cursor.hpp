#pragma once
// A read position in a token vector with the small helpers every recursive-
// descent sub-parser needs (peek, accept, expect) and positioned failures.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lexer.hpp"

namespace xmcheck::litmus::internal {

class TokenCursor {
 public:
  /// `tokens` must end with an End token (as tokenize() produces). `arch`
  /// selects the register and instruction syntax of locations and values.
  TokenCursor(const SourceText& src, const std::vector<Token>& tokens,
              ArchId arch = kNoArch)
      : src_(src), tokens_(tokens), arch_(arch) {}

  [[nodiscard]] const SourceText& source() const { return src_; }
  [[nodiscard]] ArchId arch() const { return arch_; }
  [[nodiscard]] const Token& peek(std::size_t ahead = 0) const {
    const std::size_t i = index_ + ahead;
    return i < tokens_.size() ? tokens_[i] : tokens_.back();
  }
  [[nodiscard]] bool at_end() const { return peek().kind == Token::Kind::End; }
  const Token& next() {
    const Token& tok = peek();
    if (index_ + 1 < tokens_.size()) ++index_;
    return tok;
  }
  /// Consumes the punctuation `punct` if it is next.
  bool accept(std::string_view punct) {
    if (!peek().is(punct)) return false;
    next();
    return true;
  }
  /// Consumes the case-insensitive word `word` if it is next.
  bool accept_word(std::string_view word) {
    if (!peek().is_word(word)) return false;
    next();
    return true;
  }
  const Token& expect(std::string_view punct, std::string_view context) {
    if (!peek().is(punct))
      fail_here("expected '" + std::string(punct) + "' " + std::string(context) + ", found " +
                peek().describe());
    return next();
  }
  const Token& expect_ident(std::string_view what) {
    if (!peek().is_ident()) fail_here("expected " + std::string(what) + ", found " + peek().describe());
    return next();
  }

  /// Fails at the next token.
  [[noreturn]] void fail_here(const std::string& message) const { fail_at(peek(), message); }
  [[noreturn]] void fail_at(const Token& tok, const std::string& message) const {
    src_.fail(tok.where, message);
  }
  /// Byte offset just after the previously consumed token.
  [[nodiscard]] std::size_t previous_end() const {
    return index_ == 0 ? peek().where.begin : tokens_[index_ - 1].where.end;
  }

 private:
  const SourceText& src_;
  const std::vector<Token>& tokens_;
  ArchId arch_;
  std::size_t index_ = 0;
};

}  // namespace xmcheck::litmus::internal
