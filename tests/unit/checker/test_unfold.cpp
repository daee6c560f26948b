// unfold(): value domains to a fixpoint, one trace per path, instruction
// fetches of addressed code, faults and handlers, and the --unroll cut.
#include <set>

#include "base_bits.hpp"
#include "checker_test_support.hpp"
#include "semantics/arm64/registers.hpp"

using namespace cktest;

namespace {

std::set<std::vector<Val>> reg_values(const Unfolding& u, int proc, std::vector<int> regs) {
  std::set<std::vector<Val>> out;
  for (const auto& t : u.traces[static_cast<std::size_t>(proc)]) {
    std::vector<Val> v;
    for (int r : regs) v.push_back(t.final_regs[static_cast<std::size_t>(r)]);
    out.insert(v);
  }
  return out;
}

const char* kMP = R"(AArch64 MP
{ 0:X1=x; 0:X3=y; 1:X1=x; 1:X3=y; }
 P0          | P1          ;
 MOV W0,#1   | LDR W0,[X3] ;
 STR W0,[X1] | LDR W2,[X1] ;
 STR W0,[X3] |             ;
exists (1:X0=1 /\ 1:X2=0)
)";

}  // namespace

TEST_CASE("unfold: MP has one writer trace and one reader trace per pair of read values") {
  const Program p = lower_text(kMP);
  const Unfolding u = unfold(p, 2);
  CHECK_FALSE(u.loop_cut);
  REQUIRE(u.traces.size() == 2);
  REQUIRE(u.traces[0].size() == 1);
  CHECK(shape(u.traces[0][0]) == "WW");
  CHECK(u.traces[1].size() == 4);
  for (const auto& t : u.traces[1]) CHECK(shape(t) == "RR");
  const auto one = Val::integer(1), zero = Val::integer(0);
  CHECK(reg_values(u, 1, {0, 2}) ==
        std::set<std::vector<Val>>{{zero, zero}, {zero, one}, {one, zero}, {one, one}});
  CHECK(u.domains[static_cast<std::size_t>(loc_id(p, "x"))] == std::vector<Val>{zero, one});
  CHECK(u.domains[static_cast<std::size_t>(loc_id(p, "y"))] == std::vector<Val>{zero, one});
  const TraceEvent& w = u.traces[0][0].events[0];
  CHECK(w.loc == loc_id(p, "x"));
  CHECK(w.value == one);
  CHECK((w.sets & kSetW).any());
  CHECK((w.sets & kSetExp).any());
  CHECK((w.sets & kSetR).none());
  CHECK(u.traces[0][0].events[1].instance == 2);  // MOV is instance 0
}

TEST_CASE("unfold: value domains reach a fixpoint through chains of copies") {
  // x gets 7 from P0; P1 copies x to y; P2 copies y to z: z's domain needs y's.
  const Program p = lower_text(R"(AArch64 Chain
{ 0:X1=x; 1:X1=x; 1:X3=y; 2:X3=y; 2:X5=z; z=3; }
 P0          | P1          | P2          ;
 MOV W0,#7   | LDR W0,[X1] | LDR W0,[X3] ;
 STR W0,[X1] | STR W0,[X3] | STR W0,[X5] ;
exists (z=7)
)");
  const Unfolding u = unfold(p, 2);
  const auto v = [](int n) { return Val::integer(n); };
  CHECK(u.domains[static_cast<std::size_t>(loc_id(p, "x"))] == std::vector<Val>{v(0), v(7)});
  CHECK(u.domains[static_cast<std::size_t>(loc_id(p, "y"))] == std::vector<Val>{v(0), v(7)});
  CHECK(u.domains[static_cast<std::size_t>(loc_id(p, "z"))] == std::vector<Val>{v(0), v(3), v(7)});
  CHECK(u.traces[1].size() == 2);
  CHECK(u.traces[2].size() == 2);
}

TEST_CASE("unfold: a fetch of an addressed slot yields one trace per candidate instruction") {
  const Program p = lower_text(R"(AArch64 Patch
{ 0:X0=NOP; 0:X1=P1:L0; }
 P0          | P1         ;
 STR W0,[X1] | L0: B L1   ;
             | MOV W9,#1  ;
             | L1:        ;
exists (1:X9=0)
)");
  const Unfolding u = unfold(p, 2);
  const int l0 = loc_id(p, "P1:L0");
  const auto& dom = u.domains[static_cast<std::size_t>(l0)];
  REQUIRE(dom.size() == 2);
  std::set<std::string> texts;
  for (const auto& v : dom) {
    REQUIRE(v.kind == Val::Kind::Instr);
    texts.insert(instr_text(p, v.v));
  }
  CHECK(texts == std::set<std::string>{"B .+8", "NOP"});
  REQUIRE(u.traces[1].size() == 2);
  CHECK(reg_values(u, 1, {9}) == std::set<std::vector<Val>>{{Val::integer(0)}, {Val::integer(1)}});
  for (const auto& t : u.traces[1]) {
    REQUIRE(!t.events.empty());
    const TraceEvent& f = t.events[0];
    CHECK(f.kind == EventKind::Fetch);
    CHECK(f.loc == l0);
    CHECK((f.sets & kSetIF).any());
    CHECK((f.sets & kSetImp).any());
    CHECK((f.sets & kSetInstr).any());
    CHECK((f.sets & kSetR).any());
    CHECK((f.sets & kSetExp).none());
    CHECK((f.sets & kSetCmodxRestricted).none());  // B and NOP may be modified concurrently
    // The executed instruction is the fetched one.
    const bool took_branch = instr_text(p, f.value.v) == "B .+8";
    CHECK(t.final_regs[9] == Val::integer(took_branch ? 0 : 1));
  }
  // P0's store is an explicit write of an instruction to code.
  const TraceEvent& w = u.traces[0][0].events[0];
  CHECK(w.loc == l0);
  CHECK((w.sets & kSetInstr).any());
  CHECK(instr_text(p, w.value.v) == "NOP");
}

TEST_CASE("unfold: an undecodable fetched value faults and runs the handler, ERET returns") {
  const Program p = lower_text(R"(AArch64 Fault
{ 0:X0=0; 0:X1=P0:l1; }
 P0          | P0.F           ;
 STR W0,[X1] | MOV W2,#42     ;
 l1: B l0    | ADR X9,l0      ;
 MOV W2,#1   | MSR ELR_EL1,X9 ;
 l0:         | ERET           ;
exists (0:X2=42)
)");
  const Unfolding u = unfold(p, 2);
  REQUIRE(u.traces[0].size() == 2);
  const Trace* faulted = nullptr;
  const Trace* normal = nullptr;
  for (const auto& t : u.traces[0]) (t.events.size() > 2 ? faulted : normal) = &t;
  REQUIRE(faulted != nullptr);
  REQUIRE(normal != nullptr);
  CHECK(shape(*normal) == "WF");
  CHECK(normal->final_regs[2] == Val::integer(0));  // B l0 skipped the MOV
  CHECK(shape(*faulted) == "WFXE");
  CHECK(faulted->events[1].value == Val::integer(0));
  const TraceEvent& x = faulted->events[2];
  CHECK((x.sets & kSetFault).any());
  CHECK((x.sets & kSetExcEntry).any());
  CHECK((x.sets & kSetUDF).any());
  CHECK((faulted->events[3].sets & kSetExcRet).any());
  CHECK(faulted->final_regs[2] == Val::integer(42));
  CHECK(faulted->final_regs[arm64::kElrEl1] == Val::code(100012));  // ADR l0 in the handler
}

TEST_CASE("unfold: without a handler a fault ends the thread") {
  const Program p = lower_text(R"(AArch64 FaultStop
{ 0:X0=0; 0:X1=P0:l1; }
 P0          ;
 STR W0,[X1] ;
 l1: NOP     ;
 MOV W2,#1   ;
exists (0:X2=0)
)");
  const Unfolding u = unfold(p, 2);
  REQUIRE(u.traces[0].size() == 2);
  std::set<std::string> shapes;
  for (const auto& t : u.traces[0]) {
    shapes.insert(shape(t));
    if (shape(t) == "WFX") {
      CHECK(t.final_regs[2] == Val::integer(0));
      CHECK(t.final_regs[arm64::kElrEl1] == Val::code(100004));  // the faulting instruction
    } else {
      CHECK(t.final_regs[2] == Val::integer(1));
    }
  }
  CHECK(shapes == std::set<std::string>{"WF", "WFX"});
}

TEST_CASE("unfold: --unroll bounds backward jumps and reports the cut") {
  const char* spin = R"(AArch64 Spin
{ 0:X1=x; 1:X1=x; }
 P0          | P1              ;
 MOV W0,#1   | L0: LDR W0,[X1] ;
 STR W0,[X1] | ADD W5,W5,#1    ;
             | CBZ W0,L0       ;
exists (1:X5=1)
)";
  const Program p = lower_text(spin);
  const auto counts = [&](int unroll) {
    const Unfolding u = unfold(p, unroll);
    std::set<std::int64_t> x5;
    for (const auto& t : u.traces[1]) x5.insert(t.final_regs[5].v);
    return std::pair{u.loop_cut, x5};
  };
  CHECK(counts(0) == std::pair{true, std::set<std::int64_t>{1}});
  CHECK(counts(2) == std::pair{true, std::set<std::int64_t>{1, 2, 3}});
  CHECK(unfold(p, 2).traces[1].size() == 3);
  CHECK(unfold(p, 5).traces[1].size() == 6);
}

TEST_CASE("unfold: an unconditional self loop has no complete path") {
  const Program p = lower_text("AArch64 Self\n{ }\n P0 ;\n L0: B L0 ;\nexists (0:X0=0)\n");
  const Unfolding u = unfold(p, 3);
  CHECK(u.loop_cut);
  CHECK(u.traces[0].empty());
}

TEST_CASE("unfold: storing to a label after the last instruction is an error") {
  const Program p = lower_text(R"(AArch64 FinalStore
{ 0:X1=P0:Lend; }
 P0          ;
 STR W0,[X1] ;
 Lend:       ;
exists (0:X0=0)
)");
  CHECK(p.locs.empty());
  try {
    (void)unfold(p, 2);
    FAIL("expected an error");
  } catch (const diag::UserError& e) {
    CHECK(std::string(e.what()) == "final label Lend cannot be overwritten: it holds no instruction");
    CHECK(e.span().begin.line == 4);
  }
}

TEST_CASE("unfold: a jump out of the code is recorded on the trace, not thrown") {
  const Program p = lower_text("AArch64 Out\n{ }\n P0 ;\n B .+400 ;\n MOV W1,#1 ;\nexists (0:X1=0)\n");
  const Unfolding u = unfold(p, 2);
  REQUIRE(u.traces[0].size() == 1);
  const Trace& t = u.traces[0][0];
  CHECK(t.delayed_error == "segmentation fault: address 0x18830 does not point to code");
  CHECK(t.delayed_error_span.begin.line == 4);
  CHECK(t.final_regs[1] == Val::integer(0));
}
