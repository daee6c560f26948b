#pragma once
// Pruning coherence (docs/design.md): a skeleton's coherence orders are the
// product of per-location permutations, 2^N for N CPUs that each write their
// own word twice (kick_all_cpus_sync() to idle CPUs: the EQS counter). Most
// are refuted by one thread alone (its own writes against program order): the
// sub-execution of that thread, with that order of its writes, fails a
// persistent check on every branch, so every candidate containing it is
// inconsistent. LocalCoherence collects those orders per skeleton from the
// threads' verdicts (ThreadVerdicts, remembered across skeletons) and
// for_each_coherence() skips them.
#include <optional>
#include <vector>

#include "candidate_search.hpp"
#include "deadline.hpp"
#include "execution.hpp"
#include "thread_verdicts.hpp"
#include "xmcheck/axioms/model.hpp"

namespace xmcheck::checker {

class LocalCoherence {
 public:
  /// Nothing is pruned when the model cannot refute sub-executions, nor
  /// without `enabled` (explanations judge every candidate).
  LocalCoherence(ThreadVerdicts& verdicts, const Skeleton& sk, bool enabled = true);

  /// Whether `order` (global ids of `ex`, an execution or sub-execution of the
  /// same skeleton) of location `loc` may appear in a consistent candidate:
  /// false when its restriction to one thread's writes is refuted by that
  /// thread alone.
  [[nodiscard]] bool allowed(const Execution& ex, std::size_t loc, const std::vector<int>& order) const;
  /// for_each_coherence() over the orders allowed().
  bool for_each(const Execution& ex, const std::function<bool(const std::vector<std::vector<int>>&)>& visit) const;

 private:
  /// The orders of `loc`'s writes (initial write first) that allowed()
  /// accepts, in next_permutation's order; nullopt when there are too many.
  [[nodiscard]] std::optional<std::vector<std::vector<int>>> allowed_orders(const Execution& ex,
                                                                          std::size_t loc) const;
  struct Refuted {
    int proc = 0;
    std::vector<std::vector<int>> orders;  ///< the thread's writes to the location, as trace indices
  };
  std::vector<std::vector<Refuted>> refuted_;  ///< [loc]; empty: nothing is refuted
  const Deadline& deadline_;  ///< polled per order: skipped orders are not visited
};

}  // namespace xmcheck::checker
