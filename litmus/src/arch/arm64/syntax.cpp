// The arm64 plug-in's litmus syntax: herd's `AArch64` tests.
#include "../arch_syntax.hpp"
#include "instruction.hpp"
#include "names.hpp"

namespace xmcheck::litmus::internal {
namespace {

class Arm64Syntax final : public ArchSyntax {
 public:
  ArchNames names() const override { return {"arm64", "AArch64"}; }
  Instruction parse(const SourceText& src, const std::vector<Token>& tokens) const override {
    return parse_aarch64_instruction(src, tokens);
  }
  std::string print(const Instruction& instr) const override { return aarch64_instruction_to_string(instr); }
  std::string_view nop_mnemonic() const override { return "NOP"; }
  std::optional<std::string> location_register(std::string_view name) const override {
    return canonical_location_register(name);
  }
};

}  // namespace

const ArchSyntax& arm64_syntax() {
  static const Arm64Syntax instance;
  return instance;
}

}  // namespace xmcheck::litmus::internal
