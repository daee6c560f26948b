#pragma once
// --shard I/N: a deterministic split of the expanded input list.
//
// Shards are 1-based. The tests are taken in the order expand_inputs gives
// (command-line order, each DIR sorted by path), and the test at 0-based
// position k belongs to shard (k mod N) + 1. The N shards therefore cover every
// input exactly once, whatever I each job receives, and round-robin spreads the
// (often similar) neighbours of a directory over all shards.
#include <vector>

#include "xmcheck/frontend/inputs.hpp"

namespace xmcheck::frontend {

/// The items of shard `index` (1-based) out of `count`; all of them when count == 0.
[[nodiscard]] std::vector<InputItem> select_shard(std::vector<InputItem> items, int index,
                                                  int count);

}  // namespace xmcheck::frontend
