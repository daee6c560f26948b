#pragma once
// RISC-V integer arithmetic (RV64I register-register and register-immediate
// operations, their 32-bit W forms, and the AMO combining functions) on
// register values, with address arithmetic for `add` / `addi`.
#include <optional>
#include <string_view>

#include "path_runner.hpp"

namespace xmcheck::checker {

/// The value of integer operation `op` (the base name: "add", "slli",
/// "subw", ...) on `a` and `b`; `same_reg` when both operands name one
/// register (x ^ x and x - x are 0 whatever x holds). nullopt after recording
/// an error (a non-integer operand where no address arithmetic applies).
[[nodiscard]] std::optional<Val> riscv_alu(PathRunner& run, std::string_view op, const Val& a, const Val& b,
                                           bool same_reg);

/// The value an AMO (`swap`, `add`, `and`, `or`, `xor`, `max`, `min`, `maxu`,
/// `minu`) stores, from the value read and rs2, on `bits` bits (32 or 64);
/// nullopt after recording an error.
[[nodiscard]] std::optional<Val> riscv_amo_value(PathRunner& run, std::string_view op, const Val& old,
                                                 const Val& operand, int bits);

}  // namespace xmcheck::checker
