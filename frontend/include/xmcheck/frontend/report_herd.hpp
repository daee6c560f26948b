#pragma once
// herd7-compatible result block for one test, byte-for-byte as herd7 prints it
// (herd/top_herd.ml, pp_stats) minus the `Hash=` and `Time` lines:
//
//   Test NAME Allowed|Forbidden|Required        (exists | ~exists | forall)
//   States N
//   LOC=VAL; LOC=VAL;                           (one line per final state)
//   [Loop ]Ok|No|Unknown                       (Unknown: the search stopped early)
//   Witnesses
//   Positive: P Negative: N
//   Flag NAME                                   (one line per flag)
//   Condition <condition>
//   Observation NAME Always|Sometimes|Never POS NEG
//   <blank line>
//
// A result whose search stopped early (TestResult::unknown(): a time or memory
// limit, the solver gave up) prints `States N (incomplete)` over the states
// found so far, `[Loop ]Unknown`, the counts so far on the Positive/Negative
// line and `Observation NAME Unknown` (no verdict word, no counts).
//
// Counting convention (herd's): TestResult::positive / negative count the
// executions whose final state satisfies / falsifies the condition's
// *proposition* (the part after the quantifier). The Observation line prints
// them as they are; the Witnesses line swaps them for ~exists, as herd does.
#include <iosfwd>
#include <string>

#include "xmcheck/checker/result.hpp"

namespace xmcheck::frontend {

/// "Allowed", "Forbidden" or "Required": the kind herd derives from the quantifier.
[[nodiscard]] std::string quantifier_kind(litmus::Condition::Quantifier q);

/// "Always", "Sometimes" or "Never" from the proposition's counts.
[[nodiscard]] std::string observation_word(std::uint64_t positive, std::uint64_t negative);

/// One state line: "1:X1=0; [x]=2;".
[[nodiscard]] std::string format_state(const checker::TestResult& result,
                                       const checker::FinalState& state);

/// The whole block, ending with the blank line. With `with_witnesses`, each
/// state line is followed by its witness lines (report_witness.hpp). An
/// incomplete result (TestResult::unknown()) is marked as described above.
[[nodiscard]] std::string format_herd(const checker::TestResult& result,
                                      bool with_witnesses = false);

void print_herd(std::ostream& out, const checker::TestResult& result);

}  // namespace xmcheck::frontend
