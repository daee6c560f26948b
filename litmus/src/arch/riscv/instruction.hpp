#pragma once
// RISC-V assembly text in herd's `RISCV` syntax (one instruction) ->
// canonical Instruction, and back to herd's printing. The accepted mnemonics
// and operand shapes are listed in README.md beside this file.
#include <string>
#include <vector>

#include "lexer.hpp"
#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::litmus::internal {

/// Parses the tokens (lexed for RISCV) of exactly one instruction; `tokens`
/// is non-empty besides its final End token. Unknown mnemonics (and ordering
/// suffixes herd does not accept on that mnemonic) throw
/// UserError(Unsupported, "unsupported instruction '<text>'"); malformed
/// operands throw UserError(Litmus) at the offending token.
[[nodiscard]] Instruction parse_riscv_instruction(const SourceText& src, const std::vector<Token>& tokens);

/// herd's RISCVBase printing: `lw x5,0(x6)`, `sw.rl x7,0(x8)`,
/// `sc.w x11,x7,0(x9)`, `amoswap.w.aqrl x1,x2,(x3)`, `fence rw,rw`,
/// `mv x1,x2` (addi with 0), `beq x5,x0,L`; the no-op prints as `NOP`.
[[nodiscard]] std::string riscv_instruction_to_string(const Instruction& instr);

}  // namespace xmcheck::litmus::internal
