#pragma once
// Power (herd's `PPC`) instruction semantics over the PathRunner primitives,
// and the Power register file (names <-> indices, typed final values).
#include <optional>
#include <string>
#include <vector>

#include "../c_typed_value.hpp"
#include "value.hpp"
#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::checker {

class PathRunner;

/// Executes one Power instruction (position independent: labels are already
/// byte offsets) at the runner's current address. README beside the litmus
/// parser (litmus/src/arch/powerpc/README.md) lists the instructions.
void execute_powerpc(PathRunner& runner, const litmus::Instruction& instr);

/// Outside Power's "patch class" (ISA Book II §1.8.1): only an I-form branch
/// (`b`, `bl`, `ba`, `bla`) and the preferred no-op (`nop`, `ori r0,r0,0`)
/// may be concurrently modified and executed; everything else is restricted.
[[nodiscard]] bool powerpc_cmodx_restricted(const litmus::Instruction& instr);

/// Register-file layout: r0..r31 at 0..31 (no zero register), then SRR0 (the
/// exception return address, the runner's exception-link slot), LR, CTR and
/// the lwarx reservation (location id + 1, 0 when none; the read event).
inline constexpr int kPowerPCRegSrr0 = 32;
inline constexpr int kPowerPCRegLr = 33;
inline constexpr int kPowerPCRegCtr = 34;
inline constexpr int kPowerPCRegResLoc = 35;
inline constexpr int kPowerPCRegResEvent = 36;

/// Index of a canonical register name ("r3", "lr", "ctr", "srr0"), or nullopt.
[[nodiscard]] std::optional<int> powerpc_register_index(const std::string& canonical_name);
/// herd's name of register index `index` ("r3", "lr").
[[nodiscard]] std::string powerpc_register_name_of(int index);

/// herd types Power's register and memory values by the init block's C
/// declarations (an untyped one is an `int`): c_typed_value.hpp.
[[nodiscard]] inline Val powerpc_cast(Val v, const std::string& type) { return c_typed_value(v, type); }

}  // namespace xmcheck::checker
