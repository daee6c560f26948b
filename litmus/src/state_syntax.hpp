#pragma once
// Locations and values, the vocabulary shared by the init block and by
// conditions: `0:X1`, `x`, `[x]`; `1`, `-3`, `0x10`, `x`, `&x`, `P1:L0`,
// `label:"P1:L0"`, `NOP`, `instr:"B .+8"`.
#include "token_cursor.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::litmus::internal {

/// `N:REG` (register; W/X names canonicalised to Xn), `x` or `[x]` (memory).
[[nodiscard]] Location parse_location(TokenCursor& cur);

/// True if the next tokens start a location (used to tell `int x` from `x=1`).
[[nodiscard]] bool at_location(const TokenCursor& cur);

/// `fault(` or `Fault(` starts a fault atom (herd: fault(P0:L0,x,UndefinedInstruction)).
[[nodiscard]] bool at_fault(const TokenCursor& cur);

/// Any value accepted on the right of `=` in the init block or a condition.
[[nodiscard]] Value parse_value(TokenCursor& cur);

/// A value made of one instruction (NOP); used for the `NOP` shorthand.
[[nodiscard]] Value nop_value(const diag::SourceSpan& span);

}  // namespace xmcheck::litmus::internal
