#pragma once
// Turns a candidate execution into what the user sees (result.hpp): typed
// events (the frontend prints them), the edges of an execution (--witness, --dot) and the
// cycle of a violation (--explain).
#include <vector>

#include "execution.hpp"
#include "observation.hpp"
#include "xmcheck/axioms/model.hpp"
#include "xmcheck/checker/result.hpp"

namespace xmcheck::checker {

class WitnessBuilder {
 public:
  WitnessBuilder(const Program& prog, const Observation& obs, const Execution& ex)
      : prog_(prog), obs_(obs), ex_(ex) {}

  /// Global event `id` of the execution, described (WitnessEvent::id left 0).
  [[nodiscard]] WitnessEvent describe(std::size_t id) const;

  /// The whole execution under coherence order `co` (the one ex's base holds):
  /// every event of the chosen traces, the initial writes of the locations they
  /// access, and edges po (immediate), same-instance (immediate), rf, co
  /// (immediate), fr (to the co-successor of the read's source), addr, data,
  /// ctrl, rmw and the model's `with` choice.
  [[nodiscard]] Witness execution(const std::vector<std::vector<int>>& co,
                                  const std::vector<axioms::NamedPairs>& choice) const;

  /// The violation's events (cycle order) and one edge per (hop, label);
  /// `values` is left empty for the caller.
  [[nodiscard]] Explanation explanation(const axioms::Violation& v) const;

 private:
  const Program& prog_;
  const Observation& obs_;
  const Execution& ex_;
};

}  // namespace xmcheck::checker
