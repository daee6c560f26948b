#include "candidate_search.hpp"

#include <z3++.h>

#include <limits>
#include <string>

#include "direct_search.hpp"
#include "ipi_balance.hpp"
#include "skeleton_encoder.hpp"
#include "value_cycles.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {

using encoder::Encoder;

struct SmtContext::Impl {
  z3::context ctx;
  BalanceCache balance;
};

SmtContext::SmtContext() : impl_(std::make_unique<Impl>()) {}
SmtContext::~SmtContext() = default;
void SmtContext::reset() { impl_ = std::make_unique<Impl>(); }

namespace {

/// Z3 reports its allocation cap (Encoder: "max_memory") and a failed
/// allocation as exceptions: the search stops, it is not a bug.
[[noreturn]] void rethrow_solver_error(const z3::exception& ex, bool memory_exceeded) {
  const std::string msg = ex.msg();
  if (msg.find("max. memory") != std::string::npos || memory_exceeded) throw Stopped{StopReason::MemoryLimit, msg};
  if (msg.find("out of memory") != std::string::npos) throw Stopped{StopReason::OutOfMemory, "in the solver"};
  throw diag::InternalError("z3: " + msg);
}

/// `visit`, but for the skeletons herd's solver rejects before any model
/// (value_cycles.hpp): those are blocked, one by one, unseen.
std::function<Blocking(const Skeleton&)> solvable_only(const Unfolding& unfolding,
                                                       const std::function<Blocking(const Skeleton&)>& visit) {
  return [&unfolding, &visit](const Skeleton& sk) {
    return has_concrete_value_cycle(unfolding, sk) ? Blocking{} : visit(sk);
  };
}

}  // namespace

SearchStats enumerate_skeletons(SmtContext& smt, const Program& prog, const Unfolding& unfolding,
                                const std::function<Blocking(const Skeleton&)>& visit_all,
                                const Deadline* deadline, const StateSlots* projection, SearchStats* progress,
                                SkeletonEngine engine, const std::vector<std::vector<bool>>* refuted_traces) {
  const auto visit = solvable_only(unfolding, visit_all);
  const Deadline unlimited(0);
  SearchStats local;
  SearchStats& stats = progress != nullptr ? *progress : local;
  const Deadline& budget = deadline != nullptr ? *deadline : unlimited;
  const bool direct =
      (engine == SkeletonEngine::Direct &&
       direct_search_fits(prog, unfolding, projection, std::numeric_limits<std::size_t>::max() - 1)) ||
      (engine == SkeletonEngine::Auto && budget.solver_rlimit() == 0 &&
       direct_search_fits(prog, unfolding, projection));
  if (direct) {
    enumerate_directly(prog, unfolding, visit, budget, projection, stats);
    return stats;
  }
  try {
    Encoder enc(smt.impl().ctx, smt.impl().balance, prog, unfolding, projection,
                deadline != nullptr ? *deadline : unlimited, false, refuted_traces);
    enc.run(visit, stats);
    return stats;
  } catch (const z3::exception& ex) {
    rethrow_solver_error(ex, budget.memory_exceeded());
  }
}

SearchStats enumerate_deadlock_skeletons(SmtContext& smt, const Program& prog, const Unfolding& unfolding,
                                         const std::function<Blocking(const Skeleton&)>& visit_all,
                                         const Deadline& deadline, SearchStats* progress) {
  const auto visit = solvable_only(unfolding, visit_all);
  SearchStats local;
  SearchStats& stats = progress != nullptr ? *progress : local;
  try {
    Encoder enc(smt.impl().ctx, smt.impl().balance, prog, unfolding, nullptr, deadline, true);
    enc.run(visit, stats);
    return stats;
  } catch (const z3::exception& ex) {
    rethrow_solver_error(ex, deadline.memory_exceeded());
  }
}

}  // namespace xmcheck::checker
