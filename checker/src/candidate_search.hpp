#pragma once
// The SMT side of the search: Z3 chooses one trace per thread and a write for
// every read (and fetch) to take its value from, subject to location and value
// agreement. Each solver model is one candidate skeleton; it is blocked after
// being reported, so the enumeration is exhaustive and never repeats.
#include <functional>
#include <memory>
#include <vector>

#include "deadline.hpp"
#include "unfold.hpp"

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
};

struct SearchStats {
  std::size_t solver_calls = 0;
  std::size_t skeletons = 0;
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

 private:
  std::unique_ptr<Impl> impl_;
};

/// Calls `visit` for every skeleton of `unfolding`. With a `deadline`, throws
/// TimedOut once it passes (polled before each solver call, which is bounded too).
SearchStats enumerate_skeletons(SmtContext& smt, const Program& prog, const Unfolding& unfolding,
                                const std::function<void(const Skeleton&)>& visit,
                                const Deadline* deadline = nullptr);

}  // namespace xmcheck::checker
