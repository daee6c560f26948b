// The powerpc plug-in: herd's PPC semantics with instruction fetch, the
// Power model of "Herding cats" plus the ISA's cross-modifying-code rules
// (axioms/powerpc/ppc.cat, docs/power.md).
#include "../arch_semantics.hpp"
#include "semantics.hpp"

namespace xmcheck::checker {
namespace {

class PowerPCSemantics final : public ArchSemantics {
 public:
  std::string_view id() const override { return "powerpc"; }
  // r0 is an ordinary register (instructions that read it as zero in some
  // operand positions say so themselves); exceptions save the return address
  // in SRR0 (Power ISA Book III, "Interrupt Processing").
  RegisterFile registers() const override { return {-1, kPowerPCRegSrr0}; }
  std::optional<int> register_index(const std::string& canonical) const override {
    return powerpc_register_index(canonical);
  }
  std::string register_name(int index) const override { return powerpc_register_name_of(index); }
  void execute(PathRunner& run, const litmus::Instruction& instr) const override { execute_powerpc(run, instr); }
  bool cmodx_restricted(const litmus::Instruction& instr) const override { return powerpc_cmodx_restricted(instr); }
  Val typed_value(Val v, const std::string& type) const override { return powerpc_cast(v, type); }
  // herd's PPC dependencies are register-only: a load does not inherit the
  // dependencies of the store it may forward from.
  bool dependencies_through_memory() const override { return false; }
  // Power ISA Book II §1.8.1: results are undefined outside the patch class.
  bool flag_means_undefined(std::string_view flag) const override { return flag == "violates-CMODX-requirements"; }
  std::string_view default_model() const override { return "ppc.cat"; }
  std::string_view lowering_file() const override { return "powerpc.lower"; }
};

}  // namespace

const ArchSemantics& powerpc_semantics() {
  static const PowerPCSemantics instance;
  return instance;
}

}  // namespace xmcheck::checker
