// Power semantics: events, dependencies, values (herd's 64-bit registers and
// typed final states), CR0 and branches, lwarx/stwcx., exceptions, and the
// concurrent-modification list.
#include "../../checker_test_support.hpp"
#include "base_bits.hpp"
#include "semantics/powerpc/semantics.hpp"

using namespace cktest;

namespace {

const char* kPermissive = "\"permissive\"\nlet none = 0\n";

std::vector<std::string> ppc_states(const std::string& text) { return states(run_with(text, kPermissive)); }

/// The only trace of P0 of a one-thread PPC test.
Trace only_trace(const std::string& code, const std::string& init = "0:r1=x; 0:r3=y;") {
  return one_thread_trace("PPC T", init, code, "0:r0=0");
}

using E = EdgeList;

litmus::Instruction instr(const std::string& text) {
  return parse("PPC T\n{}\n P0 ;\n " + text + " ;\n L0: ;\n").threads[0].code[0];
}

}  // namespace

TEST_CASE("ppc semantics: register names and the absence of a zero register") {
  CHECK(powerpc_register_index("r0") == 0);
  CHECK(powerpc_register_index("r31") == 31);
  CHECK(powerpc_register_index("lr") == kPowerPCRegLr);
  CHECK_FALSE(powerpc_register_index("r32"));
  CHECK(powerpc_register_name_of(31) == "r31");
  CHECK(ppc_states("PPC T\n{ 0:r31=5; }\n P0 ;\n addi r31,r31,1 ;\n li r0,3 ;\nlocations [0:r0; 0:r31;]\n") ==
        std::vector<std::string>{"0:r0=3; 0:r31=6;"});
}

TEST_CASE("ppc semantics: loads, stores, fences and their events") {
  const Trace t = only_trace(" lwz r2,0(r1) ;\n sync ;\n stw r2,0(r3) ;\n lwsync ;\n eieio ;\n isync ;\n");
  CHECK(shape(t) == "RfWfff");
  CHECK(t.events[1].sets.intersects(base_bit("SYNC")));
  CHECK(t.events[1].sets.intersects(kSetF));
  CHECK(t.events[3].sets.intersects(base_bit("LWSYNC")));
  CHECK(t.events[4].sets.intersects(base_bit("EIEIO")));
  CHECK(t.events[5].sets.intersects(base_bit("ISYNC")));
  CHECK(sorted(t.data) == E{{0, 2}});
}

TEST_CASE("ppc semantics: address dependency through xor and an indexed load") {
  const Trace t = only_trace(" lwz r2,0(r1) ;\n xor r4,r2,r2 ;\n lwzx r5,r4,r3 ;\n");
  CHECK(shape(t) == "RR");
  CHECK(sorted(t.addr) == E{{0, 1}});
}

TEST_CASE("ppc semantics: a compare and beq on a read gives ctrl") {
  const Trace t = only_trace(" lwz r2,0(r1) ;\n cmpw r2,r2 ;\n beq L0 ;\n L0: ;\n stw r2,0(r3) ;\n");
  CHECK(shape(t) == "RBW");
  CHECK(sorted(t.ctrl) == E{{0, 2}});
}

TEST_CASE("ppc semantics: values as herd computes them") {
  // A005: lwa sign-extends, lwz zero-extends; int64_t registers keep 64 bits.
  CHECK(ppc_states("PPC A005\n{ 0:r1 = x; x = -1; int64_t 0:r0; int64_t 0:r2; }\n P0;\n"
                   " lwa r0, 0(r1) ;\n lwz r2, 0(r1) ;\nforall 0:r0 = -1 /\\ 0:r2 <> -1\n") ==
        std::vector<std::string>{"0:r0=-1; 0:r2=4294967295;"});
  // A014: untyped registers are herd's int (32 bits, signed) in the final state.
  CHECK(ppc_states("PPC A014\n{ 0:r3=0xaaaaaaaaaaaaaaaa; 0:r6=0xaaaaaaaaaaaaaaaa; }\n P0;\n li r4,-1 ;\n"
                   " rlwimi r3, r4, 4, 30, 31 ;\n rlwimi r6, r4, 16, 0, 15 ;\nlocations [0:r3; 0:r6;]\n") ==
        std::vector<std::string>{"0:r3=-1431655765; 0:r6=-21846;"});
  // A013: rlwinm, uint64_t.
  CHECK(ppc_states("PPC A013\n{ uint64_t 0:r6; }\n P0;\n li r4,-1 ;\n rlwinm r3, r4, 4, 30, 31 ;\n"
                   " rlwinm r6, r4, 16, 0, 15 ;\nlocations [0:r3; 0:r6;]\n") ==
        std::vector<std::string>{"0:r3=3; 0:r6=4294901760;"});
  CHECK(ppc_states("PPC T\n{ int64_t 0:r2; int64_t 0:r3; int64_t 0:r5; int64_t 0:r6; int64_t 0:r7; }\n P0;\n"
                   " li r1,-1 ;\n clrldi r2,r1,32 ;\n extsw r3,r2 ;\n lis r4,1 ;\n addis r5,r0,2 ;\n"
                   " li r0,7 ;\n addi r6,r0,1 ;  (* (rA|0): r0 reads 0 *)\n subf r7,r6,r4 ;\n"
                   "locations [0:r2; 0:r3; 0:r4; 0:r5; 0:r6; 0:r7;]\n") ==
        std::vector<std::string>{"0:r2=4294967295; 0:r3=-1; 0:r4=65536; 0:r5=131072; 0:r6=1; 0:r7=65535;"});
  // Stores keep the access's low bits; the location is an int.
  CHECK(ppc_states("PPC T\n{ 0:r1=x; 0:r3=y; }\n P0;\n li r2,-1 ;\n stb r2,0(r1) ;\n stw r2,0(r3) ;\n"
                   "locations [x; y;]\n") == std::vector<std::string>{"[x]=255; [y]=-1;"});
}

TEST_CASE("ppc semantics: CR0 conditions") {
  const auto taken = [](const std::string& setup, const std::string& branch) {
    const auto s = ppc_states("PPC T\n{}\n P0;\n" + setup + " " + branch + " L0 ;\n li r9,1 ;\n L0: ;\n"
                              "locations [0:r9;]\n");
    REQUIRE(s.size() == 1);
    return s[0] == "0:r9=0;";
  };
  const std::string lt = " li r1,-2 ;\n li r2,3 ;\n cmpw r1,r2 ;\n";
  CHECK(taken(lt, "blt"));
  CHECK(taken(lt, "ble"));
  CHECK(taken(lt, "bne"));
  CHECK_FALSE(taken(lt, "bgt"));
  CHECK_FALSE(taken(lt, "bge"));
  CHECK_FALSE(taken(lt, "beq"));
  // Unsigned: -2 is above 3.
  const std::string gtu = " li r1,-2 ;\n li r2,3 ;\n cmpld r1,r2 ;\n";
  CHECK(taken(gtu, "bgt"));
  CHECK_FALSE(taken(gtu, "blt"));
  CHECK(taken(" li r1,4 ;\n cmpwi r1,4 ;\n", "beq"));
  CHECK(taken(" li r1,4 ;\n cmplwi r1,4 ;\n", "bge"));
  // Record forms compare the result with 0.
  CHECK(taken(" li r1,4 ;\n li r2,4 ;\n sub. r3,r1,r2 ;\n", "beq"));
  CHECK(taken(" li r1,4 ;\n andi. r3,r1,3 ;\n", "beq"));
  // A compare into another field leaves CR0 alone (no compare yet: not EQ).
  CHECK_FALSE(taken(" li r1,4 ;\n cmpwi cr1,r1,4 ;\n", "beq"));
}

TEST_CASE("ppc semantics: mfcr reads CR0 as herd does") {
  CHECK(ppc_states("PPC T\n{}\n P0;\n li r1,1 ;\n cmpwi r1,2 ;\n mfcr r2 ;\n cmpwi r1,1 ;\n mfcr r3 ;\n"
                   " cmpwi r1,0 ;\n mfcr r4 ;\n com \"no-op\" ;\nlocations [0:r2; 0:r3; 0:r4;]\n") ==
        std::vector<std::string>{"0:r2=8; 0:r3=2; 0:r4=4;"});
}

TEST_CASE("ppc semantics: bl, mflr, blr and b") {
  CHECK(ppc_states("PPC T\n{}\n P0;\n bl L1 ;\n li r2,1 ;\n b L2 ;\n L1: mflr r3 ;\n li r4,2 ;\n blr ;\n"
                   " L2: ;\nlocations [0:r2; 0:r4;]\n") == std::vector<std::string>{"0:r2=1; 0:r4=2;"});
}

TEST_CASE("ppc semantics: lwarx/stwcx. pairs into an rmw and sets CR0") {
  const Program p = lower_text(
      "PPC T\n{ 0:r1=x; }\n P0 ;\n lwarx r2,0,r1 ;\n addi r2,r2,1 ;\n stwcx. r2,0,r1 ;\n"
      " beq L0 ;\n li r5,9 ;\n L0: ;\nexists (0:r5=0)\n");
  const Unfolding u = unfold(p, 2);
  // x may hold 0 or 1 (its own store), and the store-conditional succeeds or fails.
  int successes = 0, failures = 0;
  for (const Trace& t : u.traces[0]) {
    CHECK(t.events[0].sets.intersects(kSetX));
    if (shape(t) == "RWB") {
      ++successes;
      CHECK(t.rmw == std::vector<std::pair<int, int>>{{0, 1}});
      CHECK(t.events[1].sets.intersects(kSetX));
      CHECK(t.final_regs[5] == Val::integer(0));
    } else {
      ++failures;
      CHECK(shape(t) == "RB");
      CHECK(t.final_regs[5] == Val::integer(9));
    }
  }
  CHECK(successes > 0);
  CHECK(failures == successes);
  // Without a reservation of the same location the store-conditional fails.
  const Program q = lower_text("PPC T\n{ 0:r1=x; 0:r3=y; }\n P0 ;\n lwarx r2,0,r1 ;\n stwcx. r2,0,r3 ;\n"
                               "exists (x=0)\n");
  const Unfolding v = unfold(q, 2);
  for (const Trace& t : v.traces[0]) CHECK(shape(t) == "R");
}

TEST_CASE("ppc semantics: cache maintenance, sc and rfid") {
  const Trace t = only_trace(" dcbst r0,r1 ;\n dcbf r0,r1 ;\n icbi r0,r1 ;\n");
  CHECK(shape(t) == "CCC");
  CHECK(t.events[0].sets.intersects(base_bit("DCBST")));
  CHECK(t.events[1].sets.intersects(base_bit("DCBST")));
  CHECK(t.events[2].sets.intersects(base_bit("ICBI")));
  CHECK(t.events[0].loc >= 0);
  CHECK(ppc_states("PPC T\n{}\n P0 | P0.F ;\n li r1,1 | li r2,5 ;\n sc | rfid ;\n li r3,7 | ;\n"
                   "locations [0:r1; 0:r2; 0:r3;]\n") == std::vector<std::string>{"0:r1=1; 0:r2=5; 0:r3=7;"});
  const Program p = lower_text("PPC T\n{}\n P0 | P0.F ;\n sc | rfid ;\nexists (0:r0=0)\n");
  const Unfolding u = unfold(p, 2);
  REQUIRE(u.traces[0].size() == 1);
  CHECK(shape(u.traces[0][0]) == "XE");
  CHECK(u.traces[0][0].events[0].sets.intersects(kSetSVC));
  CHECK(u.traces[0][0].events[1].sets.intersects(kSetExcRet));
}

TEST_CASE("ppc semantics: the patch class") {
  CHECK_FALSE(powerpc_cmodx_restricted(instr("b L0")));
  CHECK_FALSE(powerpc_cmodx_restricted(instr("bl L0")));
  CHECK_FALSE(powerpc_cmodx_restricted(instr("nop")));
  CHECK_FALSE(powerpc_cmodx_restricted(instr("ori 0,0,0")));
  CHECK(powerpc_cmodx_restricted(instr("ori r1,r1,0")));
  CHECK(powerpc_cmodx_restricted(instr("beq L0")));
  CHECK(powerpc_cmodx_restricted(instr("add r1,r1,r1")));
  CHECK(powerpc_cmodx_restricted(instr("isync")));
}

TEST_CASE("ppc semantics: code is data (A017, a patched branch)") {
  CHECK(ppc_states("PPC A017\n{\nins_t x=NOP;\n0:r1=instr:\"add r1,r1,r1\";\n0:r2=x;\n1:r2=x;\n}\n"
                   "  P0          |   P1         ;\n stw r1,0(r2) | lwz r1,0(r2) ;\n"
                   "exists 1:r1=instr:\"add r1,r1,r1\"\n") ==
        std::vector<std::string>{"1:r1=NOP;", "1:r1=instr:\"add r1,r1,r1\";"});
  const Program p = lower_text("PPC T\n{ 0:r1=P1:L0; 0:r2=instr:\"b .+12\"; }\n P0 | P1 ;\n"
                               " stw r2,0(r1) | L0: nop ;\n | li r3,1 ;\n | li r4,1 ;\nexists (1:r3=0)\n");
  const Unfolding u = unfold(p, 2);
  REQUIRE(u.traces[1].size() == 2);
  for (const Trace& t : u.traces[1]) {
    REQUIRE(t.events[0].kind == EventKind::Fetch);
    CHECK_FALSE(t.events[0].sets.intersects(kSetCmodxRestricted));
  }
  CHECK(ppc_states("PPC T\n{ 0:r1=P1:L0; 0:r2=instr:\"b .+12\"; }\n P0 | P1 ;\n"
                   " stw r2,0(r1) | L0: nop ;\n | li r3,1 ;\n | li r4,1 ;\nlocations [1:r3; 1:r4;]\n") ==
        std::vector<std::string>{"1:r3=0; 1:r4=0;", "1:r3=1; 1:r4=1;"});
}
