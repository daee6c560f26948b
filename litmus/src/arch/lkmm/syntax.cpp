// The lkmm plug-in's litmus syntax. The Linux-kernel memory model is a target
// of C tests only: it has no instructions, so an asm test naming it is refused.
#include "../arch_syntax.hpp"

namespace xmcheck::litmus::internal {
namespace {

class LkmmSyntax final : public ArchSyntax {
 public:
  // herd has no asm dialect for the LKMM; the header word only serves the
  // error below.
  ArchNames names() const override { return {"lkmm", "LKMM"}; }
  Instruction parse(const SourceText& src, const std::vector<Token>& tokens) const override {
    src.fail(tokens.front().where.begin, tokens.back().where.end,
             "the Linux-kernel memory model has no instructions: write a C test ('C' header)");
  }
  std::string print(const Instruction& instr) const override { return instr.mnemonic; }
  std::string_view nop_mnemonic() const override { return "nop"; }
  std::optional<std::string> location_register(std::string_view /*name*/) const override { return std::nullopt; }
};

}  // namespace

const ArchSyntax& lkmm_syntax() {
  static const LkmmSyntax instance;
  return instance;
}

}  // namespace xmcheck::litmus::internal
