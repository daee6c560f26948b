// Positioned errors for malformed or unsupported X86_64 input, and for one
// architecture's syntax inside the other's test.
#include <string>

#include "test_support.hpp"

using namespace xmcheck;
using namespace xmcheck::litmus;
using namespace xmcheck::litmus::test;

TEST_CASE("x86 errors: unknown instructions are Unsupported at the instruction") {
  const diag::UserError e = parse_error("X86_64 T\n{}\n P0 ;\n movsbl (x),%eax ;\n");
  CHECK(e.kind() == diag::ErrorKind::Unsupported);
  CHECK(e.formatted() == "t.litmus:4:2: error: unsupported instruction 'movsbl (x),%eax'");
  // AArch64 syntax in an X86_64 test.
  const diag::UserError a = parse_error("X86_64 T\n{}\n P0 ;\n LDR W0,[X1] ;\n");
  CHECK(a.kind() == diag::ErrorKind::Unsupported);
  CHECK(std::string(a.what()) == "unsupported instruction 'LDR W0,[X1]'");
  CHECK(x86_error("MOV W0,#1") == "4:6: expected register, immediate or memory operand, found 'W0'");
  CHECK(parse_error("X86_64 T\n{}\n P0 ;\n movb %ah,(x) ;\n").kind() == diag::ErrorKind::Unsupported);
  CHECK(parse_error("X86_64 T\n{}\n P0 ;\n movl %eax,(%ebx) ;\n").kind() ==
        diag::ErrorKind::Unsupported);
  CHECK(parse_error("X86_64 T\n{}\n P0 ;\n movl %eax,%cs:(x) ;\n").kind() ==
        diag::ErrorKind::Unsupported);
}

TEST_CASE("x86 errors: malformed operands are Litmus errors at the operand") {
  CHECK(x86_error("movl $1,$2") == "4:10: expected register or memory operand, found immediate");
  CHECK(x86_error("movl (x),(y)") == "4:11: at most one memory operand in 'movl'");
  CHECK(x86_error("movq %eax,(x)") == "4:7: operand size mismatch: '%eax' is 32-bit, 'movq' is 64-bit");
  CHECK(x86_error("mov %eax,%rbx") == "4:11: operand size mismatch: '%eax' and '%rbx'");
  CHECK(x86_error("movl %eax,(%foo)") == "4:13: unknown register '%foo'");
  CHECK(x86_error("movl $1,(x),%eax") == "4:13: too many operands for 'movl'");
  CHECK(x86_error("movl $1") == "4:10: expected ',' between operands, found end of input");
  CHECK(x86_error("lock movl $1,(x)") == "4:2: 'lock' prefix not allowed on 'movl'");
  CHECK(x86_error("lock addl $1,%eax") == "4:2: 'lock' prefix needs a memory destination");
  CHECK(x86_error("jmp %rax") == "4:6: expected label, found '%'");
  CHECK(x86_error("je L0,L1") == "4:7: too many operands for 'je'");
  CHECK(x86_error("addl %eax,%cr3") == "4:12: control register in 'addl': only mov accepts one");
  CHECK(x86_error("mov %eax,%cr3") == "4:6: expected 64-bit general-purpose register with a control register");
  CHECK(x86_error("shl %eax,%ebx") == "4:6: expected immediate or %cl as shift count");
  CHECK(x86_error("movq 8(%rax,%rbx,3),%rcx") == "4:19: scale must be 1, 2, 4 or 8");
  CHECK(x86_error("movq (%rax,%rsp),%rcx") == "4:13: expected 64-bit index register other than %rsp");
  CHECK(x86_error("movl $1,4(x)") == "4:12: displacement with a symbol is not supported");
  CHECK(x86_error("lock") == "4:7: expected instruction, found end of input");
  CHECK(error_at("X86_64 T\n{ 0:xmm0=1; }\n P0 ;\n nop ;\n") == "2:5: unknown register 'xmm0'");
  CHECK(error_at("X86_64 T\n{ 0:X1=1; }\n P0 ;\n nop ;\n") == "2:5: unknown register 'X1'");
  CHECK(error_at("X86_64 T\n{ 0:rax=instr:\"frob\"; }\n P0 ;\n nop ;\n") ==
        "2:16: unsupported instruction 'frob'");
}

TEST_CASE("x86 errors: x86 syntax in an AArch64 test") {
  const diag::UserError st = parse_error("AArch64 T\n{}\n P0 ;\n movl $1,(x) ;\n");
  CHECK(st.span().begin.line == 4);
  CHECK(std::string(st.what()) == "unexpected character '$'");
  const diag::UserError fence = parse_error("AArch64 T\n{}\n P0 ;\n mfence ;\n");
  CHECK(fence.kind() == diag::ErrorKind::Unsupported);
  CHECK(fence.formatted() == "t.litmus:4:2: error: unsupported instruction 'mfence'");
  CHECK(error_at("AArch64 T\n{ 0:rax=1; }\n P0 ;\n NOP ;\n") == "2:5: unknown register 'rax'");
}

TEST_CASE("x86 errors: other architectures stay unsupported") {
  const diag::UserError x86 = parse_error("X86 T\n{}\n P0 ;\n nop ;\n");
  CHECK(x86.kind() == diag::ErrorKind::Unsupported);
  CHECK(x86.formatted() == "t.litmus:1:1: error: unsupported architecture 'X86'");
}
