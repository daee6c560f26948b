#pragma once
// Unfolding a C test through a lowering table, for the unit tests of the C
// interpreter (interrupts, spinlocks, thin air): every path of every thread, as the
// engine's search sees them.
#include <vector>

#include "c_interpreter.hpp"
#include "c_program.hpp"
#include "checker_test_support.hpp"
#include "unfold.hpp"
#include "xmcheck/checker/lowering.hpp"

namespace cktest {

struct UnfoldedC {
  litmus::LitmusTest test;
  CLowered c;
  Unfolding u;
};

/// The C test `text` lowered with `table` for target `arch`, unfolded with
/// --unroll 2; with `thin_air_reads`, as the engine does (thin_air.hpp).
inline UnfoldedC unfold_c_with(const char* text, const LoweringTable& table, const char* arch,
                               bool thin_air_reads = false) {
  UnfoldedC out{parse(text), {}, {}};
  out.c = lower_c(out.test, *litmus::arch_by_id(arch), table.prelude.get(), &table.constants);
  unfold_into(
      out.u, out.c.prog, 2, nullptr,
      [&](int proc, const std::vector<std::vector<Val>>& domains, ChoiceCursor& cursor, int unroll,
          const IrqBudget& budget, Trace& trace) {
        return run_c_path(out.c, table, proc, domains, cursor, unroll, budget, trace);
      },
      {}, thin_air_reads);
  return out;
}

}  // namespace cktest
