#include "core_finder.hpp"

#include <algorithm>

#include "execution.hpp"

namespace xmcheck::checker {
namespace {

/// Every coherence order of the sub-execution on `keep` fails a persistent check.
bool refuted(const Program& prog, const Unfolding& u, const Skeleton& sk, const std::vector<bool>& keep,
             axioms::Evaluator& judge, const Deadline& deadline, const LocalCoherence& local) {
  Execution sub(prog, u, sk, keep);
  return local.for_each(sub, [&](const std::vector<std::vector<int>>& co) {
    if (deadline.active()) deadline.check();
    return judge.refutes_extensions(sub.with_coherence(co));
  });
}

}  // namespace

namespace {

using Threads = std::vector<bool>;

Threads with(Threads a, const Threads& b) {
  for (std::size_t p = 0; p < a.size(); ++p) a[p] = a[p] || b[p];
  return a;
}

/// QuickXplain's recursion: the part of `c` a minimal refuted set needs on
/// top of `b`; `d_added`: the last step added something to `b`.
Threads explain(const Threads& b, bool d_added, const std::vector<std::size_t>& c,
                const std::function<bool(const Threads&)>& refuted) {
  Threads none(b.size(), false);
  if (d_added && refuted(b)) return none;
  if (c.size() == 1) {
    none[c[0]] = true;
    return none;
  }
  const std::vector<std::size_t> c1(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(c.size() / 2));
  const std::vector<std::size_t> c2(c.begin() + static_cast<std::ptrdiff_t>(c.size() / 2), c.end());
  Threads c1_set(b.size(), false);
  for (auto p : c1) c1_set[p] = true;
  const Threads d2 = explain(with(b, c1_set), true, c2, refuted);
  const bool d2_any = std::find(d2.begin(), d2.end(), true) != d2.end();
  const Threads d1 = explain(with(b, d2), d2_any, c1, refuted);
  return with(d1, d2);
}

/// Up to this many threads, find_core drops threads one at a time: n checks,
/// where QuickXplain needs one more for the whole set and about as many.
constexpr std::size_t kGreedyUpTo = 4;

}  // namespace

std::vector<bool> minimal_core(const std::vector<bool>& fixed, const std::vector<bool>& candidates,
                               const std::function<bool(const std::vector<bool>&)>& refuted) {
  std::vector<std::size_t> c;
  for (std::size_t p = 0; p < candidates.size(); ++p)
    if (candidates[p] && !fixed[p]) c.push_back(p);
  if (c.empty() || refuted(fixed)) return fixed;
  return with(fixed, explain(fixed, false, c, refuted));
}

std::vector<bool> find_core(const Program& prog, const Unfolding& u, const Skeleton& sk,
                            axioms::Evaluator& judge, const Deadline& deadline, const LocalCoherence& local) {
  const std::size_t procs = u.traces.size();
  if (procs < 2 || !judge.can_refute_extensions()) return {};
  const auto refutes = [&](const std::vector<bool>& keep) { return refuted(prog, u, sk, keep, judge, deadline, local); };
  const std::vector<bool> all(procs, true);
  std::vector<bool> core = all;
  if (procs <= kGreedyUpTo) {  // dropping threads one at a time: fewer checks
    for (std::size_t p = 0; p < procs; ++p) {
      core[p] = false;
      if (!refutes(core)) core[p] = true;
    }
  } else if (refutes(all)) {  // else inconsistent through a check that does not persist
    core = minimal_core(std::vector<bool>(procs, false), all, refutes);
  }
  if (std::all_of(core.begin(), core.end(), [](bool b) { return b; })) return {};
  return core;
}

}  // namespace xmcheck::checker
