#pragma once
// Register-value arithmetic shared by the architectures whose semantics add
// addresses and integers the same way (powerpc, riscv).
#include <cstdint>
#include <optional>

#include "path_runner.hpp"
#include "program.hpp"
#include "value.hpp"
#include "wrapping.hpp"

namespace xmcheck::checker {

/// A result computed from `a` and `b`: it depends on both.
[[nodiscard]] inline RegVal joined(const RegVal& a, const RegVal& b, Val v) {
  return RegVal{v, a.dep | b.dep, a.pick | b.pick, a.symbolic || b.symbolic, a.flow | b.flow};
}

/// `a + b` where one side may be the address of a location (address
/// arithmetic moves between the elements of an array); nullopt after
/// recording an error.
[[nodiscard]] inline std::optional<Val> add_values(PathRunner& run, const Val& a, const Val& b) {
  if (a.kind == Val::Kind::Int && b.kind == Val::Kind::Int) return Val::integer(wrapping_add(a.v, b.v));
  if (b.is_zero()) return a;
  if (a.is_zero()) return b;
  const bool a_addr = a.kind == Val::Kind::Addr && b.kind == Val::Kind::Int;
  const bool b_addr = b.kind == Val::Kind::Addr && a.kind == Val::Kind::Int;
  if (a_addr || b_addr) {
    const Val& base = a_addr ? a : b;
    const std::int64_t offset = a_addr ? b.v : a.v;
    const int moved = run.program().offset_location(static_cast<int>(base.v), offset);
    if (moved < 0) {
      run.delayed_error("address arithmetic leaves location " +
                        run.program().locs[static_cast<std::size_t>(base.v)].name);
      return std::nullopt;
    }
    return Val::addr(moved);
  }
  run.delayed_error("addition of non-integer values");
  return std::nullopt;
}

}  // namespace xmcheck::checker
