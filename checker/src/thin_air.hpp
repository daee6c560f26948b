#pragma once
// Values out of thin air (C tests; docs/lkmm.md, "Out-of-thin-air values").
//
// herd's C semantics gives every read a fresh solver variable, and each
// reads-from choice adds an equation "read = value written". A variable that
// only a cycle of copies fixes (`r1 = *x; *y = r1;` in both directions, each
// read from the other's write) stays free: herd keeps the execution and
// prints the value as a symbol (S8). Any other use of a free variable -- a
// comparison with a constant, arithmetic, a branch or an address -- leaves
// an equation herd's solver cannot discharge, and the execution is rejected
// (herd/mem.ml, when_unsolved; herd/valconstraint.ml).
//
// xmcheck mirrors this with concrete paths: a read of a location that a cycle
// of copies may feed can also return Val::thin_air(). A path that uses such a
// value other than by copying it, or than by herd's own simplifications
// (below), is dropped; a skeleton in which concrete values justify
// themselves around a cycle is rejected before any model (value_cycles.hpp).
// One name serves every thin-air value: two independent cycles in one
// execution, which herd would name apart, are not told apart.
#include <optional>

#include "value.hpp"

namespace xmcheck::checker {

/// The operations herd simplifies when an operand is undetermined.
enum class ThinAirOp : std::uint8_t { Add, Or, Xor, Eq, Ne, Other };

/// `x op y` where x or y is thin air, as herd's symbolic values compute it
/// (lib/symbValue.ml): v + 0 = 0 + v = v, v | 0 = 0 | v = v, v ^ v = 0,
/// (v == v) = 1, (v != v) = 0. std::nullopt: herd leaves an equation it
/// cannot solve, and the path is dropped.
[[nodiscard]] constexpr std::optional<Val> thin_air_result(ThinAirOp op, const Val& x, const Val& y) {
  const bool both = x.is_thin_air() && y.is_thin_air();
  switch (op) {
    case ThinAirOp::Add:
    case ThinAirOp::Or:
      if (y.is_zero()) return x;
      if (x.is_zero()) return y;
      return std::nullopt;
    case ThinAirOp::Xor: return both ? std::optional<Val>(Val::integer(0)) : std::nullopt;
    case ThinAirOp::Eq: return both ? std::optional<Val>(Val::integer(1)) : std::nullopt;
    case ThinAirOp::Ne: return both ? std::optional<Val>(Val::integer(0)) : std::nullopt;
    case ThinAirOp::Other: return std::nullopt;
  }
  return std::nullopt;
}

/// Whether two values are equal, as a test a path decides: std::nullopt when
/// one is thin air and the other is not (herd cannot decide it either).
[[nodiscard]] constexpr std::optional<bool> decided_equal(const Val& x, const Val& y) {
  if (x.is_thin_air() != y.is_thin_air()) return std::nullopt;
  return x == y;
}

}  // namespace xmcheck::checker
