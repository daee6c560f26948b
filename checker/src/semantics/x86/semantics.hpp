#pragma once
// x86 instruction semantics (semantics.cpp), used by the x86 plug-in (descriptor.cpp).
#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::checker {
class PathRunner;
}

namespace xmcheck::checker::x86 {

/// Executes `instr` (position independent) at the runner's current address.
void execute(PathRunner& run, const litmus::Instruction& instr);

}  // namespace xmcheck::checker::x86
