// herd's AArch64 instruction syntax (lib/AArch64Base.ml): `#` immediates,
// `[Xn,#imm]` addresses, `B.cond` branches; herd omits zero offsets and shifts.
#include <string>

#include "instruction.hpp"
#include "names.hpp"

namespace xmcheck::litmus::internal {
namespace {

std::string immediate(std::int64_t n) { return "#" + std::to_string(n); }

std::string relative(std::int64_t n) {
  return n >= 0 ? ".+" + std::to_string(n) : "." + std::to_string(n);
}

// [Xn], [Xn,#imm], [Xn,Rm], [Xn,Rm,SXTW], [Xn,Rm,LSL #2]: herd omits zero offsets and shifts.
std::string memory(const Operand& op) {
  std::string out = "[" + aarch64_register_name(op.reg);
  if (op.has_index) {
    out += "," + aarch64_register_name(op.index);
    if (!op.text.empty()) {
      out += "," + op.text;
      if (op.imm != 0) out += " " + immediate(op.imm);
    }
  } else if (op.imm != 0) {
    out += "," + immediate(op.imm);
  }
  return out + "]";
}

std::string operand(const Operand& op) {
  switch (op.kind) {
    case Operand::Kind::Reg: return aarch64_register_name(op.reg);
    case Operand::Kind::Imm: return immediate(op.imm);
    case Operand::Kind::Mem: return memory(op);
    case Operand::Kind::Label: return op.text;
    case Operand::Kind::Relative: return relative(op.imm);
    case Operand::Kind::Keyword: return op.text;
  }
  return {};
}

}  // namespace

std::string aarch64_instruction_to_string(const Instruction& instr) {
  std::string out = instr.mnemonic;
  std::size_t first = 0;
  // B.cond is stored as "B" with the condition as its first operand.
  if (instr.mnemonic == "B" && !instr.operands.empty() &&
      instr.operands.front().kind == Operand::Kind::Keyword) {
    out += "." + instr.operands.front().text;
    first = 1;
  }
  for (std::size_t i = first; i < instr.operands.size(); ++i)
    out += (i == first ? " " : ",") + operand(instr.operands[i]);
  return out;
}

}  // namespace xmcheck::litmus::internal
