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


/// A machine register: an index into its architecture's register file, the
/// access width, and two flags the architecture's syntax may set (each
/// plug-in documents its numbering: litmus/src/arch/<id>/README.md; x86's
/// special registers are in xmcheck/litmus/arch/x86.hpp).
struct Reg {
  std::uint8_t index = 0;
  std::uint8_t width = 64;  ///< access width in bits
  bool is_zero = false;
  bool is_sp = false;
  friend bool operator==(const Reg&, const Reg&) = default;
};

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
