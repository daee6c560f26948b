#pragma once
// Every trace of every thread. Reads take every value some write could store at
// their location; those value sets are computed by iterating to a fixpoint.
#include <functional>
#include <vector>

#include "deadline.hpp"
#include "path_runner.hpp"
#include "program.hpp"
#include "trace.hpp"

namespace xmcheck::checker {

struct Unfolding {
  std::vector<std::vector<Trace>> traces;   ///< [proc] -> traces
  std::vector<std::vector<Val>> domains;    ///< [loc] -> values that may be stored there
  bool loop_cut = false;                    ///< some path hit the --unroll bound
};

/// Runs one path of thread `proc`, replaying `cursor`, and leaves its events in
/// `trace` (also when the path is cut or discarded: its stores still count).
using PathProducer = std::function<PathEnd(int proc, const std::vector<std::vector<Val>>& domains,
                                           ChoiceCursor& cursor, int unroll, Trace& trace)>;

/// Every path of every thread, produced by `produce` (C tests: the C
/// interpreter; asm tests use the overload below, which steps the instructions).
[[nodiscard]] Unfolding unfold(const Program& prog, int unroll, const Deadline* deadline,
                               const PathProducer& produce);

/// Throws diag::UserError when a thread has too many paths to enumerate, and
/// TimedOut when `deadline` (if given) passes.
[[nodiscard]] Unfolding unfold(const Program& prog, int unroll, const Deadline* deadline = nullptr);

}  // namespace xmcheck::checker
