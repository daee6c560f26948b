// The riscv plug-in: herd's RISCV semantics (RV64), the RVWMO model with the
// instruction-fetch rules (axioms/riscv/riscv.cat, docs/riscv.md) and the C
// lowering (riscv.lower).
#include "../arch_semantics.hpp"
#include "../c_typed_value.hpp"
#include "semantics.hpp"

namespace xmcheck::checker {
namespace {

class RiscvSemantics final : public ArchSemantics {
 public:
  std::string_view id() const override { return "riscv"; }
  // x0 reads as zero and ignores writes; ecall saves the return address in
  // the exception-link slot (the ISA's sepc/mepc; one slot, as tests name no
  // privilege mode).
  RegisterFile registers() const override { return {kRiscvRegZero, kRiscvRegEpc}; }
  std::optional<int> register_index(const std::string& canonical) const override {
    return riscv_register_index(canonical);
  }
  std::string register_name(int index) const override { return riscv_register_name_of(index); }
  void execute(PathRunner& run, const litmus::Instruction& instr) const override { execute_riscv(run, instr); }
  // herd's RISCV registers hold 64 bits, typed by the init block's C
  // declarations when printed and compared: an untyped one is an `int`.
  Val typed_value(Val v, const std::string& type) const override { return c_typed_value(v, type); }
  bool prints_unsigned(const std::string& type) const override { return c_unsigned_64(type); }
  // herd's RISCV dependencies flow through registers only.
  bool dependencies_through_memory() const override { return false; }
  // Ziccif / no-ziccif: an unordered patch is outside the CMODX guarantees.
  bool flag_means_undefined(std::string_view flag) const override { return flag == "violates-CMODX-requirements"; }
  std::string_view default_model() const override { return "riscv.cat"; }
  // C tests: the kernel's riscv primitives (axioms/riscv/riscv.lower).
  std::string_view lowering_file() const override { return "riscv.lower"; }
};

}  // namespace

const ArchSemantics& riscv_semantics() {
  static const RiscvSemantics instance;
  return instance;
}

}  // namespace xmcheck::checker
