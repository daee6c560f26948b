#pragma once
// Power's additions to the location syntax shared by the init block and the
// constraints: herd's `P0:r5` thread prefix and symbolic registers `%name`.
#include <optional>

#include "token_cursor.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::litmus::internal {

/// True if the next token starts a location only Power has (`%name`).
[[nodiscard]] bool at_powerpc_location(const Token& first);

/// `%name` (a Register location of thread -1 whose `reg` is "%name", resolved
/// by allocate_powerpc_symbolic_registers) or `Pn:REG` (thread n, canonical
/// register name); nullopt, consuming nothing, for any other form (`0:r5`,
/// `x`, `[x]` are the shared syntax). An unknown register is a positioned error.
[[nodiscard]] std::optional<Location> parse_powerpc_location(TokenCursor& cur);

}  // namespace xmcheck::litmus::internal
