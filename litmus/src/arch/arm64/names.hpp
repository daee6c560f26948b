#pragma once
// AArch64 names that are not instructions: registers, condition codes, barrier
// options, cache-maintenance operations and system registers. Shared by the
// instruction parser, the init/condition parsers (register locations) and the
// printer.
#include <optional>
#include <string>
#include <string_view>

#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::litmus::internal {

/// Xn/Wn (0-30), XZR/WZR, SP/WSP, any case; nullopt for anything else.
[[nodiscard]] std::optional<Reg> parse_aarch64_register(std::string_view name);

/// herd's spelling: X3, W3, XZR, WZR, SP, WSP.
[[nodiscard]] std::string aarch64_register_name(const Reg& reg);

/// The canonical name of a register used as a *location* (`0:W3` -> "X3"),
/// or nullopt if `name` is not a general-purpose register Xn/Wn (0-30).
[[nodiscard]] std::optional<std::string> canonical_location_register(std::string_view name);

/// Upper-case names accepted in keyword slots.
[[nodiscard]] bool is_condition_code(std::string_view upper);
[[nodiscard]] bool is_barrier_option(std::string_view upper);
[[nodiscard]] bool is_dc_operation(std::string_view upper);
/// `with_register`: IVAU takes an address register, IALLU/IALLUIS take none.
[[nodiscard]] bool is_ic_operation(std::string_view upper, bool with_register);
[[nodiscard]] bool is_system_register(std::string_view upper);

}  // namespace xmcheck::litmus::internal
