#pragma once
// The opt-in extras of a check (CheckOptions::witnesses, ::explain): during the
// search it remembers, per final state, the candidates it may have to show;
// afterwards it rebuilds those candidates and asks the evaluator for their
// enumeration choice (witnesses) or their violation (explanations).
// Choices are deterministic: candidates are kept by a key made of the
// chosen traces, the reads-from sources and the coherence orders, never by
// the solver's order; among the kept rejections of a state, the explanation
// shown is the best ranked (explainer.cpp, rank_of: no prelude bookkeeping,
// fewest failed checks, shortest cycle, most protocol events).
#include <map>
#include <set>
#include <vector>

#include "candidate_search.hpp"
#include "deadline.hpp"
#include "observation.hpp"
#include "xmcheck/axioms/model.hpp"
#include "xmcheck/checker/engine.hpp"
#include "xmcheck/checker/result.hpp"

namespace xmcheck::checker {

using CoOrder = std::vector<std::vector<int>>;  ///< [loc] -> write ids, co-first first

class Explainer {
 public:
  Explainer(const CheckOptions& options, litmus::Condition::Quantifier q, const Program& prog,
            const Observation& obs, const Unfolding& unfolding, axioms::Evaluator& judge);

  /// Whether the search must report inconsistent candidates (and their finals).
  [[nodiscard]] bool wants_inconsistent() const { return explain_; }
  [[nodiscard]] bool active() const { return explain_ || witnesses_; }

  /// A consistent candidate whose state (passing the filter) is `finals`.
  void consistent(const std::vector<Val>& finals, bool satisfies, const Skeleton& sk, const CoOrder& co);
  /// An inconsistent candidate whose state (passing the filter) is `finals`.
  void inconsistent(const std::vector<Val>& finals, bool satisfies, const Skeleton& sk, const CoOrder& co);

  /// Fills FinalState::witness of `r.states` (listed in `reached` order, the
  /// keys of the engine's state map) and r.explanations.
  void finish(TestResult& r, const std::vector<std::vector<Val>>& reached, const Deadline& deadline);

 private:
  using Key = std::vector<int>;
  struct Stored {
    Skeleton sk;
    CoOrder co;
  };
  [[nodiscard]] bool asked(bool satisfies) const;
  static Key key_of(const Skeleton& sk, const CoOrder& co);

  bool witnesses_, explain_;
  litmus::Condition::Quantifier quantifier_;
  const Program& prog_;
  const Observation& obs_;
  const Unfolding& unfolding_;
  axioms::Evaluator& judge_;
  std::map<std::vector<Val>, std::pair<Key, Stored>> witness_of_;     ///< smallest-key consistent candidate
  std::map<std::vector<Val>, std::map<Key, Stored>> rejected_;        ///< asked states: smallest-key rejections
  std::set<std::vector<Val>> reached_asked_;  ///< asked states some consistent candidate reaches
  bool asked_candidate_ = false;  ///< some candidate, consistent or not, reaches an asked state
};

}  // namespace xmcheck::checker
