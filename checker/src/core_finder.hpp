#pragma once
// Blocking by core (docs/design.md): for a skeleton none of whose coherence
// orders is consistent, a smaller set of threads whose sub-execution the
// model already refutes, so that the search can drop every skeleton sharing
// those threads' choices instead of this one alone.
#include <vector>

#include "candidate_search.hpp"
#include "deadline.hpp"
#include "xmcheck/axioms/model.hpp"

namespace xmcheck::checker {

/// A set of threads (fewer than all, found greedily in thread order) whose
/// sub-execution of `sk` every coherence order refutes with the model's
/// persistent checks; empty when there is none or the model has none.
[[nodiscard]] std::vector<bool> find_core(const Program& prog, const Unfolding& u, const Skeleton& sk,
                                          axioms::Evaluator& judge, const Deadline& deadline);

}  // namespace xmcheck::checker
