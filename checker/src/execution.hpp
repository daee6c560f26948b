#pragma once
// A candidate execution as the model sees it: global event numbering (initial
// writes first, then each chosen trace), base sets and relations. Everything that
// depends only on the skeleton is built once; coherence orders are plugged in
// per candidate.
#include <vector>

#include "candidate_search.hpp"
#include "xmcheck/axioms/model.hpp"

namespace xmcheck::checker {

class Execution {
 public:
  Execution(const Program& prog, const Unfolding& u, const Skeleton& sk);

  [[nodiscard]] std::size_t num_events() const { return base_.num_events; }
  /// Global ids of the writes to each location; the initial write comes first.
  [[nodiscard]] const std::vector<std::vector<int>>& writes_per_loc() const { return writes_; }
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
  void add_sets(std::size_t id, std::uint64_t sets);
  void add_edges(std::size_t rel, const EdgeList& edges, int offset);

  const Program& prog_;
  std::vector<const Trace*> traces_;
  std::vector<int> offset_;   ///< [proc] -> global id of the trace's first event
  std::vector<int> proc_of_;  ///< [global id] -> proc (-1 for initial writes)
  std::vector<Val> values_;
  std::vector<std::vector<int>> writes_;
  axioms::BaseValues base_;
};

}  // namespace xmcheck::checker
