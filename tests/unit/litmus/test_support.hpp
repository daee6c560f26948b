#pragma once
// Helpers shared by the litmus unit tests.
#include <doctest/doctest.h>

#include <string>

#include "xmcheck/litmus/parser.hpp"
#include "xmcheck/litmus/printer.hpp"

namespace xmcheck::litmus::test {

/// Parses `text`, returning the error thrown (fails the test if none).
inline diag::UserError parse_error(const std::string& text) {
  try {
    (void)parse_string(text, "t.litmus");
  } catch (const diag::UserError& e) {
    return e;
  }
  FAIL("expected a parse error for:\n" << text);
  throw;  // unreachable
}

/// "line:col: message" of the error for `text`.
inline std::string error_at(const std::string& text) {
  const diag::UserError e = parse_error(text);
  return std::to_string(e.span().begin.line) + ":" + std::to_string(e.span().begin.col) + ": " +
         e.what();
}

/// A one-thread test whose init block holds `0:X0=instr:"<instr>"`.
inline Instruction parse_instr(const std::string& instr) {
  const LitmusTest t =
      parse_string("AArch64 T\n{ 0:X0=instr:\"" + instr + "\"; }\n P0 ;\n NOP ;\n", "t.litmus");
  REQUIRE(t.init.size() == 1);
  REQUIRE(t.init[0].value.has_value());
  REQUIRE(t.init[0].value->instr != nullptr);
  return *t.init[0].value->instr;
}

/// The instruction of a one-cell program `P0 ; <instr> ;`.
inline Instruction parse_cell_instr(const std::string& instr) {
  const LitmusTest t = parse_string("AArch64 T\n{}\n P0 ;\n " + instr + " ;\n", "t.litmus");
  REQUIRE(t.threads.size() == 1);
  REQUIRE(t.threads[0].code.size() == 1);
  return t.threads[0].code[0];
}

/// The instruction of a one-cell X86_64 program `P0 ; <instr> ;`.
inline Instruction parse_x86(const std::string& instr) {
  const LitmusTest t = parse_string("X86_64 T\n{}\n P0 ;\n " + instr + " ;\n", "t.litmus");
  REQUIRE(t.threads.size() == 1);
  REQUIRE(t.threads[0].code.size() == 1);
  return t.threads[0].code[0];
}

/// "line:col: message" of the error for the one-cell X86_64 program `<instr>` (line 4).
inline std::string x86_error(const std::string& instr) {
  return error_at("X86_64 T\n{}\n P0 ;\n " + instr + " ;\n");
}

inline std::string condition_of(const std::string& cond) {
  return to_string(parse_string("AArch64 T\n{}\n P0 ;\n NOP ;\n" + cond + "\n", "t.litmus").condition);
}

}  // namespace xmcheck::litmus::test
