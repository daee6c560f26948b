// X86_64 instructions: canonical form (mnemonic, width, lock, operands) and
// herd's printed syntax.
#include <string>

#include "test_support.hpp"
#include "xmcheck/litmus/arch/x86.hpp"

using namespace xmcheck;
using namespace xmcheck::litmus;
using namespace xmcheck::litmus::test;

namespace {

Reg r(int index, int width) {
  Reg reg;
  reg.index = static_cast<std::uint8_t>(index);
  reg.width = static_cast<std::uint8_t>(width);
  return reg;
}

/// Parses then prints.
std::string round(const std::string& text) { return to_string(parse_x86(text)); }

}  // namespace

TEST_CASE("x86: mov forms, AT&T order (source, destination)") {
  const Instruction st = parse_x86("movl $1,(x)");
  CHECK(st.arch == *arch_by_id("x86"));
  CHECK(st.mnemonic == "mov");
  CHECK(st.width == 32);
  CHECK_FALSE(st.lock);
  REQUIRE(st.operands.size() == 2);
  CHECK(st.operands[0].kind == Operand::Kind::Imm);
  CHECK(st.operands[0].imm == 1);
  CHECK(st.operands[1].kind == Operand::Kind::Mem);
  CHECK(st.operands[1].text == "x");

  const Instruction ld = parse_x86("mov (y),%eax");
  CHECK(ld.mnemonic == "mov");
  CHECK(ld.width == 0);
  CHECK(ld.operands[0].text == "y");
  CHECK(ld.operands[1].kind == Operand::Kind::Reg);
  CHECK(ld.operands[1].reg == r(0, 32));

  const Instruction q = parse_x86("MOVQ %RBX,(x)");
  CHECK(q.mnemonic == "mov");
  CHECK(q.width == 64);
  CHECK(q.operands[0].reg == r(1, 64));

  const Instruction based = parse_x86("movq %rax,8(%rbx)");
  CHECK(based.operands[1].kind == Operand::Kind::Mem);
  CHECK(based.operands[1].text.empty());
  CHECK(based.operands[1].reg == r(1, 64));
  CHECK(based.operands[1].imm == 8);

  const Instruction scaled = parse_x86("movq 0(%rax,%rbx,8),%rcx");
  CHECK(scaled.operands[0].has_index);
  CHECK(scaled.operands[0].index == r(1, 64));
  CHECK(scaled.operands[0].scale == 8);
  CHECK(scaled.operands[1].reg == r(2, 64));

  CHECK(parse_x86("movl %eax,x(%rip)") == parse_x86("movl %eax,(x)"));
  CHECK(parse_x86("mov $1,[x]") == parse_x86("mov $1,(x)"));
  CHECK(parse_x86("movl eax,(x)") == parse_x86("movl %eax,(x)"));  // herd: '%' optional
  CHECK(parse_x86("movl $0x10,(x)").operands[0].imm == 16);
  CHECK(parse_x86("movl $-1,(x)").operands[0].imm == -1);
  CHECK(parse_x86("movl (%rax,%rbx),%ecx").operands[0].scale == 1);
}

TEST_CASE("x86: register table") {
  CHECK(parse_x86("movq %r15,(x)").operands[0].reg == r(15, 64));
  CHECK(parse_x86("movl %r8d,(x)").operands[0].reg == r(8, 32));
  CHECK(parse_x86("movw %r9w,(x)").operands[0].reg == r(9, 16));
  CHECK(parse_x86("movb %r10b,(x)").operands[0].reg == r(10, 8));
  CHECK(parse_x86("movb %sil,(x)").operands[0].reg == r(4, 8));
  CHECK(parse_x86("movw %sp,(x)").operands[0].reg == r(7, 16));
  CHECK(parse_x86("mov %rbp,%rdi").operands[1].reg == r(5, 64));
  CHECK(parse_x86("mov %rdx,%rsi").operands[0].reg == r(3, 64));
  const Instruction cr = parse_x86("mov %rax,%cr3");
  CHECK(cr.operands[1].reg == r(kX86Cr0 + 3, 64));
  CHECK(to_string(cr) == "mov %rax,%cr3");
  CHECK(parse_x86("movq %cr0,%rbx").operands[0].reg == r(kX86Cr0, 64));
}

TEST_CASE("x86: read-modify-write, lock prefix, exchange") {
  const Instruction add = parse_x86("lock addl $2,(x)");
  CHECK(add.mnemonic == "add");
  CHECK(add.lock);
  CHECK(add.width == 32);
  CHECK(to_string(add) == "lock; addl $2,(x)");
  CHECK(parse_x86("LOCK; incl (x)") == parse_x86("lock incl (x)"));
  CHECK(parse_x86("lock incl (x)").operands.size() == 1);

  const Instruction xadd = parse_x86("lock xaddl %eax,(x)");
  CHECK(xadd.mnemonic == "xadd");
  CHECK(xadd.operands[0].reg == r(0, 32));
  CHECK(xadd.operands[1].text == "x");

  // cmpxchg: AT&T (source register first) and herd's order (memory first) agree.
  const Instruction cas = parse_x86("lock cmpxchgl %ebx,(x)");
  CHECK(cas == parse_x86("lock cmpxchgl (x),%ebx"));
  CHECK(cas.operands[0].kind == Operand::Kind::Reg);
  CHECK(to_string(cas) == "lock; cmpxchgl %ebx,(x)");

  const Instruction xchg = parse_x86("xchgl (y),%eax");
  CHECK(xchg.mnemonic == "xchg");
  CHECK_FALSE(xchg.lock);
  CHECK(xchg.operands[0].text == "y");
  CHECK(to_string(xchg) == "xchgl (y),%eax");
  CHECK(parse_x86("xchg %rax,(x)").width == 0);
  CHECK(parse_x86("lock xchgq %rax,(x)").lock);
}

TEST_CASE("x86: branches, labels and odd label names") {
  const LitmusTest t = parse_string(
      "X86_64 T\n{}\n P0 ;\n cmp $1,%eax ;\n je L0x3b ;\n jmp L0 ;\n L0x3b: ;\n call L0 ;\n"
      " L0: ret ;\n jnz L0 ;\n jmp *%rax ;\n",
      "t.litmus");
  const auto& code = t.threads.at(0).code;
  REQUIRE(code.size() == 7);
  CHECK(code[1].mnemonic == "j");
  CHECK(code[1].operands.at(0).kind == Operand::Kind::Keyword);
  CHECK(code[1].operands.at(0).text == "e");
  CHECK(code[1].operands.at(1).kind == Operand::Kind::Label);
  CHECK(code[1].operands.at(1).text == "L0x3b");
  CHECK(to_string(code[1]) == "je L0x3b");
  CHECK(to_string(code[2]) == "jmp L0");
  CHECK(to_string(code[3]) == "call L0");
  CHECK(to_string(code[4]) == "ret");
  CHECK(to_string(code[5]) == "jne L0");
  CHECK(code[6].operands.at(0).kind == Operand::Kind::Reg);
  CHECK(to_string(code[6]) == "jmp *%rax");
  CHECK(t.threads[0].labels.at("L0x3b") == 3);
  CHECK(t.threads[0].labels.at("L0") == 4);
  CHECK(parse_x86("jz L1") == parse_x86("je L1"));
  CHECK(parse_x86("jlt L1") == parse_x86("jl L1"));
  CHECK(round("jge L1") == "jge L1");
}

TEST_CASE("x86: nops, fences, serializing instructions") {
  const Instruction nop = parse_x86("NOP");
  CHECK(nop.mnemonic == "nop");
  CHECK(nop.operands.empty());
  CHECK(to_string(nop) == "NOP");
  CHECK(parse_x86("nopl 0(%rax,%eax,0)") == nop);  // herd: every nop form is NOP
  CHECK(parse_x86("nopw 0(%rax,%eax,0)") == nop);
  CHECK(parse_x86("NOPL %cs:0(%rax,%eax,0)") == nop);
  CHECK(parse_x86("endbr64") == nop);
  for (const char* m : {"mfence", "lfence", "sfence", "cpuid", "serialize", "iret", "wrmsr",
                        "sysret", "sysexit", "int3", "ud2", "ret"}) {
    CAPTURE(m);
    const Instruction i = parse_x86(m);
    CHECK(i.mnemonic == m);
    CHECK(i.operands.empty());
    CHECK(to_string(i) == m);
  }
  const Instruction iretq = parse_x86("iretq");
  CHECK(iretq.mnemonic == "iret");
  CHECK(iretq.width == 64);
  CHECK(to_string(iretq) == "iretq");
  CHECK(to_string(parse_x86("MFENCE")) == "mfence");
  CHECK(round("clflush (x)") == "clflush (x)");
}

TEST_CASE("x86: arithmetic and herd's printing") {
  CHECK(round("shl 2,%eax") == "shl $2,%eax");  // herd: bare number immediate
  CHECK(round("and %eax,%eax") == "and %eax,%eax");
  CHECK(round("addq $1,%rax") == "addq $1,%rax");
  CHECK(round("subl %ebx,(x)") == "subl %ebx,(x)");
  CHECK(round("xorl %eax,%eax") == "xorl %eax,%eax");
  CHECK(round("orw $1,(x)") == "orw $1,(x)");
  CHECK(round("cmpl $1,(x)") == "cmpl $1,(x)");
  CHECK(round("testq %rax,%rax") == "testq %rax,%rax");
  CHECK(round("incl (x)") == "incl (x)");
  CHECK(round("decq %rcx") == "decq %rcx");
  CHECK(round("neg %eax") == "neg %eax");
  CHECK(round("shrl %cl,(x)") == "shrl %cl,(x)");
  CHECK(round("movl -8(%rbp),%eax") == "movl -8(%rbp),%eax");
  CHECK(round("movl 0(%rbp),%eax") == "movl (%rbp),%eax");
  CHECK(round("movq 8(%rax,%rbx,4),%rcx") == "movq 8(%rax, %rbx,4),%rcx");  // herd's spacing
  CHECK(parse_x86("sub $1,%eax").mnemonic == "sub");
  CHECK(parse_x86("subb $1,(x)").width == 8);
  CHECK(parse_x86("shll $1,%eax").mnemonic == "shl");
}
