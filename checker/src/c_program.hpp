#pragma once
// C litmus test -> Program (the tables the unfolder and the model share with
// asm tests): shared variables become locations (`code_t` ones are code
// locations), each thread's local variables get register indices (observable as
// `0:r0`), INSN(n) values are interned and fetchable. The C interpreter
// (c_interpreter.hpp) then walks the AST against this Program.
#include <map>
#include <optional>
#include <string>

#include "program.hpp"
#include "xmcheck/litmus/ast.hpp"
#include "xmcheck/litmus/c_ast.hpp"

namespace xmcheck::checker {

/// A shared variable: its location and its type as declared in the init block
/// (absent for the untyped shorthand `x=1;` and for variables only a thread's
/// parameter names).
struct CSharedVar {
  int loc = -1;
  std::optional<litmus::c::Type> type;
};

struct CLowered {
  Program prog;
  const litmus::c::CProgram* source = nullptr;
  std::map<std::string, CSharedVar> shared;
};

/// Lowers a C test for `target` (AArch64 or X86_64: Program::arch, which
/// decides architecture-specific base sets such as CMODX-restricted).
/// Throws diag::UserError for bad init entries and too many locals.
[[nodiscard]] CLowered lower_c(const litmus::LitmusTest& test, litmus::Arch target);

/// The instruction value `INSN(n)` (`n` absent: INSN_UDF), interned in `prog`.
int intern_insn(Program& prog, std::optional<std::int64_t> n);

/// The id of `INSN(n)` / INSN_UDF, interned by lower_c (asserts it was).
[[nodiscard]] int find_insn(const Program& prog, std::optional<std::int64_t> n);

/// True for a value an instruction fetch can execute: INSN(n).
[[nodiscard]] bool is_executable_insn(const Program& prog, const Val& v);

}  // namespace xmcheck::checker
