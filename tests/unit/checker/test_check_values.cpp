// check(): how final values are printed (labels, data addresses, instructions,
// arrays) and array element access through address offsets.
#include "checker_test_support.hpp"

using namespace cktest;
using States = std::vector<std::string>;

TEST_CASE("check values: registers holding labels, data addresses and instructions") {
  const TestResult r = run(R"(AArch64 Values
{ 0:X1=P0:L0; 0:X2=x; 0:X3=instr:"B .+8"; 0:X4=P0:L1; }
 P0          ;
 L0: NOP     ;
 L1: ADR X5,L0 ;
 BL L2       ;
 L2: NOP     ;
locations [0:X1; 0:X2; 0:X3; 0:X4; 0:X5; 0:X30;]
exists (0:X0=0)
)");
  CHECK(observed_names(r) == std::vector<std::string>{"0:X0", "0:X1", "0:X2", "0:X3", "0:X4", "0:X5", "0:X30"});
  CHECK(states(r) == States{"0:X0=0; 0:X1=label:\"P0:L0\"; 0:X2=x; 0:X3=instr:\"B .+8\"; "
                            "0:X4=label:\"P0:L1\"; 0:X5=label:\"P0:L0\"; 0:X30=label:\"P0:L2\";"});
  CHECK(r.validated);
}

TEST_CASE("check values: a BL return address without a label prints as herd's integer") {
  const TestResult r = run(R"(AArch64 Ret
{ }
 P0        ;
 BL L2     ;
 NOP       ;
 L2: NOP   ;
exists (0:X30=100004)
)");
  CHECK(states(r) == States{"0:X30=100004;"});
  CHECK(r.validated);
}

TEST_CASE("check values: array elements through immediate and register offsets") {
  const TestResult r = run(R"(AArch64 Arr
{ int t[2] = {1,2}; 0:X1=t; 0:X4=4; }
 P0             ;
 MOV W0,#5      ;
 STR W0,[X1,#4] ;
 LDR W2,[X1,X4] ;
locations [t;]
exists (0:X2=5)
)");
  CHECK(observed_names(r) == std::vector<std::string>{"0:X2", "t"});
  CHECK(states(r) == States{"0:X2=5; t={1,5};"});
  CHECK(r.validated);
}

TEST_CASE("check values: an offset leaving the array is reported when reached") {
  CHECK_THROWS_WITH_AS(run("AArch64 Out\n{ int t[2] = {1,2}; 0:X1=t; }\n P0 ;\n MOV W0,#5 ;\n"
                           " STR W0,[X1,#8] ;\nexists (0:X2=5)\n"),
                       "address offset 8 leaves location t", diag::UserError);
}

TEST_CASE("check values: a test whose condition names an unwritten location reads 0") {
  const TestResult r = run("AArch64 Z\n{ }\n P0 ;\n NOP ;\nexists (z=0)\n");
  CHECK(observed_names(r) == std::vector<std::string>{"[z]"});
  CHECK(states(r) == States{"[z]=0;"});
  CHECK(r.validated);
}
