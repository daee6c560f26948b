#include "test_support.hpp"

using namespace xmcheck::litmus;
using namespace xmcheck::litmus::test;

TEST_CASE("table: threads, labels and empty cells") {
  const LitmusTest t = parse_string(
      "AArch64 T\n{}\n"
      " P0          | P1         ;\n"
      " STR W0,[X1] | Lself01:   ;\n"
      " DC CVAU,X1  |  B L00     ;\n"
      "             |  MOV W10,#1;\n"
      "             | L00:       ;\n"
      "             | L1:L0:Lsrc: NOP ;\n"
      "             | Lend:      ;\n",
      "t.litmus");
  REQUIRE(t.threads.size() == 2);
  const ThreadCode& p0 = t.threads[0];
  const ThreadCode& p1 = t.threads[1];
  CHECK(p0.name == "P0");
  CHECK(p0.proc == 0);
  CHECK(!p0.is_handler);
  CHECK(p0.code.size() == 2);
  CHECK(p0.labels.empty());
  CHECK(p1.code.size() == 3);
  CHECK(p1.labels.at("Lself01") == 0);
  CHECK(p1.labels.at("L00") == 2);
  CHECK(p1.labels.at("L1") == 2);
  CHECK(p1.labels.at("L0") == 2);
  CHECK(p1.labels.at("Lsrc") == 2);
  CHECK(p1.labels.at("Lend") == 3);  // a final label points past the code
  CHECK(p1.code[0].span.begin == xmcheck::diag::SourcePos{5, 17});
  CHECK(p1.span.begin == xmcheck::diag::SourcePos{3, 16});
}

TEST_CASE("table: fault handlers come after main threads") {
  const LitmusTest t = parse_string(
      "AArch64 T\n{}\n P0 | P0.F | P1 ;\n NOP | ERET | NOP ;\n", "t.litmus");
  REQUIRE(t.threads.size() == 3);
  CHECK(t.threads[0].name == "P0");
  CHECK(t.threads[1].name == "P1");
  CHECK(t.threads[2].name == "P0.F");
  CHECK(t.threads[2].is_handler);
  CHECK(t.threads[2].proc == 0);
}

TEST_CASE("table: label and instruction on the same row") {
  const LitmusTest t =
      parse_string("AArch64 T\n{}\n      P0       ;\nl1:l2:B l0     ;\nMOV W2, #1     ;\nl0:            ;\n",
                   "t.litmus");
  const ThreadCode& p0 = t.threads.at(0);
  CHECK(p0.labels.at("l1") == 0);
  CHECK(p0.labels.at("l2") == 0);
  CHECK(p0.labels.at("l0") == 2);
  CHECK(to_string(p0.code[0]) == "B l0");
}

TEST_CASE("table: errors") {
  CHECK(error_at("AArch64 T\n{}\n P0 | P1 ;\n NOP | NOP | NOP ;\n") ==
        "4:2: row has 3 columns, header has 2");
  CHECK(error_at("AArch64 T\n{}\n P0 ;\n L0: ;\n L0: NOP ;\n") ==
        "5:2: duplicate label 'L0' in thread P0");
  CHECK(error_at("AArch64 T\n{}\n P0 | Q1 ;\n NOP | NOP ;\n") ==
        "3:7: expected thread name like 'P0' or 'P0.F', found 'Q1'");
  CHECK(error_at("AArch64 T\n{}\n P0 | P0 ;\n") == "3:7: duplicate thread P0");
  CHECK(error_at("AArch64 T\n{}\n P0 ;\n NOP ;\n NOP\n") == "5:5: expected ';' at end of program row");
}
