// RISC-V semantics: events and their sets, dependencies (including the sc
// success dependency), x0, 64-bit values and herd's typed final states, AMOs
// and lr/sc pairs, branches and exceptions.
#include "../../checker_test_support.hpp"
#include "base_bits.hpp"
#include "semantics/riscv/semantics.hpp"

using namespace cktest;

namespace {

const char* kPermissive = "\"permissive\"\nlet none = 0\n";

std::vector<std::string> rv_states(const std::string& text) { return states(run_with(text, kPermissive)); }

/// The only trace of P0 of a one-thread RISCV test.
Trace only_trace(const std::string& code, const std::string& init = "0:x6=x; 0:x8=y;") {
  return one_thread_trace("RISCV T", init, code, "0:x1=0");
}

using E = EdgeList;

}  // namespace

TEST_CASE("riscv semantics: register names and the zero register") {
  CHECK(riscv_register_index("x0") == 0);
  CHECK(riscv_register_index("x31") == 31);
  CHECK_FALSE(riscv_register_index("x32"));
  CHECK(riscv_register_name_of(10) == "x10");
  // Writes to x0 are discarded; it reads as 0.
  CHECK(rv_states("RISCV T\n{}\n P0 ;\n ori x0,x0,5 ;\n addi x5,x0,3 ;\nlocations [0:x0; 0:x5;]\n") ==
        std::vector<std::string>{"0:x0=0; 0:x5=3;"});
}

TEST_CASE("riscv semantics: loads, stores, fences and their sets") {
  const Trace t = only_trace(" lw x5,0(x6) ;\n fence r,w ;\n sw x5,0(x8) ;\n fence.tso ;\n fence.i ;\n"
                             " lw.aq x7,0(x6) ;\n sw.rl x7,0(x8) ;\n");
  CHECK(shape(t) == "RfWffRW");
  CHECK(t.events[1].sets.intersects(base_bit("FENCE.PR")));
  CHECK(t.events[1].sets.intersects(base_bit("FENCE.SW")));
  CHECK_FALSE(t.events[1].sets.intersects(base_bit("FENCE.PW")));
  CHECK_FALSE(t.events[1].sets.intersects(base_bit("FENCE.SR")));
  CHECK(t.events[3].sets.intersects(base_bit("FENCE.TSO")));
  CHECK(t.events[4].sets.intersects(base_bit("FENCE.I")));
  CHECK(t.events[5].sets.intersects(base_bit("AQ")));
  CHECK(t.events[6].sets.intersects(base_bit("RL")));
  CHECK(sorted(t.data) == E{{0, 2}, {5, 6}});
}

TEST_CASE("riscv semantics: address dependency through xor and add") {
  const Trace t = only_trace(" lw x5,0(x6) ;\n xor x7,x5,x5 ;\n add x9,x8,x7 ;\n lw x10,0(x9) ;\n");
  CHECK(shape(t) == "RR");
  CHECK(sorted(t.addr) == E{{0, 1}});
}

TEST_CASE("riscv semantics: a branch on a read gives ctrl") {
  const Trace t = only_trace(" lw x5,0(x6) ;\n bne x5,x0,L0 ;\n L0: ;\n sw x5,0(x8) ;\n");
  CHECK(shape(t) == "RBW");
  CHECK(sorted(t.ctrl) == E{{0, 2}});
}

TEST_CASE("riscv semantics: values as herd computes them") {
  // A015/A017: lb/lh/lw sign-extend, lbu/lhu/lwu zero-extend; untyped
  // registers print as herd's int, uint64_t ones as unsigned 64-bit numbers.
  CHECK(rv_states("RISCV T\n{ int x=0xffff; 0:x2=x; }\n P0 ;\n lb x5,0(x2) ;\n lbu x3,0(x2) ;\n"
                  "locations [0:x3; 0:x5;]\n") == std::vector<std::string>{"0:x3=255; 0:x5=-1;"});
  CHECK(rv_states("RISCV T\n{ uint64_t x=0xffffffffff; 0:x2=x; uint64_t 0:x3; uint64_t 0:x5; }\n P0 ;\n"
                  " lw x5,0(x2) ;\n lwu x3,0(x2) ;\nlocations [0:x3; 0:x5;]\n") ==
        std::vector<std::string>{"0:x3=4294967295; 0:x5=18446744073709551615;"});
  // W forms work on 32 bits and sign-extend; lui shifts by 12.
  CHECK(rv_states("RISCV T\n{ int64_t 0:x1; int64_t 0:x3; int64_t 0:x4; int64_t 0:x5; }\n P0 ;\n"
                  " ori x1,x0,1 ;\n subw x1,x0,x1 ;\n li x3,0x7fffffff ;\n addiw x3,x3,1 ;\n lui x4,1 ;\n"
                  " slli x5,x1,4 ;\nlocations [0:x1; 0:x3; 0:x4; 0:x5;]\n") ==
        std::vector<std::string>{"0:x1=-1; 0:x3=-2147483648; 0:x4=4096; 0:x5=-16;"});
  // Stores keep their low bytes, as the location's type.
  CHECK(rv_states("RISCV T\n{ uint64_t z; 0:x1=x; 0:x3=y; 0:x5=z; 0:x2=-1; }\n P0 ;\n sh x2,0(x1) ;\n"
                  " sb x2,0(x3) ;\n sw x2,0(x5) ;\nlocations [x; y; z;]\n") ==
        std::vector<std::string>{"[x]=65535; [y]=255; [z]=4294967295;"});
}

TEST_CASE("riscv semantics: an AMO is a read and a write of X, paired, with its ordering") {
  const Program p = lower_text("RISCV T\n{ 0:x6=x; 0:x7=2; }\n P0 ;\n amoadd.w.aqrl x5,x7,(x6) ;\nexists (x=0)\n");
  const Unfolding u = unfold(p, 2);
  REQUIRE(!u.traces[0].empty());
  const Trace& t = u.traces[0][0];
  CHECK(shape(t) == "RW");
  CHECK(t.rmw == std::vector<std::pair<int, int>>{{0, 1}});
  for (int i = 0; i < 2; ++i) {
    CHECK(t.events[static_cast<std::size_t>(i)].sets.intersects(kSetX));
    CHECK(t.events[static_cast<std::size_t>(i)].sets.intersects(base_bit("AQ")));
    CHECK(t.events[static_cast<std::size_t>(i)].sets.intersects(base_bit("RL")));
  }
  // One thread, coherent: each AMO reads the latest value (its read precedes its write).
  const char* coherent = "\"coherent\"\nlet fr = (rf^-1; co) \\ id\nacyclic ((po | rmw) & loc) | rf | fr | co as c\n";
  CHECK(states(run_with("RISCV T\n{ x=5; 0:x6=x; 0:x7=2; }\n P0 ;\n amoadd.w x5,x7,(x6) ;\n amomax.w x8,x0,(x6) ;\n"
                  "locations [0:x5; 0:x8; x;]\n", coherent)) == std::vector<std::string>{"0:x5=5; 0:x8=7; [x]=7;"});
}

TEST_CASE("riscv semantics: lr/sc pair in rmw, and the success code depends on the write") {
  const Program p = lower_text("RISCV T\n{ 0:x6=x; 0:x8=y; }\n P0 ;\n lr.w x1,0(x6) ;\n addi x2,x1,1 ;\n"
                               " sc.w x3,x2,0(x6) ;\n xor x10,x3,x3 ;\n add x9,x8,x10 ;\n lw x4,0(x9) ;\nexists (x=0)\n");
  const Unfolding u = unfold(p, 2);
  int successes = 0, failures = 0;
  for (const Trace& t : u.traces[0]) {
    CHECK(t.events[0].sets.intersects(base_bit("EX")));
    if (shape(t) == "RWR") {
      ++successes;
      CHECK(t.rmw == std::vector<std::pair<int, int>>{{0, 1}});
      CHECK(t.events[1].sets.intersects(base_bit("EX")));
      CHECK(sorted(t.addr) == E{{1, 2}});  // from the sc's write (herd's success dependency)
    } else {
      ++failures;
      CHECK(shape(t) == "RR");
      CHECK(t.addr.empty());
    }
  }
  CHECK(successes > 0);
  CHECK(failures > 0);
  // Without a reservation of the same location the sc fails.
  const Program q = lower_text("RISCV T\n{ 0:x6=x; 0:x8=y; }\n P0 ;\n lr.w x1,0(x6) ;\n sc.w x3,x1,0(x8) ;\n"
                               "exists (x=0)\n");
  const Unfolding v = unfold(q, 2);
  for (const Trace& t : v.traces[0]) CHECK(shape(t) == "R");
}

TEST_CASE("riscv semantics: branches, jumps and ecall") {
  CHECK(rv_states("RISCV T\n{ 0:x1=-1; }\n P0 ;\n bltu x0,x1,L0 ;\n li x2,1 ;\n L0: ;\n blt x0,x1,L1 ;\n"
                  " li x3,1 ;\n L1: ;\n j L2 ;\n li x4,1 ;\n L2: ;\nlocations [0:x2; 0:x3; 0:x4;]\n") ==
        std::vector<std::string>{"0:x2=0; 0:x3=1; 0:x4=0;"});
  const Trace t = only_trace(" ecall ;\n");
  REQUIRE(!t.events.empty());
  CHECK(t.events[0].sets.intersects(base_bit("ECALL")));
  CHECK(t.events[0].sets.intersects(kSetExcEntry));
}
