#include <string>

#include "test_support.hpp"

using namespace xmcheck;
using namespace xmcheck::litmus;
using namespace xmcheck::litmus::test;

TEST_CASE("errors: file structure") {
  CHECK(error_at("") == "1:1: empty litmus file: expected a header 'ARCH NAME'");
  CHECK(error_at("AArch64\n{}") == "1:8: expected test name after 'AArch64'");
  CHECK(error_at("AArch64 T\nfoo bar\n{}") ==
        "2:1: unexpected 'foo' before init block: expected 'Key=Value' or '{'");
  CHECK(error_at("AArch64 T\nHash=1\n") == "3:1: unexpected end of file: expected init block '{'");
  CHECK(error_at("AArch64 T\n{ 0:X0=1;\n") == "3:1: unexpected end of file in init block");
  CHECK(error_at("AArch64 T\n(* never closed\n{}") == "2:1: unterminated comment");
  CHECK(error_at("AArch64 T\n{}\n") == "2:3: expected program table after init block");
}

TEST_CASE("errors: kinds and spans") {
  const diag::UserError arch = parse_error("MIPS T\n{}\n P0 ;\n NOP ;\n");
  CHECK(arch.kind() == diag::ErrorKind::Unsupported);
  CHECK(std::string(arch.what()) == "unsupported architecture 'MIPS'");

  const diag::UserError lit = parse_error("AArch64 T\n{ 0:X0=1 }\n P0 ;\n FOO ;\n");
  CHECK(lit.kind() == diag::ErrorKind::Unsupported);
  CHECK(lit.formatted() == "t.litmus:4:2: error: unsupported instruction 'FOO'");

  try {
    (void)parse_file("/nonexistent/dir/x.litmus");
    FAIL("expected an Io error");
  } catch (const diag::UserError& e) {
    CHECK(e.kind() == diag::ErrorKind::Io);
    CHECK(e.span().begin.line == 0);
    CHECK(e.formatted() == "/nonexistent/dir/x.litmus: error: cannot read file");
  }
}

TEST_CASE("errors: herd's S10 (a label where BR wants a register)") {
  const std::string s10 =
      "AArch64 S10\n{\n0:X0=0;\n}\n    P0           |   P1;\n  BR L0          |   B L1       ;\n"
      "                 | L0:          ;\n                 |   MOV X0, #1 ;\n"
      "                 | L1:          ;\nlocations [0:X0; 1:X0;]\n";
  CHECK(error_at(s10) == "6:6: expected X register, found 'L0'");
}

TEST_CASE("errors: every truncation of a valid test fails cleanly or parses") {
  const std::string full =
      "AArch64 MP (* c *)\n\"doc\"\nCacheType=IDC\n{ ins_t 0:X4=instr:\"BL .+8\"; 0:X1=P1:L0; int t[2]={1,2}; }\n"
      " P0          | P1        | P1.F ;\n STR W0,[X1] | L0: B L1  | ERET ;\n             | L1:       |      ;\n"
      "locations [t;]\nexists (1:X2=1 /\\ ~[x]=0 \\/ 0:X4=label:\"P1:L0\")\n";
  (void)parse_string(full, "t.litmus");
  for (std::size_t len = 0; len < full.size(); ++len) {
    CAPTURE(len);
    try {
      (void)parse_string(full.substr(0, len), "t.litmus");
    } catch (const diag::UserError& e) {
      CHECK(e.kind() != diag::ErrorKind::Io);
      CHECK(e.span().begin.line >= 1);
    }
  }
}
