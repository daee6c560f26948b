#pragma once
// Every trace of every thread. Reads take every value some write could store at
// their location; those value sets are computed by iterating to a fixpoint.
#include <vector>

#include "deadline.hpp"
#include "program.hpp"
#include "trace.hpp"

namespace xmcheck::checker {

struct Unfolding {
  std::vector<std::vector<Trace>> traces;   ///< [proc] -> traces
  std::vector<std::vector<Val>> domains;    ///< [loc] -> values that may be stored there
  bool loop_cut = false;                    ///< some path hit the --unroll bound
};

/// Throws diag::UserError when a thread has too many paths to enumerate, and
/// TimedOut when `deadline` (if given) passes.
[[nodiscard]] Unfolding unfold(const Program& prog, int unroll, const Deadline* deadline = nullptr);

}  // namespace xmcheck::checker
