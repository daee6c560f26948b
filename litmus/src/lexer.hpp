#pragma once
// Tokens shared by every section after the header: identifiers, integers,
// strings and punctuation, each with its byte range for precise diagnostics.
// Comments `(* ... *)` (which nest, as in herd) and white space are skipped.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "source_text.hpp"
#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::litmus::internal {

struct Token {
  enum class Kind : std::uint8_t {
    Ident,   ///< [A-Za-z_][A-Za-z0-9_.]*  (so `B.NE` and `P1.F` are one token)
    Number,  ///< decimal or 0x-hex, unsigned (a sign is a separate token)
    String,  ///< "..." on one line; `text` is the content without quotes
    Punct,   ///< `text` is one of the punctuation strings below
    End,     ///< end of the region
  };
  Kind kind = Kind::End;
  std::string text;
  /// Number: the literal modulo 2^64, as a 64-bit register holds it
  /// (0xffffffffffffffff is -1, 9223372036854775808 is INT64_MIN).
  std::int64_t number = 0;
  Region where;  ///< String: includes the quotes

  /// The number, negated (wrapping) after a '-': -9223372036854775808 is INT64_MIN.
  [[nodiscard]] std::int64_t signed_number(bool negative) const {
    return negative ? static_cast<std::int64_t>(0 - static_cast<std::uint64_t>(number)) : number;
  }

  [[nodiscard]] bool is(std::string_view punct) const {
    return kind == Kind::Punct && text == punct;
  }
  [[nodiscard]] bool is_ident() const { return kind == Kind::Ident; }
  /// Identifier comparison, ignoring ASCII case.
  [[nodiscard]] bool is_word(std::string_view word) const;
  /// The token as quoted in messages: `'x'`, or `end of input`.
  [[nodiscard]] std::string describe() const;
};

/// Tokenizes `region` of `src`. The result always ends with an End token located
/// at region.end. Throws a positioned UserError on an unterminated comment or
/// string, an unknown character or an out-of-range integer. `arch`'s extra
/// punctuation (x86: `$` and `%`) counts as punctuation too.
[[nodiscard]] std::vector<Token> tokenize(const SourceText& src, Region region, ArchId arch);
/// The same with the extra punctuation given directly (architecture plug-ins).
[[nodiscard]] std::vector<Token> tokenize_with(const SourceText& src, Region region,
                                               std::string_view extra_punctuation);

/// Skips a (nested) comment starting at `at` (which points at "(*"); returns
/// the offset after the closing "*)". Throws "unterminated comment" otherwise.
[[nodiscard]] std::size_t skip_comment(const SourceText& src, std::size_t at, std::size_t end);

/// Skips a string starting at `at` (which points at '"'); returns the offset
/// after the closing quote. Throws "unterminated string" otherwise.
[[nodiscard]] std::size_t skip_string(const SourceText& src, std::size_t at, std::size_t end);

/// The String token starting at `at` (which points at '"'), content without quotes.
[[nodiscard]] Token string_token(const SourceText& src, std::size_t at, std::size_t end);

/// The digits of an unsigned integer literal starting at `at` (a decimal digit):
/// base 16 after `0x`, base 8 after a leading 0 when `c_octal`, else base 10.
struct IntegerScan {
  std::uint64_t value = 0;
  std::size_t end = 0;    ///< offset after the last digit
  bool overflow = false;  ///< the value does not fit 64 bits (above 2^64 - 1)
};
[[nodiscard]] IntegerScan scan_integer(const std::string& text, std::size_t at, std::size_t end, bool c_octal);

}  // namespace xmcheck::litmus::internal
