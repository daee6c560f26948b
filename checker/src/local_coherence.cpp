#include "local_coherence.hpp"

#include <algorithm>

namespace xmcheck::checker {
namespace {

/// Coherence orders per skeleton from which pruning pays for judging threads.
constexpr std::size_t kWorthFrom = 8;

}  // namespace

LocalCoherence::LocalCoherence(ThreadVerdicts& verdicts, const Skeleton& sk, bool enabled)
    : deadline_(verdicts.deadline()) {
  if (!enabled || !verdicts.active()) return;
  const Program& prog = verdicts.program();
  const Unfolding& u = verdicts.unfolding();
  const std::size_t procs = u.traces.size();
  // Few coherence orders: judging them costs less than judging each thread.
  std::vector<int> writes_per_loc(prog.locs.size(), 0);
  for (std::size_t p = 0; p < procs; ++p)
    for (const auto& ev : u.traces[p][static_cast<std::size_t>(sk.trace_of_proc[p])].events)
      if (ev.kind == EventKind::Write) ++writes_per_loc[static_cast<std::size_t>(ev.loc)];
  std::size_t orders = 1;
  for (int w : writes_per_loc)
    for (int k = 2; k <= w && orders <= kWorthFrom; ++k) orders *= static_cast<std::size_t>(k);
  if (orders <= kWorthFrom) return;
  for (std::size_t p = 0; p < procs; ++p) {
    // Only locations the thread writes twice or more have orders to refute
    // (most threads of most tests: nothing to do, nothing allocated).
    std::fill(writes_per_loc.begin(), writes_per_loc.end(), 0);
    bool repeats = false;
    for (const auto& ev : u.traces[p][static_cast<std::size_t>(sk.trace_of_proc[p])].events)
      if (ev.kind == EventKind::Write) repeats = ++writes_per_loc[static_cast<std::size_t>(ev.loc)] >= 2 || repeats;
    if (!repeats) continue;
    const ThreadVerdicts::Verdict& v = verdicts.of(sk, static_cast<int>(p));
    if (v.refuted_orders.empty()) continue;
    if (refuted_.empty()) refuted_.resize(prog.locs.size());
    for (std::size_t l = 0; l < v.refuted_orders.size(); ++l)
      if (!v.refuted_orders[l].empty()) refuted_[l].push_back(Refuted{static_cast<int>(p), v.refuted_orders[l]});
  }
}

bool LocalCoherence::allowed(const Execution& ex, std::size_t loc, const std::vector<int>& order) const {
  if (deadline_.active()) deadline_.check();
  if (refuted_.empty()) return true;
  for (const Refuted& r : refuted_[loc]) {
    const std::vector<int> mine = ex.writes_of_proc(r.proc, order);
    if (mine.empty()) continue;  // the thread is left out of this sub-execution
    if (std::find(r.orders.begin(), r.orders.end(), mine) != r.orders.end()) return false;
  }
  return true;
}

bool LocalCoherence::for_each(const Execution& ex,
                              const std::function<bool(const std::vector<std::vector<int>>&)>& visit) const {
  if (refuted_.empty()) return for_each_coherence(ex.writes_per_loc(), visit);  // nothing to skip
  return for_each_coherence(ex.writes_per_loc(), visit,
                            [&](std::size_t loc, const std::vector<int>& order) { return allowed(ex, loc, order); });
}

}  // namespace xmcheck::checker
