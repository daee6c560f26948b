#pragma once
// The SMT side of the search: Z3 chooses one trace per thread and a write for
// every read (and fetch) to take its value from, subject to location and value
// agreement. Each solver model is one candidate skeleton; it is blocked after
// being reported, so the enumeration is exhaustive and never repeats.
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "deadline.hpp"
#include "unfold.hpp"
#include "xmcheck/checker/engine.hpp"

namespace xmcheck::checker {

/// Identifies an event: `proc` = -1 for the initial write of location `index`,
/// else event `index` of the chosen trace of `proc`.
struct EventRef {
  int proc = -1;
  int index = 0;
  friend bool operator==(const EventRef&, const EventRef&) = default;
};

/// One skeleton: the trace chosen per proc and, for every read of those traces
/// (in proc, then trace order), the write it reads from.
struct Skeleton {
  std::vector<int> trace_of_proc;
  std::vector<std::vector<EventRef>> rf_source;  ///< [proc][event] (meaningful for reads)
  /// C tests: each IPI send with the interrupt entry that serves it (send, entry).
  std::vector<std::pair<EventRef, EventRef>> ipi;
  /// With a projection: [loc] -> the write that comes last in coherence, for
  /// the locations a final state observes (std::nullopt for the others).
  std::vector<std::optional<EventRef>> final_write;
};

/// Whether one of the skeleton's traces is marked in `traces` ([proc][trace];
/// empty: none is).
[[nodiscard]] inline bool has_trace_of(const Skeleton& sk, const std::vector<std::vector<bool>>& traces) {
  if (traces.empty()) return false;
  for (std::size_t p = 0; p < sk.trace_of_proc.size(); ++p)
    if (traces[p][static_cast<std::size_t>(sk.trace_of_proc[p])]) return true;
  return false;
}

/// Outcome projection (CheckOptions::states_only): how each value of a final
/// state is decided, so that one solver clause excludes every skeleton that
/// reaches a state already found.
struct StateSlots {
  struct Slot {
    int proc = -1;               ///< decided by this thread's trace (register, fault atom)...
    std::vector<Val> per_trace;  ///< ... its value for each trace of `proc`
    int loc = -1;                ///< or by the final write to this location; neither: a constant
  };
  std::vector<Slot> slots;
};

struct SearchStats {
  std::size_t solver_calls = 0;
  std::size_t skeletons = 0;
  std::size_t core_blocks = 0;  ///< skeletons blocked by a core of fewer threads
};

/// What the visitor learned from a skeleton: an empty `core` blocks exactly
/// that skeleton; otherwise core[p] marks the threads whose traces, and the
/// rf and IPI choices among them, already make every candidate inconsistent,
/// and every skeleton sharing them is blocked.
struct Blocking {
  std::vector<bool> core;
  /// Further cores found in the same skeleton (each thread that alone refutes
  /// its writes' orders), blocked as well: fewer skeletons to visit.
  std::vector<std::vector<bool>> more_cores;
  /// Cores of other skeletons, found from this one (twin threads' copies of
  /// a small core, twin_traces.hpp; a single-thread core without the
  /// sources it does not need), each with its skeleton: blocked too when
  /// the solver has literals for them. An economy of solver calls only: the
  /// direct search meets those skeletons and blocks them then.
  std::vector<std::pair<Skeleton, std::vector<bool>>> elsewhere;
  /// With a projection, for a skeleton that reached a state: its values (one
  /// per StateSlots slot); every skeleton reaching the same state is blocked.
  std::optional<std::vector<Val>> state;

  /// Blocks every skeleton that shares `core`'s choices.
  [[nodiscard]] static Blocking by_core(std::vector<bool> core) {
    Blocking b;
    b.core = std::move(core);
    return b;
  }
};

/// Owns the Z3 context shared by successive searches of one session.
class SmtContext {
 public:
  SmtContext();
  ~SmtContext();
  SmtContext(const SmtContext&) = delete;
  SmtContext& operator=(const SmtContext&) = delete;
  struct Impl;
  [[nodiscard]] Impl& impl() { return *impl_; }
  /// A fresh Z3 context, after a search the solver's memory cap stopped.
  void reset();

 private:
  std::unique_ptr<Impl> impl_;
};

/// Calls `visit` for every skeleton of `unfolding` that the blockings it
/// returned do not exclude. With a `deadline`, throws Stopped once its budget
/// is exhausted (polled while the constraints are built and before each
/// solver call, which is bounded too). Whenever Z3 answers `unknown` (a
/// limit, or any other reason) it throws Stopped as well: the enumeration
/// never ends early as if it were complete. With a `projection`, skeletons
/// also choose the final write of each location it observes. With
/// `progress`, the statistics are kept there as they grow (accurate after
/// an early stop too). `engine` picks Z3 or the direct enumeration
/// (direct_search.hpp); both visit the same skeletons. `refuted_traces`
/// ([proc][trace], optional): traces no consistent execution contains
/// (ThreadVerdicts::refuted_traces), excluded before the first solver call;
/// the direct search visits their skeletons, whose visits block them.
SearchStats enumerate_skeletons(SmtContext& smt, const Program& prog, const Unfolding& unfolding,
                                const std::function<Blocking(const Skeleton&)>& visit,
                                const Deadline* deadline = nullptr, const StateSlots* projection = nullptr,
                                SearchStats* progress = nullptr, SkeletonEngine engine = SkeletonEngine::Auto,
                                const std::vector<std::vector<bool>>* refuted_traces = nullptr);

/// The deadlock search (deadlock_search.hpp): like enumerate_skeletons with
/// Z3 over `unfolding`, whose traces may block at an IPI wait
/// (Trace::hung_sends). Each skeleton has at least one such trace; a send a
/// blocked wait awaits may stay unserved, but only while its target's trace
/// ends with interrupts masked; the blocked wait has at least one unserved
/// send; every other send and every entry are matched as usual.
SearchStats enumerate_deadlock_skeletons(SmtContext& smt, const Program& prog, const Unfolding& unfolding,
                                         const std::function<Blocking(const Skeleton&)>& visit,
                                         const Deadline& deadline, SearchStats* progress = nullptr);

}  // namespace xmcheck::checker
