#pragma once
// X86_64 names that are not operands' syntax: registers (with their Reg
// encoding, see instruction.hpp), condition codes of jcc, and the mnemonic
// table (base mnemonic, operand shape, accepted size suffixes). Shared by the
// instruction parser, the init/condition parsers (register locations) and the
// printer.
#include <optional>
#include <string>
#include <string_view>

#include "xmcheck/litmus/arch/x86.hpp"
#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::litmus::internal {

/// A register name without `%`, any case: rax..r15 and their 32/16/8-bit
/// parts (eax, r8d, ax, r8w, al, sil, r8b, ...), rip, cs, cr0/2/3/4/8.
/// nullopt for anything else, including the high-byte registers ah..dh
/// (see is_x86_high_byte_register).
[[nodiscard]] std::optional<Reg> parse_x86_register(std::string_view name);

/// ah, bh, ch, dh (any case): valid x86 but not implemented.
[[nodiscard]] bool is_x86_high_byte_register(std::string_view name);

/// herd's spelling without `%`: rax, eax, ax, al, r8d, rip, cs, cr3.
[[nodiscard]] std::string x86_register_name(const Reg& reg);

/// True for the 16 general-purpose registers (any width).
[[nodiscard]] bool is_x86_gpr(const Reg& reg);

/// The canonical name of a register used as a *location* (`0:EAX`, `0:%eax`
/// -> "rax"; "rip", "cs"), or nullopt if `name` is not one.
[[nodiscard]] std::optional<std::string> x86_location_register(std::string_view name);

/// jcc condition after the `j` (lower-case input): canonical code ("e" for
/// e/z, "l" for l/lt/nge, ...), or nullopt.
[[nodiscard]] std::optional<std::string> x86_condition(std::string_view lower);

/// The operand layout of each x86 mnemonic (litmus/README.md).
enum class X86Shape : std::uint8_t {
  NoOperands,  // ret, mfence, cpuid, iret, ...
  Nop,         // nop [ea] (the operand is dropped), endbr64
  Binary,      // mov add sub and or xor cmp test: src, dst
  Shift,       // shl shr sar: $imm|%cl, dst
  Unary,       // inc dec neg not: ea
  Exchange,    // xchg: ea, ea
  RegToEa,     // xadd cmpxchg: %reg, ea
  Jump,        // jmp call: label | *ea
  CondJump,    // j<cc>: label
  Flush,       // clflush clflushopt: mem
};

struct X86Mnemonic {
  std::string_view canonical;  ///< stored mnemonic ("nop" for endbr64)
  X86Shape shape;
  bool any_suffix;  ///< b/w/l/q accepted (otherwise q_suffix decides)
  bool q_suffix;    ///< only q accepted (iretq, sysretq, retq)
  bool lockable;    ///< `lock` allowed (with a memory destination)
};

struct X86Lookup {
  const X86Mnemonic* mnemonic = nullptr;
  std::uint8_t width = 0;  ///< from the size suffix; 0 when none
  std::string condition;   ///< CondJump: canonical condition code
};

/// `lower` is the mnemonic as written, lower-cased: exact names first, then
/// j<cc>, then a base name plus one size suffix (movl, nopw, xchgq, iretq).
[[nodiscard]] std::optional<X86Lookup> find_x86_mnemonic(std::string_view lower);

}  // namespace xmcheck::litmus::internal
