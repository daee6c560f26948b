#pragma once
// Run-time values of the checker. Code is data: besides integers, a register or
// memory word may hold the address of a data location, the address of an
// instruction, or an instruction itself (position independent, see Program).
// C tests add one more: a value out of thin air (see thin_air.hpp).
#include <compare>
#include <cstdint>

namespace xmcheck::checker {

struct Val {
  // ThinAir comes first: herd orders its undetermined values before every
  // constant (symbValue.ml's compare), and final states are sorted by Val.
  enum class Kind : std::uint8_t {
    ThinAir,  ///< C tests: a read value that only a cycle of copies justifies (v = 0)
    Int,    ///< v = the integer
    Addr,   ///< v = data-location id (Program::locs)
    Code,   ///< v = address of a labelled instruction (herd's layout, see Program)
    Instr,  ///< v = instruction-value id (Program::instrs)
  };
  Kind kind = Kind::Int;
  std::int64_t v = 0;

  static constexpr Val integer(std::int64_t n) { return {Kind::Int, n}; }
  static constexpr Val addr(std::int64_t id) { return {Kind::Addr, id}; }
  static constexpr Val code(std::int64_t id) { return {Kind::Code, id}; }
  static constexpr Val instr(std::int64_t id) { return {Kind::Instr, id}; }
  static constexpr Val thin_air() { return {Kind::ThinAir, 0}; }

  [[nodiscard]] constexpr bool is_zero() const { return kind == Kind::Int && v == 0; }
  [[nodiscard]] constexpr bool is_thin_air() const { return kind == Kind::ThinAir; }
  friend constexpr bool operator==(const Val&, const Val&) = default;
  friend constexpr auto operator<=>(const Val&, const Val&) = default;
};

}  // namespace xmcheck::checker
