// Dependency edges produced by the path runner: addr, data, ctrl, the pick-*
// variants through CSEL/CSET conditions, and store-to-load forwarding.
#include "base_bits.hpp"
#include "checker_test_support.hpp"

using namespace cktest;

namespace {

/// The only trace of P0 of a one-thread test (nothing else writes memory, so
/// every read has one possible value).
Trace only_trace(const std::string& code, const std::string& init = "0:X1=x; 0:X3=y; 0:X4=z;") {
  return one_thread_trace("AArch64 Deps", init, code, "0:X0=0");
}

using E = EdgeList;

}  // namespace

TEST_CASE("dependencies: an address computed from a read gives addr") {
  const Trace t = only_trace(" LDR W0,[X1] ;\n EOR W2,W0,W0 ;\n ADD X5,X3,X2 ;\n LDR W6,[X5] ;\n");
  CHECK(shape(t) == "RR");
  CHECK(sorted(t.addr) == E{{0, 1}});
  CHECK(t.data.empty());
  CHECK(t.ctrl.empty());
  CHECK(sorted(t.pick_addr) == E{{0, 1}});
  CHECK(sorted(t.pick_basic) == E{{0, 1}});
}

TEST_CASE("dependencies: a stored value computed from a read gives data") {
  const Trace t = only_trace(" LDR W0,[X1] ;\n ADD W2,W0,#1 ;\n STR W2,[X3] ;\n STR W7,[X4] ;\n");
  CHECK(shape(t) == "RWW");
  CHECK(sorted(t.data) == E{{0, 1}});
  CHECK(t.addr.empty());
  CHECK(sorted(t.pick_data) == E{{0, 1}});
  CHECK(t.events[1].value == Val::integer(1));
}

TEST_CASE("dependencies: a conditional branch on a read gives ctrl to every later event") {
  const Trace t = only_trace(" LDR W0,[X1] ;\n CBNZ W0,L0 ;\n L0: STR W2,[X3] ;\n LDR W5,[X4] ;\n");
  REQUIRE(shape(t) == "RBWR");
  CHECK((t.events[1].sets & kSetB).any());
  CHECK((t.events[1].sets & kSetBCC).any());
  CHECK(sorted(t.ctrl) == E{{0, 2}, {0, 3}});
  CHECK(sorted(t.pick_ctrl) == E{{0, 2}, {0, 3}});
  CHECK(t.addr.empty());
  CHECK(t.data.empty());
}

TEST_CASE("dependencies: a branch on a constant register gives no ctrl") {
  const Trace t = only_trace(" MOV W0,#0 ;\n CBNZ W0,L0 ;\n L0: LDR W5,[X4] ;\n");
  CHECK(shape(t) == "BR");
  CHECK(t.ctrl.empty());
  CHECK(t.pick_ctrl.empty());
}

TEST_CASE("dependencies: B.cond after CMP carries the compared reads") {
  const Trace t = only_trace(" LDR W0,[X1] ;\n LDR W2,[X3] ;\n CMP W0,W2 ;\n B.EQ L0 ;\n L0: STR W7,[X4] ;\n");
  REQUIRE(shape(t) == "RRBW");
  CHECK(sorted(t.ctrl) == E{{0, 3}, {1, 3}});
}

TEST_CASE("dependencies: CSEL's condition flows only into the pick relations") {
  const Trace t =
      only_trace(" LDR W0,[X1] ;\n CMP W0,#1 ;\n CSEL W2,W8,W9,EQ ;\n STR W2,[X3] ;\n");
  REQUIRE(shape(t) == "RW");
  CHECK(t.data.empty());
  CHECK(sorted(t.pick_data) == E{{0, 1}});
  CHECK(sorted(t.pick_basic) == E{{0, 1}});
  CHECK(t.events[1].value == Val::integer(0));  // W0 = 0: NE, W9 selected
}

TEST_CASE("dependencies: CSEL keeps the data dependency of the selected register") {
  const Trace t = only_trace(" LDR W0,[X1] ;\n LDR W9,[X4] ;\n CMP W0,#1 ;\n CSEL W2,W8,W9,EQ ;\n STR W2,[X3] ;\n");
  REQUIRE(shape(t) == "RRW");
  CHECK(sorted(t.data) == E{{1, 2}});
  CHECK(sorted(t.pick_data) == E{{0, 2}, {1, 2}});
}

TEST_CASE("dependencies: CSET makes a pick address dependency, not addr") {
  const Trace t = only_trace(
      " LDR W0,[X1] ;\n CMP W0,#0 ;\n CSET W2,NE ;\n ADD X5,X3,X2 ;\n LDR W6,[X5] ;\n");
  REQUIRE(shape(t) == "RR");
  CHECK(t.addr.empty());
  CHECK(sorted(t.pick_addr) == E{{0, 1}});
}

TEST_CASE("dependencies: store-to-load forwarding carries the stored value's taint") {
  // e0 reads x, e1 stores it to y, e2 reads y back, e3 stores that to z.
  const Trace t = only_trace(" LDR W0,[X1] ;\n STR W0,[X3] ;\n LDR W5,[X3] ;\n STR W5,[X4] ;\n");
  REQUIRE(shape(t) == "RWRW");
  CHECK(sorted(t.data) == E{{0, 1}, {0, 3}, {2, 3}});
  // pick_basic also links the forwarded read to the load that forwards it.
  const E basic = sorted(t.pick_basic);
  CHECK(std::find(basic.begin(), basic.end(), std::pair{0, 2}) != basic.end());
  CHECK(std::find(basic.begin(), basic.end(), std::pair{0, 1}) != basic.end());
}

TEST_CASE("dependencies: forwarding also carries the store's address taint") {
  // The store's address depends on e0; reading the location back depends on it too.
  const Trace t = only_trace(
      " LDR W0,[X1] ;\n EOR W2,W0,W0 ;\n ADD X5,X3,X2 ;\n STR W7,[X5] ;\n LDR W6,[X3] ;\n STR W6,[X4] ;\n");
  REQUIRE(shape(t) == "RWRW");
  CHECK(sorted(t.addr) == E{{0, 1}});
  CHECK(sorted(t.data) == E{{0, 3}, {2, 3}});
}

TEST_CASE("dependencies: every event of one instruction shares its instance number") {
  const Trace t = only_trace(" LDR W0,[X1] ;\n NOP ;\n DMB SY ;\n STR W0,[X3] ;\n");
  REQUIRE(shape(t) == "RfW");
  CHECK(t.events[0].instance == 0);
  CHECK(t.events[1].instance == 2);
  CHECK(t.events[2].instance == 3);
  CHECK((t.events[1].sets & kSetF).any());
  CHECK((t.events[1].sets & named_set_bit("DMB.SY")).any());
}
