#include "local_coherence.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

namespace xmcheck::checker {
namespace {

/// Coherence orders per skeleton from which pruning pays for judging threads.
constexpr std::size_t kWorthFrom = 8;
/// The most allowed orders of one location listed up front (more: filtered
/// one permutation at a time, in constant memory).
constexpr std::size_t kMaxListedOrders = 100000;

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

std::optional<std::vector<std::vector<int>>> LocalCoherence::allowed_orders(const Execution& ex,
                                                                            std::size_t loc) const {
  const std::vector<int>& writes = ex.writes_per_loc()[loc];
  // Each thread's own orders of its writes here that its verdict allows...
  std::map<int, std::vector<int>> by_proc;
  for (std::size_t i = 1; i < writes.size(); ++i) by_proc[ex.proc_of(static_cast<std::size_t>(writes[i]))].push_back(writes[i]);
  std::vector<std::vector<std::vector<int>>> own;
  std::size_t count = 1;
  for (auto& entry : by_proc) {
    const int proc = entry.first;  // not a structured binding: the lambda below captures it
    std::vector<int>& ids = entry.second;
    std::sort(ids.begin(), ids.end());
    const auto refuted = std::find_if(refuted_[loc].begin(), refuted_[loc].end(),
                                      [&](const Refuted& r) { return r.proc == proc; });
    std::vector<std::vector<int>> seqs;
    do {
      if (deadline_.active()) deadline_.check();
      if (refuted == refuted_[loc].end() ||
          std::find(refuted->orders.begin(), refuted->orders.end(), ex.writes_of_proc(proc, ids)) ==
              refuted->orders.end())
        seqs.push_back(ids);
    } while (std::next_permutation(ids.begin(), ids.end()));
    count *= seqs.size();
    if (count > kMaxListedOrders) return std::nullopt;
    own.push_back(std::move(seqs));
  }
  // ...interleaved in every way: exactly the allowed() total orders.
  std::vector<std::vector<int>> out;
  std::vector<int> order{writes.front()};
  std::vector<std::size_t> pick(own.size(), 0), next(own.size(), 0);
  const std::function<bool()> merge = [&]() {
    if (order.size() == writes.size()) {
      out.push_back(order);
      return out.size() <= kMaxListedOrders;
    }
    for (std::size_t q = 0; q < own.size(); ++q) {
      const auto& seq = own[q][pick[q]];
      if (next[q] == seq.size()) continue;
      order.push_back(seq[next[q]++]);
      const bool ok = merge();
      --next[q];
      order.pop_back();
      if (!ok) return false;
    }
    return true;
  };
  const std::function<bool(std::size_t)> choose = [&](std::size_t q) {
    if (q == own.size()) return merge();
    for (pick[q] = 0; pick[q] < own[q].size(); ++pick[q])
      if (!choose(q + 1)) return false;
    return true;
  };
  if (!choose(0)) return std::nullopt;
  // The order for_each_coherence visits them in (next_permutation's).
  std::sort(out.begin(), out.end());
  return out;
}

bool LocalCoherence::for_each(const Execution& ex,
                              const std::function<bool(const std::vector<std::vector<int>>&)>& visit) const {
  if (refuted_.empty()) return for_each_coherence(ex.writes_per_loc(), visit);  // nothing to skip
  // A location with refuted orders: list its allowed orders directly (as
  // interleavings of each thread's allowed orders) rather than filtering
  // every permutation; the visiting order is the same.
  const auto& writes = ex.writes_per_loc();
  std::vector<std::optional<std::vector<std::vector<int>>>> listed(writes.size());
  bool any = false;
  for (std::size_t l = 0; l < writes.size(); ++l)
    if (!refuted_[l].empty() && writes[l].size() > 2) any |= (listed[l] = allowed_orders(ex, l)).has_value();
  if (!any)
    return for_each_coherence(writes, visit,
                              [&](std::size_t loc, const std::vector<int>& order) { return allowed(ex, loc, order); });
  std::vector<std::vector<int>> co = writes;
  for (auto& w : co) std::sort(w.begin() + 1, w.end());
  const std::function<bool(std::size_t)> rec = [&](std::size_t l) {
    if (l == co.size()) return visit(co);
    if (listed[l]) {
      for (const auto& order : *listed[l]) {
        co[l] = order;
        if (!rec(l + 1)) return false;
      }
      return true;
    }
    do {
      if (co[l].size() > 2 && !allowed(ex, l, co[l])) continue;
      if (!rec(l + 1)) return false;
    } while (std::next_permutation(co[l].begin() + 1, co[l].end()));
    return true;
  };
  return rec(0);
}

}  // namespace xmcheck::checker
