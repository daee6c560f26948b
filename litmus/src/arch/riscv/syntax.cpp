// The riscv plug-in's litmus syntax: herd's `RISCV` tests.
#include "../arch_syntax.hpp"
#include "instruction.hpp"
#include "names.hpp"

namespace xmcheck::litmus::internal {
namespace {

class RiscvSyntax final : public ArchSyntax {
 public:
  ArchNames names() const override { return {"riscv", "RISCV"}; }
  Instruction parse(const SourceText& src, const std::vector<Token>& tokens) const override {
    return parse_riscv_instruction(src, tokens);
  }
  std::string print(const Instruction& instr) const override { return riscv_instruction_to_string(instr); }
  std::string_view nop_mnemonic() const override { return "nop"; }
  std::optional<std::string> location_register(std::string_view name) const override {
    return riscv_location_register(name);
  }
};

}  // namespace

const ArchSyntax& riscv_syntax() {
  static const RiscvSyntax instance;
  return instance;
}

}  // namespace xmcheck::litmus::internal
