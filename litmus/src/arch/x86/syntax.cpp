// The x86 plug-in's litmus syntax: herd's `X86_64` tests (AT&T syntax).
#include "../arch_syntax.hpp"
#include "instruction.hpp"
#include "names.hpp"

namespace xmcheck::litmus::internal {
namespace {

class X86Syntax final : public ArchSyntax {
 public:
  ArchNames names() const override { return {"x86", "X86_64"}; }
  std::string_view extra_punctuation() const override { return kX86Punctuation; }
  // herd's `lock; incl (x)`: this `;` belongs to the instruction.
  bool semicolon_continues(const Token& before, const Token& after) const override {
    return before.is_word("lock") && after.is_ident();
  }
  Instruction parse(const SourceText& src, const std::vector<Token>& tokens) const override {
    return parse_x86_instruction(src, tokens);
  }
  std::string print(const Instruction& instr) const override { return x86_instruction_to_string(instr); }
  std::string_view nop_mnemonic() const override { return "nop"; }
  std::string_view register_prefix() const override { return "%"; }
  std::optional<std::string> location_register(std::string_view name) const override {
    return x86_location_register(name);
  }
};

}  // namespace

const ArchSyntax& x86_syntax() {
  static const X86Syntax instance;
  return instance;
}

}  // namespace xmcheck::litmus::internal
