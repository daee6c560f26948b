#pragma once
// What a --dot picture draws of one execution. Asm tests: every event and
// edge, as the witness has them. C tests (events that know their function):
// what a kernel developer reasons about -- the test's own accesses and
// fetches, IPI sends, waits, interrupt entries and returns, context-
// synchronizing (serializing) events and the IPI edges; each call into the
// prelude is a labelled box (`membarrier()`), its other events folded into one
// node per run; the prelude's variables, branches and edges into folded events
// are left out, and a ctrl dependency is drawn only to the first event it
// orders (the later ones follow by po). `detail` (--dot-detail) draws every
// event and edge, still boxed by call.
#include <string>
#include <vector>

#include "xmcheck/checker/result.hpp"

namespace xmcheck::frontend {

struct DotNode {
  std::string key;    ///< unique in the view: "e<ID>" (an event) or "f<K>" (folded events)
  int thread = -1;    ///< -1: initial writes
  std::string label;
  int call = -1;      ///< the call box it is drawn in (DotView::calls index), -1 none
};

struct DotCall {
  int thread = 0;
  std::string label;  ///< "membarrier()", "ipi_mb() interrupt"
};

struct DotEdge {
  std::string from, to;  ///< DotNode keys
  std::string relation;  ///< "rf", "fetch" (rf into a fetch), "co", "ipi", ...
};

struct DotView {
  std::vector<DotNode> nodes;  ///< per thread (init first), in program order
  std::vector<DotCall> calls;
  std::vector<DotEdge> edges;  ///< po not included; grouped by relation (rf, fetch, co, fr, then by name)
};

/// Whether `w` is an execution of a C test (drawn as such).
[[nodiscard]] bool is_c(const checker::Witness& w);

/// The view of `w`; `detail` draws every event and edge (explanation cycles too).
[[nodiscard]] DotView make_dot_view(const checker::Witness& w, bool detail);

}  // namespace xmcheck::frontend
