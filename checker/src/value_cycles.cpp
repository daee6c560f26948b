#include "value_cycles.hpp"

#include <cstdint>
#include <vector>

namespace xmcheck::checker {

bool has_concrete_value_cycle(const Unfolding& u, const Skeleton& sk) {
  const std::size_t procs = sk.trace_of_proc.size();
  const auto trace_of = [&](std::size_t p) -> const Trace& {
    return u.traces[p][static_cast<std::size_t>(sk.trace_of_proc[p])];
  };
  // Only a value stored from a value read can close a cycle: most skeletons
  // have none.
  bool any_flow = false;
  std::vector<std::size_t> first(procs + 1, 0);  // node id of (p, i): first[p] + i
  for (std::size_t p = 0; p < procs; ++p) {
    any_flow = any_flow || !trace_of(p).value_flow.empty();
    first[p + 1] = first[p] + trace_of(p).events.size();
  }
  if (!any_flow) return false;

  const auto concrete = [](const TraceEvent& e) { return !e.value.is_thin_air(); };
  std::vector<std::vector<std::size_t>> next(first[procs]);
  for (std::size_t p = 0; p < procs; ++p) {
    const Trace& t = trace_of(p);
    for (const auto& [r, w] : t.value_flow)
      if (concrete(t.events[static_cast<std::size_t>(r)]) && concrete(t.events[static_cast<std::size_t>(w)]))
        next[first[p] + static_cast<std::size_t>(r)].push_back(first[p] + static_cast<std::size_t>(w));
    for (std::size_t i = 0; i < t.events.size(); ++i) {
      if (t.events[i].kind != EventKind::Read || !concrete(t.events[i])) continue;
      const EventRef src = sk.rf_source[p][i];
      if (src.proc < 0) continue;  // the initial write: a constant
      next[first[static_cast<std::size_t>(src.proc)] + static_cast<std::size_t>(src.index)].push_back(first[p] + i);
    }
  }
  // Depth-first search for a back edge, iteratively (no recursion depth to bound).
  enum : std::uint8_t { Unseen, Open, Done };
  std::vector<std::uint8_t> state(next.size(), Unseen);
  std::vector<std::pair<std::size_t, std::size_t>> stack;  // (node, next successor to try)
  for (std::size_t root = 0; root < next.size(); ++root) {
    if (state[root] != Unseen || next[root].empty()) continue;
    state[root] = Open;
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
      auto& [node, k] = stack.back();
      if (k == next[node].size()) {
        state[node] = Done;
        stack.pop_back();
        continue;
      }
      const std::size_t m = next[node][k++];
      if (state[m] == Open) return true;
      if (state[m] == Unseen) {
        state[m] = Open;
        stack.emplace_back(m, 0);
      }
    }
  }
  return false;
}

}  // namespace xmcheck::checker
