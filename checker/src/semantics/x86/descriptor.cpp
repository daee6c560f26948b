// The x86 plug-in: herd's X86_64 semantics with instruction fetch, x86-TSO
// plus the SDM's cross-modifying-code rules (axioms/x86/x86.cat) and the
// kernel's x86 lowering.
#include <array>

#include "../arch_semantics.hpp"
#include "semantics.hpp"
#include "xmcheck/litmus/arch/x86.hpp"
#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::checker {
namespace {

// herd's X86_64 register order (litmus/README.md); index = position.
constexpr std::array<std::string_view, 16> kGprNames{"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp",
                                                     "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15"};

class X86Semantics final : public ArchSemantics {
 public:
  std::string_view id() const override { return "x86"; }
  // No zero register; faults (ud2) save no return address: x86 tests have no
  // handler that returns, and slot 32 onwards holds the control registers.
  RegisterFile registers() const override { return {-1, -1}; }
  std::optional<int> register_index(const std::string& name) const override {
    for (std::size_t i = 0; i < kGprNames.size(); ++i)
      if (kGprNames[i] == name) return static_cast<int>(i);
    if (name == "rip") return litmus::kX86Rip;
    if (name == "cs") return litmus::kX86Cs;
    return std::nullopt;
  }
  std::string register_name(int index) const override {
    if (index >= 0 && index < static_cast<int>(kGprNames.size()))
      return std::string(kGprNames[static_cast<std::size_t>(index)]);
    if (index == litmus::kX86Rip) return "rip";
    if (index == litmus::kX86Cs) return "cs";
    return "cr" + std::to_string(index - litmus::kX86Cr0);
  }
  void execute(PathRunner& run, const litmus::Instruction& instr) const override { x86::execute(run, instr); }
  // The SDM gives no list of instructions safe to modify concurrently: every
  // cross-modification needs the serializing protocol (docs/x86.md).
  bool cmodx_restricted(const litmus::Instruction&) const override { return false; }
  bool names_memory_directly() const override { return true; }
  // SDM Vol. 3A 9.1.3: without the protocol the behaviour is model specific.
  bool flag_means_undefined(std::string_view flag) const override { return flag == "unsynchronized-cross-modifying-code"; }
  std::string_view default_model() const override { return "x86.cat"; }
  std::string_view lowering_file() const override { return "x86.lower"; }
};

}  // namespace

const ArchSemantics& x86_semantics() {
  static const X86Semantics instance;
  return instance;
}

}  // namespace xmcheck::checker
