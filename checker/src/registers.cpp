#include "registers.hpp"

#include <array>
#include <cctype>
#include <string_view>

#include "program.hpp"

namespace xmcheck::checker {
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

// herd's X86_64 register order (litmus/README.md); index = position.
constexpr std::array<std::string_view, 16> kX86Names{"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp",
                                                     "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15"};

std::optional<int> x86_register_index(const std::string& name) {
  for (std::size_t i = 0; i < kX86Names.size(); ++i)
    if (kX86Names[i] == name) return static_cast<int>(i);
  if (name == "rip") return litmus::kX86Rip;
  if (name == "cs") return litmus::kX86Cs;
  return std::nullopt;
}

std::optional<int> aarch64_register_index(const std::string& canonical_name) {
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

}  // namespace

std::optional<int> system_register_index(const std::string& name) { return lookup_system_register(name); }

std::optional<int> register_index(litmus::Arch arch, const std::string& canonical_name) {
  return arch == litmus::Arch::X86_64 ? x86_register_index(canonical_name)
                                      : aarch64_register_index(canonical_name);
}

int register_index(const litmus::Reg& reg) {
  if (reg.is_zero) return kZeroReg;
  return reg.index;
}

std::string register_name(litmus::Arch arch, int index) {
  if (arch == litmus::Arch::X86_64) {
    if (index >= 0 && index < static_cast<int>(kX86Names.size())) return std::string(kX86Names[static_cast<std::size_t>(index)]);
    if (index == litmus::kX86Rip) return "rip";
    if (index == litmus::kX86Cs) return "cs";
    return "cr" + std::to_string(index - litmus::kX86Cr0);
  }
  if (index >= 0 && index < kZeroReg) return "X" + std::to_string(index);
  if (index == kZeroReg) return "XZR";
  for (const auto& r : kSystemRegisters)
    if (r.index == index) return std::string(r.name);
  return "R?" + std::to_string(index);
}

}  // namespace xmcheck::checker
