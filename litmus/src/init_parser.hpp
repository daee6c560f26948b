#pragma once
// The init block: `0:X1=x; [y]=1; int z=2; ins_t *1:X9; int t[2]={1,2};`.
#include <vector>

#include "source_text.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::litmus::internal {

/// Parses the text between the braces of the init block.
[[nodiscard]] std::vector<InitEntry> parse_init_block(const SourceText& src, Region region,
                                                     ArchId arch);

}  // namespace xmcheck::litmus::internal
