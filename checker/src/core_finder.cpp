#include "core_finder.hpp"

#include "execution.hpp"

namespace xmcheck::checker {
namespace {

/// Every coherence order of the sub-execution on `keep` fails a persistent check.
bool refuted(const Program& prog, const Unfolding& u, const Skeleton& sk, const std::vector<bool>& keep,
             axioms::Evaluator& judge, const Deadline& deadline) {
  Execution sub(prog, u, sk, keep);
  return for_each_coherence(sub.writes_per_loc(), [&](const std::vector<std::vector<int>>& co) {
    if (deadline.active()) deadline.check();
    return judge.refutes_extensions(sub.with_coherence(co));
  });
}

}  // namespace

std::vector<bool> find_core(const Program& prog, const Unfolding& u, const Skeleton& sk,
                            axioms::Evaluator& judge, const Deadline& deadline) {
  const std::size_t procs = u.traces.size();
  if (procs < 2 || !judge.can_refute_extensions()) return {};
  std::vector<bool> core(procs, true);
  bool smaller = false;
  for (std::size_t p = 0; p < procs; ++p) {
    core[p] = false;
    if (refuted(prog, u, sk, core, judge, deadline)) {
      smaller = true;
    } else {
      core[p] = true;
    }
  }
  if (!smaller) return {};
  return core;
}

}  // namespace xmcheck::checker
