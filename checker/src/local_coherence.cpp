#include "local_coherence.hpp"

#include <algorithm>
#include <map>

namespace xmcheck::checker {
namespace {

/// `order` restricted to the writes of `proc`, as indices in its trace.
std::vector<int> of_proc(const Execution& ex, int proc, const std::vector<int>& order) {
  std::vector<int> out;
  for (int id : order)
    if (ex.proc_of(static_cast<std::size_t>(id)) == proc) out.push_back(id - ex.offset(proc));
  return out;
}

/// Coherence orders per skeleton from which pruning pays for judging threads.
constexpr std::size_t kWorthFrom = 8;

}  // namespace

LocalCoherence::LocalCoherence(const Program& prog, const Unfolding& u, const Skeleton& sk,
                               axioms::Evaluator& judge, const Deadline& deadline, bool enabled)
    : deadline_(deadline) {
  if (!enabled || !judge.can_refute_extensions()) return;
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
    if (refuted_.empty()) refuted_.resize(prog.locs.size());
    std::vector<bool> keep(procs, false);
    keep[p] = true;
    Execution alone(prog, u, sk, keep);
    // [loc][order of p's writes] -> every coherence order with it is refuted
    std::vector<std::map<std::vector<int>, bool>> all_refuted(prog.locs.size());
    for_each_coherence(alone.writes_per_loc(), [&](const std::vector<std::vector<int>>& co) {
      if (deadline.active()) deadline.check();
      const bool refuted = judge.refutes_extensions(alone.with_coherence(co));
      for (std::size_t l = 0; l < co.size(); ++l) {
        if (writes_per_loc[l] < 2) continue;
        auto [it, fresh] = all_refuted[l].try_emplace(of_proc(alone, static_cast<int>(p), co[l]), refuted);
        if (!fresh) it->second = it->second && refuted;
      }
      return true;
    });
    for (std::size_t l = 0; l < all_refuted.size(); ++l) {
      Refuted r{static_cast<int>(p), {}};
      for (const auto& [order, refuted] : all_refuted[l])
        if (refuted) r.orders.push_back(order);
      if (!r.orders.empty()) refuted_[l].push_back(std::move(r));
    }
  }
}

bool LocalCoherence::allowed(const Execution& ex, std::size_t loc, const std::vector<int>& order) const {
  if (deadline_.active()) deadline_.check();
  if (refuted_.empty()) return true;
  for (const Refuted& r : refuted_[loc]) {
    const std::vector<int> mine = of_proc(ex, r.proc, order);
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
