// arm64 register names <-> register-file indices.
#include "registers.hpp"

#include <array>
#include <cctype>
#include <string_view>

namespace xmcheck::checker::arm64 {
namespace {

struct SysRegName {
  std::string_view name;
  int index;
};
constexpr std::array kSystemRegisters{
    SysRegName{"ELR_EL1", kElrEl1}, SysRegName{"SPSR_EL1", kSpsrEl1},
    SysRegName{"ESR_EL1", kEsrEl1}, SysRegName{"FAR_EL1", kFarEl1},
    SysRegName{"VBAR_EL1", kVbarEl1},
};

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::optional<int> lookup_system_register(const std::string& name) {
  const std::string u = upper(name);
  for (const auto& r : kSystemRegisters)
    if (r.name == u) return r.index;
  return std::nullopt;
}

}  // namespace

std::optional<int> register_index(const std::string& canonical_name) {
  const std::string u = upper(canonical_name);
  if (u.size() >= 2 && (u[0] == 'X' || u[0] == 'W') &&
      std::isdigit(static_cast<unsigned char>(u[1]))) {
    int n = 0;
    for (std::size_t i = 1; i < u.size(); ++i) {
      if (!std::isdigit(static_cast<unsigned char>(u[i]))) return std::nullopt;
      n = n * 10 + (u[i] - '0');
      if (n > 30) return std::nullopt;
    }
    return n;
  }
  if (u == "XZR" || u == "WZR") return kZeroReg;
  return lookup_system_register(u);
}

std::optional<int> system_register_index(const std::string& name) { return lookup_system_register(name); }

int register_index(const litmus::Reg& reg) {
  if (reg.is_zero) return kZeroReg;
  return reg.index;
}

std::string register_name(int index) {
  if (index >= 0 && index < kZeroReg) return "X" + std::to_string(index);
  if (index == kZeroReg) return "XZR";
  for (const auto& r : kSystemRegisters)
    if (r.index == index) return std::string(r.name);
  return "R?" + std::to_string(index);
}

}  // namespace xmcheck::checker::arm64
