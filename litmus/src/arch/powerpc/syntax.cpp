// The powerpc plug-in's litmus syntax: herd's `PPC` tests.
#include "../arch_syntax.hpp"
#include "instruction.hpp"
#include "location.hpp"
#include "names.hpp"

namespace xmcheck::litmus::internal {
namespace {

class PowerPCSyntax final : public ArchSyntax {
 public:
  ArchNames names() const override { return {"powerpc", "PPC"}; }
  std::string_view extra_punctuation() const override { return kPowerPCPunctuation; }
  Instruction parse(const SourceText& src, const std::vector<Token>& tokens) const override {
    return parse_powerpc_instruction(src, tokens);
  }
  std::string print(const Instruction& instr) const override { return powerpc_instruction_to_string(instr); }
  std::string_view nop_mnemonic() const override { return "nop"; }
  std::optional<std::string> location_register(std::string_view name) const override {
    return powerpc_location_register(name);
  }
  bool at_own_location(const Token& first) const override { return at_powerpc_location(first); }
  std::optional<Location> parse_own_location(TokenCursor& cur) const override {
    return parse_powerpc_location(cur);
  }
  void finish(LitmusTest& test) const override { allocate_powerpc_symbolic_registers(test); }
};

}  // namespace

const ArchSyntax& powerpc_syntax() {
  static const PowerPCSyntax instance;
  return instance;
}

}  // namespace xmcheck::litmus::internal
