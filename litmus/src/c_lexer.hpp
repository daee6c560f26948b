#pragma once
// Tokens of herd's C dialect (function bodies, the init block of C tests):
// C identifiers (no `.`), integers (decimal, 0x-hex, 0-octal, u/l suffixes),
// strings, and C punctuators, longest first (`<<=`, `->`, `++`, `&&`, ...).
// `/* */` and `//` comments are skipped everywhere; herd's `(* *)` comments
// only outside braces, since inside a function `(*f)()` is C.
#include <vector>

#include "lexer.hpp"

namespace xmcheck::litmus::internal {

/// The result ends with an End token at region.end. Throws a positioned
/// UserError on an unknown character, an unterminated comment or string, or
/// an out-of-range integer.
[[nodiscard]] std::vector<Token> tokenize_c(const SourceText& src, Region region);

}  // namespace xmcheck::litmus::internal
