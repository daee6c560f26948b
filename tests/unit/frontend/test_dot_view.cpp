// What --dot draws of a C test's execution (dot_view.hpp): prelude calls as
// boxes with their bookkeeping folded, IPI edges, one ctrl edge per read;
// --dot-detail keeps everything; asm executions are drawn as they are.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "xmcheck/frontend/dot_view.hpp"
#include "xmcheck/litmus/arch.hpp"

using namespace xmcheck::frontend;
using xmcheck::checker::StateValue;
using xmcheck::checker::Witness;
using xmcheck::checker::WitnessEdge;
using xmcheck::checker::WitnessEvent;
using K = WitnessEvent::Kind;

namespace {

WitnessEvent event(int id, int thread, int instance, K kind, const std::string& loc = "") {
  WitnessEvent e;
  e.id = id;
  e.thread = thread;
  e.instance = instance;
  e.kind = kind;
  e.location_name = loc;
  if (!loc.empty()) e.value = StateValue::integer(1);
  return e;
}

WitnessEvent in_call(WitnessEvent e, int call, const std::string& called, const std::string& function) {
  e.call = call;
  e.call_function = called;
  e.call_prelude = true;
  e.function = function;
  e.prelude = true;
  return e;
}

/// membarrier-mp in miniature: P0 a=1; membarrier(); b=1 -- P1 reads b, takes
/// the IPI, reads a.
Witness membarrier_mp() {
  Witness w;
  w.events.push_back(event(0, -1, 0, K::InitialWrite, "a"));
  WitnessEvent state = event(1, -1, 0, K::InitialWrite, "membarrier_state");
  state.prelude_location = true;
  w.events.push_back(state);
  w.events.push_back(event(2, 0, 1, K::Write, "a"));
  WitnessEvent read_state = in_call(event(3, 0, 2, K::Read, "membarrier_state"), 0, "membarrier",
                                    "membarrier_private_expedited");
  read_state.prelude_location = true;
  w.events.push_back(read_state);
  w.events.push_back(in_call(event(4, 0, 3, K::Fence), 0, "membarrier", "membarrier_private_expedited"));
  w.events.push_back(in_call(event(5, 0, 4, K::IpiSend), 0, "membarrier", "membarrier_private_expedited"));
  w.events.push_back(in_call(event(6, 0, 5, K::IpiAck), 0, "membarrier", "membarrier_private_expedited"));
  w.events.push_back(event(7, 0, 6, K::Write, "b"));
  w.events.push_back(event(8, 1, 1, K::Read, "b"));
  w.events.push_back(event(9, 1, 2, K::Branch));
  w.events.push_back(in_call(event(10, 1, 3, K::IrqEntry), 0, "ipi_mb", "ipi_mb"));
  w.events.push_back(in_call(event(11, 1, 4, K::IrqReturn), 0, "ipi_mb", "ipi_mb"));
  w.events.push_back(event(12, 1, 5, K::Read, "a"));
  w.edges = {{1, 3, "rf"}, {7, 8, "rf"}, {2, 12, "rf"}, {5, 10, "ipi"}, {11, 6, "ipi-done"},
             {8, 9, "ctrl"}, {8, 10, "ctrl"}, {8, 11, "ctrl"}, {8, 12, "ctrl"}, {2, 7, "po"}};
  return w;
}

bool has_node(const DotView& v, const std::string& key) {
  return std::any_of(v.nodes.begin(), v.nodes.end(), [&](const DotNode& n) { return n.key == key; });
}

int count_edges(const DotView& v, const std::string& relation) {
  return static_cast<int>(
      std::count_if(v.edges.begin(), v.edges.end(), [&](const DotEdge& e) { return e.relation == relation; }));
}

bool has_edge(const DotView& v, const std::string& from, const std::string& to, const std::string& relation) {
  return std::any_of(v.edges.begin(), v.edges.end(), [&](const DotEdge& e) {
    return e.from == from && e.to == to && e.relation == relation;
  });
}

}  // namespace

TEST_CASE("dot view, C test: prelude calls are boxes, bookkeeping folded, IPI drawn, first ctrl only") {
  const Witness w = membarrier_mp();
  REQUIRE(is_c(w));
  const DotView v = make_dot_view(w, false);
  CHECK_FALSE(has_node(v, "e1"));  // membarrier_state's initial write
  CHECK_FALSE(has_node(v, "e3"));  // folded ...
  CHECK(has_node(v, "f3"));        // ... with the fence, into one row
  CHECK_FALSE(has_node(v, "e4"));
  CHECK_FALSE(has_node(v, "e9"));  // the branch
  for (const char* key : {"e0", "e2", "e5", "e6", "e7", "e8", "e10", "e11", "e12"}) {
    CAPTURE(key);
    CHECK(has_node(v, key));
  }
  REQUIRE(v.calls.size() == 2);
  CHECK(v.calls[0].label == "membarrier()");
  CHECK(v.calls[1].label == "ipi_mb() interrupt");
  const auto f3 = std::find_if(v.nodes.begin(), v.nodes.end(), [](const DotNode& n) { return n.key == "f3"; });
  REQUIRE(f3 != v.nodes.end());
  CHECK(f3->call == 0);
  CHECK(f3->label.find("[membarrier_private_expedited]") == 0);
  CHECK(has_edge(v, "e5", "e10", "ipi"));
  CHECK(has_edge(v, "e11", "e6", "ipi-done"));
  CHECK(has_edge(v, "e7", "e8", "rf"));
  CHECK(has_edge(v, "e2", "e12", "rf"));
  CHECK(count_edges(v, "rf") == 2);  // not the bookkeeping read's
  CHECK(count_edges(v, "ctrl") == 1);
  CHECK(has_edge(v, "e8", "e10", "ctrl"));
  CHECK(count_edges(v, "po") == 0);  // drawn by thread, not as edges
}

TEST_CASE("dot view, --dot-detail: every event and edge, still boxed by call") {
  const Witness w = membarrier_mp();
  const DotView v = make_dot_view(w, true);
  CHECK(v.nodes.size() == w.events.size());
  CHECK(count_edges(v, "ctrl") == 4);
  CHECK(count_edges(v, "rf") == 3);
  CHECK(v.calls.size() == 2);
}

TEST_CASE("dot view, asm test: everything, no boxes") {
  Witness w = membarrier_mp();
  auto nop = std::make_shared<xmcheck::litmus::Instruction>();
  nop->arch = *xmcheck::litmus::arch_by_id("arm64");
  nop->mnemonic = "NOP";
  for (auto& e : w.events) {
    e.call = -1;
    e.call_prelude = false;
    e.prelude_location = false;
    if (e.thread >= 0) e.instruction = nop;
  }
  REQUIRE_FALSE(is_c(w));
  const DotView v = make_dot_view(w, false);
  CHECK(v.nodes.size() == w.events.size());
  CHECK(v.calls.empty());
  CHECK(count_edges(v, "ctrl") == 4);
}
