#include "names.hpp"
#include "ascii_case.hpp"

#include <array>
#include <cctype>

namespace xmcheck::litmus::internal {
namespace {

/// The standard calling-convention names (RISC-V ABI), indexed by register.
constexpr std::array<std::string_view, 32> kAbiNames{
    "zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
    "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
    "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};

/// `x` followed by 0..31 without leading zeros.
std::optional<int> numbered(std::string_view name) {
  if (name.size() < 2 || name.size() > 3 || name[0] != 'x') return std::nullopt;
  const std::string_view digits = name.substr(1);
  if (digits.size() == 2 && digits[0] == '0') return std::nullopt;
  int n = 0;
  for (char c : digits) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  if (n > 31) return std::nullopt;
  return n;
}

std::optional<int> index_of(std::string_view name) {
  if (auto n = numbered(name)) return n;
  if (name == "fp") return 8;
  for (std::size_t i = 0; i < kAbiNames.size(); ++i)
    if (kAbiNames[i] == name) return static_cast<int>(i);
  return std::nullopt;
}

}  // namespace

std::optional<Reg> parse_riscv_register(std::string_view name) {
  const auto i = index_of(ascii_lower(name));
  if (!i) return std::nullopt;
  Reg r;
  r.index = static_cast<std::uint8_t>(*i);
  r.width = 64;
  r.is_zero = *i == 0;
  return r;
}

std::string riscv_register_name(const Reg& reg) { return "x" + std::to_string(reg.index); }

std::optional<std::string> riscv_location_register(std::string_view name) {
  const auto r = parse_riscv_register(name);
  if (!r) return std::nullopt;
  return riscv_register_name(*r);
}

}  // namespace xmcheck::litmus::internal
