#pragma once
// The arm64 register file: X0..X30, the zero register, then the system
// registers the exception model uses (index = litmus::Reg::index for X/W).
#include <optional>
#include <string>

#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::checker::arm64 {

enum RegIndex : int {
  kZeroReg = 31,  // XZR / WZR: reads 0, writes discarded
  kElrEl1 = 32,
  kSpsrEl1,
  kEsrEl1,
  kFarEl1,
  kVbarEl1,
};

/// Index of a canonical location name ("X3", "ELR_EL1"); nullopt if unknown.
[[nodiscard]] std::optional<int> register_index(const std::string& canonical_name);
/// Index of a register operand.
[[nodiscard]] int register_index(const litmus::Reg& reg);
/// Index of a system register named by a Keyword operand (MSR/MRS).
[[nodiscard]] std::optional<int> system_register_index(const std::string& name);
/// herd's printed name of a register index: "X3", "ELR_EL1".
[[nodiscard]] std::string register_name(int index);

}  // namespace xmcheck::checker::arm64
