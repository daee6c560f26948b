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
                 const PathProducer& produce, const std::vector<Val>& seeds) {
  u = Unfolding{};
  u.domains.resize(prog.locs.size());
  for (std::size_t l = 0; l < prog.locs.size(); ++l) {
    u.domains[l] = {prog.locs[l].init};
    if (!prog.locs[l].is_code)
      for (const Val& v : seeds) (void)add_value(u.domains[l], v);
  }
  u.irq_budget.assign(prog.procs.size(), {});
  for (int round = 0;; ++round) {
    XMCHECK_ASSERT(round < kMaxDomainRounds, "value domains did not converge");
    u.traces.assign(prog.procs.size(), {});
    u.hung_traces.assign(prog.procs.size(), {});
    u.loop_cut = false;
    u.cut_at.assign(prog.procs.size(), {});
    bool grew = false;
    std::vector<std::vector<Val>> written(prog.locs.size());
    std::size_t writes_per_execution = 0;  // at most: the longest path of every thread
    for (int p = 0; p < prog.num_procs(); ++p) {
      std::size_t max_writes = 0;
      unfold_thread(prog, p, u.domains, unroll, u.loop_cut, written, deadline, produce, max_writes,
                    u.irq_budget, u.cut_at[static_cast<std::size_t>(p)], u.traces[static_cast<std::size_t>(p)],
                    u.hung_traces[static_cast<std::size_t>(p)]);
      writes_per_execution += max_writes;
    }
    for (std::size_t l = 0; l < written.size(); ++l)
      for (const auto& v : written[l]) grew |= add_value(u.domains[l], v);
    // Interrupts, like values, come from the other threads' paths: a new send
    // lets its target take one more interrupt, whose handler may write more.
    // Hung paths do not count: their sends are a prefix of an ordinary path's,
    // and counting them could change ordinary results when that path is cut.
    bool chain_cut = false;
    IrqBudget budget = budget_of(u.traces, std::max(unroll, 1), chain_cut);
    u.loop_cut |= chain_cut;
    for (std::size_t c = 0; c < budget.size() && c < u.irq_budget.size(); ++c)
      for (const auto& [h, n] : u.irq_budget[c])
        budget[c][h] = std::max(budget[c][h], n);  // never shrinks: the iteration is monotone
    if (budget != u.irq_budget) {
      u.irq_budget = std::move(budget);
      continue;
    }
    if (!grew) return;
    // A value computed from values read (x = x + 1) can keep growing the domains.
    // Round r's domains hold every value made by a chain of at most r writes,
    // each reading the previous one; no execution has a longer chain than its
    // number of writes, so later values belong to no execution.
    if (static_cast<std::size_t>(round) > writes_per_execution + 1) return;
  }
}

}  // namespace xmcheck::checker
