// X86_64 init blocks, register locations, code-as-data values and conditions.
#include <string>

#include "test_support.hpp"

using namespace xmcheck;
using namespace xmcheck::litmus;
using namespace xmcheck::litmus::test;

namespace {

LitmusTest x86(const std::string& init, const std::string& cond = "") {
  return parse_string("X86_64 T\n{" + init + "}\n P0 | P1 ;\n nop | L0: nop ;\n" + cond + "\n",
                      "t.litmus");
}

std::string x86_condition(const std::string& cond) { return to_string(x86("", cond).condition); }

}  // namespace

TEST_CASE("x86 init: registers are canonical 64-bit lower-case names") {
  const LitmusTest t = x86("0:rax=1; 0:RBX=0x202020202020202; 1:%eax=2; 1:r8d=3; 0:rip=0; 0:cs=0;");
  REQUIRE(t.init.size() == 6);
  CHECK(t.arch == *arch_by_id("x86"));
  CHECK(t.arch_name == "X86_64");
  CHECK(t.init[0].loc.kind == Location::Kind::Register);
  CHECK(t.init[0].loc.reg == "rax");
  CHECK(t.init[1].loc.reg == "rbx");
  CHECK(t.init[1].value->num == 144680345676153346);
  CHECK(t.init[2].loc.reg == "rax");
  CHECK(t.init[2].loc.thread == 1);
  CHECK(t.init[3].loc.reg == "r8");
  CHECK(t.init[4].loc.reg == "rip");
  CHECK(t.init[5].loc.reg == "cs");
  CHECK(to_string(t.init[1].loc) == "0:rbx");
}

TEST_CASE("x86 init: typed memory, arrays, typed registers") {
  const LitmusTest t = x86("uint64_t x; int y; int64_t z = 3; int64_t t[2]={1,-1}; 0:rax=t; int64_t 0:rcx;");
  REQUIRE(t.init.size() == 6);
  CHECK(t.init[0].type == "uint64_t");
  CHECK(t.init[0].loc.symbol == "x");
  CHECK_FALSE(t.init[0].value.has_value());
  CHECK(t.init[2].value->num == 3);
  CHECK(t.init[3].array_size == 2);
  CHECK(t.init[4].value->kind == Value::Kind::Address);
  CHECK(t.init[5].type == "int64_t");
  CHECK(t.init[5].loc.reg == "rcx");
}

TEST_CASE("x86 code as data: labels and instruction values") {
  const LitmusTest t = x86("0:rbx=P1:L0; 0:rax=instr:\"nop\"; 0:rcx=NOP; 0:rdx=instr:\"movl $1,(x)\"; "
                           "0:rsi=instr:\"lock; incl (x)\";");
  REQUIRE(t.init.size() == 5);
  CHECK(t.init[0].value->kind == Value::Kind::Code);
  CHECK(t.init[0].value->code == CodeLabel{1, "L0"});
  const Value& nop = *t.init[1].value;
  REQUIRE(nop.kind == Value::Kind::Instr);
  CHECK(nop.instr->arch == *arch_by_id("x86"));
  CHECK(*nop.instr == *t.init[2].value->instr);
  CHECK(*nop.instr == t.threads.at(0).code.at(0));  // the program's `nop`
  CHECK(to_string(nop) == "NOP");
  CHECK(to_string(*t.init[3].value) == "instr:\"movl $1,(x)\"");
  CHECK(to_string(*t.init[4].value) == "instr:\"lock; incl (x)\"");

  // Storing an instruction to a code location: rbx holds the address, rax the instruction.
  const LitmusTest w = parse_string(
      "X86_64 W\n{ 0:rax=instr:\"nop\"; 0:rbx=P1:L0; }\n P0 | P1 ;\n movq %rax,(%rbx) | L0: ret ;\n"
      "exists (1:rax=0)\n",
      "t.litmus");
  const Instruction& store = w.threads.at(0).code.at(0);
  CHECK(store.operands.at(1).kind == Operand::Kind::Mem);
  CHECK(store.operands.at(1).reg.index == 1);
}

TEST_CASE("x86 code as data: the README example") {
  const LitmusTest t = parse_string(
      "X86_64 XMC\n{ 0:rax=instr:\"nop\"; 0:rbx=P1:L0; }\n"
      " P0               | P1           ;\n"
      " movq %rax,(%rbx) | L0: ret      ;\n"
      " mfence           |              ;\n"
      "exists (1:rax=0)\n",
      "t.litmus");
  REQUIRE(t.threads.size() == 2);
  CHECK(t.threads[0].code.size() == 2);
  CHECK(to_string(t.threads[0].code[0]) == "movq %rax,(%rbx)");
  CHECK(t.threads[1].labels.at("L0") == 0);
}

TEST_CASE("x86 conditions print as herd's Condition line") {
  CHECK(x86_condition("exists (0:rax=0 /\\ 1:rax=1 /\\ 1:rbx=0)") ==
        "exists (0:rax=0 /\\ 1:rax=1 /\\ 1:rbx=0)");
  CHECK(x86_condition("forall 0:RAX = 0") == "forall (0:rax=0)");
  CHECK(x86_condition("forall (0:rip = 0)") == "forall (0:rip=0)");
  CHECK(x86_condition("~exists 1:rax=1 /\\ [y]=1") == "~exists (1:rax=1 /\\ [y]=1)");
  CHECK(x86_condition("exists ([x]=2 /\\ P1_r0=1)") == "exists ([x]=2 /\\ [P1_r0]=1)");
  CHECK(x86_condition("forall [x] = 0x202020202020202") == "forall ([x]=144680345676153346)");
  CHECK(x86_condition("exists (0:eax=1)") == "exists (0:rax=1)");
  CHECK(x86_condition("exists (0:%r9d=1)") == "exists (0:r9=1)");
  CHECK(x86_condition("exists (0:rcx=label:\"P1:L0\")") == "exists (0:rcx=label:\"P1:L0\")");
  const LitmusTest t = x86("", "locations [x;]\nforall [x] = 0");
  REQUIRE(t.locations.size() == 1);
  CHECK(t.locations[0].symbol == "x");
}

TEST_CASE("x86 program: lock; inside a row, metadata, comments") {
  const LitmusTest t = parse_string(
      "X86_64 A006\n\nVariant=telechat\n\n{ [P1_r0]=0;[x]=0; }\n(* a comment *)\n"
      "  P0             | P1 ;\n lock; incl (x) | mov %eax,(P1_r0) ;\nexists ([x]=2)\n",
      "t.litmus");
  REQUIRE(t.find_meta("Variant") != nullptr);
  CHECK(t.find_meta("Variant")->value == "telechat");
  REQUIRE(t.threads.size() == 2);
  REQUIRE(t.threads[0].code.size() == 1);
  CHECK(t.threads[0].code[0].lock);
  CHECK(to_string(t.threads[1].code.at(0)) == "mov %eax,(P1_r0)");
}
