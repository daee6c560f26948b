#pragma once
// An architecture-neutral instruction: a canonical mnemonic plus typed operands.
// Each architecture's parser validates mnemonics and operand shapes; the checker
// gives them meaning. Instructions are also *values* (code is data), so they are
// comparable and printable in herd7's syntax.
#include <cstdint>
#include <string>
#include <vector>

#include "xmcheck/diag/source_span.hpp"
#include "xmcheck/litmus/arch.hpp"

namespace xmcheck::litmus {


/// A machine register. For AArch64, W3 and X3 share index 3 with widths 32/64;
/// index 31 is the zero register (WZR/XZR) unless `is_sp`. For X86_64, `index`
/// is 0-15 for rax rbx rcx rdx rsi rdi rbp rsp r8..r15 (al/ax/eax/rax share
/// index 0 with widths 8/16/32/64), or one of the kX86* indices below.
struct Reg {
  std::uint8_t index = 0;
  std::uint8_t width = 64;  ///< access width in bits
  bool is_zero = false;
  bool is_sp = false;
  friend bool operator==(const Reg&, const Reg&) = default;
};

/// X86_64 register indices beyond the 16 general-purpose ones (litmus/README.md).
inline constexpr std::uint8_t kX86Rip = 16;  ///< %rip (width 64)
inline constexpr std::uint8_t kX86Cs = 17;   ///< %cs (width 16)
inline constexpr std::uint8_t kX86Cr0 = 32;  ///< %crN is kX86Cr0 + N (N = 0, 2, 3, 4, 8; width 64)

struct Operand {
  enum class Kind : std::uint8_t {
    Reg,       ///< reg
    Imm,       ///< #imm (imm)
    Mem,       ///< [reg], [reg,#imm] (imm), [reg,index] (index, has_index);
               ///< X86_64: disp(base) (reg, imm), disp(base,index,scale), or the
               ///< symbol `(x)` (text = "x", no base register)
    Label,     ///< a label of the same thread (text)
    Relative,  ///< .+N / .-N: a byte offset from this instruction (imm)
    Keyword,   ///< condition codes, barrier options, system registers, DC/IC ops (text)
  };
  Kind kind = Kind::Imm;
  Reg reg;
  Reg index;
  bool has_index = false;
  std::int64_t imm = 0;
  std::string text;
  std::uint8_t scale = 0;  ///< X86_64 Mem with has_index: 1, 2, 4 or 8; otherwise 0

  friend bool operator==(const Operand&, const Operand&) = default;
};

/// One instruction. `mnemonic` is upper-case canonical ("LDR", "DMB", "IC"). A
/// conditional branch "B.NE L0" is mnemonic "B" whose first operand is the
/// Keyword "NE"; "DMB ISH" has the Keyword operand "ISH"; "DC CVAU,X1" has the
/// Keyword "CVAU" then the register. X86_64 mnemonics are lower-case without
/// their size suffix ("mov" for movl), operands in AT&T order (source first);
/// `width` and `lock` carry the suffix and the prefix. litmus/README.md lists
/// every shape.
struct Instruction {
  /// The architecture whose syntax wrote it. kCDialect marks xmcheck's
  /// arch-neutral C code values `INSN(n)` (mnemonic "INSN", one Imm operand n)
  /// and `INSN_UDF` (mnemonic "INSN_UDF").
  ArchId arch = kNoArch;
  std::string mnemonic;
  std::vector<Operand> operands;
  diag::SourceSpan span;  ///< where it was written; ignored by comparisons
  /// X86_64 only: the width in bits given by the mnemonic's size suffix (b 8,
  /// w 16, l 32, q 64: `movl` -> 32), 0 when none was written. Always 0 for AArch64.
  std::uint8_t width = 0;
  /// X86_64 only: the `lock` prefix was written (`lock addl $1,(x)`). xchg with
  /// a memory operand is locked whether or not the prefix is written.
  bool lock = false;

  friend bool operator==(const Instruction& a, const Instruction& b) {
    return a.arch == b.arch && a.mnemonic == b.mnemonic && a.operands == b.operands &&
           a.width == b.width && a.lock == b.lock;
  }
};

}  // namespace xmcheck::litmus
