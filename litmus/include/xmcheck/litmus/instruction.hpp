#pragma once
// An architecture-neutral instruction: a canonical mnemonic plus typed operands.
// Each architecture's parser validates mnemonics and operand shapes; the checker
// gives them meaning. Instructions are also *values* (code is data), so they are
// comparable and printable in herd7's syntax.
#include <cstdint>
#include <string>
#include <vector>

#include "xmcheck/diag/source_span.hpp"

namespace xmcheck::litmus {

enum class Arch : std::uint8_t { AArch64, X86_64 };

/// A machine register. For AArch64, W3 and X3 share index 3 with widths 32/64;
/// index 31 is the zero register (WZR/XZR) unless `is_sp`.
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
    Mem,       ///< [reg], [reg,#imm] (imm), [reg,index] (index, has_index)
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

  friend bool operator==(const Operand&, const Operand&) = default;
};

/// One instruction. `mnemonic` is upper-case canonical ("LDR", "DMB", "IC"). A
/// conditional branch "B.NE L0" is mnemonic "B" whose first operand is the
/// Keyword "NE"; "DMB ISH" has the Keyword operand "ISH"; "DC CVAU,X1" has the
/// Keyword "CVAU" then the register. litmus/README.md lists every shape.
struct Instruction {
  Arch arch = Arch::AArch64;
  std::string mnemonic;
  std::vector<Operand> operands;
  diag::SourceSpan span;  ///< where it was written; ignored by comparisons

  friend bool operator==(const Instruction& a, const Instruction& b) {
    return a.arch == b.arch && a.mnemonic == b.mnemonic && a.operands == b.operands;
  }
};

}  // namespace xmcheck::litmus
