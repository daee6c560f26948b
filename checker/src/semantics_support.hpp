#pragma once
// Helpers shared by the instruction semantics of every architecture.
#include <cstddef>
#include <string>

#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::checker {

/// The instruction parsed but xmcheck gives it no meaning (exit code 4).
[[noreturn]] inline void unsupported_semantics(const litmus::Instruction& ins, const std::string& why) {
  throw diag::UserError(diag::ErrorKind::Unsupported, ins.span,
                        "unsupported instruction semantics for " + ins.mnemonic + ": " + why);
}

/// Operand `i`, or an Unsupported error when the instruction has fewer.
inline const litmus::Operand& operand_at(const litmus::Instruction& ins, std::size_t i) {
  if (i >= ins.operands.size()) unsupported_semantics(ins, "missing operand");
  return ins.operands[i];
}

}  // namespace xmcheck::checker
