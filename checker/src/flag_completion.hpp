#pragma once
// Exact flags for the projected search (docs/design.md, "Exact flags"). The
// projected search judges one execution per final state, so a flag another
// execution raises can be missing; complete_flags() looks for each missing
// flag, one target set of threads at a time, blocking whole families of
// skeletons that provably cannot raise it there.
#include <functional>
#include <set>
#include <string>

#include "candidate_search.hpp"
#include "deadline.hpp"
#include "observation.hpp"
#include "thread_verdicts.hpp"
#include "xmcheck/axioms/model.hpp"

namespace xmcheck::checker {

/// Adds to `flags` every flag of the model that some consistent execution
/// passing the filter raises and `flags` lacks. `stats` counts the work.
/// Without `use_cores` every skeleton is judged whole (no thread targets).
/// `verdicts` holds the program, unfolding, model and deadline of the search.
void complete_flags(SmtContext& smt, ThreadVerdicts& verdicts, const Observation& obs, SkeletonEngine engine,
                    bool use_cores, std::set<std::string>& flags, SearchStats& stats);

/// Whether some consistent execution passing the filter satisfies the
/// condition with a branch that raises no flag `undefined` names (the
/// projected search found only undefined ones). Judges skeletons whole,
/// blocking inconsistent ones by their cores: exponential at worst, and run
/// only for a test whose every positive state found was undefined.
bool find_defined_positive(SmtContext& smt, ThreadVerdicts& verdicts, const Observation& obs, SkeletonEngine engine,
                           bool use_cores, const std::function<bool(const std::string&)>& undefined,
                           SearchStats& stats);

}  // namespace xmcheck::checker
