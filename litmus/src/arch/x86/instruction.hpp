#pragma once
// X86_64 AT&T assembly text (one instruction) -> canonical Instruction, and
// back to herd's X86_64 syntax. The accepted mnemonics and operand shapes are
// listed in litmus/README.md.
#include <string>
#include <vector>

#include "lexer.hpp"
#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::litmus::internal {

/// AT&T punctuation beyond the common set: `$imm`, `%reg`.
inline constexpr std::string_view kX86Punctuation = "$%";

/// Parses the tokens (lexed for X86_64) of exactly one instruction, optionally
/// preceded by `lock` (and herd's `lock;` inside a string); `tokens` is
/// non-empty besides its final End token. Unknown mnemonics and unimplemented
/// forms throw UserError(Unsupported, "unsupported instruction '<text>'");
/// malformed operands throw UserError(Litmus) at the offending token.
[[nodiscard]] Instruction parse_x86_instruction(const SourceText& src,
                                                const std::vector<Token>& tokens);


/// herd's X86_64Base syntax: `movl $1,(x)`, `mov (y),%eax`, `NOP`, `jne L0`,
/// `lock; xaddl %eax,(x)`, `movq (%rax, %rbx,8),%rcx`.
[[nodiscard]] std::string x86_instruction_to_string(const Instruction& instr);

}  // namespace xmcheck::litmus::internal
