#include "test_support.hpp"

using namespace xmcheck::litmus;
using namespace xmcheck::litmus::test;

TEST_CASE("conditions: herd's normalised Condition line") {
  CHECK(condition_of("exists 1:X3=1 /\\ 1:X9=0") == "exists (1:X3=1 /\\ 1:X9=0)");
  CHECK(condition_of("exists(1:X2=2 /\\ x=1)") == "exists (1:X2=2 /\\ [x]=1)");
  CHECK(condition_of("forall 0:X1=NOP") == "forall (0:X1=NOP)");
  CHECK(condition_of("forall(0:X0=instr:\"NOP\")") == "forall (0:X0=NOP)");
  CHECK(condition_of("~exists (0:X2=1)") == "~exists (0:X2=1)");
  CHECK(condition_of("~ exists 0:W2=1") == "~exists (0:X2=1)");
  CHECK(condition_of("exists (0:X3=label:\"P0:L1\" /\\ 0:X6=2)") ==
        "exists (0:X3=label:\"P0:L1\" /\\ 0:X6=2)");
  CHECK(condition_of("exists (0:X1=instr:\"b .+4\")") == "exists (0:X1=instr:\"B .+4\")");
  CHECK(condition_of("forall (0:X0=2 \\/ 0:X0=3 \\/ 0:X0=4)") == "forall (0:X0=2 \\/ 0:X0=3 \\/ 0:X0=4)");
  CHECK(condition_of("forall (0:X0=1/\\0:X1=2)") == "forall (0:X0=1 /\\ 0:X1=2)");
  CHECK(condition_of("") == "forall (true)");
  CHECK(condition_of("locations [0:X0; 1:X0;]") == "forall (true)");
  CHECK(condition_of("exists [x]=-1") == "exists ([x]=-1)");
  CHECK(condition_of("locations [x;] (0:X0=1)") == "exists (0:X0=1)");  // herd: bare (P)
}

TEST_CASE("conditions: precedence and parentheses as herd prints them") {
  // \/ binds loosest, then /\, then => ; ~ binds tightest.
  CHECK(condition_of("exists 0:X0=1 \\/ 0:X1=1 /\\ 0:X2=1") == "exists (0:X0=1 \\/ 0:X1=1 /\\ 0:X2=1)");
  CHECK(condition_of("exists (0:X0=1 \\/ 0:X1=1) /\\ 0:X2=1") ==
        "exists ((0:X0=1 \\/ 0:X1=1) /\\ 0:X2=1)");
  CHECK(condition_of("exists 0:X0=1 /\\ ~0:X1=2") == "exists (0:X0=1 /\\ not (0:X1=2))");
  CHECK(condition_of("exists ~(0:X0=0 /\\ 0:X1=1)") == "exists (not (0:X0=0 /\\ 0:X1=1))");
  CHECK(condition_of("exists 0:X0=1 /\\ 0:X1!=2") == "exists (0:X0=1 /\\ not (0:X1=2))");
  CHECK(condition_of("forall 0:X0=1 => 0:X1=1") == "forall (0:X0=1 => 0:X1=1)");
  CHECK(condition_of("forall 0:X0=1 /\\ 0:X1=1 => 0:X2=1") ==
        "forall (0:X0=1 /\\ (0:X1=1 => 0:X2=1))");
  CHECK(condition_of("forall (0:X0=1 /\\ 0:X1=1) => 0:X2=1") ==
        "forall ((0:X0=1 /\\ 0:X1=1) => 0:X2=1)");
  CHECK(condition_of("exists true /\\ false") == "exists (true /\\ false)");
}

TEST_CASE("conditions: structure, locations and filter") {
  const LitmusTest t = parse_string(
      "AArch64 T\n{}\n P0 ;\n NOP ;\nlocations [0:X0;x;[y];]\nfilter 0:X0=1\nexists (0:X1=1 \\/ x=2)\n",
      "t.litmus");
  REQUIRE(t.locations.size() == 3);
  CHECK(to_string(t.locations[0]) == "0:X0");
  CHECK(to_string(t.locations[1]) == "[x]");
  CHECK(to_string(t.locations[2]) == "[y]");
  REQUIRE(t.filter.has_value());
  CHECK(to_string(*t.filter) == "(0:X0=1)");
  CHECK(t.condition.quantifier == Condition::Quantifier::Exists);
  const Prop& p = t.condition.prop;
  CHECK(p.kind == Prop::Kind::Or);
  REQUIRE(p.children.size() == 2);
  CHECK(p.children[0].kind == Prop::Kind::Eq);
  CHECK(p.children[0].loc.reg == "X1");
  CHECK(p.children[1].loc.symbol == "x");
  CHECK(p.children[1].value.num == 2);
  CHECK(p.children[1].span.begin == xmcheck::diag::SourcePos{7, 19});
}

TEST_CASE("conditions: errors") {
  const std::string prefix = "AArch64 T\n{}\n P0 ;\n NOP ;\n";
  CHECK(error_at(prefix + "exists (0:X0=1") == "5:15: expected ')' to close '(', found end of input");
  CHECK(error_at(prefix + "exists 0:X0") == "5:12: expected '=' or '!=' after location, found end of input");
  CHECK(error_at(prefix + "exists (0:X0=1) junk") == "5:17: unexpected 'junk' after condition");
  CHECK(error_at(prefix + "exists /\\ 0:X0=1") == "5:8: expected proposition, found '/\\'");
  CHECK(error_at(prefix + "locations [0:X0 x]") == "5:17: expected ';' or ']' in locations, found 'x'");
}

TEST_CASE("conditions: a C test compares two locals with `0:r1=1:r2` (herd's syntax)") {
  const auto c_test = [](const std::string& cond) {
    return parse_string("C T\n{}\nP0(int *x) { int r1; r1 = READ_ONCE(*x); }\n"
                        "P1(int *x) { int r2; r2 = READ_ONCE(*x); }\n" + cond + "\n",
                        "t.litmus");
  };
  const LitmusTest t = c_test("exists (x!=0 \\/ 0:r1=1:r2)");
  CHECK(to_string(t.condition) == "exists (not ([x]=0) \\/ 0:r1=1:r2)");
  const Prop& eq = t.condition.prop.children.at(1);
  REQUIRE(eq.other.has_value());
  CHECK(eq.other->kind == Location::Kind::Register);
  CHECK(eq.other->thread == 1);
  CHECK(eq.other->reg == "r2");
  // An integer stays an integer; assembly keeps `1:L0` a code label.
  CHECK_FALSE(c_test("exists (0:r1=1)").condition.prop.other.has_value());
  CHECK(condition_of("exists (0:X3=1:L0)") == "exists (0:X3=label:\"P1:L0\")");
}
