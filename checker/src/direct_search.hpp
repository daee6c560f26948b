#pragma once
// The skeleton search without a solver, for small candidate spaces: every
// combination of one trace per thread, one source per read and (with a
// projection) one final write per observed location, minus what the visitor's
// blockings exclude. It visits exactly the skeletons the Z3 encoding
// (candidate_search.cpp) admits; it exists because Z3 costs a fixed 50-100 us
// per model, more than judging a small skeleton does.
#include <cstddef>
#include <functional>

#include "candidate_search.hpp"

namespace xmcheck::checker {

/// The largest candidate space (skeletons before any blocking) searched
/// directly; a larger one goes to Z3, whose cores prune without enumerating.
inline constexpr std::size_t kDirectSearchLimit = 20000;

/// True when enumerate_directly() accepts the search: no IPI events (their
/// matching is left to the solver) and at most `limit` skeletons before blocking.
[[nodiscard]] bool direct_search_fits(const Program& prog, const Unfolding& unfolding, const StateSlots* projection,
                                      std::size_t limit = kDirectSearchLimit);

/// Calls `visit` for every skeleton that earlier blockings do not exclude,
/// like enumerate_skeletons() (same contract, `solver_calls` stays 0).
/// Precondition: direct_search_fits().
void enumerate_directly(const Program& prog, const Unfolding& unfolding,
                        const std::function<Blocking(const Skeleton&)>& visit, const Deadline& deadline,
                        const StateSlots* projection, SearchStats& stats);

}  // namespace xmcheck::checker
