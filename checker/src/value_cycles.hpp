#pragma once
// Candidates herd's equation solver rejects: values that justify themselves.
#include "candidate_search.hpp"
#include "unfold.hpp"

namespace xmcheck::checker {

/// Whether the skeleton has a cycle of reads-from (write -> read) and value
/// flow (read -> write whose value is computed from it, Trace::value_flow)
/// through concrete values. herd gives every read a solver variable; around
/// such a cycle no equation is fixed by a constant, so the solver cannot
/// make the candidate concrete and herd drops it (herd/mem.ml,
/// when_unsolved: "cyclic rfmaps"), whatever the model says. A cycle of
/// thin-air values is herd's free variable, which it keeps (thin_air.hpp).
[[nodiscard]] bool has_concrete_value_cycle(const Unfolding& u, const Skeleton& sk);

}  // namespace xmcheck::checker
