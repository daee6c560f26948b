#pragma once
// The instruction values of C tests (xmcheck's own, not herd's): what a
// `code_t` location may hold. They are Instructions of kCDialect whose
// mnemonic is one of these names, with one Imm operand when the value takes
// an integer. Executing one (`(*f)()`) returns that integer, or 0.
//
// The kinds matter to the architectures' cross-modifying-code rules: a named
// NOP, branch or call can be inside the set of instructions an architecture
// allows to be patched while another CPU runs them (arm64 B/BL/NOP, Arm ARM
// B2.2.5; Power's patch class b/bl/nop, ISA Book II §1.8.1), while INSN(n)
// is an arbitrary instruction. INSN_INT3 is x86's one-byte breakpoint: a call
// that fetches it runs the trap handler (docs/c-dialect.md, "Multi-part
// instructions and INT3").

#include <array>
#include <optional>
#include <string_view>

namespace xmcheck::litmus {

enum class CCodeKind {
  Opaque,  ///< INSN(n): some instruction; the call returns n
  Nop,     ///< INSN_NOP: the call falls through, returning 0
  Branch,  ///< INSN_BRANCH(n): an unconditional direct branch to code that returns n
  Call,    ///< INSN_CALL(n): a direct call of a function that returns n
  Udf,     ///< INSN_UDF: an undefined instruction (the call faults)
  Int3,    ///< INSN_INT3: a breakpoint (the call runs poke_int3_handler)
};

struct CCodeValueName {
  std::string_view name;
  CCodeKind kind;
  bool takes_int;   ///< written NAME(n)
  bool executable;  ///< a fetch of it runs (INSN_UDF faults)
};

inline constexpr std::array<CCodeValueName, 6> kCCodeValueNames{{
    {"INSN", CCodeKind::Opaque, true, true},
    {"INSN_NOP", CCodeKind::Nop, false, true},
    {"INSN_BRANCH", CCodeKind::Branch, true, true},
    {"INSN_CALL", CCodeKind::Call, true, true},
    {"INSN_UDF", CCodeKind::Udf, false, false},
    {"INSN_INT3", CCodeKind::Int3, false, true},
}};

/// The entry of a C code value's name (mnemonic), or nullopt.
[[nodiscard]] inline std::optional<CCodeValueName> c_code_value_name(std::string_view name) {
  for (const auto& n : kCCodeValueNames)
    if (n.name == name) return n;
  return std::nullopt;
}

/// True for a named NOP, branch or call: the kinds arm64 and Power allow to be
/// patched while another CPU runs them. False for INSN(n) and unknown names.
[[nodiscard]] inline bool c_code_value_in_patch_class(std::string_view name) {
  const auto code = c_code_value_name(name);
  return code && (code->kind == CCodeKind::Nop || code->kind == CCodeKind::Branch || code->kind == CCodeKind::Call);
}

}  // namespace xmcheck::litmus
