#pragma once
// Case folding for mnemonics and register names (ASCII only: litmus
// assembly is ASCII).
#include <cctype>
#include <string>
#include <string_view>

namespace xmcheck::litmus {

[[nodiscard]] inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace xmcheck::litmus
