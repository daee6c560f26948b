#pragma once
// arm64 instruction semantics (semantics.cpp), used by the arm64 plug-in (descriptor.cpp).
#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::checker {
class PathRunner;
}

namespace xmcheck::checker::arm64 {

/// Executes `instr` (position independent) at the runner's current address.
void execute(PathRunner& run, const litmus::Instruction& instr);

/// Outside Arm's list of instructions that may be modified while another PE
/// executes them (Arm ARM B2.2.5, as herd7 encodes it: B, BL, CBZ, CBNZ, TBZ,
/// TBNZ, ISB, NOP and SVC are allowed; herd also treats B.cond as restricted).
[[nodiscard]] bool cmodx_restricted(const litmus::Instruction& instr);

}  // namespace xmcheck::checker::arm64
