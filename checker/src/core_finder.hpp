#pragma once
// Blocking by core (docs/design.md): for a skeleton none of whose coherence
// orders is consistent, a smaller set of threads whose sub-execution the
// model already refutes, so that the search can drop every skeleton sharing
// those threads' choices instead of this one alone.
#include <functional>
#include <vector>

#include "candidate_search.hpp"
#include "deadline.hpp"
#include "local_coherence.hpp"
#include "xmcheck/axioms/model.hpp"

namespace xmcheck::checker {

/// A minimal set of threads S with `fixed` ⊆ S ⊆ fixed ∪ `candidates` on
/// which `refuted` holds, given that it holds on fixed ∪ candidates and is
/// monotone (a superset of a refuted set is refuted). QuickXplain (Junker,
/// AAAI 2004): O(k log(n/k)) calls for a core of k among n, most of them on
/// small sets, where dropping threads one at a time evaluates n sets of
/// nearly n threads.
[[nodiscard]] std::vector<bool> minimal_core(const std::vector<bool>& fixed, const std::vector<bool>& candidates,
                                             const std::function<bool(const std::vector<bool>&)>& refuted);

/// A set of threads (fewer than all, found by minimal_core()) whose
/// sub-execution of `sk` every coherence order refutes with the model's
/// persistent checks; empty when there is none or the model has none.
/// `local`: the skeleton's coherence orders one thread refutes (skipped).
[[nodiscard]] std::vector<bool> find_core(const Program& prog, const Unfolding& u, const Skeleton& sk,
                                          axioms::Evaluator& judge, const Deadline& deadline,
                                          const LocalCoherence& local);

}  // namespace xmcheck::checker
