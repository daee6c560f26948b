#pragma once
// RISC-V (herd's `RISCV` dialect) names that are not instructions: the
// integer registers x0..x31 and their ABI names (zero, ra, sp, gp, tp,
// t0-t6, s0-s11, fp, a0-a7). Shared by the instruction parser, the
// init/condition parsers (register locations) and the printer.
#include <optional>
#include <string>
#include <string_view>

#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::litmus::internal {

/// x0..x31 at register-file indices 0..31; x0 is the zero register
/// (Reg::is_zero). Any case of the spellings herd accepts, plus s10.
[[nodiscard]] std::optional<Reg> parse_riscv_register(std::string_view name);

/// herd's printed name: always the numeric form `x10` (for a0 too).
[[nodiscard]] std::string riscv_register_name(const Reg& reg);

/// The canonical name of a register used as a location (`0:a0` -> "x10"),
/// or nullopt if `name` is not an integer register.
[[nodiscard]] std::optional<std::string> riscv_location_register(std::string_view name);

}  // namespace xmcheck::litmus::internal
