#include "thread_verdicts.hpp"

#include <algorithm>
#include <climits>

#include "execution.hpp"
#include "twin_traces.hpp"

namespace xmcheck::checker {
namespace {

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

/// The core {proc} of `sk` without the sources its refutation does not need
/// (each tried as a read from outside the thread, which leaves no edge): its
/// clause then holds for every choice of those. Blocked with its twins.
void block_fewer_sources(ThreadVerdicts& verdicts, const Skeleton& sk, int proc, Blocking& b) {
  const auto p = static_cast<std::size_t>(proc);
  const Trace& t = verdicts.unfolding().traces[p][static_cast<std::size_t>(sk.trace_of_proc[p])];
  const EventRef outside{proc == 0 ? 1 : 0, 0};
  Skeleton fewer = sk;
  bool dropped = false;
  for (std::size_t e = 0; e < t.events.size(); ++e) {
    if (t.events[e].kind != EventKind::Read && t.events[e].kind != EventKind::Fetch) continue;
    EventRef& src = fewer.rf_source[p][e];
    if (src.proc >= 0 && src.proc != proc) continue;  // already outside: no literal
    const EventRef kept = src;
    src = outside;
    if (verdicts.of(fewer, proc).refutes_all) dropped = true;
    else src = kept;
  }
  if (!dropped) return;
  std::vector<bool> core(sk.trace_of_proc.size(), false);
  core[p] = true;
  for (auto& moved : moved_cores(verdicts, verdicts.twins(), fewer, core)) b.elsewhere.push_back(std::move(moved));
  b.elsewhere.emplace_back(std::move(fewer), std::move(core));
}

/// Adds to `b` the copies of its cores on twin threads that are refuted too.
void move_to_twins(ThreadVerdicts& verdicts, const Skeleton& sk, Blocking& b) {
  const auto move = [&](const std::vector<bool>& core) {
    for (auto& moved : moved_cores(verdicts, verdicts.twins(), sk, core)) b.elsewhere.push_back(std::move(moved));
  };
  move(b.core);
  for (const auto& core : b.more_cores) move(core);
}

}  // namespace

ThreadVerdicts::ThreadVerdicts(const Program& prog, const Unfolding& u, axioms::Evaluator& judge,
                               const Deadline& deadline)
    : prog_(prog), u_(u), judge_(judge), deadline_(deadline) {}

const TwinTraces& ThreadVerdicts::twins() {
  if (!twins_) twins_ = std::make_unique<TwinTraces>(prog_, u_);
  return *twins_;
}

bool ThreadVerdicts::trace_refuted(int proc, int trace) {
  const auto [it, fresh] = whole_traces_.try_emplace({proc, trace}, false);
  if (!fresh) return it->second;
  const auto p = static_cast<std::size_t>(proc);
  const Trace& t = u_.traces[p][static_cast<std::size_t>(trace)];
  const std::size_t procs = u_.traces.size();
  if (!active() || procs < 2) return false;
  if (writers_.empty()) {  // (location, value) -> the threads that write it
    for (std::size_t q = 0; q < procs; ++q)
      for (const Trace& other : u_.traces[q])
        for (const auto& ev : other.events)
          if (ev.kind == EventKind::Write) writers_[{ev.loc, ev.value}].insert(static_cast<int>(q));
    writers_[{-1, Val{}}];  // built, even when nothing writes
  }
  // Each read's possible sources as seen alone: initial, the thread's own
  // writes, or another thread's (no edge in the sub-execution).
  const EventRef outside{proc == 0 ? 1 : 0, 0};
  std::vector<std::size_t> reads;
  std::vector<std::vector<EventRef>> options;
  std::vector<std::size_t> class_key{twins().class_of(proc, trace)};
  std::size_t combos = 1;
  for (std::size_t e = 0; e < t.events.size(); ++e) {
    const TraceEvent& r = t.events[e];
    if (r.kind == EventKind::IpiSend && r.target == proc) return false;  // IPIs to itself: not enumerated
    if (r.kind != EventKind::Read && r.kind != EventKind::Fetch) continue;
    std::vector<EventRef> srcs;
    if (prog_.locs[static_cast<std::size_t>(r.loc)].init == r.value) srcs.push_back(EventRef{-1, r.loc});
    for (std::size_t w = 0; w < t.events.size(); ++w)
      if (t.events[w].kind == EventKind::Write && t.events[w].loc == r.loc && t.events[w].value == r.value &&
          may_read_own_write(t, e, w))
        srcs.push_back(EventRef{proc, static_cast<int>(w)});
    const auto by = writers_.find({r.loc, r.value});
    const bool from_outside = by != writers_.end() && (by->second.size() > 1 || !by->second.contains(proc));
    if (from_outside) srcs.push_back(outside);
    class_key.push_back(from_outside ? 1 : 0);
    if (srcs.empty()) return false;  // the solver never picks this trace anyway
    combos *= srcs.size();
    if (combos > kMaxSourceCombos) return false;
    reads.push_back(e);
    options.push_back(std::move(srcs));
  }
  if (const auto shared = whole_classes_.find(class_key); shared != whole_classes_.end())
    return whole_traces_[{proc, trace}] = shared->second;
  bool& judged = whole_classes_[class_key];  // false until every choice is refuted
  Skeleton sk;
  sk.trace_of_proc.assign(procs, 0);
  sk.trace_of_proc[p] = trace;
  sk.rf_source.assign(procs, {});
  sk.rf_source[p].assign(t.events.size(), EventRef{});
  std::vector<std::size_t> pick(reads.size(), 0);
  while (true) {
    for (std::size_t i = 0; i < reads.size(); ++i) sk.rf_source[p][reads[i]] = options[i][pick[i]];
    if (!of(sk, proc).refutes_all) return false;
    std::size_t i = 0;
    while (i < pick.size() && ++pick[i] == options[i].size()) pick[i++] = 0;
    if (i == pick.size()) break;
  }
  judged = true;
  return whole_traces_[{proc, trace}] = true;
}

std::vector<std::vector<bool>> ThreadVerdicts::refuted_traces() {
  std::vector<std::vector<bool>> out;
  if (u_.traces.size() < kThreadsAloneFrom || !active()) return out;
  for (std::size_t p = 0; p < u_.traces.size(); ++p) {
    out.emplace_back();
    for (std::size_t t = 0; t < u_.traces[p].size(); ++t)
      out.back().push_back(trace_refuted(static_cast<int>(p), static_cast<int>(t)));
  }
  return out;
}

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
      auto [it, fresh] = refuted[l].try_emplace(alone.writes_of_proc(proc, co[l]), r);
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
    if (!b) b = Blocking::by_core(std::move(core));
    else b->more_cores.push_back(std::move(core));
  };
  for (std::size_t p = 0; p < procs; ++p)
    if (verdicts.of(sk, static_cast<int>(p)).refutes_all) {
      std::vector<bool> core(procs, false);
      core[p] = true;
      add(std::move(core));
      block_fewer_sources(verdicts, sk, static_cast<int>(p), *b);
    }
  if (b) {
    move_to_twins(verdicts, sk, *b);
    return b;
  }
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
  if (b) move_to_twins(verdicts, sk, *b);
  return b;
}

}  // namespace xmcheck::checker
