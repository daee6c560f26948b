#pragma once
// Register names <-> register-file indices (program.hpp's RegIndex).
#include <optional>
#include <string>

#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::checker {

/// Index of a canonical register name as the litmus parser writes locations
/// ("X3", "ELR_EL1"; x86: "rax", "rip"); nullopt if unknown.
[[nodiscard]] std::optional<int> register_index(litmus::Arch arch, const std::string& canonical_name);

/// Index of a register operand.
[[nodiscard]] int register_index(const litmus::Reg& reg);

/// Index of a system register named by a Keyword operand (MSR/MRS).
[[nodiscard]] std::optional<int> system_register_index(const std::string& name);

/// herd's printed name of a register index: "X3", "ELR_EL1"; x86: "rax".
[[nodiscard]] std::string register_name(litmus::Arch arch, int index);

}  // namespace xmcheck::checker
