#pragma once
// Executions that never complete because a sender waits forever for an IPI
// its target, with interrupts masked, never takes (docs/design.md, "Deadlocks").
#include <set>
#include <tuple>

#include "candidate_search.hpp"
#include "deadline.hpp"
#include "program.hpp"
#include "unfold.hpp"
#include "xmcheck/axioms/model.hpp"

namespace xmcheck::checker {

/// (waiter thread, target thread, handler id): an IPI `waiter` waits for forever.
using HungWait = std::tuple<int, int, int>;

/// Every HungWait of some execution that the model allows: one ordinary trace
/// or hung trace (Unfolding::hung_traces) per thread, at least one hung, with
/// reads-from and IPI matching as enumerate_deadlock_skeletons describes, and
/// a coherence order the model accepts. Empty, without a solver call, when no
/// hung wait sends to a thread that can end with interrupts masked. With
/// `use_cores`, a refuted skeleton is blocked with all that share its core
/// (core_finder.hpp). `stats` counts the search's solver calls and skeletons.
std::set<HungWait> find_deadlocks(SmtContext& smt, const Program& prog, const Unfolding& unfolding,
                                  axioms::Evaluator& judge, const Deadline& deadline, bool use_cores,
                                  SearchStats& stats);

}  // namespace xmcheck::checker
