#pragma once
// Locations and values, the vocabulary shared by the init block and by
// conditions: `0:X1`, `x`, `[x]`; `1`, `-3`, `0x10`, `x`, `&x`, `P1:L0`,
// `label:"P1:L0"`, `NOP`, `instr:"B .+8"`.
#include <optional>

#include "token_cursor.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::litmus::internal {

/// `N:REG` (register; W/X names canonicalised to Xn; X86_64: `N:eax`, `N:%RAX`
/// -> "rax"), `x` or `[x]` (memory). The cursor's arch selects the registers.
[[nodiscard]] Location parse_location(TokenCursor& cur);

/// True if the next tokens start a location (used to tell `int x` from `x=1`).
[[nodiscard]] bool at_location(const TokenCursor& cur);

/// `fault(` or `Fault(` starts a fault atom (herd: fault(P0:L0,x,UndefinedInstruction)).
[[nodiscard]] bool at_fault(const TokenCursor& cur);

/// Any value accepted on the right of `=` in the init block or a condition.
[[nodiscard]] Value parse_value(TokenCursor& cur);

/// C tests: a code value (c_code_values.hpp) as a value: an Instruction of
/// kCDialect, mnemonic `name` ("INSN", "INSN_NOP", ...) with one Imm operand
/// `returns` when the name takes an integer.
[[nodiscard]] Value c_insn_value(const diag::SourceSpan& span, std::string_view name,
                                 std::optional<std::int64_t> returns);

/// C tests: a code value (`INSN(n)`, `INSN_NOP`, `INSN_BRANCH(n)`,
/// `INSN_CALL(n)`, `INSN_UDF`), `ATOMIC_INIT(v)` at the cursor, or nullopt
/// (nothing consumed) if the next tokens are none of these.
[[nodiscard]] std::optional<Value> parse_c_special_value(TokenCursor& cur);

/// A value made of one instruction (NOP of `arch`); used for the `NOP` shorthand.
[[nodiscard]] Value nop_value(const diag::SourceSpan& span, ArchId arch);

/// The size in `[N]` after an array declaration (cursor at '['), a positive integer.
[[nodiscard]] std::size_t parse_array_size(TokenCursor& cur);

/// `{v, ...}` initialising array `e` (cursor at '{'); the count must match its size.
/// `noun` names what can be an array in this dialect ("location", "variable").
void parse_array_initialiser(TokenCursor& cur, InitEntry& e, const std::string& noun);

}  // namespace xmcheck::litmus::internal
