#include "xmcheck/frontend/shard.hpp"

#include <cstddef>
#include <utility>

#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::frontend {

std::vector<InputItem> select_shard(std::vector<InputItem> items, int index, int count) {
  if (count == 0) return items;
  XMCHECK_ASSERT(index >= 1 && index <= count, "--shard I/N was validated: 1 <= I <= N");
  std::vector<InputItem> mine;
  const auto n = static_cast<std::size_t>(count);
  for (std::size_t k = static_cast<std::size_t>(index - 1); k < items.size(); k += n)
    mine.push_back(std::move(items[k]));
  return mine;
}

}  // namespace xmcheck::frontend
