#pragma once
// Register names <-> register-file indices (program.hpp's RegIndex).
#include <optional>
#include <string>

#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::checker {

/// Index of a canonical register name as the litmus parser writes locations
/// ("X3", "ELR_EL1"); nullopt if unknown.
[[nodiscard]] std::optional<int> register_index(const std::string& canonical_name);

/// Index of a register operand.
[[nodiscard]] int register_index(const litmus::Reg& reg);

/// Index of a system register named by a Keyword operand (MSR/MRS).
[[nodiscard]] std::optional<int> system_register_index(const std::string& name);

/// herd's printed name of a register index: "X3", "ELR_EL1".
[[nodiscard]] std::string register_name(int index);

}  // namespace xmcheck::checker
