// Power (herd's PPC dialect): canonical instructions, herd's printing, the
// register and location syntax, symbolic registers, errors, and the corpus.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "../../test_support.hpp"
#include "arch/powerpc/instruction.hpp"
#include "arch/powerpc/names.hpp"

using namespace xmcheck;
using namespace xmcheck::litmus;
using namespace xmcheck::litmus::test;
namespace fs = std::filesystem;

namespace {

LitmusTest parse_ppc(const std::string& text) { return parse_string(text, "t.litmus"); }

/// The instruction of a one-cell PPC program `P0 ; <instr> ;`.
Instruction cell(const std::string& instr) {
  const LitmusTest t = parse_ppc("PPC T\n{}\n P0 ;\n " + instr + " ;\n L0: ;\n");
  REQUIRE(t.threads.size() == 1);
  REQUIRE(!t.threads[0].code.empty());
  return t.threads[0].code[0];
}

/// Parses then prints (herd's instruction syntax).
std::string round(const std::string& text) { return to_string(cell(text)); }

/// "line:col: message" of the error for the one-cell program `<instr>` (line 4).
std::string ppc_error(const std::string& instr) { return error_at("PPC T\n{}\n P0 ;\n " + instr + " ;\n L0: ;\n"); }

}  // namespace

TEST_CASE("ppc: registers and locations") {
  using internal::parse_powerpc_register;
  using internal::powerpc_location_register;
  using internal::powerpc_register_name;
  REQUIRE(parse_powerpc_register("r0"));
  CHECK(parse_powerpc_register("r0")->index == 0);
  CHECK(parse_powerpc_register("R31")->index == 31);
  CHECK_FALSE(parse_powerpc_register("r32"));
  CHECK_FALSE(parse_powerpc_register("r01"));
  CHECK_FALSE(parse_powerpc_register("x1"));
  CHECK(parse_powerpc_register("lr")->index == internal::kPowerPCLr);
  CHECK(powerpc_register_name(*parse_powerpc_register("r17")) == "r17");
  CHECK(powerpc_location_register("R3") == "r3");
  CHECK(powerpc_location_register("ctr") == "ctr");
  CHECK_FALSE(powerpc_location_register("X3"));
}

TEST_CASE("ppc: canonical operands") {
  const Instruction ld = cell("lwz r1,8(r2)");
  CHECK(ld.arch == *arch_by_id("powerpc"));
  CHECK(ld.mnemonic == "lwz");
  REQUIRE(ld.operands.size() == 2);
  CHECK(ld.operands[0].kind == Operand::Kind::Reg);
  CHECK(ld.operands[0].reg.index == 1);
  CHECK(ld.operands[1].kind == Operand::Kind::Mem);
  CHECK(ld.operands[1].reg.index == 2);
  CHECK(ld.operands[1].imm == 8);
  // herd's 3-operand form is the same displacement form.
  CHECK(cell("lwz r6,0,r1") == cell("lwz r6,0(r1)"));
  const Instruction x = cell("lwzx r1,r2,r3");
  REQUIRE(x.operands.size() == 3);
  CHECK(x.operands[2].reg.index == 3);
  // hwsync is sync, subi is addi of the negation, bnl/bng are bge/ble (herd).
  CHECK(cell("hwsync") == cell("sync"));
  CHECK(cell("subi r1,r2,3") == cell("addi r1,r2,-3"));
  CHECK(cell("bnl L0") == cell("bge L0"));
  CHECK(cell("bng L0") == cell("ble L0"));
  // cr0 is the default field and is not stored; others are a Keyword.
  CHECK(cell("cmpw cr0,r1,r2") == cell("cmpw r1,r2"));
  CHECK(cell("cmpwi cr3,r1,2").operands[0].text == "cr3");
  // Bare register numbers (gas): `ori 0,0,0` is `ori r0,r0,0`.
  CHECK(cell("ori 0,0,0") == cell("ori r0,r0,0"));
  CHECK(cell("lwarx r2,0,r1") == cell("lwarx r2,r0,r1"));
  // Mnemonics are stored lower-case.
  CHECK(cell("LWZ r1,0(r2)").mnemonic == "lwz");
  const Instruction b = cell("beq L0");
  CHECK(b.operands[0].kind == Operand::Kind::Label);
  CHECK(cell("b .+8").operands[0].kind == Operand::Kind::Relative);
}

TEST_CASE("ppc: every mnemonic prints as herd prints it") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"nop", "NOP"},
      {"sync", "sync"},
      {"hwsync", "sync"},
      {"lwsync", "lwsync"},
      {"isync", "isync"},
      {"eieio", "eieio"},
      {"sc", "sc"},
      {"rfid", "rfid"},
      {"rfi", "rfi"},
      {"blr", "blr"},
      {"add r1,r2,r3", "add r1,r2,r3"},
      {"add. r1,r2,r3", "add. r1,r2,r3"},
      {"sub r1,r2,r3", "sub r1,r2,r3"},
      {"sub. r1,r2,r3", "sub. r1,r2,r3"},
      {"subf r1,r2,r3", "subf r1,r2,r3"},
      {"subf. r1,r2,r3", "subf. r1,r2,r3"},
      {"xor r1,r2,r3", "xor r1,r2,r3"},
      {"xor. r1,r2,r3", "xor. r1,r2,r3"},
      {"and r1,r2,r3", "and r1,r2,r3"},
      {"and. r1,r2,r3", "and. r1,r2,r3"},
      {"or r1,r2,r3", "or r1,r2,r3"},
      {"or. r1,r2,r3", "or. r1,r2,r3"},
      {"nor r1,r2,r3", "nor r1,r2,r3"},
      {"nor. r1,r2,r3", "nor. r1,r2,r3"},
      {"mullw r1,r2,r3", "mullw r1,r2,r3"},
      {"mullw. r1,r2,r3", "mullw. r1,r2,r3"},
      {"divw r1,r2,r3", "divw r1,r2,r3"},
      {"divw. r1,r2,r3", "divw. r1,r2,r3"},
      {"slw r1,r2,r3", "slw r1,r2,r3"},
      {"sraw r1,r2,r3", "sraw r1,r2,r3"},
      {"mr r1,r2", "mr r1,r2"},
      {"extsw r1,r2", "extsw r1, r2"},
      {"neg r1,r2", "neg r1,r2"},
      {"neg. r1,r2", "neg. r1,r2"},
      {"addi r1,r2,-4", "addi r1,r2,-4"},
      {"subi r1,r2,4", "addi r1,r2,-4"},
      {"addis r1,r2,1", "addis r1,r2,1"},
      {"ori r0,r0,0", "ori r0,r0,0"},
      {"xori r1,r2,3", "xori r1,r2,3"},
      {"andi. r1,r2,3", "andi. r1,r2,3"},
      {"mulli r1,r2,3", "mulli r1,r2,3"},
      {"clrldi r9,r9,32", "clrldi r9,r9,32"},
      {"srawi r1,r2,3", "srawi r1,r2,3"},
      {"li r1,-1", "li r1,-1"},
      {"lis r1,1", "lis r1,1"},
      {"rlwinm r3, r4, 4, 30, 31", "rlwinm r3,r4,4, 30,31"},
      {"rlwimi r3,r4,16,0,15", "rlwimi r3,r4,16, 0,15"},
      {"cmpw r1,r2", "cmpw r1,r2"},
      {"cmpw cr1,r1,r2", "cmpw cr1,r1,r2"},
      {"cmplw r1,r2", "cmplw r1,r2"},
      {"cmpd r1,r2", "cmpd r1,r2"},
      {"cmpld r1,r2", "cmpld r1,r2"},
      {"cmpwi r1,2", "cmpwi r1,2"},
      {"cmplwi r1,2", "cmplwi r1,2"},
      {"cmpdi r1,2", "cmpdi r1,2"},
      {"cmpldi r1,2", "cmpldi r1,2"},
      {"b L0", "b   L0"},
      {"bl L0", "bl   L0"},
      {"beq L0", "beq  L0"},
      {"bne L0", "bne  L0"},
      {"blt L0", "blt  L0"},
      {"bge L0", "bge  L0"},
      {"bnl L0", "bge  L0"},
      {"bgt L0", "bgt  L0"},
      {"ble L0", "ble  L0"},
      {"bng L0", "ble  L0"},
      {"b .+8", "b   .+8"},
      {"lbz r1,0(r2)", "lbz r1,0(r2)"},
      {"lhz r1,2(r2)", "lhz r1,2(r2)"},
      {"lwz r1,4(r2)", "lwz r1,4(r2)"},
      {"lwz r6,0,r1", "lwz r6,0(r1)"},
      {"lwa r1,0(r2)", "lwa r1,0(r2)"},
      {"ld r1,-8(r2)", "ld r1,-8(r2)"},
      {"lwzu r1,4(r2)", "lwzu r1,4(r2)"},
      {"ldu r1,8(r2)", "ldu r1,8(r2)"},
      {"stb r1,0(r2)", "stb r1,0(r2)"},
      {"sth r1,0(r2)", "sth r1,0(r2)"},
      {"stw r1,0(r2)", "stw r1,0(r2)"},
      {"std r1,0(r2)", "std r1,0(r2)"},
      {"stwu r1,4(r2)", "stwu r1,4(r2)"},
      {"stdu r1,8(r2)", "stdu r1,8(r2)"},
      {"lbzx r1,r2,r3", "lbzx r1,r2,r3"},
      {"lhzx r1,r2,r3", "lhzx r1,r2,r3"},
      {"lwzx r1,r2,r3", "lwzx r1,r2,r3"},
      {"lwax r1,r2,r3", "lwax r1,r2,r3"},
      {"ldx r1,r2,r3", "ldx r1,r2,r3"},
      {"lwarx r1,r2,r3", "lwarx r1,r2,r3"},
      {"ldarx r1,r2,r3", "ldarx r1,r2,r3"},
      {"stbx r1,r2,r3", "stbx r1,r2,r3"},
      {"sthx r1,r2,r3", "sthx r1,r2,r3"},
      {"stwx r1,r2,r3", "stwx r1,r2,r3"},
      {"stdx r1,r2,r3", "stdx r1,r2,r3"},
      {"stwcx. r1,r2,r3", "stwcx. r1,r2,r3"},
      {"stdcx. r1,r2,r3", "stdcx. r1,r2,r3"},
      {"dcbst r0,r1", "dcbst r0,r1"},
      {"dcbf r0,r1", "dcbf r0,r1"},
      {"icbi r0,r1", "icbi r0,r1"},
      {"mtlr r1", "mtlr r1"},
      {"mflr r1", "mflr r1"},
      {"mtctr r1", "mtctr r1"},
      {"mfctr r1", "mfctr r1"},
      {"mfcr r1", "mfcr r1"},
      {"com \"hello world\"", "com \"hello world\""},
  };
  for (const auto& entry : cases) {
    const auto& written = entry.first;
    const auto& printed = entry.second;
    CAPTURE(written);
    CHECK(round(written) == printed);
    // What is printed parses back to the same instruction (the no-op prints as a value).
    if (printed != "NOP") CHECK(cell(printed) == cell(written));
  }
}

TEST_CASE("ppc: instruction values and the NOP shorthand") {
  const LitmusTest t = parse_ppc(
      "PPC A017\n{\nins_t x=NOP;\n0:r1=instr:\"add r1,r1,r1\";\n0:r2=x;\n1:r2=x;\n}\n"
      "  P0          |   P1         ;\n stw r1,0(r2) | lwz r1,0(r2) ;\n"
      "exists 1:r1=instr:\"add r1,r1,r1\"\n");
  REQUIRE(t.init.size() == 4);
  CHECK(to_string(*t.init[0].value) == "NOP");
  CHECK(*t.init[0].value->instr == cell("nop"));
  CHECK(to_string(*t.init[1].value) == "instr:\"add r1,r1,r1\"");
  CHECK(to_string(t.condition) == "exists (1:r1=instr:\"add r1,r1,r1\")");
}

TEST_CASE("ppc: P0:rN locations, bare memory names, trailing ';' and << >> blocks") {
  const LitmusTest t = parse_ppc(
      "PPC ppc-iwp2.2/amd2 (PPCiwpTwoTwo)\n(* c *)\n{\n P0:r5=55; P1:r6=66; P0:r1=x; P1:r1=x;\n"
      " P0:r2=y; P1:r2=y; x=0; y=0;\n};\n    P0           |   P1          ;\n"
      "  lwz r6,0,r1      | lwz r5,0,r2 ;\n  stw r5,0,r2      | stw r6,0,r1 ;\n\n"
      "exists (P0:r6=66 /\\ P1:r5=55);\n<<\nshow 0\n>>\n");
  CHECK(t.name == "ppc-iwp2.2/amd2");
  CHECK(t.init[0].loc.kind == Location::Kind::Register);
  CHECK(t.init[1].loc.thread == 1);
  CHECK(t.init[1].loc.reg == "r6");
  CHECK(to_string(t.condition) == "exists (0:r6=66 /\\ 1:r5=55)");
  const LitmusTest m = parse_ppc("PPC T\n{ x=0; }\n P0 ;\n nop ;\nexists (P0_r0=0 /\\ x=1)\n");
  CHECK(to_string(m.condition) == "exists ([P0_r0]=0 /\\ [x]=1)");
}

TEST_CASE("ppc: symbolic registers are allocated per thread") {
  const LitmusTest t = parse_ppc(
      "PPC A002\n{ [x]=0; uint64_t %P0_x=x; uint64_t %P0_y=y; uint64_t %P1_x=x; }\n"
      "  P0                |  P1               ;\n"
      "   li r1,1          |   li r4,1         ;\n"
      "   stw r1,0(%P0_x)  |   stw r4,0(%P1_x) ;\n"
      "   lwz r3,0(%P0_y)  |                   ;\n"
      "exists (x=1)\n");
  // P0 uses r1 and r3: %P0_x gets r2, %P0_y gets r4; P1 uses r4: %P1_x gets r1.
  CHECK(t.init[1].loc.thread == 0);
  CHECK(t.init[1].loc.reg == "r2");
  CHECK(t.init[1].type == "uint64_t");
  CHECK(t.init[2].loc.reg == "r4");
  CHECK(t.init[3].loc.thread == 1);
  CHECK(t.init[3].loc.reg == "r1");
  CHECK(to_string(t.threads[0].code[1]) == "stw r1,0(r2)");
  CHECK(to_string(t.threads[0].code[2]) == "lwz r3,0(r4)");
  CHECK(to_string(t.threads[1].code[1]) == "stw r4,0(r1)");
  CHECK(error_at("PPC T\n{ %a=x; }\n P0 ;\n nop ;\n") == "2:3: symbolic register %a does not appear in code");
  CHECK(error_at("PPC T\n{ %a=x; }\n P0 | P1 ;\n stw r1,0(%a) | stw r1,0(%a) ;\n") ==
        "2:3: ambiguous symbolic register: %a is used by threads P0 and P1");
}

TEST_CASE("ppc: errors") {
  const diag::UserError unknown = parse_error("PPC T\n{}\n P0 ;\n frob r1,r2 ;\n");
  CHECK(unknown.kind() == diag::ErrorKind::Unsupported);
  CHECK(unknown.formatted() == "t.litmus:4:2: error: unsupported instruction 'frob r1,r2'");
  const diag::UserError bad = parse_error("PPC T\n{}\n P0 ;\n lwz x1,0(r2) ;\n");
  CHECK(bad.kind() == diag::ErrorKind::Litmus);
  CHECK(ppc_error("lwz x1,0(r2)") == "4:6: expected register, found 'x1'");
  CHECK(ppc_error("lwz r1,r2") == "4:9: expected displacement 'd(rA)', found 'r2'");
  CHECK(ppc_error("lwz r1,0(r2") == "4:14: expected ')' after base register, found end of input");
  CHECK(ppc_error("add r1,r2") == "4:12: expected ',' between operands, found end of input");
  CHECK(ppc_error("li r1,r2") == "4:8: expected immediate, found 'r2'");
  CHECK(ppc_error("beq r1") == "4:6: expected label or '.+offset', found 'r1'");
  CHECK(ppc_error("sync r1") == "4:7: unexpected 'r1' after instruction");
  CHECK(ppc_error("add r1,r2,r32") == "4:12: expected register, found 'r32'");
  CHECK(error_at("PPC T\n{ 0:X1=1; }\n P0 ;\n nop ;\n") == "2:5: unknown register 'X1'");
  CHECK(error_at("PPC T\n{}\n P0 ;\n nop ;\nexists (P0:x1=1)\n") == "5:12: unknown register 'x1'");
  // A Power instruction in another dialect, and the reverse.
  CHECK(parse_error("AArch64 T\n{}\n P0 ;\n lwsync ;\n").kind() == diag::ErrorKind::Unsupported);
  CHECK(parse_error("PPC T\n{}\n P0 ;\n DMB ISH ;\n").kind() == diag::ErrorKind::Unsupported);
}

TEST_CASE("ppc: the shared corpora parse and print herd's Condition line") {
  const fs::path root = fs::path(XMCHECK_CORPUS_DIR);
  int seen = 0;
  for (const char* dir : {"herd-PPC", "ppc"}) {
    if (!fs::is_directory(root / dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      if (entry.path().extension() != ".litmus") continue;
      const fs::path expected = entry.path().string() + ".expected";
      if (!fs::exists(expected)) continue;
      CAPTURE(entry.path().string());
      const LitmusTest t = parse_file(entry.path().string());
      std::ifstream in(expected);
      std::string line, condition;
      while (std::getline(in, line))
        if (line.starts_with("Condition ")) condition = line.substr(10);
      CHECK(to_string(t.condition) == condition);
      ++seen;
    }
  }
  if (seen == 0) MESSAGE("Power corpora not found; skipped");
}
