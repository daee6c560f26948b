// check() end to end under axioms/arm64/aarch64.cat: state sets, Ok/No, Loop, delayed
// errors and the variants a test's CacheType header turns on.
#include "checker_test_support.hpp"

using namespace cktest;
using States = std::vector<std::string>;

namespace {

std::string mp(const std::string& p0_fence, const std::string& p1_fence) {
  return "AArch64 MP\n{ 0:X1=x; 0:X3=y; 1:X1=x; 1:X3=y; }\n"
         " P0          | P1          ;\n"
         " MOV W0,#1   | LDR W0,[X3] ;\n"
         " STR W0,[X1] | " + p1_fence + " ;\n"
         " " + p0_fence + " | LDR W2,[X1] ;\n"
         " STR W0,[X3] |             ;\n"
         "exists (1:X0=1 /\\ 1:X2=0)\n";
}

// Arm's MP.RF+dmb.st+ctrlisb: P1 executes m0 after seeing the flag, without
// cache maintenance on P0 (herd: Allowed unless CacheType=DIC).
std::string mp_rf_ctrlisb(const std::string& header) {
  return "AArch64 MP.RF+dmb.st+ctrlisb\n" + header +
         "{ 0:X0=NOP; 0:X1=P1:m0; 1:X1=P1:m0;\n"
         "  0:X2=1; 1:X2=0; 0:X3=z; 1:X3=z; 1:X9=0; }\n"
         "P0           | P1              ;\n"
         "STR W0,[X1]  |     LDR W2,[X3] ;\n"
         "DMB ST       |     CBNZ W2,l1  ;\n"
         "STR W2,[X3]  | l1: ISB         ;\n"
         "             | m0: B l0        ;\n"
         "             |     MOV W9,#1   ;\n"
         "             | l0:             ;\n"
         "exists 1:X2=1 /\\ 1:X9=0\n";
}

}  // namespace

TEST_CASE("check: MP without barriers allows every outcome") {
  const TestResult r = run(mp("NOP        ", "NOP        "));
  CHECK(r.name == "MP");
  CHECK(observed_names(r) == std::vector<std::string>{"1:X0", "1:X2"});
  CHECK(states(r) == States{"1:X0=0; 1:X2=0;", "1:X0=0; 1:X2=1;", "1:X0=1; 1:X2=0;",
                            "1:X0=1; 1:X2=1;"});
  CHECK(r.validated);
  CHECK(r.positive == 1);
  CHECK(r.negative == 3);
  CHECK(frontend::condition_text(r) == "exists (1:X0=1 /\\ 1:X2=0)");
  CHECK_FALSE(r.loop_bound_hit);
  CHECK(r.flags.empty());
  CHECK(r.states[2].satisfies_condition);
  CHECK_FALSE(r.states[3].satisfies_condition);
}

TEST_CASE("check: MP with DMB ST and DMB LD forbids the message-passing outcome") {
  const TestResult r = run(mp("DMB ST     ", "DMB LD     "));
  CHECK(states(r) == States{"1:X0=0; 1:X2=0;", "1:X0=0; 1:X2=1;", "1:X0=1; 1:X2=1;"});
  CHECK_FALSE(r.validated);
  CHECK(r.positive == 0);
  CHECK(r.negative == 3);
}

TEST_CASE("check: one barrier alone does not forbid MP") {
  CHECK(run(mp("DMB ST     ", "NOP        ")).validated);
  CHECK(run(mp("NOP        ", "DMB LD     ")).validated);
}

TEST_CASE("check: fetching a patched NOP without cache maintenance may see the old branch") {
  const TestResult r = run(mp_rf_ctrlisb(""));
  CHECK(states(r) == States{"1:X2=0; 1:X9=0;", "1:X2=0; 1:X9=1;", "1:X2=1; 1:X9=0;",
                            "1:X2=1; 1:X9=1;"});
  CHECK(r.validated);
  CHECK(r.variants == std::vector<std::string>{"ifetch"});
}

TEST_CASE("check: with DC CVAU / IC IVAU on the patching side and ISB, the new NOP is seen") {
  const TestResult r = run(R"(AArch64 MP.RF+cachesync+ctrlisb
{
0:X0=NOP; 0:X1=P1:Lself00; 0:X3=x;
1:X0=x;
}
 P0          | P1           ;
 STR W0,[X1] |  LDR W1,[X0] ;
 DC CVAU,X1  |  CBNZ W1,L00 ;
 DSB ISH     | L00:         ;
 IC IVAU,X1  |  ISB         ;
 DSB ISH     | Lself00:     ;
 MOV W2,#1   |  B L01       ;
 STR W2,[X3] |  MOV W2,#1   ;
             | L01:         ;
exists (1:X1=1 /\ 1:X2=0)
)");
  CHECK(states(r) == States{"1:X1=0; 1:X2=0;", "1:X1=0; 1:X2=1;", "1:X1=1; 1:X2=1;"});
  CHECK_FALSE(r.validated);
  CHECK(r.positive == 0);
}

TEST_CASE("check: self-modifying code sees its own patch only after DC, IC, DSB and ISB") {
  // herd's SM.B+dsb.ish (Allowed) and SM.B+cachesync-isb (Forbidden).
  const auto sm = [](const std::string& sync) {
    return "AArch64 SM.B\n{ 0:X0=NOP; 0:X1=P0:m0; 0:X9=0; }\n P0 ;\n STR W0,[X1] ;\n" + sync +
           " m0: B l0 ;\n MOV W9,#1 ;\n l0: ;\nexists 0:X9=0\n";
  };
  const TestResult stale = run(sm(" DSB ISH ;\n"));
  CHECK(states(stale) == States{"0:X9=0;", "0:X9=1;"});
  CHECK(stale.validated);
  const TestResult synced =
      run(sm(" DC CVAU,X1 ;\n DSB ISH ;\n IC IVAU,X1 ;\n DSB ISH ;\n ISB ;\n"));
  CHECK(states(synced) == States{"0:X9=1;"});
  CHECK_FALSE(synced.validated);
  CHECK(synced.positive == 0);
  CHECK(synced.negative == 1);
}

TEST_CASE("check: search statistics count traces, skeletons, solver calls and candidates") {
  CheckOptions with_solver;
  with_solver.skeleton_engine = SkeletonEngine::Solver;
  const TestResult r = run(mp("NOP        ", "NOP        "), with_solver);
  CHECK(r.stats.traces == 5);        // P0: 1, P1: 4
  CHECK(r.stats.skeletons == 4);
  CHECK(r.stats.solver_calls == 5);  // the last call proves exhaustion
  CHECK(r.stats.candidates == 4);    // one write per location: one coherence order each
  // The same small search without the solver (SkeletonEngine::Auto).
  const TestResult direct = run(mp("NOP        ", "NOP        "));
  CHECK(direct.stats.skeletons == 4);
  CHECK(direct.stats.solver_calls == 0);
  CHECK(direct.stats.candidates == 4);
  CHECK(direct.states == r.states);
  const TestResult w = run(R"(AArch64 2W
{ 0:X1=x; 1:X1=x; }
 P0          | P1          ;
 MOV W0,#1   | MOV W0,#2   ;
 STR W0,[X1] | STR W0,[X1] ;
exists (x=1)
)");
  CHECK(w.stats.skeletons == 1);
  CHECK(w.stats.candidates == 2);    // two orders of the two writes
}

TEST_CASE("check: one session serves successive tests with identical answers") {
  Session session;
  const CheckOptions opts;
  const TestResult a = check(parse(mp("DMB ST     ", "DMB LD     ")), aarch64_model(), opts, session);
  const TestResult b = check(parse(mp("NOP        ", "NOP        ")), aarch64_model(), opts, session);
  const TestResult c = check(parse(mp("DMB ST     ", "DMB LD     ")), aarch64_model(), opts, session);
  CHECK(states(a) == states(c));
  CHECK(states(a).size() == 3);
  CHECK(states(b).size() == 4);
  CHECK(a.validated == c.validated);
}

TEST_CASE("check: CacheType=DIC turns on DIC and IDC and makes fetches coherent") {
  const TestResult r = run(mp_rf_ctrlisb("CacheType=DIC\n"));
  CHECK(r.variants == std::vector<std::string>{"dic", "idc", "ifetch"});
  CHECK(states(r) == States{"1:X2=0; 1:X9=0;", "1:X2=0; 1:X9=1;", "1:X2=1; 1:X9=1;"});
  CHECK_FALSE(r.validated);
}

TEST_CASE("check: CacheType=IDC alone and variants from the options") {
  CHECK(run(mp_rf_ctrlisb("CacheType=IDC\n")).variants == std::vector<std::string>{"idc", "ifetch"});
  CheckOptions opts;
  opts.variants = {"DIC", "IDC"};
  const TestResult r = run(mp_rf_ctrlisb(""), opts);
  CHECK(r.variants == std::vector<std::string>{"dic", "idc", "ifetch"});
  CHECK_FALSE(r.validated);
}

TEST_CASE("check: an unknown cache type is an error") {
  CHECK_THROWS_WITH_AS(run(mp_rf_ctrlisb("CacheType=XYZ\n")), "unknown cache type 'XYZ'",
                       diag::UserError);
}

TEST_CASE("check: a loop cut by --unroll sets the Loop flag and bounds the states") {
  const std::string spin = R"(AArch64 Spin
{ 0:X1=x; 1:X1=x; }
 P0          | P1              ;
 MOV W0,#1   | L0: LDR W0,[X1] ;
 STR W0,[X1] | ADD W5,W5,#1    ;
             | CBZ W0,L0       ;
exists (1:X5=2)
)";
  CheckOptions opts;
  opts.unroll = 0;
  const TestResult r0 = run(spin, opts);
  CHECK(r0.loop_bound_hit);
  CHECK(states(r0) == States{"1:X5=1;"});
  CHECK_FALSE(r0.validated);
  const TestResult r2 = run(spin);
  CHECK(r2.loop_bound_hit);
  CHECK(states(r2) == States{"1:X5=1;", "1:X5=2;", "1:X5=3;"});
  CHECK(r2.validated);
  CHECK_FALSE(run(mp("NOP        ", "NOP        ")).loop_bound_hit);
}

TEST_CASE("check: a jump out of the code is an error only if a consistent execution makes it") {
  // P1 jumps away only when it sees y=1 and then x=0, which MP+dmbs forbids.
  const auto test = [](const std::string& p0_fence, const std::string& p1_fence) {
    return "AArch64 Jump\n{ 0:X1=x; 0:X3=y; 1:X1=x; 1:X3=y; }\n"
           " P0          | P1              ;\n"
           " MOV W0,#1   | LDR W0,[X3]     ;\n"
           " STR W0,[X1] | " + p1_fence + " ;\n"
           " " + p0_fence + " | LDR W2,[X1]     ;\n"
           " STR W0,[X3] | CBZ W0,Lok      ;\n"
           "             | CBNZ W2,Lok     ;\n"
           "             | B .+400         ;\n"
           "             | Lok: NOP        ;\n"
           "exists (1:X0=1)\n";
  };
  const TestResult r = run(test("DMB ST     ", "DMB LD         "));
  CHECK(states(r) == States{"1:X0=0;", "1:X0=1;"});
  try {
    (void)run(test("NOP        ", "NOP            "));
    FAIL("expected the jump to be reported");
  } catch (const diag::UserError& e) {
    CHECK(std::string(e.what()) == "segmentation fault: address 0x30ee4 does not point to code");
    CHECK(e.span().begin.line == 9);
  }
}

TEST_CASE("check: a fault without a handler stops the thread; with one, the handler runs") {
  const TestResult stop = run(R"(AArch64 Stop
{ 0:X0=0; 0:X1=P0:l1; }
 P0          ;
 STR W0,[X1] ;
 l1: NOP     ;
 MOV W2,#1   ;
exists (0:X2=0)
)");
  // Without maintenance the fetch may still see the NOP (X2=1); when it sees the
  // stored 0 the thread faults and stops before the MOV (X2=0).
  CHECK(states(stop) == States{"0:X2=0;", "0:X2=1;"});
  CHECK(stop.validated);
  const TestResult handled = run(R"(AArch64 SM-invalid-2
{
0:X0=0; 0:X1=P0:l1; 0:X2=0;
}
    P0          | P0.F           ;
    STR W0,[X1] | MOV W2,#42     ;
    DC CVAU,X1  | ADR X9,l0      ;
    DSB ISH     | MSR ELR_EL1,X9 ;
    IC IVAU,X1  | ERET           ;
    DSB ISH     |                ;
    ISB         |                ;
l1: B l0        |                ;
    MOV W2, #1  |                ;
l0:             |                ;
exists (0:X2=42)
)");
  CHECK(states(handled) == States{"0:X2=42;"});  // herd: States 1, Ok
  CHECK(handled.validated);
}

TEST_CASE("check: observed memory locations print the co-last write") {
  const TestResult r = run(R"(AArch64 2W
{ 0:X1=x; 1:X1=x; }
 P0          | P1          ;
 MOV W0,#1   | MOV W0,#2   ;
 STR W0,[X1] | STR W0,[X1] ;
exists (x=1)
)");
  CHECK(observed_names(r) == std::vector<std::string>{"[x]"});
  CHECK(states(r) == States{"[x]=1;", "[x]=2;"});
  CHECK(r.positive == 1);
  CHECK(r.negative == 1);
}

TEST_CASE("check: a fetched instruction is printed as herd prints it") {
  const TestResult r = run(R"(AArch64 Read
{ 0:X1=P1:L0; }
 P0          | P1       ;
 LDR W2,[X1] | L0: B L1 ;
             | NOP      ;
             | L1:      ;
exists (0:X2=0)
)");
  CHECK(states(r) == States{"0:X2=instr:\"B .+8\";"});
  CHECK_FALSE(r.validated);
}

TEST_CASE("check: forall and ~exists set Ok from the right counts") {
  const std::string body = "{ 0:X1=x; }\n P0 ;\n MOV W0,#1 ;\n STR W0,[X1] ;\n";
  CHECK(run("AArch64 A\n" + body + "forall (x=1)\n").validated);
  CHECK_FALSE(run("AArch64 A\n" + body + "forall (x=0)\n").validated);
  CHECK(run("AArch64 A\n" + body + "~exists (x=0)\n").validated);
  CHECK_FALSE(run("AArch64 A\n" + body + "~exists (x=1)\n").validated);
}

TEST_CASE("check: a model that forbids everything leaves no state") {
  const TestResult r = run_with(mp("NOP        ", "NOP        "), "\"none\"\nacyclic id as nothing\n");
  CHECK(r.states.empty());
  CHECK(r.positive == 0);
  CHECK(r.negative == 0);
  CHECK_FALSE(r.validated);
}
