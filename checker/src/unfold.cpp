#include "unfold.hpp"

#include <algorithm>

#include "path_runner.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {
namespace {

constexpr std::size_t kMaxPathsPerThread = 200000;
constexpr int kMaxDomainRounds = 64;

bool add_value(std::vector<Val>& dom, const Val& v) {
  auto it = std::lower_bound(dom.begin(), dom.end(), v);
  if (it != dom.end() && *it == v) return false;
  dom.insert(it, v);
  return true;
}

/// Every trace of thread `proc`, appended to `out` as it is found (to `hung`
/// when it blocks forever at an IPI wait). Values stored on any path — also on
/// paths that are cut by the unrolling bound or dropped — are added to `written`: a store made before the path ends can
/// still be read by other events.
void unfold_thread(const Program& prog, int proc, const std::vector<std::vector<Val>>& domains, int unroll,
                   bool& loop_cut, std::vector<std::vector<Val>>& written, const Deadline* deadline,
                   const PathProducer& produce, std::size_t& max_writes, const IrqBudget& budget,
                   diag::SourceSpan& cut_at, std::vector<Trace>& out, std::vector<Trace>& hung) {
  ChoiceCursor cursor;
  do {
    if (deadline != nullptr) deadline->check();
    Trace trace;
    const PathEnd end = produce(proc, domains, cursor, unroll, budget, trace);
    std::size_t writes = 0;
    for (const auto& e : trace.events)
      if (e.kind == EventKind::Write) {
        add_value(written[static_cast<std::size_t>(e.loc)], e.value);
        ++writes;
      }
    max_writes = std::max(max_writes, writes);
    if (end == PathEnd::Done) (trace.hung_sends.empty() ? out : hung).push_back(std::move(trace));
    if (end == PathEnd::LoopCut) {
      loop_cut = true;
      if (!cut_at.file) cut_at = trace.cut_span;
    }
    if (out.size() + hung.size() > kMaxPathsPerThread)
      throw diag::UserError(diag::ErrorKind::Unsupported,
                            prog.procs[static_cast<std::size_t>(proc)].slots.front().span,
                            "thread P" + std::to_string(proc) + " has more than " +
                                std::to_string(kMaxPathsPerThread) + " paths");
  } while (cursor.advance());
}

/// For every CPU and handler: the most IPIs one execution may send it, the sum
/// over the other threads of the most any of their traces sends. IPIs sent by
/// handlers form chains (a handler's IPI makes its target take an interrupt
/// whose handler may send again, without end in a ping-pong); like a loop,
/// a chain is bounded: at most `chain_bound` of them per CPU and handler.
/// `cut` is set when the bound removed interrupts an execution could take.
IrqBudget budget_of(const std::vector<std::vector<Trace>>& traces, int chain_bound, bool& cut) {
  IrqBudget out(traces.size());
  IrqBudget chained(traces.size());
  for (std::size_t p = 0; p < traces.size(); ++p) {
    // (target, handler) -> max over p's traces, of sends from p's own code and from its handlers
    std::map<std::pair<int, int>, int> most_direct, most_chained;
    for (const auto& t : traces[p]) {
      std::map<std::pair<int, int>, int> direct, from_handlers;
      for (const auto& e : t.events)
        if (e.kind == EventKind::IpiSend) ++(e.from_handler ? from_handlers : direct)[{e.target, e.handler}];
      for (const auto& [k, n] : direct) most_direct[k] = std::max(most_direct[k], n);
      for (const auto& [k, n] : from_handlers) most_chained[k] = std::max(most_chained[k], n);
    }
    const auto add = [&](IrqBudget& to, const std::map<std::pair<int, int>, int>& most) {
      for (const auto& [k, n] : most)
        if (k.first >= 0 && static_cast<std::size_t>(k.first) < to.size() && static_cast<std::size_t>(k.first) != p)
          to[static_cast<std::size_t>(k.first)][k.second] += n;
    };
    add(out, most_direct);
    add(chained, most_chained);
  }
  for (std::size_t c = 0; c < chained.size(); ++c)
    for (const auto& [h, n] : chained[c]) {
      cut |= n > chain_bound;
      out[c][h] += std::min(n, chain_bound);
    }
  return out;
}

/// What one round of unfolding stored.
struct Round {
  std::vector<std::vector<Val>> written;  ///< [loc] -> values stored on any path
  std::size_t writes_per_execution = 0;   ///< at most: the longest path of every thread
};

/// One round of unfolding every thread with `domains`; u's traces are replaced.
Round run_round(Unfolding& u, const std::vector<std::vector<Val>>& domains, const Program& prog, int unroll,
                const Deadline* deadline, const PathProducer& produce) {
  u.traces.assign(prog.procs.size(), {});
  u.hung_traces.assign(prog.procs.size(), {});
  u.loop_cut = false;
  u.cut_at.assign(prog.procs.size(), {});
  Round r;
  r.written.resize(prog.locs.size());
  for (int p = 0; p < prog.num_procs(); ++p) {
    std::size_t max_writes = 0;
    unfold_thread(prog, p, domains, unroll, u.loop_cut, r.written, deadline, produce, max_writes, u.irq_budget,
                  u.cut_at[static_cast<std::size_t>(p)], u.traces[static_cast<std::size_t>(p)],
                  u.hung_traces[static_cast<std::size_t>(p)]);
    r.writes_per_execution += max_writes;
  }
  return r;
}

/// The data locations a cycle of copies might feed: those on a cycle of the
/// graph "a value read from l is stored to l'" (Trace::value_flow, over
/// every trace), and those such a cycle reaches.
std::vector<bool> thin_air_candidates(const Unfolding& u, const Program& prog) {
  const std::size_t n = prog.locs.size();
  std::vector<std::vector<int>> next(n);
  for (const auto& traces : u.traces)
    for (const auto& t : traces)
      for (const auto& [r, w] : t.value_flow) {
        const int from = t.events[static_cast<std::size_t>(r)].loc;
        const int to = t.events[static_cast<std::size_t>(w)].loc;
        if (from >= 0 && to >= 0) next[static_cast<std::size_t>(from)].push_back(to);
      }
  const auto reach_from = [&](std::size_t start) {  // locations reached by one step or more
    std::vector<bool> seen(n);
    std::vector<std::size_t> todo{start};
    while (!todo.empty()) {
      const std::size_t l = todo.back();
      todo.pop_back();
      for (const int m : next[l])
        if (!seen[static_cast<std::size_t>(m)]) {
          seen[static_cast<std::size_t>(m)] = true;
          todo.push_back(static_cast<std::size_t>(m));
        }
    }
    return seen;
  };
  std::vector<bool> out(n);
  for (std::size_t l = 0; l < n; ++l) {
    if (next[l].empty() || out[l]) continue;
    const std::vector<bool> seen = reach_from(l);
    if (!seen[l]) continue;  // not on a cycle
    for (std::size_t m = 0; m < n; ++m) out[m] = out[m] || seen[m];
  }
  for (std::size_t l = 0; l < n; ++l) out[l] = out[l] && !prog.locs[l].is_code;
  return out;
}

/// Adds Val::thin_air() to the domains of the locations that may hold it
/// (thin_air.hpp), and re-unfolds. A greatest fixpoint: every candidate may
/// hold it at first; a location no path stores thin air to is dropped,
/// until none is. Thin-air paths add no other value: a path drops any use
/// of thin air but copies and herd's simplifications, whose results (v, 0,
/// 1) a path reading any concrete value computes as well.
void add_thin_air(Unfolding& u, const Program& prog, int unroll, const Deadline* deadline,
                  const PathProducer& produce) {
  std::vector<bool> may_hold = thin_air_candidates(u, prog);
  const auto none = [](const std::vector<bool>& v) { return std::find(v.begin(), v.end(), true) == v.end(); };
  if (none(may_hold)) return;
  for (;;) {
    std::vector<std::vector<Val>> domains = u.domains;
    for (std::size_t l = 0; l < domains.size(); ++l)
      if (may_hold[l]) (void)add_value(domains[l], Val::thin_air());
    const Round r = run_round(u, domains, prog, unroll, deadline, produce);
    std::vector<bool> stored(may_hold.size());
    for (std::size_t l = 0; l < stored.size(); ++l)
      stored[l] = may_hold[l] && std::binary_search(r.written[l].begin(), r.written[l].end(), Val::thin_air());
    if (stored == may_hold) {
      u.domains = std::move(domains);
      return;
    }
    may_hold = std::move(stored);
    if (none(may_hold)) {  // no cycle carries thin air after all: the concrete traces again
      (void)run_round(u, u.domains, prog, unroll, deadline, produce);
      return;
    }
  }
}

}  // namespace

Unfolding unfold(const Program& prog, int unroll, const Deadline* deadline) {
  Unfolding u;
  unfold_into(u, prog, unroll, deadline);
  return u;
}

Unfolding unfold(const Program& prog, int unroll, const Deadline* deadline, const PathProducer& produce) {
  Unfolding u;
  unfold_into(u, prog, unroll, deadline, produce);
  return u;
}

void unfold_into(Unfolding& u, const Program& prog, int unroll, const Deadline* deadline) {
  unfold_into(u, prog, unroll, deadline,
              [&prog](int proc, const std::vector<std::vector<Val>>& domains, ChoiceCursor& cursor, int bound,
                      const IrqBudget&, Trace& trace) {
                PathRunner runner(prog, proc, domains, cursor, bound);
                const PathEnd end = runner.run();
                trace = std::move(runner.trace());
                return end;
              });
}

void unfold_into(Unfolding& u, const Program& prog, int unroll, const Deadline* deadline,
                 const PathProducer& produce, const std::vector<Val>& seeds, bool thin_air_reads) {
  u = Unfolding{};
  u.domains.resize(prog.locs.size());
  for (std::size_t l = 0; l < prog.locs.size(); ++l) {
    u.domains[l] = {prog.locs[l].init};
    if (!prog.locs[l].is_code)
      for (const Val& v : seeds) (void)add_value(u.domains[l], v);
  }
  u.irq_budget.assign(prog.procs.size(), {});
  bool chain_cut = false;
  for (int round = 0;; ++round) {
    XMCHECK_ASSERT(round < kMaxDomainRounds, "value domains did not converge");
    const Round r = run_round(u, u.domains, prog, unroll, deadline, produce);
    bool grew = false;
    for (std::size_t l = 0; l < r.written.size(); ++l)
      for (const auto& v : r.written[l]) grew |= add_value(u.domains[l], v);
    // Interrupts, like values, come from the other threads' paths: a new send
    // lets its target take one more interrupt, whose handler may write more.
    // Hung paths do not count: their sends are a prefix of an ordinary path's,
    // and counting them could change ordinary results when that path is cut.
    chain_cut = false;
    IrqBudget budget = budget_of(u.traces, std::max(unroll, 1), chain_cut);
    u.loop_cut |= chain_cut;
    for (std::size_t c = 0; c < budget.size() && c < u.irq_budget.size(); ++c)
      for (const auto& [h, n] : u.irq_budget[c])
        budget[c][h] = std::max(budget[c][h], n);  // never shrinks: the iteration is monotone
    if (budget != u.irq_budget) {
      u.irq_budget = std::move(budget);
      continue;
    }
    // A value computed from values read (x = x + 1) can keep growing the domains.
    // Round r's domains hold every value made by a chain of at most r writes,
    // each reading the previous one; no execution has a longer chain than its
    // number of writes, so later values belong to no execution.
    if (grew && static_cast<std::size_t>(round) <= r.writes_per_execution + 1) continue;
    break;
  }
  if (thin_air_reads) {
    add_thin_air(u, prog, unroll, deadline, produce);
    u.loop_cut |= chain_cut;
  }
}

}  // namespace xmcheck::checker
