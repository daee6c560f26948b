#include <string>
#include <vector>

#include "test_support.hpp"

using namespace xmcheck;
using namespace xmcheck::litmus;
using namespace xmcheck::litmus::test;

TEST_CASE("instructions: canonical forms") {
  const Instruction bne = parse_cell_instr("b.ne L0");
  CHECK(bne.mnemonic == "B");
  REQUIRE(bne.operands.size() == 2);
  CHECK(bne.operands[0].kind == Operand::Kind::Keyword);
  CHECK(bne.operands[0].text == "NE");
  CHECK(bne.operands[1].kind == Operand::Kind::Label);
  CHECK(bne.operands[1].text == "L0");

  const Instruction dmb = parse_cell_instr("DMB ish");
  CHECK(dmb.mnemonic == "DMB");
  CHECK(dmb.operands.at(0).text == "ISH");

  const Instruction dc = parse_cell_instr("DC CVAU,X1");
  CHECK(dc.operands.at(0).kind == Operand::Kind::Keyword);
  CHECK(dc.operands.at(0).text == "CVAU");
  CHECK(dc.operands.at(1).kind == Operand::Kind::Reg);
  CHECK(dc.operands.at(1).reg == Reg{1, 64, false, false});

  const Instruction msr = parse_cell_instr("MSR elr_el1,X9");
  CHECK(msr.operands.at(0).text == "ELR_EL1");
  CHECK(msr.operands.at(1).reg.index == 9);

  const Instruction ldr = parse_cell_instr("ldr w0, [x1, #4]");
  CHECK(ldr.mnemonic == "LDR");
  CHECK(ldr.operands.at(0).reg == Reg{0, 32, false, false});
  CHECK(ldr.operands.at(1).kind == Operand::Kind::Mem);
  CHECK(ldr.operands.at(1).reg.index == 1);
  CHECK(ldr.operands.at(1).imm == 4);
  CHECK(!ldr.operands.at(1).has_index);

  const Instruction rel = parse_cell_instr("B .-8");
  CHECK(rel.operands.at(0).kind == Operand::Kind::Relative);
  CHECK(rel.operands.at(0).imm == -8);

  const Instruction mov = parse_cell_instr("MOV W0, #1");
  CHECK(mov.operands.at(1).kind == Operand::Kind::Imm);
  CHECK(mov.operands.at(1).imm == 1);

  const Instruction zr = parse_cell_instr("STR WZR,[SP]");
  CHECK(zr.operands.at(0).reg.is_zero);
  CHECK(zr.operands.at(1).reg.is_sp);
}

TEST_CASE("instructions: printed in herd's syntax") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"nop", "NOP"},
      {"B .+12", "B .+12"},
      {"BL .+8", "BL .+8"},
      {"ADR X3,.+4", "ADR X3,.+4"},
      {"MOV W6, W4", "MOV W6,W4"},
      {"LDR W0, [X1]", "LDR W0,[X1]"},
      {"LDR W0,[X1,#0]", "LDR W0,[X1]"},
      {"STR W0,[X1,#4]", "STR W0,[X1,#4]"},
      {"B.NE .+8", "B.NE .+8"},
      {"CBNZ W1,.+8", "CBNZ W1,.+8"},
      {"CBZ X1, L0", "CBZ X1,L0"},
      {"LDR W4,[X5,W6,SXTW]", "LDR W4,[X5,W6,SXTW]"},
      {"LDR X4,[X5,X6]", "LDR X4,[X5,X6]"},
      {"LDR X4,[X5,X6,LSL #0]", "LDR X4,[X5,X6]"},
      {"LDR X4,[X5,X6,LSL #3]", "LDR X4,[X5,X6,LSL #3]"},
      {"STLR W1,[X2]", "STLR W1,[X2]"},
      {"LDAR X1,[X2]", "LDAR X1,[X2]"},
      {"LDAPR W1,[X2]", "LDAPR W1,[X2]"},
      {"ADD W0,W0,#1", "ADD W0,W0,#1"},
      {"SUB X0,X1,X2", "SUB X0,X1,X2"},
      {"EOR W6,W2,W2", "EOR W6,W2,W2"},
      {"AND W1,W2,#255", "AND W1,W2,#255"},
      {"ORR X1,X2,X3", "ORR X1,X2,X3"},
      {"CMP W0,#1", "CMP W0,#1"},
      {"CMP X1,X11", "CMP X1,X11"},
      {"CSET W3,eq", "CSET W3,EQ"},
      {"CSEL W1,W2,W3,NE", "CSEL W1,W2,W3,NE"},
      {"ADR X9,l1", "ADR X9,l1"},
      {"BR X1", "BR X1"},
      {"BLR X8", "BLR X8"},
      {"RET", "RET"},
      {"RET X1", "RET X1"},
      {"UDF #0", "UDF #0"},
      {"SVC #1", "SVC #1"},
      {"ISB", "ISB"},
      {"ERET", "ERET"},
      {"DSB SY", "DSB SY"},
      {"DMB OSHLD", "DMB OSHLD"},
      {"DC CIVAC,X2", "DC CIVAC,X2"},
      {"IC IVAU,X1", "IC IVAU,X1"},
      {"IC IALLU", "IC IALLU"},
      {"IC IALLUIS", "IC IALLUIS"},
      {"MRS X0,ESR_EL1", "MRS X0,ESR_EL1"},
      {"MSR VBAR_EL1,X1", "MSR VBAR_EL1,X1"},
      {"MOV X0,#-1", "MOV X0,#-1"},
      {"MOV W9,#0x10", "MOV W9,#16"},
  };
  for (const auto& entry : cases) {
    const std::string& input = entry.first;
    const std::string& printed = entry.second;
    CAPTURE(input);
    const Instruction parsed = parse_cell_instr(input);
    CHECK(to_string(parsed) == printed);
    // Round trip: the printed form parses back to the same instruction.
    CHECK(parse_instr(printed) == parsed);
  }
}

TEST_CASE("instructions: every condition code and barrier option") {
  for (const char* cond : {"EQ", "NE", "CS", "CC", "MI", "PL", "VS", "VC", "HI", "LS", "GE", "LT",
                           "GT", "LE", "AL"}) {
    const std::string text = std::string("B.") + cond + " L0";
    CHECK(to_string(parse_cell_instr(text)) == text);
  }
  for (const char* opt : {"SY", "ST", "LD", "ISH", "ISHST", "ISHLD", "NSH", "NSHST", "NSHLD", "OSH",
                          "OSHST", "OSHLD"}) {
    CHECK(to_string(parse_cell_instr(std::string("DSB ") + opt)) == std::string("DSB ") + opt);
  }
}

TEST_CASE("instructions: unsupported and malformed") {
  auto at = [](const std::string& instr) {
    return error_at("AArch64 T\n{}\n P0 ;\n " + instr + " ;\n");
  };
  auto kind = [](const std::string& instr) {
    return parse_error("AArch64 T\n{}\n P0 ;\n " + instr + " ;\n").kind();
  };
  CHECK(at("LDADD W1,W2,[X3]") == "4:2: unsupported instruction 'LDADD W1,W2,[X3]'");
  CHECK(kind("LDADD W1,W2,[X3]") == diag::ErrorKind::Unsupported);
  CHECK(at("B.XX L0") == "4:2: unknown condition 'XX' in 'B.XX'");
  CHECK(at("ADD W0,W1,W2,LSL #2") == "4:2: unsupported instruction 'ADD W0,W1,W2,LSL #2'");
  CHECK(at("LDR X0,[X1],#8") == "4:2: unsupported instruction 'LDR X0,[X1],#8'");
  CHECK(at("LDR X0,[X1,#8]!") == "4:2: unsupported instruction 'LDR X0,[X1,#8]!'");
  CHECK(kind("LDR X0,[X1],#8") == diag::ErrorKind::Unsupported);
  CHECK(at("BR L0") == "4:5: expected X register, found 'L0'");
  CHECK(kind("BR L0") == diag::ErrorKind::Litmus);
  CHECK(at("MOV W0,X1") == "4:9: expected W register, found 'X1'");
  CHECK(at("B X1") == "4:4: expected label or '.+offset', found 'X1'");
  CHECK(at("DMB FOO") == "4:6: unknown barrier option 'FOO'");
  CHECK(at("LDR W0,[W1]") == "4:10: expected X register, found 'W1'");
  CHECK(at("MSR FOO,X1") == "4:6: unknown system register 'FOO'");
  CHECK(at("STR W0 [X1]") == "4:9: expected ',' between operands, found '['");
  CHECK(at("LDAR W0,[X1,#4]") == "4:14: expected '[Xn]': offset must be 0");
}
