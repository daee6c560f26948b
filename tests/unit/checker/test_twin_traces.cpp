// Twin threads (twin_traces.cpp): traces equal up to a renaming of
// locations, and small cores moved to them.
#include <algorithm>

#include "checker_test_support.hpp"
#include "execution.hpp"
#include "thread_verdicts.hpp"
#include "twin_traces.hpp"

using namespace cktest;

namespace {

// MP with barriers and four readers: P1 and P2 run the same code on the same
// locations, P3 the same code on z instead of y (a per-CPU variable), P4
// reads x then y: the same code again once x and y swap names.
const char* kReaders = R"(AArch64 MP+dmbs+readers
{ 0:X1=x; 0:X3=y; 1:X1=y; 1:X3=x; 2:X1=y; 2:X3=x; 3:X1=z; 3:X3=x; 4:X1=x; 4:X3=y; }
 P0          | P1          | P2          | P3          | P4          ;
 MOV W0,#1   | LDR W0,[X1] | LDR W0,[X1] | LDR W0,[X1] | LDR W0,[X1] ;
 STR W0,[X1] | DMB SY      | DMB SY      | DMB SY      | DMB SY      ;
 DMB SY      | LDR W2,[X3] | LDR W2,[X3] | LDR W2,[X3] | LDR W2,[X3] ;
 MOV W2,#1   |             |             |             |             ;
 STR W2,[X3] |             |             |             |             ;
exists (1:X0=1 /\ 1:X2=0)
)";

// P2 and P3 each write 1 to their own word and read it back: twins (z and w
// renamed). Reading 0 back is refuted whatever is read; reading 1 is not.
const char* kCoRwTwins = R"(AArch64 coRW-twins
{ 0:X1=x; 1:X1=x; 2:X1=z; 3:X1=w; 4:X1=x; }
 P0          | P1          | P2          | P3          | P4          ;
 MOV W0,#1   | LDR W0,[X1] | MOV W0,#1   | MOV W0,#1   | LDR W0,[X1] ;
 STR W0,[X1] |             | STR W0,[X1] | STR W0,[X1] |             ;
             |             | LDR W2,[X1] | LDR W2,[X1] |             ;
exists (2:X2=0 \/ 3:X2=0)
)";

bool mp_violated(const Trace& t) { return t.final_regs[0] == Val::integer(1) && t.final_regs[2] == Val::integer(0); }

}  // namespace

TEST_CASE("twin traces: the same code, up to the names of the locations it accesses") {
  const Program prog = lower_text(kReaders);
  const Unfolding u = unfold(prog, 2);
  const TwinTraces twins(prog, u);
  const int x = loc_id(prog, "x"), y = loc_id(prog, "y"), z = loc_id(prog, "z");
  for (std::size_t t = 0; t < u.traces[1].size(); ++t) {
    const auto found = twins.twins_of(1, static_cast<int>(t));
    std::vector<int> procs;
    for (const auto& twin : found) {
      procs.push_back(twin.proc);
      const Trace& theirs = u.traces[static_cast<std::size_t>(twin.proc)][static_cast<std::size_t>(twin.trace)];
      CHECK(theirs.final_regs[0] == u.traces[1][t].final_regs[0]);  // same values read
      CHECK(theirs.final_regs[2] == u.traces[1][t].final_regs[2]);
      CHECK(twin.loc_map[static_cast<std::size_t>(x)] == (twin.proc == 4 ? y : x));
      CHECK(twin.loc_map[static_cast<std::size_t>(y)] == (twin.proc == 3 ? z : twin.proc == 4 ? x : y));
    }
    std::sort(procs.begin(), procs.end());
    // P3 reads z, never written: only its traces reading 0 there are twins.
    const bool reads_zero_first = u.traces[1][t].final_regs[0] == Val::integer(0);
    CHECK(procs == (reads_zero_first ? std::vector<int>{2, 3, 4} : std::vector<int>{2, 4}));
  }
  CHECK(twins.twins_of(0, 0).empty());  // the writer has none
}

TEST_CASE("moved cores: the patcher-and-reader core found on P1 is tried, and refuted, on P2") {
  const Program prog = lower_text(kReaders);
  const Unfolding u = unfold(prog, 2);
  const axioms::CompiledModel compiled = axioms::compile(aarch64_model(), axioms::VariantSet({"ifetch"}));
  axioms::Evaluator judge(compiled);
  const Deadline no_deadline(0);
  ThreadVerdicts verdicts(prog, u, judge, no_deadline);
  int moved = 0;
  for (const Skeleton& sk : all_skeletons(prog, u)) {
    if (!mp_violated(u.traces[1][static_cast<std::size_t>(sk.trace_of_proc[1])])) continue;
    const std::vector<bool> core{true, true, false, false, false};
    REQUIRE(verdicts.pair_refuted(sk, 0, 1));
    for (const auto& [other, moved_core] : moved_cores(verdicts, verdicts.twins(), sk, core)) {
      // P3's twin would read z (never written) as 1: no such trace. P4's
      // reads P0's write of y at x: no such source. So only P2.
      CHECK(moved_core == std::vector<bool>{true, false, true, false, false});
      CHECK(mp_violated(u.traces[2][static_cast<std::size_t>(other.trace_of_proc[2])]));
      // The moved choices: P2 reads y from P0's write, x from the initial one.
      const Trace& p2 = u.traces[2][static_cast<std::size_t>(other.trace_of_proc[2])];
      const int first = find_event(p2, EventKind::Read);
      CHECK(other.rf_source[2][static_cast<std::size_t>(first)].proc == 0);
      CHECK(other.rf_source[2][static_cast<std::size_t>(find_event(p2, EventKind::Read, first + 1))].proc == -1);
      ++moved;
    }
  }
  CHECK(moved > 0);
}

TEST_CASE("moved cores: the same answer as every execution, in fewer solver calls") {
  CheckOptions every;
  every.block_by_core = false;
  every.states_only = false;
  CheckOptions cored;
  cored.skeleton_engine = SkeletonEngine::Solver;  // moved cores save solver calls only
  const TestResult plain = run(kReaders, every);
  const TestResult fast = run(kReaders, cored);
  CHECK(states(fast) == states(plain));
  CHECK(fast.validated == plain.validated);
  CHECK(fast.flags == plain.flags);
  CHECK(fast.stats.skeletons < plain.stats.skeletons);
}

TEST_CASE("whole traces: twins share one judgement, whichever is judged first") {
  const Program prog = lower_text(kReaders);
  const Unfolding u = unfold(prog, 2);
  const axioms::CompiledModel compiled = axioms::compile(aarch64_model(), axioms::VariantSet({"ifetch"}));
  axioms::Evaluator judge(compiled);
  const Deadline no_deadline(0);
  ThreadVerdicts forward(prog, u, judge, no_deadline);
  ThreadVerdicts backward(prog, u, judge, no_deadline);
  const std::vector<std::vector<bool>> all = forward.refuted_traces();  // P0 first
  REQUIRE(all.size() == u.traces.size());
  for (std::size_t p = u.traces.size(); p-- > 0;)  // P4 first
    for (std::size_t t = 0; t < u.traces[p].size(); ++t)
      CHECK(backward.trace_refuted(static_cast<int>(p), static_cast<int>(t)) == all[p][t]);
  // Readers alone refute nothing (each read may come from P0 or the
  // initial state), so no trace is out.
  for (const auto& per_proc : all) CHECK(std::none_of(per_proc.begin(), per_proc.end(), [](bool b) { return b; }));
}

TEST_CASE("whole traces: a twin on another location gets the same, right, judgement") {
  const Program prog = lower_text(kCoRwTwins);
  const Unfolding u = unfold(prog, 2);
  const axioms::CompiledModel compiled = axioms::compile(aarch64_model(), axioms::VariantSet({"ifetch"}));
  axioms::Evaluator judge(compiled);
  const Deadline no_deadline(0);
  for (const int first : {2, 3}) {
    ThreadVerdicts verdicts(prog, u, judge, no_deadline);
    for (const int p : {first, 5 - first})
      for (std::size_t t = 0; t < u.traces[static_cast<std::size_t>(p)].size(); ++t) {
        const Trace& trace = u.traces[static_cast<std::size_t>(p)][t];
        CHECK(verdicts.trace_refuted(p, static_cast<int>(t)) == (trace.final_regs[2] == Val::integer(0)));
      }
    CHECK(verdicts.twins().twins_of(2, 0).size() == 1);
  }
  // And the search agrees: neither reads 0 back.
  const TestResult r = run(kCoRwTwins);
  CHECK_FALSE(r.validated);
}
