// lower(): herd's code layout, exported labels as code locations, PC-relative
// label operands, arrays, init registers and the test faults lower() rejects.
#include "checker_test_support.hpp"

using namespace cktest;

namespace {

const char* kTwoProcs = R"(AArch64 Layout
{ 0:X1=P1:L0; 0:X2=x; x=5; }
 P0          | P1         ;
 NOP         | MOV W0,#1  ;
 STR W0,[X1] | L0: NOP    ;
             | B L0       ;
exists (x=1)
)";

}  // namespace

TEST_CASE("lower: herd's code addresses, (p+1)*100000 + 4*i, with a halt slot per segment") {
  const Program p = lower_text(kTwoProcs);
  REQUIRE(p.num_procs() == 2);
  const ProcCode& p0 = p.procs[0];
  const ProcCode& p1 = p.procs[1];
  CHECK(p0.main_len == 2);
  CHECK(p1.main_len == 3);
  CHECK(p0.handler_begin == -1);
  REQUIRE(p0.slots.size() == 3);  // two instructions + the halt slot
  REQUIRE(p1.slots.size() == 4);
  CHECK(p0.slots[0].address == 100000);
  CHECK(p0.slots[1].address == 100004);
  CHECK(p0.slots[2].address == 100008);
  CHECK(p0.slots[2].instr == -1);
  CHECK(p1.slots[0].address == 200000);
  CHECK(p1.slots[1].address == 200004);
  CHECK(p1.slots[2].address == 200008);
  CHECK(p1.slots[3].instr == -1);
  CHECK(instr_text(p, p0.slots[1].instr) == "STR W0,[X1]");
  CHECK(p.find_slot(200004) == &p1.slots[1]);
  CHECK(p.find_slot(200002) == nullptr);
  CHECK(p.find_slot(300000) == nullptr);
  CHECK(p.slot_at.at(100008) == std::pair<int, int>{0, 2});
}

TEST_CASE("lower: an exported label becomes a code location holding its instruction") {
  const Program p = lower_text(kTwoProcs);
  const Slot& l0 = p.procs[1].slots[1];
  CHECK(l0.label == "L0");
  REQUIRE(l0.loc >= 0);
  const Location& loc = p.locs[static_cast<std::size_t>(l0.loc)];
  CHECK(loc.name == "P1:L0");
  CHECK(loc.is_code);
  CHECK(loc.address == 200004);
  CHECK(loc.init == Val::instr(l0.instr));
  CHECK(instr_text(p, loc.init.v) == "NOP");
  CHECK(p.fetchable.at(static_cast<std::size_t>(loc.init.v)));
  // Unaddressed slots are no locations: only P1:L0 and x exist.
  CHECK(p.locs.size() == 2);
  CHECK(p.procs[1].slots[0].loc == -1);
  CHECK(p.procs[1].slots[2].loc == -1);
  CHECK(p.procs[0].slots[1].loc == -1);
}

TEST_CASE("lower: init registers hold code addresses, data addresses and integers") {
  const Program p = lower_text(kTwoProcs);
  const int x = loc_id(p, "x");
  CHECK(p.locs[static_cast<std::size_t>(x)].init == Val::integer(5));
  CHECK_FALSE(p.locs[static_cast<std::size_t>(x)].is_code);
  CHECK(p.init_regs[0][1] == Val::code(200004));
  CHECK(p.init_regs[0][2] == Val::addr(x));
  CHECK(p.init_regs[0][0] == Val::integer(0));
  CHECK(p.init_regs[1][1] == Val::integer(0));
  CHECK(p.init_regs[0].size() == static_cast<std::size_t>(kNumRegs));
}

TEST_CASE("lower: label operands become offsets relative to their instruction") {
  const Program p = lower_text(R"(AArch64 Rel
{ }
 P0        ;
 L0: NOP   ;
 B L2      ;
 B L0      ;
 ADR X3,L0 ;
 L2: CBNZ W1,L0 ;
exists (0:X3=0)
)");
  const auto& s = p.procs[0].slots;
  CHECK(instr_text(p, s[1].instr) == "B .+12");
  CHECK(instr_text(p, s[2].instr) == "B .-8");
  CHECK(instr_text(p, s[3].instr) == "ADR X3,.-12");
  CHECK(instr_text(p, s[4].instr) == "CBNZ W1,.-16");
  const auto& rel = p.instrs[static_cast<std::size_t>(s[1].instr)].operands.at(0);
  CHECK(rel.kind == litmus::Operand::Kind::Relative);
  CHECK(rel.imm == 12);
  CHECK(rel.text.empty());
  // ADR exports its target even though no init value names it.
  REQUIRE(s[0].loc >= 0);
  CHECK(p.locs[static_cast<std::size_t>(s[0].loc)].name == "P0:L0");
}

TEST_CASE("lower: identical position-independent instructions are interned once") {
  const Program p = lower_text(R"(AArch64 Intern
{ }
 P0     | P1     ;
 B L0   | B L1   ;
 L0: NOP | L1: NOP ;
exists (0:X0=0)
)");
  // "B .+4" on both procs and NOP on both procs: two instruction values.
  CHECK(p.instrs.size() == 2);
  CHECK(p.procs[0].slots[0].instr == p.procs[1].slots[0].instr);
  CHECK(p.procs[0].slots[1].instr == p.procs[1].slots[1].instr);
}

TEST_CASE("lower: a code location is named after the smallest label of its address") {
  const Program p = lower_text(R"(AArch64 Names
{ 0:X1=P0:Lz; }
 P0      ;
 Lz:     ;
 La: NOP ;
exists (0:X0=0)
)");
  const Slot& s = p.procs[0].slots[0];
  CHECK(s.label == "La");
  REQUIRE(s.loc >= 0);
  CHECK(p.locs[static_cast<std::size_t>(s.loc)].name == "P0:La");
  CHECK(p.procs[0].labels.at("Lz") == 0);
  CHECK(p.procs[0].labels.at("La") == 0);
  // The init register holds the address, whichever label named it.
  CHECK(p.init_regs[0][1] == Val::code(100000));
}

TEST_CASE("lower: the fault handler column sits 1000 bytes after its proc's code") {
  const Program p = lower_text(R"(AArch64 Handler
{ 0:X1=P0:L0; }
 P0     | P0.F           ;
 L0: NOP | MOV W2,#42    ;
 NOP    | ADR X9,L1      ;
 L1:    | MSR ELR_EL1,X9 ;
        | ERET           ;
exists (0:X2=42)
)");
  const ProcCode& pc = p.procs[0];
  CHECK(pc.main_len == 2);
  CHECK(pc.handler_begin == 3);
  REQUIRE(pc.slots.size() == 8);  // 2 + halt + 4 + halt
  CHECK(pc.slots[3].address == 101000);
  CHECK(pc.slots[6].address == 101012);
  CHECK(pc.slots[7].instr == -1);
  CHECK(pc.slots[2].instr == -1);
  CHECK(pc.labels.at("L1") == 2);  // a label after the last instruction: the halt slot
  // ADR of a final label exports no location (it holds no instruction).
  CHECK(pc.slots[2].loc == -1);
  CHECK(p.locs.size() == 1);
  CHECK(instr_text(p, pc.slots[4].instr) == "ADR X9,.-996");
}

TEST_CASE("lower: arrays become consecutive locations with element offsets") {
  const Program p = lower_text(R"(AArch64 Arrays
{ int t[2] = {1,2}; uint64_t u[3]; 0:X1=t; }
 P0  ;
 NOP ;
exists (0:X0=0)
)");
  const int t0 = loc_id(p, "t");
  const int t1 = loc_id(p, "t[1]");
  const int u0 = loc_id(p, "u");
  CHECK(t1 == t0 + 1);
  CHECK(loc_id(p, "u[2]") == u0 + 2);
  const Location& t = p.locs[static_cast<std::size_t>(t0)];
  CHECK(t.array_first == t0);
  CHECK(t.array_len == 2);
  CHECK(t.elem_size == 4);
  CHECK(t.array_name == "t");
  CHECK(t.init == Val::integer(1));
  CHECK(p.locs[static_cast<std::size_t>(t1)].init == Val::integer(2));
  CHECK(p.locs[static_cast<std::size_t>(t1)].array_first == t0);
  CHECK(p.locs[static_cast<std::size_t>(u0)].elem_size == 8);
  CHECK(p.locs[static_cast<std::size_t>(u0 + 1)].init == Val::integer(0));
  CHECK(p.init_regs[0][1] == Val::addr(t0));
  CHECK(p.offset_location(t0, 0) == t0);
  CHECK(p.offset_location(t0, 4) == t1);
  CHECK(p.offset_location(t1, -4) == t0);
  CHECK(p.offset_location(t0, 8) == -1);
  CHECK(p.offset_location(t0, 2) == -1);
  CHECK(p.offset_location(t0, -4) == -1);
  CHECK(p.offset_location(u0, 16) == u0 + 2);
}

TEST_CASE("lower: instruction constants of the init state are fetchable unless they name a label") {
  const Program p = lower_text(R"(AArch64 Fetchable
{ 0:X0=instr:"B .+8"; 0:X1=instr:"ADD W1,W1,#1"; 0:X2=P0:L0; }
 P0      ;
 L0: NOP ;
exists (0:X0=0)
)");
  REQUIRE(p.init_regs[0][0].kind == Val::Kind::Instr);
  REQUIRE(p.init_regs[0][1].kind == Val::Kind::Instr);
  CHECK(instr_text(p, p.init_regs[0][0].v) == "B .+8");
  CHECK(p.fetchable.at(static_cast<std::size_t>(p.init_regs[0][0].v)));
  CHECK(p.fetchable.at(static_cast<std::size_t>(p.init_regs[0][1].v)));
  CHECK(p.fetchable.size() == p.instrs.size());
}

TEST_CASE("lower: undefined labels are errors at the instruction or init value") {
  CHECK(lower_error("AArch64 U\n{ }\n P0 ;\n NOP ;\n B Lnope ;\nexists (0:X0=0)\n") ==
        "5:2: label Lnope not found on P0, although used in the instruction B");
  CHECK(lower_error("AArch64 U\n{ 0:X1=P0:Lnope; }\n P0 ;\n NOP ;\nexists (0:X0=0)\n") ==
        "2:8: label Lnope not found on P0, yet it is used in the initialization list");
  CHECK(lower_error("AArch64 U\n{ 0:X1=P3:L0; }\n P0 ;\n L0: NOP ;\nexists (0:X0=0)\n") ==
        "2:8: no thread P3 for label L0");
  // Labels are proc-local: P1 cannot branch to P0's label.
  CHECK(lower_error("AArch64 U\n{ }\n P0 | P1 ;\n L0: NOP | B L0 ;\nexists (0:X0=0)\n") ==
        "4:12: label L0 not found on P1, although used in the instruction B");
}

TEST_CASE("lower: other faults of the test itself") {
  CHECK(lower_error("AArch64 U\n{ }\n P0 | P0.F ;\n L0: NOP | L0: ERET ;\nexists (0:X0=0)\n")
            .find("label L0 occurs more than once") != std::string::npos);
  CHECK(lower_error("AArch64 U\n{ 0:X1=1; }\n P1 ;\n NOP ;\nexists (0:X0=0)\n")
            .find("thread P0 has no code column") != std::string::npos);
  CHECK(lower_error("AArch64 U\n{ int t[1]; int t[2]; }\n P0 ;\n NOP ;\nexists (0:X0=0)\n")
            .find("location t is declared twice") != std::string::npos);
}
