#include "test_support.hpp"

using namespace xmcheck::litmus;
using namespace xmcheck::litmus::test;

namespace {
std::vector<InitEntry> init_of(const std::string& block) {
  return parse_string("AArch64 T\n{" + block + "}\n P0 ;\n NOP ;\n", "t.litmus").init;
}
}  // namespace

TEST_CASE("init: registers, memory, addresses and integers") {
  const auto init = init_of("0:X1=x; 1:W3=-5; [y]=0x10; z=2; 0:X2=&w;");
  REQUIRE(init.size() == 5);
  CHECK(init[0].loc.kind == Location::Kind::Register);
  CHECK(init[0].loc.thread == 0);
  CHECK(init[0].loc.reg == "X1");
  CHECK(init[0].value->kind == Value::Kind::Address);
  CHECK(init[0].value->symbol == "x");
  CHECK(init[1].loc.reg == "X3");  // W3 and X3 are one location
  CHECK(init[1].value->num == -5);
  CHECK(init[2].loc.kind == Location::Kind::Memory);
  CHECK(init[2].loc.symbol == "y");
  CHECK(init[2].value->num == 16);
  CHECK(init[3].loc.symbol == "z");
  CHECK(init[4].value->symbol == "w");
  CHECK(init[0].span.begin == xmcheck::diag::SourcePos{2, 2});
}

TEST_CASE("init: code labels and instructions") {
  const auto init = init_of(
      "0:X0=NOP; 0:X1=P1:L0; ins_t 0:X4=instr:\"BL .+8\"; 0:X3=label:\"P1:L0\"; 0:X5=instr:\"NOP\";");
  REQUIRE(init.size() == 5);
  CHECK(init[0].value->kind == Value::Kind::Instr);
  CHECK(init[0].value->instr->mnemonic == "NOP");
  CHECK(init[1].value->kind == Value::Kind::Code);
  CHECK(init[1].value->code == CodeLabel{1, "L0"});
  CHECK(init[2].type == "ins_t");
  CHECK(to_string(*init[2].value->instr) == "BL .+8");
  CHECK(init[3].value->code == CodeLabel{1, "L0"});
  CHECK(to_string(*init[4].value) == "NOP");
  CHECK(to_string(*init[2].value) == "instr:\"BL .+8\"");
  CHECK(to_string(*init[3].value) == "label:\"P1:L0\"");
}

TEST_CASE("init: typed declarations, pointers, arrays, page-table entries") {
  const auto init = init_of(
      "ins_t *1:X9; ins_t 0:X0; int x=1; uint64_t [y]=2; int t[2] = { 1,2 } ; pte_x=(oa:phy_x);");
  REQUIRE(init.size() == 6);
  CHECK(init[0].type == "ins_t *");
  CHECK(init[0].loc.reg == "X9");
  CHECK(!init[0].value.has_value());
  CHECK(init[1].type == "ins_t");
  CHECK(!init[1].value.has_value());
  CHECK(init[2].type == "int");
  CHECK(init[2].loc.symbol == "x");
  CHECK(init[2].value->num == 1);
  CHECK(init[3].type == "uint64_t");
  CHECK(init[3].loc.symbol == "y");
  CHECK(init[4].array_size == 2u);
  REQUIRE(init[4].array_values.size() == 2);
  CHECK(init[4].array_values[1].num == 2);
  CHECK(init[5].pteval == "oa:phy_x");
  CHECK(init[5].type == "pteval_t");
}

TEST_CASE("init: empty block and trailing semicolons") {
  CHECK(init_of("").empty());
  CHECK(init_of(" ; ").empty());
  CHECK(init_of("0:X0=1").size() == 1);
}

TEST_CASE("init: errors") {
  CHECK(error_at("AArch64 T\n{ 0:X0=1 0:X1=2; }\n P0 ;\n NOP ;\n") ==
        "2:10: expected ';' after init entry, found '0'");
  CHECK(error_at("AArch64 T\n{ 0:Q1=1; }\n P0 ;\n NOP ;\n") == "2:5: unknown register 'Q1'");
  CHECK(error_at("AArch64 T\n{ 0:X1=; }\n P0 ;\n NOP ;\n") == "2:8: expected value, found ';'");
  CHECK(error_at("AArch64 T\n{ int t[2] = {1}; }\n P0 ;\n NOP ;\n") ==
        "2:14: array t has 2 elements, initialiser has 1");
  CHECK(error_at("AArch64 T\n{ 0:X1=label:\"L0\"; }\n P0 ;\n NOP ;\n") ==
        "2:15: expected label of the form \"P1:L0\"");
  CHECK(error_at("AArch64 T\n{ 0:X1=instr:\"FOO X1\"; }\n P0 ;\n NOP ;\n") ==
        "2:15: unsupported instruction 'FOO X1'");
}
