// Execution: global event numbering (initial writes, then each chosen trace) and
// the base sets and relations handed to the model, on a 2-thread MP.
#include <set>

#include "base_bits.hpp"
#include "candidate_search.hpp"
#include "checker_test_support.hpp"
#include "execution.hpp"
#include "xmcheck/axioms/base.hpp"

using namespace cktest;
using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;

namespace {

const char* kMP = R"(AArch64 MP
{ 0:X1=x; 0:X3=y; 1:X1=x; 1:X3=y; }
 P0          | P1          ;
 MOV W0,#1   | LDR W0,[X3] ;
 STR W0,[X1] | LDR W2,[X1] ;
 STR W0,[X3] |             ;
exists (1:X0=1 /\ 1:X2=0)
)";

const axioms::Relation& rel(const axioms::BaseValues& b, std::string_view name) {
  const auto i = axioms::find_base(name);
  REQUIRE(i.has_value());
  return b.relations[*i];
}

std::vector<std::size_t> set_of(const axioms::BaseValues& b, std::string_view name) {
  const auto i = axioms::find_base(name);
  REQUIRE(i.has_value());
  return b.sets[*i].elements();
}

/// Events: 0 = init x, 1 = init y, 2 = P0 W x, 3 = P0 W y, 4 = P1 R y, 5 = P1 R x.
/// The skeleton where P1 reads y=1 (from event 3) and x=0 (from the init).
struct Fixture {
  Program prog = lower_text(kMP);
  Unfolding u = unfold(prog, 2);
  Skeleton sk;
  Fixture() {
    bool found = false;
    for (const Skeleton& s : all_skeletons(prog, u)) {
      const Trace& t = u.traces[1][static_cast<std::size_t>(s.trace_of_proc[1])];
      if (t.events[0].value == Val::integer(1) && t.events[1].value == Val::integer(0)) {
        sk = s;
        found = true;
      }
    }
    REQUIRE(found);
  }
};

}  // namespace

TEST_CASE("execution: numbering, writes per location and their values") {
  Fixture f;
  REQUIRE(loc_id(f.prog, "x") == 0);
  REQUIRE(loc_id(f.prog, "y") == 1);
  Execution ex(f.prog, f.u, f.sk);
  CHECK(ex.num_events() == 6);
  CHECK(ex.writes_per_loc() == std::vector<std::vector<int>>{{0, 2}, {1, 3}});
  CHECK(ex.write_value(0) == Val::integer(0));
  CHECK(ex.write_value(2) == Val::integer(1));
  CHECK(&ex.trace(1) == &f.u.traces[1][static_cast<std::size_t>(f.sk.trace_of_proc[1])]);
}

TEST_CASE("execution: base sets") {
  Fixture f;
  Execution ex(f.prog, f.u, f.sk);
  const auto& b = ex.with_coherence(ex.writes_per_loc());
  using V = std::vector<std::size_t>;
  CHECK(set_of(b, "IW") == V{0, 1});
  CHECK(set_of(b, "W") == V{0, 1, 2, 3});
  CHECK(set_of(b, "R") == V{4, 5});
  CHECK(set_of(b, "M") == V{0, 1, 2, 3, 4, 5});
  CHECK(set_of(b, "Exp") == V{0, 1, 2, 3, 4, 5});  // herd: initial writes are explicit
  CHECK(set_of(b, "FW") == V{2, 3});
  CHECK(set_of(b, "IF").empty());
}

TEST_CASE("execution: po, int, ext, loc and same-instance") {
  Fixture f;
  Execution ex(f.prog, f.u, f.sk);
  const auto& b = ex.with_coherence(ex.writes_per_loc());
  CHECK(rel(b, "po").pairs() == Pairs{{2, 3}, {4, 5}});
  CHECK(rel(b, "same-instance").pairs() == Pairs{{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}});
  // int: the initial writes form one group, each thread another.
  const Pairs in = rel(b, "int").pairs();
  CHECK(in == Pairs{{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 2}, {2, 3}, {3, 2}, {3, 3},
                    {4, 4}, {4, 5}, {5, 4}, {5, 5}});
  axioms::Relation both = rel(b, "int");
  both |= rel(b, "ext");
  CHECK(both.count() == 36);
  axioms::Relation overlap = rel(b, "int");
  overlap &= rel(b, "ext");
  CHECK(overlap.empty());
  CHECK(rel(b, "ext").contains(2, 4));
  CHECK(rel(b, "ext").contains(0, 2));
  // loc: x = {0,2,5}, y = {1,3,4}, all pairs within each.
  const Pairs loc = rel(b, "loc").pairs();
  CHECK(loc.size() == 18);
  CHECK(rel(b, "loc").contains(0, 5));
  CHECK(rel(b, "loc").contains(5, 2));
  CHECK(rel(b, "loc").contains(3, 4));
  CHECK_FALSE(rel(b, "loc").contains(2, 3));
}

TEST_CASE("execution: rf from the skeleton, co and FW from the coherence order") {
  Fixture f;
  Execution ex(f.prog, f.u, f.sk);
  const auto& b = ex.with_coherence(ex.writes_per_loc());
  CHECK(rel(b, "rf").pairs() == Pairs{{0, 5}, {3, 4}});
  CHECK(rel(b, "co").pairs() == Pairs{{0, 2}, {1, 3}});
  CHECK(rel(b, "addr").empty());
  CHECK(rel(b, "data").empty());
  CHECK(rel(b, "ctrl").empty());
}

TEST_CASE("execution: a new coherence order replaces the previous one") {
  const Program prog = lower_text(R"(AArch64 2W
{ 0:X1=x; 1:X1=x; }
 P0          | P1          ;
 MOV W0,#1   | MOV W0,#2   ;
 STR W0,[X1] | STR W0,[X1] ;
exists (x=1)
)");
  const Unfolding u = unfold(prog, 2);
  const std::vector<Skeleton> sks = all_skeletons(prog, u);
  REQUIRE(sks.size() == 1);
  Execution ex(prog, u, sks[0]);
  CHECK(ex.writes_per_loc() == std::vector<std::vector<int>>{{0, 1, 2}});
  {
    const auto& b = ex.with_coherence({{0, 1, 2}});
    CHECK(rel(b, "co").pairs() == Pairs{{0, 1}, {0, 2}, {1, 2}});
    CHECK(set_of(b, "FW") == std::vector<std::size_t>{2});
  }
  const auto& b = ex.with_coherence({{0, 2, 1}});
  CHECK(rel(b, "co").pairs() == Pairs{{0, 1}, {0, 2}, {2, 1}});
  CHECK(set_of(b, "FW") == std::vector<std::size_t>{1});
}

TEST_CASE("execution: dependency edges are shifted to global ids") {
  const Program prog = lower_text(R"(AArch64 LB
{ 0:X1=x; 0:X3=y; 1:X1=x; 1:X3=y; }
 P0          | P1          ;
 LDR W0,[X1] | LDR W0,[X3] ;
 STR W0,[X3] | STR W0,[X1] ;
exists (0:X0=1)
)");
  const Unfolding u = unfold(prog, 2);
  const std::vector<Skeleton> sks = all_skeletons(prog, u);
  REQUIRE(!sks.empty());
  Execution ex(prog, u, sks[0]);
  const auto& b = ex.with_coherence(ex.writes_per_loc());
  // 0,1 initial writes; P0: 2 R x, 3 W y; P1: 4 R y, 5 W x.
  CHECK(rel(b, "data").pairs() == Pairs{{2, 3}, {4, 5}});
  CHECK(rel(b, "pick-data").pairs() == Pairs{{2, 3}, {4, 5}});
  CHECK(rel(b, "pick-dep").pairs() == Pairs{{2, 3}, {4, 5}});
}

TEST_CASE("execution: a fetch is an IF event and code initial writes are Instr") {
  const Program prog = lower_text(R"(AArch64 Patch
{ 0:X0=NOP; 0:X1=P1:L0; }
 P0          | P1         ;
 STR W0,[X1] | L0: B L1   ;
             | MOV W9,#1  ;
             | L1:        ;
exists (1:X9=0)
)");
  const Unfolding u = unfold(prog, 2);
  const std::vector<Skeleton> sks = all_skeletons(prog, u);
  REQUIRE(sks.size() == 2);
  for (const auto& sk : sks) {
    Execution ex(prog, u, sk);
    const auto& b = ex.with_coherence(ex.writes_per_loc());
    // 0 = init of P1:L0, 1 = P0's store, 2 = P1's fetch.
    CHECK(set_of(b, "IF") == std::vector<std::size_t>{2});
    CHECK(set_of(b, "Instr") == std::vector<std::size_t>{0, 1, 2});
    CHECK(set_of(b, "Imp") == std::vector<std::size_t>{2});
    const std::size_t src = sk.rf_source[1][0].proc < 0 ? 0 : 1;
    CHECK(rel(b, "rf").pairs() == Pairs{{src, 2}});
  }
}
