#pragma once
// Every trace of every thread. Reads take every value some write could store at
// their location; those value sets are computed by iterating to a fixpoint.
#include <functional>
#include <map>
#include <vector>

#include "deadline.hpp"
#include "path_runner.hpp"
#include "program.hpp"
#include "trace.hpp"

namespace xmcheck::checker {

/// [cpu] -> handler id -> how many IPIs running that handler the other CPUs may
/// send to it in one execution (C tests): the interrupts a path of that CPU may take.
using IrqBudget = std::vector<std::map<int, int>>;

struct Unfolding {
  std::vector<std::vector<Trace>> traces;   ///< [proc] -> traces
  std::vector<std::vector<Val>> domains;    ///< [loc] -> values that may be stored there
  bool loop_cut = false;                    ///< some path hit the --unroll bound
  /// [proc] -> the loop that cut one of its paths (file-less span: none).
  std::vector<diag::SourceSpan> cut_at;
  IrqBudget irq_budget;                     ///< interrupts each CPU may take (C tests)
  /// [proc] -> traces that block forever at an IPI wait (Trace::hung_sends):
  /// never part of an ordinary execution, only of the deadlock search's
  /// (deadlock_search.hpp). Not counted in the interrupt budget.
  std::vector<std::vector<Trace>> hung_traces;
};

/// Runs one path of thread `proc`, replaying `cursor`, and leaves its events in
/// `trace` (also when the path is cut or discarded: its stores still count).
/// `budget` bounds the interrupts the path may take (computed, like the value
/// domains, to a fixpoint from the IPI sends of the other threads' paths).
using PathProducer = std::function<PathEnd(int proc, const std::vector<std::vector<Val>>& domains,
                                           ChoiceCursor& cursor, int unroll, const IrqBudget& budget,
                                           Trace& trace)>;

/// Every path of every thread, produced by `produce` (C tests: the C
/// interpreter; asm tests use the overload below, which steps the instructions).
[[nodiscard]] Unfolding unfold(const Program& prog, int unroll, const Deadline* deadline,
                               const PathProducer& produce);

/// The same into `u`, trace by trace: when `deadline` stops it (Stopped), `u`
/// holds the traces of the round in progress, so statistics stay accurate.
/// `seeds`: values every data location's domain starts with besides its
/// initial value. The domains are otherwise a least fixpoint from the
/// initial values, which misses a value only a load-buffering cycle justifies
/// (a constant stored only on a path that reads that constant); herd's C
/// semantics, with symbolic read values, reaches it (docs/lkmm.md).
/// `thin_air_reads` (C tests): reads of a location that a cycle of copies
/// may feed can also return Val::thin_air() (thin_air.hpp), whose producer
/// must drop every path that uses it other than by copying.
void unfold_into(Unfolding& u, const Program& prog, int unroll, const Deadline* deadline,
                 const PathProducer& produce, const std::vector<Val>& seeds = {}, bool thin_air_reads = false);
/// Asm tests: unfold_into with the instruction stepper.
void unfold_into(Unfolding& u, const Program& prog, int unroll, const Deadline* deadline);

/// Throws diag::UserError when a thread has too many paths to enumerate, and
/// Stopped when `deadline` (if given) is exhausted.
[[nodiscard]] Unfolding unfold(const Program& prog, int unroll, const Deadline* deadline = nullptr);

}  // namespace xmcheck::checker
