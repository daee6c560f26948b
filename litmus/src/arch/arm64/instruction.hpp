#pragma once
// AArch64 assembly text (one instruction) -> canonical Instruction. The accepted
// mnemonics and operand shapes are listed in litmus/README.md.
#include <vector>

#include "lexer.hpp"
#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::litmus::internal {

/// Parses the tokens of exactly one instruction; `tokens` is non-empty besides
/// its final End token, whose offset marks the end of the instruction text.
/// Unknown mnemonics or unimplemented operand forms throw UserError(Unsupported,
/// "unsupported instruction '<text as written>'"); malformed operands throw
/// UserError(Litmus) at the offending token.
[[nodiscard]] Instruction parse_aarch64_instruction(const SourceText& src,
                                                    const std::vector<Token>& tokens);


/// herd's AArch64 syntax: `LDR W0,[X1,#4]`, `B.NE L0`, `DMB ISH`, `NOP`.
[[nodiscard]] std::string aarch64_instruction_to_string(const Instruction& instr);

}  // namespace xmcheck::litmus::internal
