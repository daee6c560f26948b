#pragma once
// The program table: a header row of thread names (`P0 | P1 | P1.F ;`) then
// rows of cells separated by `|` and ended by `;`. A cell holds optional
// labels (`L1:L0:`) and an optional instruction.
#include <vector>

#include "source_text.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::litmus::internal {

/// Threads in column order (the caller reorders main threads before handlers).
[[nodiscard]] std::vector<ThreadCode> parse_program_table(const SourceText& src, Region region,
                                                         ArchId arch);

}  // namespace xmcheck::litmus::internal
