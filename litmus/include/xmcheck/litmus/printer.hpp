#pragma once
// herd7-compatible printing of instructions, values and conditions.
#include <string>

#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::litmus {

/// herd's syntax for an instruction: "ADR X3,.+4", "B .+8", "LDR W0,[X1,#4]", "NOP".
[[nodiscard]] std::string to_string(const Instruction& instr);

/// A value as herd prints it in states: `1`, `x`, `NOP`, `instr:"B .+4"`, `label:"P0:L1"`.
[[nodiscard]] std::string to_string(const Value& value);

/// A location as herd prints it: `1:X2`, `[x]`.
[[nodiscard]] std::string to_string(const Location& loc);

/// A proposition as herd's "Condition" line prints it, e.g. `(1:X1=1 /\ 1:X2=0)`.
[[nodiscard]] std::string to_string(const Prop& prop);

/// The whole condition: `exists (1:X1=1 /\ 1:X2=0)`.
[[nodiscard]] std::string to_string(const Condition& cond);

}  // namespace xmcheck::litmus
