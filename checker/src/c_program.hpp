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

/// The type of a multi-part instruction (`code_parts_t site[2]`, first byte
/// and tail: x86 instructions longer than one atomic store).
inline constexpr const char* kInsnPartsType = "code_parts_t";
/// The function a fetched INSN_INT3 runs (the prelude's, after the kernel's
/// arch/x86/kernel/alternative.c poke_int3_handler).
inline constexpr const char* kInt3Handler = "poke_int3_handler";

struct CLowered {
  Program prog;
  const litmus::c::CProgram* source = nullptr;
  std::map<std::string, CSharedVar> shared;
  /// Every callable non-thread function: the test's own, then the prelude's
  /// that the test does not redefine. The index is the handler id of IPI and
  /// interrupt events.
  std::vector<const litmus::c::Function*> functions;
  /// The lowering's constants (MEMBARRIER_CMD_*, EPERM, ...), may be null.
  const std::map<std::string, std::int64_t>* constants = nullptr;

  /// The id of function `name` in `functions`, or -1.
  [[nodiscard]] int find_function(std::string_view name) const {
    for (std::size_t i = 0; i < functions.size(); ++i)
      if (functions[i]->name == name) return static_cast<int>(i);
    return -1;
  }
};

/// Lowers a C test for `target` (a registered architecture: Program::arch, which
/// decides architecture-specific base sets such as CMODX-restricted). With a
/// prelude (`prelude`, may be null), its functions become callable and, when
/// the test calls one of them, its init block's variables are added unless the
/// test declares them itself; prelude arrays are per-CPU: one element per thread.
/// Throws diag::UserError for bad init entries and too many locals.
[[nodiscard]] CLowered lower_c(const litmus::LitmusTest& test, litmus::ArchId target,
                               const litmus::LitmusTest* prelude = nullptr,
                               const std::map<std::string, std::int64_t>* constants = nullptr);

/// The code value `name(n)` (`n` absent: a name without an integer, such as
/// INSN_NOP or INSN_UDF; litmus/c_code_values.hpp), interned in `prog`.
int intern_insn(Program& prog, std::string_view name, std::optional<std::int64_t> n);

/// The id of a code value interned by lower_c (asserts it was).
[[nodiscard]] int find_insn(const Program& prog, std::string_view name, std::optional<std::int64_t> n);

/// The integer literals of the test's own code (threads and functions, not
/// the prelude), as values: the seeds of herd-C value domains (unfold.hpp).
[[nodiscard]] std::vector<Val> c_integer_literals(const litmus::c::CProgram& program);

/// True for a value an instruction fetch can execute: every code value but INSN_UDF.
[[nodiscard]] bool is_executable_insn(const Program& prog, const Val& v);

}  // namespace xmcheck::checker
