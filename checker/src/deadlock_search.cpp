// The deadlock search (docs/design.md, "Deadlocks"): a second enumeration, run
// after the ordinary one and never changing it, over the ordinary traces plus
// those that block at an IPI wait.
#include "deadlock_search.hpp"

#include <algorithm>

#include "core_finder.hpp"
#include "execution.hpp"
#include "thread_verdicts.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {
namespace {

/// Whether some hung wait sends to a thread that has a trace ending with
/// interrupts masked: otherwise every hung wait would complete.
bool deadlock_possible(const Unfolding& u) {
  std::vector<bool> can_end_masked(u.traces.size(), false);
  for (std::size_t p = 0; p < u.traces.size(); ++p) {
    const auto masked = [](const Trace& t) { return t.irqs_masked_at_end; };
    can_end_masked[p] = std::any_of(u.traces[p].begin(), u.traces[p].end(), masked) ||
                        (p < u.hung_traces.size() && std::any_of(u.hung_traces[p].begin(), u.hung_traces[p].end(), masked));
  }
  for (const auto& traces : u.hung_traces)
    for (const auto& t : traces)
      for (const int s : t.hung_sends) {
        const int target = t.events[static_cast<std::size_t>(s)].target;
        if (target >= 0 && static_cast<std::size_t>(target) < can_end_masked.size() &&
            can_end_masked[static_cast<std::size_t>(target)])
          return true;
      }
  return false;
}

/// The ordinary traces of each thread followed by its hung ones.
Unfolding with_hung_traces(const Unfolding& u) {
  Unfolding all = u;
  for (std::size_t p = 0; p < all.traces.size() && p < u.hung_traces.size(); ++p)
    all.traces[p].insert(all.traces[p].end(), u.hung_traces[p].begin(), u.hung_traces[p].end());
  all.hung_traces.assign(all.traces.size(), {});
  return all;
}

/// The waits of `sk` that hang and the sends they await that nobody serves.
std::set<HungWait> hung_waits(const Unfolding& all, const Skeleton& sk) {
  std::set<HungWait> out;
  for (std::size_t p = 0; p < sk.trace_of_proc.size(); ++p) {
    const Trace& t = all.traces[p][static_cast<std::size_t>(sk.trace_of_proc[p])];
    for (const int s : t.hung_sends) {
      const bool served = std::any_of(sk.ipi.begin(), sk.ipi.end(), [&](const auto& match) {
        return match.first == EventRef{static_cast<int>(p), s};
      });
      const TraceEvent& send = t.events[static_cast<std::size_t>(s)];
      if (!served) out.emplace(static_cast<int>(p), send.target, send.handler);
    }
  }
  return out;
}

}  // namespace

std::set<HungWait> find_deadlocks(SmtContext& smt, const Program& prog, const Unfolding& unfolding,
                                  axioms::Evaluator& judge, const Deadline& deadline, bool use_cores,
                                  SearchStats& stats) {
  std::set<HungWait> found;
  if (!deadlock_possible(unfolding)) return found;
  const Unfolding all = with_hung_traces(unfolding);
  ThreadVerdicts verdicts(prog, all, judge, deadline);
  const auto visit = [&](const Skeleton& sk) {
    deadline.check();
    if (use_cores)  // sound as the cores below are
      if (auto b = blocked_by_small_core(verdicts, sk)) return *b;
    Execution ex(prog, all, sk);
    const std::set<HungWait> waits = hung_waits(all, sk);
    XMCHECK_ASSERT(!waits.empty(), "a deadlock skeleton has a wait that completes");
    const bool consistent = !for_each_coherence(ex.writes_per_loc(), [&](const std::vector<std::vector<int>>& co) {
      deadline.check();
      return !judge(ex.with_coherence(co)).consistent;  // one consistent candidate shows the deadlock
    });
    Blocking b;
    if (consistent) {
      found.insert(waits.begin(), waits.end());
    } else if (use_cores) {
      // Sound here too: a skeleton that agrees on the core's trace, rf and
      // IPI literals has the core's ipi edges and perhaps more (an awaited
      // send left unserved here may be served there), and refutations persist.
      b.core = find_core(prog, all, sk, judge, deadline, LocalCoherence(verdicts, sk));
    }
    return b;
  };
  (void)enumerate_deadlock_skeletons(smt, prog, all, visit, deadline, &stats);
  return found;
}

}  // namespace xmcheck::checker
