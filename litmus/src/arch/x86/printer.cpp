// herd's X86_64 instruction syntax (lib/X86_64Base.ml, dump_instruction):
// AT&T operand order, `$` immediates, `%` registers, commas without spaces,
// `NOP` for every nop form, `lock; ` before locked instructions.
#include <string>

#include "instruction.hpp"
#include "names.hpp"

namespace xmcheck::litmus::internal {
namespace {

std::string reg(const Reg& r) { return "%" + x86_register_name(r); }

// herd prints a zero displacement (and a zero scale) as nothing.
std::string offset(std::int64_t n) { return n == 0 ? "" : std::to_string(n); }

std::string memory(const Operand& op) {
  if (!op.text.empty()) return "(" + op.text + ")";
  if (!op.has_index) return offset(op.imm) + "(" + reg(op.reg) + ")";
  // herd's Rm64_scaled: "d(%base, %index,s)" (sic: one space after the first comma).
  return offset(op.imm) + "(" + reg(op.reg) + ", " + reg(op.index) + "," + offset(op.scale) + ")";
}

std::string operand(const Operand& op) {
  switch (op.kind) {
    case Operand::Kind::Reg: return reg(op.reg);
    case Operand::Kind::Imm: return "$" + std::to_string(op.imm);
    case Operand::Kind::Mem: return memory(op);
    case Operand::Kind::Label: return op.text;
    case Operand::Kind::Relative: return ".+" + std::to_string(op.imm);
    case Operand::Kind::Keyword: return op.text;
  }
  return {};
}

std::string suffix(int width) {
  switch (width) {
    case 8: return "b";
    case 16: return "w";
    case 32: return "l";
    case 64: return "q";
    default: return "";
  }
}

}  // namespace

std::string x86_instruction_to_string(const Instruction& instr) {
  std::string out = instr.lock ? "lock; " : "";
  if (instr.mnemonic == "nop") return out + "NOP";
  std::size_t first = 0;
  out += instr.mnemonic;
  // j<cc> is stored as "j" with the condition as its first operand.
  if (instr.mnemonic == "j" && !instr.operands.empty() &&
      instr.operands.front().kind == Operand::Kind::Keyword) {
    out += instr.operands.front().text;
    first = 1;
  }
  out += suffix(instr.width);
  const bool indirect = instr.mnemonic == "jmp" || instr.mnemonic == "call";
  for (std::size_t i = first; i < instr.operands.size(); ++i) {
    const Operand& op = instr.operands[i];
    out += i == first ? " " : ",";
    if (indirect && op.kind != Operand::Kind::Label) out += "*";
    out += operand(op);
  }
  return out;
}

}  // namespace xmcheck::litmus::internal
