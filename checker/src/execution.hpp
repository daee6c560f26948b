#pragma once
// A candidate execution as the model sees it: global event numbering (initial
// writes first, then each chosen trace), base sets and relations. Everything that
// depends only on the skeleton is built once; coherence orders are plugged in
// per candidate.
#include <functional>
#include <vector>

#include "candidate_search.hpp"
#include "set_mask.hpp"
#include "xmcheck/axioms/model.hpp"

namespace xmcheck::checker {

class Execution {
 public:
  Execution(const Program& prog, const Unfolding& u, const Skeleton& sk);
  /// The sub-execution of the procs `keep` marks: their events, the rf and IPI
  /// edges among them (a read whose write is left out reads from nothing).
  /// trace() of a left-out proc must not be called.
  Execution(const Program& prog, const Unfolding& u, const Skeleton& sk, const std::vector<bool>& keep);

  [[nodiscard]] std::size_t num_events() const { return base_.num_events; }
  /// Global ids of the writes to each location; the initial write comes first.
  [[nodiscard]] const std::vector<std::vector<int>>& writes_per_loc() const { return writes_; }
  /// `order` (global write ids) restricted to the writes of `proc`, as
  /// indices in its trace.
  [[nodiscard]] std::vector<int> writes_of_proc(int proc, const std::vector<int>& order) const {
    std::vector<int> out;
    for (int id : order)
      if (proc_of(static_cast<std::size_t>(id)) == proc) out.push_back(id - offset(proc));
    return out;
  }
  /// Base values for the coherence order `co` ([loc] -> write ids, co-first first).
  const axioms::BaseValues& with_coherence(const std::vector<std::vector<int>>& co);
  /// The chosen trace of `proc`.
  [[nodiscard]] const Trace& trace(int proc) const { return *traces_[static_cast<std::size_t>(proc)]; }
  /// Value written by global write `id`.
  [[nodiscard]] const Val& write_value(int id) const { return values_[static_cast<std::size_t>(id)]; }
  /// The proc of global event `id` (-1: the initial write of location `id`).
  [[nodiscard]] int proc_of(std::size_t id) const { return proc_of_[id]; }
  /// The global id of event 0 of `proc`'s trace.
  [[nodiscard]] int offset(int proc) const { return offset_[static_cast<std::size_t>(proc)]; }
  /// The base values as last set by with_coherence().
  [[nodiscard]] const axioms::BaseValues& base() const { return base_; }

 private:
  void add_sets(std::size_t id, SetMask sets);
  void add_edges(std::size_t rel, const EdgeList& edges, int offset);

  std::vector<const Trace*> traces_;
  std::vector<int> offset_;   ///< [proc] -> global id of the trace's first event
  std::vector<int> proc_of_;  ///< [global id] -> proc (-1 for initial writes)
  std::vector<Val> values_;
  std::vector<std::vector<int>> writes_;
  const std::vector<bool>* observed_ = nullptr;  ///< Program::observed_memory, null: every location
  axioms::BaseValues base_;
};

/// Calls `visit` with every combination of per-location coherence orders of
/// `writes` ([loc] -> write ids, initial write first and kept first) until it
/// returns false. Returns false if it stopped early.
/// With `allowed`, a location's permutations it rejects are skipped.
bool for_each_coherence(const std::vector<std::vector<int>>& writes,
                        const std::function<bool(const std::vector<std::vector<int>>&)>& visit,
                        const std::function<bool(std::size_t, const std::vector<int>&)>& allowed = {});

}  // namespace xmcheck::checker
