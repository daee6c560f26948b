#pragma once
// Condition flags and condition codes (NZCV on Arm, EFLAGS on x86, kept as
// NZCV with C = NOT CF: see Nzcv in path_runner.hpp).
#include <cstdint>
#include <optional>
#include <string>

#include "path_runner.hpp"

namespace xmcheck::checker {

/// NZCV of `a - b` on `width` bits: the Arm ARM's AddWithCarry(a, NOT(b), '1')
/// (CMP, SUBS). C is set when there is no borrow, so x86's CF is NOT C.
[[nodiscard]] Nzcv sub_flags(std::int64_t a, std::int64_t b, int width);
/// NZCV of `a + b` on `width` bits: AddWithCarry(a, b, '0'); C is the carry out.
[[nodiscard]] Nzcv add_flags(std::int64_t a, std::int64_t b, int width);

/// The flags of comparing `lhs` with `rhs` (lhs - rhs) on `width` bits,
/// carrying both operands' dependencies.
[[nodiscard]] Flags compare(const RegVal& lhs, const RegVal& rhs, int width);

/// Whether Arm condition `cond` ("EQ", "GE", "HI", ...) holds; nullopt when
/// the flags came from values that are not integers and the condition is not
/// EQ/NE/AL. With no flag-setting instruction yet, NZCV is all clear.
[[nodiscard]] std::optional<bool> holds(const Flags& f, const std::string& cond);

}  // namespace xmcheck::checker
