#pragma once
// Power (herd's `PPC` dialect) names that are not instructions: the
// general-purpose registers r0..r31, the special registers a test may name
// (lr, ctr, srr0), condition-register fields cr0..cr7 and symbolic registers
// `%name`. Shared by the instruction parser, the init/condition parsers
// (register locations) and the printer.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::litmus::internal {

/// Register-file indices of Power's registers (Reg::index): r0..r31 are 0..31
/// (r0 and r31 are ordinary registers: there is no zero register, although
/// r0 reads as 0 in the base of an address and in addi/addis, see
/// README.md). The special registers sit above them.
inline constexpr std::uint8_t kPowerPCSrr0 = 32;  ///< exception return address (the shared exception link slot)
inline constexpr std::uint8_t kPowerPCLr = 33;    ///< link register
inline constexpr std::uint8_t kPowerPCCtr = 34;   ///< count register
/// A symbolic register `%name` before allocation: the name is in Operand::text.
inline constexpr std::uint8_t kPowerPCSymbolic = 0xFF;

/// r0..r31, lr, ctr, srr0 (any case); nullopt for anything else.
[[nodiscard]] std::optional<Reg> parse_powerpc_register(std::string_view name);

/// herd's spelling: r3, lr, ctr, srr0 (`%name` is printed by the printer).
[[nodiscard]] std::string powerpc_register_name(const Reg& reg);

/// The canonical name of a register used as a *location* (`0:R3` -> "r3"),
/// or nullopt if `name` is not a register of the file.
[[nodiscard]] std::optional<std::string> powerpc_location_register(std::string_view name);

/// `cr0`..`cr7` (any case) -> 0..7.
[[nodiscard]] std::optional<int> parse_powerpc_cr_field(std::string_view name);

}  // namespace xmcheck::litmus::internal
