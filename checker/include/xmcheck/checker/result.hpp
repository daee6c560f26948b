#pragma once
// What checking one test produces: every allowed final state over the observed
// locations, the condition's verdict and the model's flags. The frontend prints it.
#include <cstdint>
#include <string>
#include <vector>

#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::checker {

/// One reachable final state; `values[i]` is the herd-printed value of
/// `TestResult::observed[i]` (e.g. "1", "NOP", "instr:\"B .+4\"", "label:\"P0:L1\"").
struct FinalState {
  std::vector<std::string> values;
  bool satisfies_condition = false;
  friend auto operator<=>(const FinalState&, const FinalState&) = default;
};

/// How much work a test took (for --stats and the benchmark; never on stdout).
struct SearchStatistics {
  std::uint64_t traces = 0;        ///< thread traces unfolded, all threads
  std::uint64_t skeletons = 0;     ///< trace + reads-from choices the solver proposed
  std::uint64_t solver_calls = 0;  ///< SMT checks (skeletons + the final unsat)
  std::uint64_t candidates = 0;    ///< skeletons x coherence orders judged by the model
};

struct TestResult {
  std::string name;
  litmus::Condition::Quantifier quantifier = litmus::Condition::Quantifier::Exists;
  std::string condition_text;          ///< herd's normalised "exists (...)" text
  std::vector<std::string> observed;   ///< herd-printed locations, e.g. "1:X2", "[x]"
  /// observed[i] for i >= this index are fault atoms ("Fault(P0:L0,UndefinedInstruction)"),
  /// whose state values are the atom itself or its negation ("~Fault(...)").
  std::size_t first_fault_observed = static_cast<std::size_t>(-1);
  std::vector<FinalState> states;      ///< sorted as herd sorts them, unique
  std::vector<std::string> flags;      ///< sorted, unique
  /// Consistent candidates whose final state satisfies / falsifies the condition's
  /// proposition (herd's counts before the ~exists swap of the Witnesses line).
  std::uint64_t positive = 0;
  std::uint64_t negative = 0;
  bool validated = false;              ///< herd's Ok / No
  bool loop_bound_hit = false;         ///< some execution was cut by --unroll (herd's "Loop")
  std::vector<std::string> variants;   ///< variants in force (lower-case, sorted)
  SearchStatistics stats;
};

}  // namespace xmcheck::checker
