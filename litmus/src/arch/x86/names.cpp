#include "names.hpp"
#include "ascii_case.hpp"

#include <array>
#include <cctype>

namespace xmcheck::litmus::internal {
namespace {

// Legacy names of registers 0-7 at widths 64, 32, 16, 8 (low byte).
struct LegacyNames {
  std::string_view q, l, w, b;
};
constexpr std::array<LegacyNames, 8> kLegacy = {{
    {"rax", "eax", "ax", "al"},
    {"rbx", "ebx", "bx", "bl"},
    {"rcx", "ecx", "cx", "cl"},
    {"rdx", "edx", "dx", "dl"},
    {"rsi", "esi", "si", "sil"},
    {"rdi", "edi", "di", "dil"},
    {"rbp", "ebp", "bp", "bpl"},
    {"rsp", "esp", "sp", "spl"},
}};

constexpr std::array<int, 5> kControlRegisters = {0, 2, 3, 4, 8};

Reg make(int index, int width) {
  Reg r;
  r.index = static_cast<std::uint8_t>(index);
  r.width = static_cast<std::uint8_t>(width);
  return r;
}

// r8..r15 with an optional d/w/b suffix.
std::optional<Reg> numbered(std::string_view name) {
  if (name.size() < 2 || name[0] != 'r') return std::nullopt;
  std::size_t i = 1;
  int n = 0;
  while (i < name.size() && std::isdigit(static_cast<unsigned char>(name[i])) != 0 && i < 3)
    n = n * 10 + (name[i++] - '0');
  if (i == 1 || n < 8 || n > 15 || (i == 3 && name[1] == '0')) return std::nullopt;
  const std::string_view suffix = name.substr(i);
  if (suffix.empty()) return make(n, 64);
  if (suffix == "d") return make(n, 32);
  if (suffix == "w") return make(n, 16);
  if (suffix == "b") return make(n, 8);
  return std::nullopt;
}

struct Condition {
  std::string_view written;
  std::string_view canonical;
};
constexpr std::array<Condition, 26> kConditions = {{
    {"e", "e"},   {"z", "e"},   {"ne", "ne"},  {"nz", "ne"}, {"l", "l"},    {"lt", "l"},
    {"nge", "l"}, {"le", "le"}, {"ng", "le"},  {"g", "g"},   {"gt", "g"},   {"nle", "g"},
    {"ge", "ge"}, {"nl", "ge"}, {"s", "s"},    {"ns", "ns"}, {"b", "b"},    {"c", "b"},
    {"nae", "b"}, {"ae", "ae"}, {"nb", "ae"},  {"nc", "ae"}, {"a", "a"},    {"nbe", "a"},
    {"be", "be"}, {"na", "be"},
}};

struct Entry {
  std::string_view written;
  X86Mnemonic m;
};
using S = X86Shape;
// written, {canonical, shape, any_suffix, q_suffix, lockable}
constexpr std::array<Entry, 38> kMnemonics = {{
    {"nop", {"nop", S::Nop, true, false, false}},
    {"endbr64", {"nop", S::Nop, false, false, false}},
    {"ret", {"ret", S::NoOperands, false, true, false}},
    {"mfence", {"mfence", S::NoOperands, false, false, false}},
    {"lfence", {"lfence", S::NoOperands, false, false, false}},
    {"sfence", {"sfence", S::NoOperands, false, false, false}},
    {"cpuid", {"cpuid", S::NoOperands, false, false, false}},
    {"serialize", {"serialize", S::NoOperands, false, false, false}},
    {"iret", {"iret", S::NoOperands, false, true, false}},
    {"wrmsr", {"wrmsr", S::NoOperands, false, false, false}},
    {"sysret", {"sysret", S::NoOperands, false, true, false}},
    {"sysexit", {"sysexit", S::NoOperands, false, true, false}},
    {"int3", {"int3", S::NoOperands, false, false, false}},
    {"ud2", {"ud2", S::NoOperands, false, false, false}},
    {"mov", {"mov", S::Binary, true, false, false}},
    {"add", {"add", S::Binary, true, false, true}},
    {"sub", {"sub", S::Binary, true, false, true}},
    {"and", {"and", S::Binary, true, false, true}},
    {"or", {"or", S::Binary, true, false, true}},
    {"xor", {"xor", S::Binary, true, false, true}},
    {"cmp", {"cmp", S::Binary, true, false, false}},
    {"test", {"test", S::Binary, true, false, false}},
    {"shl", {"shl", S::Shift, true, false, false}},
    {"shr", {"shr", S::Shift, true, false, false}},
    {"sar", {"sar", S::Shift, true, false, false}},
    {"inc", {"inc", S::Unary, true, false, true}},
    {"dec", {"dec", S::Unary, true, false, true}},
    {"neg", {"neg", S::Unary, true, false, true}},
    {"not", {"not", S::Unary, true, false, true}},
    {"xchg", {"xchg", S::Exchange, true, false, true}},
    {"xadd", {"xadd", S::RegToEa, true, false, true}},
    {"cmpxchg", {"cmpxchg", S::RegToEa, true, false, true}},
    {"jmp", {"jmp", S::Jump, false, true, false}},
    {"call", {"call", S::Jump, false, true, false}},
    {"clflush", {"clflush", S::Flush, false, false, false}},
    {"clflushopt", {"clflushopt", S::Flush, false, false, false}},
    {"j", {"j", S::CondJump, false, false, false}},  // only through j<cc>
    {"sal", {"shl", S::Shift, true, false, false}},
}};

const X86Mnemonic* exact(std::string_view name) {
  for (const auto& e : kMnemonics)
    if (e.written == name && e.written != "j") return &e.m;
  return nullptr;
}

int suffix_width(char c) {
  switch (c) {
    case 'b': return 8;
    case 'w': return 16;
    case 'l': return 32;
    case 'q': return 64;
    default: return 0;
  }
}

}  // namespace

std::optional<Reg> parse_x86_register(std::string_view name) {
  const std::string n = ascii_lower(name);
  for (std::size_t i = 0; i < kLegacy.size(); ++i) {
    const auto& l = kLegacy[i];
    const int index = static_cast<int>(i);
    if (n == l.q) return make(index, 64);
    if (n == l.l) return make(index, 32);
    if (n == l.w) return make(index, 16);
    if (n == l.b) return make(index, 8);
  }
  if (auto r = numbered(n)) return r;
  if (n == "rip") return make(kX86Rip, 64);
  if (n == "cs") return make(kX86Cs, 16);
  for (int c : kControlRegisters)
    if (n == "cr" + std::to_string(c)) return make(kX86Cr0 + c, 64);
  return std::nullopt;
}

bool is_x86_high_byte_register(std::string_view name) {
  const std::string n = ascii_lower(name);
  return n == "ah" || n == "bh" || n == "ch" || n == "dh";
}

bool is_x86_gpr(const Reg& reg) { return reg.index < 16; }

std::string x86_register_name(const Reg& reg) {
  if (reg.index < 8) {
    const auto& l = kLegacy[reg.index];
    switch (reg.width) {
      case 32: return std::string(l.l);
      case 16: return std::string(l.w);
      case 8: return std::string(l.b);
      default: return std::string(l.q);
    }
  }
  if (reg.index < 16) {
    const std::string base = "r" + std::to_string(reg.index);
    switch (reg.width) {
      case 32: return base + "d";
      case 16: return base + "w";
      case 8: return base + "b";
      default: return base;
    }
  }
  if (reg.index == kX86Rip) return "rip";
  if (reg.index == kX86Cs) return "cs";
  if (reg.index >= kX86Cr0) return "cr" + std::to_string(reg.index - kX86Cr0);
  return "?";
}

std::optional<std::string> x86_location_register(std::string_view name) {
  std::optional<Reg> r = parse_x86_register(name);
  if (!r && is_x86_high_byte_register(name))
    r = make(static_cast<int>(std::string_view("abcd").find(ascii_lower(name)[0])), 64);
  if (!r) return std::nullopt;
  if (is_x86_gpr(*r)) r->width = 64;
  if (!is_x86_gpr(*r) && r->index != kX86Rip && r->index != kX86Cs) return std::nullopt;
  return x86_register_name(*r);
}

std::optional<std::string> x86_condition(std::string_view lower_cond) {
  for (const auto& c : kConditions)
    if (c.written == lower_cond) return std::string(c.canonical);
  return std::nullopt;
}

std::optional<X86Lookup> find_x86_mnemonic(std::string_view name) {
  if (const X86Mnemonic* m = exact(name)) return X86Lookup{m, 0, {}};
  if (name.size() > 1 && name[0] == 'j') {
    if (auto cond = x86_condition(name.substr(1))) {
      for (const auto& e : kMnemonics)
        if (e.written == "j") return X86Lookup{&e.m, 0, *cond};
    }
  }
  if (name.size() < 2) return std::nullopt;
  const int width = suffix_width(name.back());
  if (width == 0) return std::nullopt;
  const X86Mnemonic* m = exact(name.substr(0, name.size() - 1));
  if (m == nullptr || !(m->any_suffix || (m->q_suffix && width == 64))) return std::nullopt;
  return X86Lookup{m, static_cast<std::uint8_t>(width), {}};
}

}  // namespace xmcheck::litmus::internal
