// enumerate_skeletons(): Z3 picks one trace per thread and an rf source for every
// read; the enumeration is exhaustive, never repeats, and respects location and
// value agreement. The direct enumeration (direct_search.hpp) must visit the
// same skeletons: every test here runs both.
#include <set>

#include "candidate_search.hpp"
#include "checker_test_support.hpp"

using namespace cktest;

namespace {

struct Found {
  Program prog;
  Unfolding unfolding;
  std::vector<Skeleton> skeletons;
  SearchStats stats;
};

/// A comparable key of a skeleton (chosen traces, then every read's source).
std::vector<int> key(const Unfolding& u, const Skeleton& sk);

/// The skeletons Z3 enumerates; checks that the direct enumeration finds the
/// same set, once each.
Found skeletons_of(const std::string& text, int unroll = 2) {
  Found f{lower_text(text), {}, {}, {}};
  f.unfolding = unfold(f.prog, unroll);
  f.skeletons = all_skeletons(f.prog, f.unfolding, &f.stats);
  SearchStats direct_stats;
  const std::vector<Skeleton> direct =
      all_skeletons(f.prog, f.unfolding, &direct_stats, SkeletonEngine::Direct);
  std::set<std::vector<int>> by_solver, by_direct;
  for (const auto& sk : f.skeletons) by_solver.insert(key(f.unfolding, sk));
  for (const auto& sk : direct) by_direct.insert(key(f.unfolding, sk));
  CHECK(by_direct.size() == direct.size());  // never twice
  CHECK(by_direct == by_solver);
  CHECK(direct_stats.skeletons == f.stats.skeletons);
  CHECK(direct_stats.solver_calls == 0);
  return f;
}

std::vector<int> key(const Unfolding& u, const Skeleton& sk) {
  std::vector<int> k(sk.trace_of_proc.begin(), sk.trace_of_proc.end());
  for (std::size_t p = 0; p < sk.rf_source.size(); ++p) {
    const Trace& t = u.traces[p][static_cast<std::size_t>(sk.trace_of_proc[p])];
    for (std::size_t e = 0; e < t.events.size(); ++e)
      if (t.events[e].kind == EventKind::Read || t.events[e].kind == EventKind::Fetch) {
        k.push_back(sk.rf_source[p][e].proc);
        k.push_back(sk.rf_source[p][e].index);
      }
  }
  return k;
}

/// Checks every read's source: same location and same value, and returns the
/// number of distinct skeletons.
std::size_t check_well_formed(const Found& f) {
  std::set<std::vector<int>> keys;
  for (const auto& sk : f.skeletons) {
    REQUIRE(sk.trace_of_proc.size() == f.unfolding.traces.size());
    for (std::size_t p = 0; p < sk.rf_source.size(); ++p) {
      const Trace& t = f.unfolding.traces[p][static_cast<std::size_t>(sk.trace_of_proc[p])];
      REQUIRE(sk.rf_source[p].size() == t.events.size());
      for (std::size_t e = 0; e < t.events.size(); ++e) {
        const TraceEvent& r = t.events[e];
        if (r.kind != EventKind::Read && r.kind != EventKind::Fetch) continue;
        const EventRef src = sk.rf_source[p][e];
        if (src.proc < 0) {
          CHECK(src.index == r.loc);
          CHECK(f.prog.locs[static_cast<std::size_t>(src.index)].init == r.value);
        } else {
          const Trace& st = f.unfolding.traces[static_cast<std::size_t>(src.proc)]
                                              [static_cast<std::size_t>(sk.trace_of_proc[static_cast<std::size_t>(src.proc)])];
          REQUIRE(src.index < static_cast<int>(st.events.size()));
          const TraceEvent& w = st.events[static_cast<std::size_t>(src.index)];
          CHECK(w.kind == EventKind::Write);
          CHECK(w.loc == r.loc);
          CHECK(w.value == r.value);
        }
      }
    }
    keys.insert(key(f.unfolding, sk));
  }
  return keys.size();
}

}  // namespace

TEST_CASE("skeletons: MP has one skeleton per combination of read values") {
  const Found f = skeletons_of(R"(AArch64 MP
{ 0:X1=x; 0:X3=y; 1:X1=x; 1:X3=y; }
 P0          | P1          ;
 MOV W0,#1   | LDR W0,[X3] ;
 STR W0,[X1] | LDR W2,[X1] ;
 STR W0,[X3] |             ;
exists (1:X0=1 /\ 1:X2=0)
)");
  CHECK(f.skeletons.size() == 4);
  CHECK(f.stats.skeletons == 4);
  CHECK(f.stats.solver_calls == 5);  // the last call proves exhaustion
  CHECK(check_well_formed(f) == 4);
}

TEST_CASE("skeletons: two writes of one value double the rf choices of its reads") {
  // x=1 has two writers, so a read of x=1 has two sources: y(2) x (1 + 2) = 6.
  const Found f = skeletons_of(R"(AArch64 MP2
{ 0:X1=x; 0:X3=y; 1:X1=x; 1:X3=y; }
 P0          | P1          ;
 MOV W0,#1   | LDR W0,[X3] ;
 STR W0,[X1] | LDR W2,[X1] ;
 STR W0,[X1] |             ;
 STR W0,[X3] |             ;
exists (1:X0=1 /\ 1:X2=0)
)");
  CHECK(f.skeletons.size() == 6);
  CHECK(check_well_formed(f) == 6);
}

TEST_CASE("skeletons: a read may take its value from its own thread's write") {
  const Found f = skeletons_of(R"(AArch64 Own
{ 0:X1=x; 1:X1=x; }
 P0          | P1          ;
 MOV W0,#1   | MOV W0,#2   ;
 STR W0,[X1] | STR W0,[X1] ;
 LDR W2,[X1] |             ;
exists (0:X2=2)
)");
  // P0's read sees 0 (init), 1 (own write) or 2 (P1): three skeletons.
  CHECK(f.skeletons.size() == 3);
  CHECK(check_well_formed(f) == 3);
  std::set<int> source_procs;
  for (const auto& sk : f.skeletons) source_procs.insert(sk.rf_source[0][1].proc);
  CHECK(source_procs == std::set<int>{-1, 0, 1});
}

TEST_CASE("skeletons: a read whose only writer is another path of its own thread has no source") {
  // Reading x=0 leads to the store of 5; reading x=5 skips it: x=5 can only come
  // from the other trace of the same thread, which cannot be chosen with it.
  const Found f = skeletons_of(R"(AArch64 OtherPath
{ 0:X1=x; }
 P0            ;
 LDR W0,[X1]   ;
 CBNZ W0,Lend  ;
 MOV W2,#5     ;
 STR W2,[X1]   ;
 Lend:         ;
exists (0:X0=5)
)");
  CHECK(f.unfolding.traces[0].size() == 2);
  REQUIRE(f.skeletons.size() == 1);
  CHECK(check_well_formed(f) == 1);
  const Skeleton& sk = f.skeletons[0];
  CHECK(f.unfolding.traces[0][static_cast<std::size_t>(sk.trace_of_proc[0])].events[0].value == Val::integer(0));
  CHECK(sk.rf_source[0][0] == EventRef{-1, 0});
}

TEST_CASE("skeletons: fetches read from the initial instruction or a patching store") {
  const Found f = skeletons_of(R"(AArch64 Patch
{ 0:X0=NOP; 0:X1=P1:L0; }
 P0          | P1         ;
 STR W0,[X1] | L0: B L1   ;
             | MOV W9,#1  ;
             | L1:        ;
exists (1:X9=0)
)");
  CHECK(f.skeletons.size() == 2);
  CHECK(check_well_formed(f) == 2);
  std::set<int> sources;
  for (const auto& sk : f.skeletons) sources.insert(sk.rf_source[1][0].proc);
  CHECK(sources == std::set<int>{-1, 0});
}

TEST_CASE("skeletons: a thread without complete paths admits no skeleton") {
  const Found f = skeletons_of("AArch64 Self\n{ }\n P0 | P1 ;\n L0: B L0 | NOP ;\nexists (0:X0=0)\n");
  CHECK(f.skeletons.empty());
  CHECK(f.stats.skeletons == 0);
}

TEST_CASE("skeletons: independent threads multiply") {
  // Three readers of x, y, z and one writer of all three: 2 x 2 x 2 skeletons.
  const Found f = skeletons_of(R"(AArch64 Three
{ 0:X1=x; 1:X1=y; 2:X1=z; 3:X1=x; 3:X2=y; 3:X3=z; }
 P0          | P1          | P2          | P3          ;
 LDR W0,[X1] | LDR W0,[X1] | LDR W0,[X1] | MOV W0,#1   ;
             |             |             | STR W0,[X1] ;
             |             |             | STR W0,[X2] ;
             |             |             | STR W0,[X3] ;
exists (0:X0=1)
)");
  CHECK(f.skeletons.size() == 8);
  CHECK(check_well_formed(f) == 8);
}

namespace {

/// Every skeleton by brute force, independently of the solver encoding: each
/// combination of one trace per thread, then each combination of one source
/// per read (initial write when the value matches, or any write of the same
/// location and value in a chosen trace).
std::size_t brute_force_count(const Found& f) {
  const auto& traces = f.unfolding.traces;
  std::size_t total = 0;
  std::vector<std::size_t> pick(traces.size(), 0);
  for (const auto& per_thread : traces)
    if (per_thread.empty()) return 0;
  while (true) {
    std::size_t combos = 1;
    for (std::size_t p = 0; p < traces.size(); ++p)
      for (const TraceEvent& r : traces[p][pick[p]].events) {
        if (r.kind != EventKind::Read && r.kind != EventKind::Fetch) continue;
        std::size_t sources = f.prog.locs[static_cast<std::size_t>(r.loc)].init == r.value ? 1 : 0;
        for (std::size_t q = 0; q < traces.size(); ++q)
          for (const TraceEvent& w : traces[q][pick[q]].events)
            if (w.kind == EventKind::Write && w.loc == r.loc && w.value == r.value) ++sources;
        combos *= sources;
      }
    total += combos;
    std::size_t p = 0;
    while (p < traces.size() && ++pick[p] == traces[p].size()) pick[p++] = 0;
    if (p == traces.size()) return total;
  }
}

}  // namespace

TEST_CASE("skeletons: reads and writes shared by several paths are each one choice") {
  // P0 branches on x: both paths read y at the same point and store z=1 at the
  // same point, one path stores y=2 first. P1 writes x and y with values that
  // several paths read; P2 reads z (one source position in two traces) and y.
  // The encoding shares variables between the paths; the count must equal the
  // brute-force enumeration of traces and sources.
  const Found f = skeletons_of(R"(AArch64 SharedPoints
{ 0:X1=x; 0:X3=y; 0:X5=z; 1:X1=x; 1:X3=y; 2:X3=y; 2:X5=z; }
 P0            | P1          | P2          ;
 LDR W0,[X1]   | MOV W0,#1   | LDR W0,[X5] ;
 CBZ W0,L1     | STR W0,[X1] | LDR W2,[X3] ;
 MOV W6,#2     | MOV W2,#2   |             ;
 STR W6,[X3]   | STR W2,[X3] |             ;
 L1:           | STR W0,[X3] |             ;
 LDR W2,[X3]   |             |             ;
 MOV W4,#1     |             |             ;
 STR W4,[X5]   |             |             ;
exists (2:X0=1 /\ 2:X2=2)
)");
  REQUIRE(f.unfolding.traces[0].size() > 1);
  const std::size_t expected = brute_force_count(f);
  CHECK(expected > 10);
  CHECK(f.skeletons.size() == expected);
  CHECK(check_well_formed(f) == expected);
}
