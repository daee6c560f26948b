#include "thread_verdicts.hpp"

#include <algorithm>
#include <climits>

#include "execution.hpp"

namespace xmcheck::checker {
namespace {

/// `order` restricted to the writes of `proc`, as indices in its trace.
std::vector<int> of_proc(const Execution& ex, int proc, const std::vector<int>& order) {
  std::vector<int> out;
  for (int id : order)
    if (ex.proc_of(static_cast<std::size_t>(id)) == proc) out.push_back(id - ex.offset(proc));
  return out;
}

/// Everything the sub-execution of the threads `procs` is made of (Execution
/// keeping them): their traces, their reads' sources when inside the set or
/// initial, and the IPIs among them.
std::vector<int> key_of(const Unfolding& u, const Skeleton& sk, const std::vector<int>& procs) {
  const auto inside = [&](int proc) { return std::find(procs.begin(), procs.end(), proc) != procs.end(); };
  std::vector<int> key(procs);
  for (int proc : procs) key.push_back(sk.trace_of_proc[static_cast<std::size_t>(proc)]);
  for (int proc : procs) {
    const auto p = static_cast<std::size_t>(proc);
    const Trace& t = u.traces[p][static_cast<std::size_t>(sk.trace_of_proc[p])];
    for (std::size_t e = 0; e < t.events.size(); ++e) {
      if (t.events[e].kind != EventKind::Read && t.events[e].kind != EventKind::Fetch) continue;
      const EventRef src = sk.rf_source[p][e];
      if (src.proc < 0) key.push_back(-1 - src.index);
      else if (inside(src.proc)) key.insert(key.end(), {src.proc, src.index});
      else key.push_back(INT_MIN);
    }
  }
  for (const auto& [send, entry] : sk.ipi)
    if (inside(send.proc) && inside(entry.proc)) key.insert(key.end(), {send.proc, send.index, entry.proc, entry.index});
  return key;
}

/// Locations a trace accesses, and those it writes.
struct Footprint {
  std::vector<bool> accessed, written;
};

Footprint footprint(const Program& prog, const Trace& t) {
  Footprint f{std::vector<bool>(prog.locs.size(), false), std::vector<bool>(prog.locs.size(), false)};
  for (const auto& ev : t.events) {
    if (ev.loc < 0) continue;
    const auto l = static_cast<std::size_t>(ev.loc);
    if (ev.kind == EventKind::Write) f.written[l] = true;
    if (ev.kind == EventKind::Write || ev.kind == EventKind::Read || ev.kind == EventKind::Fetch) f.accessed[l] = true;
  }
  return f;
}

/// Whether the two threads can have an edge between them: one writes a
/// location the other accesses, or one sends the other an IPI. Others judged
/// together show nothing either shows alone.
bool communicate(const Footprint& a, const Footprint& b, const Skeleton& sk, int p, int q) {
  for (std::size_t l = 0; l < a.accessed.size(); ++l)
    if ((a.written[l] && b.accessed[l]) || (b.written[l] && a.accessed[l])) return true;
  return std::any_of(sk.ipi.begin(), sk.ipi.end(), [&](const auto& pair) {
    return (pair.first.proc == p && pair.second.proc == q) || (pair.first.proc == q && pair.second.proc == p);
  });
}

}  // namespace

ThreadVerdicts::ThreadVerdicts(const Program& prog, const Unfolding& u, axioms::Evaluator& judge,
                               const Deadline& deadline)
    : prog_(prog), u_(u), judge_(judge), deadline_(deadline) {}

bool ThreadVerdicts::active() const { return judge_.can_refute_extensions(); }

const ThreadVerdicts::Verdict& ThreadVerdicts::of(const Skeleton& sk, int proc) {
  std::vector<int> key = key_of(u_, sk, {proc});
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  Verdict v = judge_alone(sk, proc);
  return cache_.emplace(std::move(key), std::move(v)).first->second;
}

bool ThreadVerdicts::pair_refuted(const Skeleton& sk, int p, int q) {
  std::vector<int> key = key_of(u_, sk, {p, q});
  if (auto it = pairs_.find(key); it != pairs_.end()) return it->second;
  std::vector<bool> keep(u_.traces.size(), false);
  keep[static_cast<std::size_t>(p)] = keep[static_cast<std::size_t>(q)] = true;
  Execution both(prog_, u_, sk, keep);
  const bool refuted = active() && for_each_coherence(both.writes_per_loc(), [&](const std::vector<std::vector<int>>& co) {
    if (deadline_.active()) deadline_.check();
    return judge_.refutes_extensions(both.with_coherence(co));
  });
  return pairs_.emplace(std::move(key), refuted).first->second;
}

ThreadVerdicts::Verdict ThreadVerdicts::judge_alone(const Skeleton& sk, int proc) {
  Verdict out;
  if (!active()) return out;
  const auto p = static_cast<std::size_t>(proc);
  std::vector<int> writes_per_loc(prog_.locs.size(), 0);
  for (const auto& ev : u_.traces[p][static_cast<std::size_t>(sk.trace_of_proc[p])].events)
    if (ev.kind == EventKind::Write) ++writes_per_loc[static_cast<std::size_t>(ev.loc)];
  std::vector<bool> keep(u_.traces.size(), false);
  keep[p] = true;
  Execution alone(prog_, u_, sk, keep);
  // [loc][order of the thread's writes] -> every coherence order with it is refuted
  std::vector<std::map<std::vector<int>, bool>> refuted(prog_.locs.size());
  out.refutes_all = true;
  for_each_coherence(alone.writes_per_loc(), [&](const std::vector<std::vector<int>>& co) {
    if (deadline_.active()) deadline_.check();
    const bool r = judge_.refutes_extensions(alone.with_coherence(co));
    out.refutes_all = out.refutes_all && r;
    for (std::size_t l = 0; l < co.size(); ++l) {
      if (writes_per_loc[l] < 2) continue;
      auto [it, fresh] = refuted[l].try_emplace(of_proc(alone, proc, co[l]), r);
      if (!fresh) it->second = it->second && r;
    }
    return true;
  });
  for (std::size_t l = 0; l < refuted.size(); ++l)
    for (const auto& [order, r] : refuted[l])
      if (r) {
        if (out.refuted_orders.empty()) out.refuted_orders.resize(prog_.locs.size());
        out.refuted_orders[l].push_back(order);
      }
  return out;
}

std::optional<Blocking> blocked_by_small_core(ThreadVerdicts& verdicts, const Skeleton& sk) {
  const std::size_t procs = sk.trace_of_proc.size();
  if (procs < kThreadsAloneFrom || !verdicts.active()) return std::nullopt;
  std::optional<Blocking> b;
  const auto add = [&](std::vector<bool> core) {
    if (!b) b = Blocking{std::move(core), {}, {}};
    else b->more_cores.push_back(std::move(core));
  };
  for (std::size_t p = 0; p < procs; ++p)
    if (verdicts.of(sk, static_cast<int>(p)).refutes_all) {
      std::vector<bool> core(procs, false);
      core[p] = true;
      add(std::move(core));
    }
  if (b) return b;
  const Unfolding& u = verdicts.unfolding();
  std::vector<Footprint> feet;
  for (std::size_t p = 0; p < procs; ++p)
    feet.push_back(footprint(verdicts.program(), u.traces[p][static_cast<std::size_t>(sk.trace_of_proc[p])]));
  for (std::size_t p = 0; p < procs; ++p)
    for (std::size_t q = p + 1; q < procs; ++q) {
      const int pi = static_cast<int>(p), qi = static_cast<int>(q);
      if (!communicate(feet[p], feet[q], sk, pi, qi) || !verdicts.pair_refuted(sk, pi, qi)) continue;
      std::vector<bool> core(procs, false);
      core[p] = core[q] = true;
      add(std::move(core));
    }
  return b;
}

}  // namespace xmcheck::checker
