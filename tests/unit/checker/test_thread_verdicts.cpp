// Threads alone and in pairs (thread_verdicts.cpp): the small cores found
// before judging a skeleton are real (no candidate of a blocked skeleton is
// consistent), are found where the violation lives, and change no result.
#include <algorithm>

#include "checker_test_support.hpp"
#include "execution.hpp"
#include "thread_verdicts.hpp"

using namespace cktest;

namespace {

// MP with barriers on P0 and P1 (the condition is forbidden: a pair core of
// P0 and P1), P2 that reads back its own write of z (reading the initial z
// is refuted by P2 alone: coherence), and P3, P4 whose unordered reads of x
// and y take part in no violation.
const char* kFiveThreads = R"(AArch64 MP+dmbs+coRW+observers
{ 0:X1=x; 0:X3=y; 1:X1=y; 1:X3=x; 2:X1=z; 3:X1=x; 3:X3=y; 4:X1=y; 4:X3=x; }
 P0          | P1          | P2          | P3          | P4          ;
 MOV W0,#1   | LDR W0,[X1] | MOV W0,#1   | LDR W0,[X3] | LDR W0,[X3] ;
 STR W0,[X1] | DMB SY      | STR W0,[X1] | LDR W2,[X1] | LDR W2,[X1] ;
 DMB SY      | LDR W2,[X3] | LDR W2,[X1] |             |             ;
 MOV W2,#1   |             |             |             |             ;
 STR W2,[X3] |             |             |             |             ;
exists (1:X0=1 /\ 1:X2=0)
)";

/// Whether some coherence order of the whole skeleton is consistent.
bool has_consistent(const Program& prog, const Unfolding& u, const Skeleton& sk, axioms::Evaluator& judge) {
  Execution ex(prog, u, sk);
  return !for_each_coherence(ex.writes_per_loc(), [&](const std::vector<std::vector<int>>& co) {
    return !judge(ex.with_coherence(co)).consistent;
  });
}

std::vector<int> members(const std::vector<bool>& core) {
  std::vector<int> out;
  for (std::size_t p = 0; p < core.size(); ++p)
    if (core[p]) out.push_back(static_cast<int>(p));
  return out;
}

}  // namespace

TEST_CASE("small cores: every blocked skeleton is inconsistent, and each core sits where the violation is") {
  const Program prog = lower_text(kFiveThreads);
  const Unfolding u = unfold(prog, 2);
  const axioms::CompiledModel compiled = axioms::compile(aarch64_model(), axioms::VariantSet({"ifetch"}));
  axioms::Evaluator judge(compiled);
  const Deadline no_deadline(0);
  ThreadVerdicts verdicts(prog, u, judge, no_deadline);
  REQUIRE(verdicts.active());
  int singles = 0, pairs = 0;
  for (const Skeleton& sk : all_skeletons(prog, u)) {
    const Trace& p1 = u.traces[1][static_cast<std::size_t>(sk.trace_of_proc[1])];
    const bool mp_violated = p1.final_regs[0] == Val::integer(1) && p1.final_regs[2] == Val::integer(0);
    const Trace& p2 = u.traces[2][static_cast<std::size_t>(sk.trace_of_proc[2])];
    const bool p2_reads_initial = sk.rf_source[2][static_cast<std::size_t>(find_event(p2, EventKind::Read))].proc < 0;
    const std::optional<Blocking> b = blocked_by_small_core(verdicts, sk);
    CHECK(b.has_value() == (mp_violated || p2_reads_initial));
    if (!b) continue;
    CHECK_FALSE(has_consistent(prog, u, sk, judge));
    std::vector<std::vector<int>> cores{members(b->core)};
    for (const auto& c : b->more_cores) cores.push_back(members(c));
    if (p2_reads_initial) {  // threads alone come first, and suffice
      CHECK(cores == std::vector<std::vector<int>>{{2}});
      ++singles;
    } else {
      CHECK(cores == std::vector<std::vector<int>>{{0, 1}});
      ++pairs;
    }
  }
  CHECK(singles > 0);
  CHECK(pairs > 0);
}

TEST_CASE("whole traces: refuted whatever their reads read") {
  const Program prog = lower_text(kFiveThreads);
  const Unfolding u = unfold(prog, 2);
  const axioms::CompiledModel compiled = axioms::compile(aarch64_model(), axioms::VariantSet({"ifetch"}));
  axioms::Evaluator judge(compiled);
  const Deadline no_deadline(0);
  ThreadVerdicts verdicts(prog, u, judge, no_deadline);
  // P2 reads z after writing 1 there: reading 0 (only the initial write has
  // it) is refuted whatever else happens; reading 1 never is.
  for (std::size_t t = 0; t < u.traces[2].size(); ++t)
    CHECK(verdicts.trace_refuted(2, static_cast<int>(t)) == (u.traces[2][t].final_regs[2] == Val::integer(0)));
  // P1 seeing y=1 and x=0 is refuted with P0 only, not alone.
  for (std::size_t t = 0; t < u.traces[1].size(); ++t) CHECK_FALSE(verdicts.trace_refuted(1, static_cast<int>(t)));
}

TEST_CASE("small cores: none below five threads") {
  const Program prog = lower_text(R"(AArch64 coRW
{ 0:X1=z; }
 P0          ;
 MOV W0,#1   ;
 STR W0,[X1] ;
 LDR W2,[X1] ;
exists (0:X2=0)
)");
  const Unfolding u = unfold(prog, 2);
  const axioms::CompiledModel compiled = axioms::compile(aarch64_model(), axioms::VariantSet({"ifetch"}));
  axioms::Evaluator judge(compiled);
  const Deadline no_deadline(0);
  ThreadVerdicts verdicts(prog, u, judge, no_deadline);
  for (const Skeleton& sk : all_skeletons(prog, u)) {
    CHECK_FALSE(blocked_by_small_core(verdicts, sk).has_value());
    // The verdict alone still answers (LocalCoherence uses it at any size).
    const Trace& t = u.traces[0][static_cast<std::size_t>(sk.trace_of_proc[0])];
    CHECK(verdicts.of(sk, 0).refutes_all == (sk.rf_source[0][static_cast<std::size_t>(find_event(t, EventKind::Read))].proc < 0));
  }
}

TEST_CASE("small cores: the same answer as every execution, with fewer skeletons") {
  CheckOptions every;
  every.block_by_core = false;
  every.states_only = false;
  CheckOptions cored;  // the default: states only, blocking by core
  const TestResult plain = run(kFiveThreads, every);
  const TestResult fast = run(kFiveThreads, cored);
  CHECK_FALSE(plain.validated);
  CHECK(states(fast) == states(plain));
  CHECK(fast.validated == plain.validated);
  CHECK(fast.flags == plain.flags);
  CHECK(fast.stats.core_blocks > 0);
  CHECK(fast.stats.skeletons < plain.stats.skeletons);
}
