#include "names.hpp"
#include "ascii_case.hpp"

#include <cctype>

namespace xmcheck::litmus::internal {
namespace {

/// `prefix` followed by a decimal number in [0, max] without leading zeros.
std::optional<int> numbered(std::string_view name, std::string_view prefix, int max) {
  if (name.size() <= prefix.size() || name.substr(0, prefix.size()) != prefix) return std::nullopt;
  const std::string_view digits = name.substr(prefix.size());
  if (digits.size() > 2 || (digits.size() == 2 && digits[0] == '0')) return std::nullopt;
  int n = 0;
  for (char c : digits) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  if (n > max) return std::nullopt;
  return n;
}

Reg make(int index) {
  Reg r;
  r.index = static_cast<std::uint8_t>(index);
  r.width = 64;
  return r;
}

}  // namespace

std::optional<Reg> parse_powerpc_register(std::string_view name) {
  const std::string n = ascii_lower(name);
  if (auto i = numbered(n, "r", 31)) return make(*i);
  if (n == "lr") return make(kPowerPCLr);
  if (n == "ctr") return make(kPowerPCCtr);
  if (n == "srr0") return make(kPowerPCSrr0);
  return std::nullopt;
}

std::string powerpc_register_name(const Reg& reg) {
  if (reg.index < 32) return "r" + std::to_string(reg.index);
  if (reg.index == kPowerPCLr) return "lr";
  if (reg.index == kPowerPCCtr) return "ctr";
  if (reg.index == kPowerPCSrr0) return "srr0";
  return "?";
}

std::optional<std::string> powerpc_location_register(std::string_view name) {
  const auto r = parse_powerpc_register(name);
  if (!r) return std::nullopt;
  return powerpc_register_name(*r);
}

std::optional<int> parse_powerpc_cr_field(std::string_view name) { return numbered(ascii_lower(name), "cr", 7); }

}  // namespace xmcheck::litmus::internal
