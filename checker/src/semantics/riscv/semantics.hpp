#pragma once
// RISC-V (herd's `RISCV`, RV64) instruction semantics over the PathRunner
// primitives, and the RISC-V register file (names <-> indices).
#include <optional>
#include <string>

#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::checker {

class PathRunner;

/// Executes one RISC-V instruction (position independent: labels are
/// already byte offsets) at the runner's current address. The README beside
/// the litmus parser (litmus/src/arch/riscv/README.md) lists the instructions.
void execute_riscv(PathRunner& runner, const litmus::Instruction& instr);

/// Register-file layout: x0..x31 at 0..31 (x0 is the zero register), then
/// the exception return address (sepc: ecall saves it, sret/mret return to
/// it; the runner's exception-link slot) and the lr reservation (location
/// id + 1, 0 when none; the reserving read event).
inline constexpr int kRiscvRegZero = 0;
inline constexpr int kRiscvRegEpc = 32;
inline constexpr int kRiscvRegResLoc = 33;
inline constexpr int kRiscvRegResEvent = 34;

/// Index of a canonical register name ("x3", "sepc"), or nullopt.
[[nodiscard]] std::optional<int> riscv_register_index(const std::string& canonical_name);
/// herd's name of register index `index` ("x3").
[[nodiscard]] std::string riscv_register_name_of(int index);

}  // namespace xmcheck::checker
