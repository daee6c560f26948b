// RISC-V (herd's RISCV dialect): registers and their ABI names, canonical
// instructions (ordering suffixes as herd keeps them), herd's printing, and
// positioned errors.
#include <string>
#include <utility>
#include <vector>

#include "../../test_support.hpp"
#include "arch/riscv/instruction.hpp"
#include "arch/riscv/names.hpp"

using namespace xmcheck;
using namespace xmcheck::litmus;
using namespace xmcheck::litmus::test;

namespace {

/// The instruction of a one-cell RISCV program `P0 ; <instr> ;`.
Instruction cell(const std::string& instr) {
  const LitmusTest t = parse_string("RISCV T\n{}\n P0 ;\n " + instr + " ;\n L0: ;\n", "t.litmus");
  REQUIRE(t.threads.size() == 1);
  REQUIRE(!t.threads[0].code.empty());
  return t.threads[0].code[0];
}

std::string round(const std::string& text) { return to_string(cell(text)); }

/// "line:col: message" of the error for the one-cell program `<instr>` (line 4).
std::string rv_error(const std::string& instr) { return error_at("RISCV T\n{}\n P0 ;\n " + instr + " ;\n L0: ;\n"); }

}  // namespace

TEST_CASE("riscv: registers, ABI names and locations") {
  using internal::parse_riscv_register;
  using internal::riscv_location_register;
  REQUIRE(parse_riscv_register("x0"));
  CHECK(parse_riscv_register("x0")->is_zero);
  CHECK(parse_riscv_register("zero")->index == 0);
  CHECK(parse_riscv_register("x31")->index == 31);
  CHECK_FALSE(parse_riscv_register("x32"));
  CHECK_FALSE(parse_riscv_register("x05"));
  CHECK(parse_riscv_register("a0")->index == 10);
  CHECK(parse_riscv_register("fp")->index == 8);
  CHECK(parse_riscv_register("s0")->index == 8);
  CHECK(parse_riscv_register("t6")->index == 31);
  CHECK(parse_riscv_register("s11")->index == 27);
  CHECK(riscv_location_register("a1") == "x11");
  CHECK(riscv_location_register("x7") == "x7");
  CHECK_FALSE(riscv_location_register("r3"));
}

TEST_CASE("riscv: canonical operands and ordering suffixes") {
  const Instruction ld = cell("lw x5,8(x6)");
  CHECK(ld.arch == *arch_by_id("riscv"));
  CHECK(ld.mnemonic == "lw");
  REQUIRE(ld.operands.size() == 2);
  CHECK(ld.operands[1].kind == Operand::Kind::Mem);
  CHECK(ld.operands[1].reg.index == 6);
  CHECK(ld.operands[1].imm == 8);
  CHECK(cell("lw x5,(x6)") == cell("lw x5,0(x6)"));
  // .aq.rl and .aqrl are one ordering; herd drops .rl on lr and .aq on sc.
  CHECK(cell("amoswap.w.aq.rl x1,x2,(x3)").mnemonic == "amoswap.w.aqrl");
  CHECK(cell("lr.w.rl x1,(x2)").mnemonic == "lr.w");
  CHECK(cell("sc.w.aq x1,x2,(x3)").mnemonic == "sc.w");
  CHECK(cell("sw.rl x1,0(x2)").mnemonic == "sw.rl");
  CHECK(cell("lw.aq x1,0(x2)").mnemonic == "lw.aq");
  // mv is addi with 0; fence alone is fence rw,rw; MV and NOP in capitals too.
  CHECK(cell("mv a0,a1") == cell("addi x10,x11,0"));
  CHECK(cell("MV a0,a1") == cell("mv a0,a1"));
  CHECK(cell("fence") == cell("fence rw,rw"));
  CHECK(cell("NOP").mnemonic == "nop");
  const Instruction f = cell("fence iorw,ow");
  REQUIRE(f.operands.size() == 2);
  CHECK(f.operands[0].text == "iorw");
  CHECK(f.operands[1].text == "ow");
  const Instruction b = cell("bne x5,x0,L0");
  CHECK(b.operands[2].kind == Operand::Kind::Label);
  CHECK(cell("li x2,8070450532247928832").operands[1].imm == 8070450532247928832LL);
  CHECK(cell("addi x1,x1,-1").operands[2].imm == -1);
}

TEST_CASE("riscv: instructions print as herd prints them") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"nop", "NOP"},
      {"fence.i", "fence.i"},
      {"fence.tso", "fence.tso"},
      {"fence r,rw", "fence r,rw"},
      {"ecall", "ecall"},
      {"li a0,5", "li x10,5"},
      {"mv t0,t1", "mv x5,x6"},
      {"addi x1,x2,3", "addi x1,x2,3"},
      {"xor x7,x5,x5", "xor x7,x5,x5"},
      {"subw x1,x0,x1", "subw x1,x0,x1"},
      {"sext.w a0,a1", "sext.w x10,x11"},
      {"lw x5,0(x6)", "lw x5,0(x6)"},
      {"lbu x3,0(x2)", "lbu x3,0(x2)"},
      {"sd x2,8(x1)", "sd x2,8(x1)"},
      {"sw.rl x7,0(x8)", "sw.rl x7,0(x8)"},
      {"lr.w.aq x1,(x2)", "lr.w.aq x1,0(x2)"},
      {"sc.w.rl x1,x2,(x3)", "sc.w.rl x1,x2,0(x3)"},
      {"amoadd.d.aqrl x1,x2,0(x3)", "amoadd.d.aqrl x1,x2,(x3)"},
      {"j L0", "j L0"},
      {"beq x5,x0,L0", "beq x5,x0,L0"},
  };
  // No structured binding: INFO captures in a lambda, which Clang 15 refuses
  // for bindings (the sanitizer build uses Clang).
  for (const auto& c : cases) {
    INFO(c.first);
    CHECK(round(c.first) == c.second);
  }
}

TEST_CASE("riscv: positioned errors") {
  CHECK(rv_error("addi x1,x2,x3") == "4:13: expected immediate, found 'x3'");
  CHECK(rv_error("fence rw,q") == "4:11: expected fence successor set (r, w, rw, ir, ow or iorw), found 'q'");
  CHECK(rv_error("lw x1,x2") == "4:8: expected address 'k(reg)' or '(reg)', found 'x2'");
  CHECK(rv_error("amoor.w x1,x2,8(x3)") == "4:16: expected address '(reg)' or '0(reg)', found offset 8");
  CHECK(rv_error("lw x1,0(x2) x3") == "4:14: unexpected 'x3' after instruction");
  CHECK(rv_error("mul x1,x2,x3") == "4:2: unsupported instruction 'mul x1,x2,x3'");
  CHECK(rv_error("lw.rl x1,0(x2)") == "4:2: unsupported instruction 'lw.rl x1,0(x2)'");
  CHECK(rv_error("sw.aq x1,0(x2)") == "4:2: unsupported instruction 'sw.aq x1,0(x2)'");
  CHECK(rv_error("beq x1,x2,x3") == "4:12: expected label, found 'x3'");
}
