#include "explainer.hpp"

#include <limits>
#include <tuple>

#include "execution.hpp"
#include "witness_builder.hpp"

namespace xmcheck::checker {
namespace {

/// How many rejected candidates are kept per state (those with the smallest keys).
constexpr std::size_t kCandidatesPerState = 256;

/// Cycle length; a self-loop (a cycle folded inside a closure) ranks after
/// every spelled-out cycle, a violation without edges last.
std::size_t violation_size(const axioms::Violation& v) {
  if (v.edges.empty()) return std::numeric_limits<std::size_t>::max();
  if (v.edges.size() == 1 && v.edges.front().from == v.edges.front().to)
    return std::numeric_limits<std::size_t>::max() - 1;
  return v.edges.size();
}

/// C tests: how many of the cycle's events access the prelude's bookkeeping
/// variables. A candidate that misreads them (membarrier_state not yet
/// registered) is rejected for that misreading, not for the protocol.
std::size_t bookkeeping(const Explanation& e) {
  std::size_t n = 0;
  for (const auto& ev : e.cycle.events) n += ev.prelude_location ? 1 : 0;
  return n;
}

/// IPI and interrupt events and context-synchronizing ones: among equally
/// short cycles, the one through the synchronization the test uses.
std::size_t protocol(const Explanation& e) {
  using K = WitnessEvent::Kind;
  std::size_t n = 0;
  for (const auto& ev : e.cycle.events)
    n += ev.kind == K::IpiSend || ev.kind == K::IpiAck || ev.kind == K::IrqEntry || ev.kind == K::IrqReturn ||
                 ev.context_synchronizing
             ? 1
             : 0;
  return n;
}

/// Smaller is better: no bookkeeping, then the candidate failing fewest
/// checks (not one that also breaks coherence somewhere), then short, then
/// through the protocol.
using Rank = std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>;
Rank rank_of(const Explanation& e, const axioms::Violation& v) {
  return {bookkeeping(e), v.failed_checks, violation_size(v), std::numeric_limits<std::size_t>::max() - protocol(e)};
}

}  // namespace

Explainer::Explainer(const CheckOptions& options, litmus::Condition::Quantifier q, const Program& prog,
                     const Observation& obs, const Unfolding& unfolding, axioms::Evaluator& judge)
    : witnesses_(options.witnesses),
      explain_(options.explain),
      quantifier_(q),
      prog_(prog),
      obs_(obs),
      unfolding_(unfolding),
      judge_(judge) {}

bool Explainer::asked(bool satisfies) const {
  return quantifier_ == litmus::Condition::Quantifier::Forall ? !satisfies : satisfies;
}

Explainer::Key Explainer::key_of(const Skeleton& sk, const CoOrder& co) {
  Key k(sk.trace_of_proc.begin(), sk.trace_of_proc.end());
  for (const auto& srcs : sk.rf_source)
    for (const auto& s : srcs) {
      k.push_back(s.proc);
      k.push_back(s.index);
    }
  for (const auto& order : co) {
    k.push_back(-2);
    k.insert(k.end(), order.begin(), order.end());
  }
  return k;
}

void Explainer::consistent(const std::vector<Val>& finals, bool satisfies, const Skeleton& sk,
                           const CoOrder& co) {
  if (explain_ && asked(satisfies)) {
    asked_candidate_ = true;
    if (reached_asked_.insert(finals).second) rejected_.erase(finals);
  }
  if (!witnesses_) return;
  Key k = key_of(sk, co);
  auto it = witness_of_.find(finals);
  if (it == witness_of_.end()) {
    witness_of_.emplace(finals, std::make_pair(std::move(k), Stored{sk, co}));
  } else if (k < it->second.first) {
    it->second = std::make_pair(std::move(k), Stored{sk, co});
  }
}

void Explainer::inconsistent(const std::vector<Val>& finals, bool satisfies, const Skeleton& sk,
                             const CoOrder& co) {
  if (!explain_ || !asked(satisfies)) return;
  asked_candidate_ = true;
  if (reached_asked_.count(finals) != 0) return;
  auto& kept = rejected_[finals];
  Key k = key_of(sk, co);
  if (kept.size() >= kCandidatesPerState) {
    if (!(k < std::prev(kept.end())->first)) return;
    kept.erase(std::prev(kept.end()));
  }
  kept.emplace(std::move(k), Stored{sk, co});
}

void Explainer::finish(TestResult& r, const std::vector<std::vector<Val>>& reached, const Deadline& deadline) {
  if (witnesses_) {
    for (std::size_t i = 0; i < reached.size() && i < r.states.size(); ++i) {
      auto it = witness_of_.find(reached[i]);
      if (it == witness_of_.end()) continue;
      deadline.check();
      const Stored& c = it->second.second;
      Execution ex(prog_, unfolding_, c.sk);
      const auto choice = judge_.passing_choice(ex.with_coherence(c.co));
      r.states[i].witness = WitnessBuilder(prog_, obs_, ex).execution(c.co, choice);
    }
  }
  if (!explain_) return;
  if (!asked_candidate_) {
    Explanation e;
    e.check = "no-candidate";
    r.explanations.push_back(std::move(e));
    return;
  }
  for (const auto& [finals, kept] : rejected_) {  // states in result order
    std::optional<Explanation> best;
    Rank best_rank;
    for (const auto& [key, c] : kept) {
      deadline.check();
      Execution ex(prog_, unfolding_, c.sk);
      const auto v = judge_.explain(ex.with_coherence(c.co));
      if (!v) continue;  // cannot happen: the candidate was judged inconsistent
      Explanation e = WitnessBuilder(prog_, obs_, ex).explanation(*v);
      const Rank rank = rank_of(e, *v);
      if (best && rank >= best_rank) continue;
      best = std::move(e);
      best_rank = rank;
    }
    if (!best) continue;
    for (const auto& l : obs_.shown_locations()) best->values.push_back(obs_.state_value(l, finals));
    r.explanations.push_back(std::move(*best));
  }
}

}  // namespace xmcheck::checker
