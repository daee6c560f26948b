#include <doctest/doctest.h>

#include "splitter.hpp"
#include "test_support.hpp"

using namespace xmcheck::litmus;
using namespace xmcheck::litmus::internal;

TEST_CASE("splitter: header, doc, metadata, sections") {
  const SourceText src(
      "AArch64 MP+dmb.st+addrisb-Imp_Instr_R\n\"Doc string\"\nHash=abc\nCacheType=IDC DIC\n"
      "(* comment { } *)\n{ 0:X0=1; int t[2]={1,2}; }\n P0 ;\n NOP ;\nlocations [x;]\nexists (0:X0=1)\n",
      "f");
  const Sections s = split_sections(src);
  CHECK(s.arch == "AArch64");
  CHECK(s.name == "MP+dmb.st+addrisb-Imp_Instr_R");
  CHECK(s.doc == "Doc string");
  REQUIRE(s.meta.size() == 2);
  CHECK(s.meta[0].key == "Hash");
  CHECK(s.meta[0].value == "abc");
  CHECK(s.meta[1].key == "CacheType");
  CHECK(s.meta[1].value == "IDC DIC");
  CHECK(s.meta[1].span.begin == xmcheck::diag::SourcePos{4, 1});
  CHECK(src.slice(s.init) == " 0:X0=1; int t[2]={1,2}; ");
  CHECK(src.slice(s.program) == "\n P0 ;\n NOP ;\n");
  CHECK(src.slice(s.constraints) == "locations [x;]\nexists (0:X0=1)\n");
}

TEST_CASE("splitter: the program ends at ~exists and forall, not inside words") {
  const SourceText src("AArch64 T\n{}\n P0 ;\nLfinal: B Lexists ;\n~ exists (0:X0=1)", "f");
  const Sections s = split_sections(src);
  CHECK(src.slice(s.constraints) == "~ exists (0:X0=1)");
  const SourceText none("AArch64 T\n{}\n P0 ;\n NOP ;\n", "f");
  CHECK(split_sections(none).constraints.empty());
}

TEST_CASE("splitter: trailing << ... >> blocks after the condition are skipped") {
  const SourceText src("AArch64 T\n{}\n P0 ;\n NOP ;\nexists (0:X0=1);\n<<\nshow 0\n>>\n<<\nx\n>>\n", "f");
  const Sections s = split_sections(src);
  CHECK(src.slice(s.constraints) == "exists (0:X0=1);\n");
  // Only at the start of a line, outside comments.
  const SourceText inner("AArch64 T\n{}\n P0 ;\n NOP ;\nexists (0:X0=1) (* << *)\n", "f");
  CHECK(inner.slice(split_sections(inner).constraints) == "exists (0:X0=1) (* << *)\n");
  const LitmusTest t = parse_string("AArch64 T\n{}\n P0 ;\n NOP ;\nexists (0:X0=1);\n<<\nshow 0\n>>\n", "f");
  CHECK(t.condition.quantifier == Condition::Quantifier::Exists);
}

TEST_CASE("splitter: doc string on the header line") {
  const LitmusTest t = parse_string("AArch64 T \"hello\"\n{}\n P0 ;\n NOP ;\n", "f");
  CHECK(t.doc == "hello");
  CHECK(t.name == "T");
  CHECK(t.find_meta("Hash") == nullptr);
}

TEST_CASE("splitter: metadata is available through find_meta") {
  const LitmusTest t =
      parse_string("AArch64 T\nCacheType=DIC\nStable=X9\n{}\n P0 ;\n NOP ;\n", "f");
  REQUIRE(t.find_meta("CacheType") != nullptr);
  CHECK(t.find_meta("CacheType")->value == "DIC");
  CHECK(t.find_meta("Stable")->value == "X9");
  CHECK(t.arch_name == "AArch64");
  CHECK(t.header_span.begin == xmcheck::diag::SourcePos{1, 1});
}
