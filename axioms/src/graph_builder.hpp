#pragma once
// Hash-consing construction of the node DAG: structurally equal nodes are
// created once, so shared subexpressions (and repeated inlined function bodies)
// are evaluated once. It also records each node's depth, which the resolver
// bounds: compile, evaluate, explain and persistence recurse along it.
#include <algorithm>
#include <cstddef>
#include <functional>
#include <unordered_map>
#include <vector>

#include "ir.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::axioms::detail {

struct NodeHash {
  std::size_t operator()(const Node& n) const noexcept {
    std::size_t h = static_cast<std::size_t>(n.op) * 0x9E3779B97F4A7C15ULL;
    h ^= (static_cast<std::size_t>(n.a) + 0x632BE59BD9B4E019ULL + (h << 6) + (h >> 2));
    h ^= (static_cast<std::size_t>(n.b) + 0x85EBCA77C2B2AE63ULL + (h << 6) + (h >> 2));
    h ^= (static_cast<std::size_t>(n.aux) * 31U + (n.rel ? 1U : 0U) + (h << 6) + (h >> 2));
    return h;
  }
};

class GraphBuilder {
 public:
  explicit GraphBuilder(std::vector<Node>& nodes) : nodes_(nodes) {
    for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
      index_.emplace(nodes_[i], i);
      depths_.push_back(1 + below(nodes_[i]));
    }
  }

  std::uint32_t add(const Node& n) {
    if (auto it = index_.find(n); it != index_.end()) return it->second;
    XMCHECK_ASSERT(n.a == kNone || n.a < nodes_.size() || n.op == Op::RecVar || n.op == Op::RecOut,
                   "child created after parent");
    const auto id = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back(n);
    index_.emplace(n, id);
    depths_.push_back(1 + below(n));
    return id;
  }
  /// Levels from `id` down to the deepest leaf it reaches (a leaf has 1).
  [[nodiscard]] std::uint32_t depth(std::uint32_t id) const { return depths_[id]; }
  /// A `let rec` output also reaches its group's bodies, which it does not name.
  void deepen(std::uint32_t id, std::uint32_t depth) { depths_[id] = std::max(depths_[id], depth); }
  std::uint32_t leaf(Op op, bool rel, std::uint32_t aux = 0) {
    return add(Node{op, rel, kNone, kNone, aux});
  }
  std::uint32_t unary(Op op, bool rel, std::uint32_t a) { return add(Node{op, rel, a, kNone, 0}); }
  std::uint32_t binary(Op op, bool rel, std::uint32_t a, std::uint32_t b) {
    return add(Node{op, rel, a, b, 0});
  }
  [[nodiscard]] const Node& at(std::uint32_t id) const { return nodes_[id]; }
  [[nodiscard]] std::size_t size() const { return nodes_.size(); }

 private:
  /// The depth of `n`'s deepest child (0 for a leaf). RecVar's `a` and
  /// RecOut's `a` are slots, not nodes.
  [[nodiscard]] std::uint32_t below(const Node& n) const {
    if (n.op == Op::RecVar) return 0;
    if (n.op == Op::RecOut) return depths_[n.b];
    std::uint32_t d = 0;
    for (const std::uint32_t c : {n.a, n.b})
      if (c != kNone) d = std::max(d, depths_[c]);
    return d;
  }

  std::vector<Node>& nodes_;
  std::unordered_map<Node, std::uint32_t, NodeHash> index_;
  std::vector<std::uint32_t> depths_;
};

}  // namespace xmcheck::axioms::detail
