#pragma once
// Condition codes evaluated on the operands of the last comparison (NZCV on
// Arm, EFLAGS on x86): both architectures' flags come from a subtraction.
#include <optional>
#include <string>

#include "path_runner.hpp"

namespace xmcheck::checker {

/// Whether Arm condition `cond` ("EQ", "GE", "HI", ...) holds after comparing
/// f.lhs with f.rhs; nullopt when the compared values are not integers and the
/// condition is not EQ/NE/AL. With no comparison yet, NZCV is all clear.
[[nodiscard]] std::optional<bool> holds(const Flags& f, const std::string& cond);

}  // namespace xmcheck::checker
