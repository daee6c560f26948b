#pragma once
// Text renderings of witnesses and explanations, shared by the herd format
// (--witness, --explain), JSON and DOT.
//
// --witness, after each state line of a herd block (every line starts with
// "  | ", which no state line does):
//
//   1:X0=1; [x]=1;
//     | init: e0 W[x]=0, e1 IW[P1:L0]=NOP
//     | P0: e2 W[x]=1, e3 DMB.ISH, e4 W[y]=1
//     | P1: e5 R[y]=1, e6 ISB, e7 IF[P1:L0]=NOP
//     | rf: e4->e5
//     | fetch: e1->e7               (rf edges into instruction fetches)
//     | co: e0->e2
//     | fr: ...                     (then every other relation, sorted by name)
//     | cmo: e8 DC.CVAU[x]          (cache maintenance: DC / IC events)
//     | cse: e6 ISB                 (context synchronization: ISB, exceptions, ERET)
//
// Events are listed per thread in program order; `po` edges are implied by it
// and not printed. A state without a witness prints "  | (no witness)".
//
// --explain, after the result block (outside it, so herd-format parsers that cut
// blocks at their blank line are unaffected):
//
//   Explanation NAME 1:X0=1; [x]=1;
//     check external
//     cycle e2:W[x]=1 -rf-> e5:R[x]=1 -fr-> e2:W[x]=1
//   <blank line after the test's last explanation>
#include <string>
#include <vector>

#include "xmcheck/checker/result.hpp"

namespace xmcheck::frontend {

/// The "  | ..." lines of one witness, each ending with '\n'.
[[nodiscard]] std::string format_witness_lines(const checker::Witness& witness);

/// "eID:TEXT" for an event id of `witness` ("e?ID" when out of range).
[[nodiscard]] std::string event_label(const checker::Witness& witness, int id);

/// The edges as a cycle "e1:T -rel-> e2:T -rel-> e1:T" when they form one, else
/// the edges one by one: "e1:T -rel-> e2:T; e3:T -rel-> e4:T". Edges between the
/// same two events are one step labelled "rel1|rel2".
[[nodiscard]] std::string format_cycle(const checker::Witness& cycle);

/// A state line for explanation values (the same text as a herd state line).
[[nodiscard]] std::string format_values(const checker::TestResult& result,
                                        const std::vector<checker::StateValue>& values);

/// Every explanation of `result` as text (empty when there are none).
[[nodiscard]] std::string format_explanations(const checker::TestResult& result);

/// Edge groups in print order: rf, fetch (rf into IF events), co, fr, then the
/// other relations sorted by name; po is left out.
struct EdgeGroup {
  std::string relation;
  std::vector<checker::WitnessEdge> edges;
};
[[nodiscard]] std::vector<EdgeGroup> group_edges(const checker::Witness& witness);

/// Whether an event is cache maintenance (DC/IC) or a context-synchronization event.
[[nodiscard]] bool is_cache_maintenance(const checker::WitnessEvent& e);
[[nodiscard]] bool is_context_synchronization(const checker::WitnessEvent& e);

}  // namespace xmcheck::frontend
