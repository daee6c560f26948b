#pragma once
// Power assembly text in herd's `PPC` syntax (one instruction) -> canonical
// Instruction, and back to herd's printing. The accepted mnemonics and operand
// shapes are listed in README.md beside this file.
#include <string>
#include <vector>

#include "lexer.hpp"
#include "xmcheck/litmus/ast.hpp"
#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::litmus::internal {

/// Punctuation beyond the common set: `%` of herd's symbolic registers (`%P0_x`).
inline constexpr std::string_view kPowerPCPunctuation = "%";

/// Parses the tokens (lexed for PPC) of exactly one instruction; `tokens` is
/// non-empty besides its final End token, whose offset marks the end of the
/// instruction text. Unknown mnemonics throw UserError(Unsupported,
/// "unsupported instruction '<text as written>'") at the instruction;
/// malformed operands throw UserError(Litmus) at the offending token.
[[nodiscard]] Instruction parse_powerpc_instruction(const SourceText& src,
                                                    const std::vector<Token>& tokens);


/// herd's PPCBase printing: `lwz r1,0(r2)`, `lwzx r1,r2,r3`, `addi r1,r2,4`,
/// `rlwinm r1,r2,3, 4,5`, `extsw r1, r2`, `cmpw r1,r2`, `beq  L0`, `b   L0`,
/// `sync`; the no-op prints as `NOP` (herd's instruction value).
[[nodiscard]] std::string powerpc_instruction_to_string(const Instruction& instr);

/// herd's symbolic registers (`%P0_x` in the code and the init block):
/// every name gets a free register of the one thread whose code uses it
/// (r1..r31, lowest first, in name order, skipping the registers that thread
/// names), in the code, the init block, `locations` and the condition.
/// Throws a positioned UserError for a name used by several threads and also
/// named in the init block or the constraints, for one no code uses, or when
/// a thread runs out of registers.
void allocate_powerpc_symbolic_registers(LitmusTest& test);

}  // namespace xmcheck::litmus::internal
