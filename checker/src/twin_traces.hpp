#pragma once
// Twin threads (docs/design.md, "Threads alone and in pairs"): the executing
// CPUs of a kernel protocol run the same code, so each has a trace that is
// another CPU's trace up to the names of per-CPU variables. A small core
// found on one CPU is then worth trying on each twin at once: the solver
// would otherwise find the same core once per CPU, one skeleton at a time.
// The moved core is judged again (ThreadVerdicts) before it blocks anything.
// Only whole-trace verdicts are shared between twins (ThreadVerdicts::
// trace_refuted: isomorphic single-thread sub-executions, docs/design.md).
#include <cstdint>
#include <map>
#include <vector>

#include "candidate_search.hpp"

namespace xmcheck::checker {

class ThreadVerdicts;

class TwinTraces {
 public:
  TwinTraces(const Program& prog, const Unfolding& u);

  struct Twin {
    int proc = -1, trace = -1;
    std::vector<int> loc_map;  ///< [location of the original] -> the twin's (identity where not accessed)
  };
  /// The traces of other threads equal to trace `trace` of `proc` up to a
  /// renaming of the locations it accesses.
  [[nodiscard]] std::vector<Twin> twins_of(int proc, int trace) const;
  /// The twin class of a trace: equal for twins (and only for them).
  [[nodiscard]] std::size_t class_of(int proc, int trace) const {
    return class_of_[static_cast<std::size_t>(proc)][static_cast<std::size_t>(trace)];
  }

 private:
  std::size_t nloc_;
  /// [proc][trace] -> its class (index into members_) and the locations it
  /// accesses in order of first access
  std::vector<std::vector<std::size_t>> class_of_;
  std::vector<std::vector<std::vector<int>>> first_access_;
  std::vector<std::vector<std::pair<int, int>>> members_;  ///< [class] -> (proc, trace)
};

/// `core` (one or two threads of `sk`, refuted) moved to twins: for each
/// member and each twin trace of another thread outside the core, the
/// skeleton in which that thread runs the twin trace with the member's rf and
/// IPI choices (sources renamed alike), and the moved core. Only those the
/// verdicts refute are returned.
[[nodiscard]] std::vector<std::pair<Skeleton, std::vector<bool>>> moved_cores(ThreadVerdicts& verdicts,
                                                                             const TwinTraces& twins,
                                                                             const Skeleton& sk,
                                                                             const std::vector<bool>& core);

}  // namespace xmcheck::checker
