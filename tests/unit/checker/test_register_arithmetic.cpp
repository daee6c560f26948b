// Register widths and address arithmetic: each case was a checker bug once.
// Expected values are herd7's (AArch64Sem / lib/symbValue.ml semantics).
#include "checker_test_support.hpp"

using namespace cktest;
using States = std::vector<std::string>;

// herd reads a W register as the low 32 bits of X (read_reg_sz ... uxt_op Word);
// CBZ/CBNZ/CMP on a W register whose X value has upper bits set must see only
// the low half.
TEST_CASE("regression: CBZ on a W register looks at the low 32 bits only") {
  const TestResult r = run(R"(AArch64 CBZ-W
{ 0:X0=0x100000000; }
 P0         ;
 CBZ W0,L0  ;
 MOV W1,#1  ;
 L0:        ;
exists (0:X1=0)
)");
  CHECK(states(r) == States{"0:X1=0;"});  // W0 = 0: the branch is taken
  CHECK(r.validated);
}

TEST_CASE("regression: CMP on W registers compares 32-bit values") {
  const TestResult r = run(R"(AArch64 CMP-W
{ 0:X0=0x100000000; }
 P0         ;
 CMP W0,#0  ;
 CSET W1,EQ ;
exists (0:X1=1)
)");
  CHECK(states(r) == States{"0:X1=1;"});  // W0 = 0 equals 0
}

// herd's add returns the other operand when one is zero, whichever side it is on
// (symbValue.ml `add`: `if is_zero v1 then v2`).
TEST_CASE("regression: ADD of zero and an address is the address") {
  TestResult r;
  CHECK_NOTHROW(r = run(R"(AArch64 ADD-zero-first
{ 0:X1=x; }
 P0            ;
 MOV X2,#0     ;
 ADD X5,X2,X1  ;
 MOV W0,#1     ;
 STR W0,[X5]   ;
exists (x=1)
)"));
  CHECK(states(r) == States{"[x]=1;"});
}

// herd adds an integer to a symbolic address as an offset (symbValue.ml `add`:
// Symbolic + Concrete -> offset symbol), so `ADD X5,X1,#4` addresses t[1] exactly
// as `[X1,#4]` does; xmcheck accepts the latter and rejects the former.
TEST_CASE("regression: ADD of an array address and an offset moves to the element") {
  TestResult r;
  CHECK_NOTHROW(r = run(R"(AArch64 ADD-offset
{ int t[2] = {1,2}; 0:X1=t; }
 P0            ;
 ADD X5,X1,#4  ;
 LDR W0,[X5]   ;
exists (0:X0=2)
)"));
  CHECK(states(r) == States{"0:X0=2;"});
}
