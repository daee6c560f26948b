// analyse_flag_locality(): which flags can be decided pair by pair of threads
// (docs/design.md, "Exact flags"). A flag `flag ~empty X` is *local* when X
// shrinks: on any execution E and sub-execution S of it (persistence.cpp), X
// on E restricted to S's events lies within X on S. Then a member of X whose
// events belong to a set W of threads and the initial writes is a member on
// every sub-execution keeping W, so a sub-execution keeping W whose branches
// all fail a persistent check or have no such member refutes every extension.
// Rectangles from_k * to_k of stable sets covering X tell which thread pairs
// can hold a member at all.
#include <algorithm>
#include <optional>
#include <utility>

#include "graph_builder.hpp"
#include "ir.hpp"

namespace xmcheck::axioms::detail {
namespace {

using Shape = CompiledModel::Impl::FlagShape;
using Rect = Shape::Rect;
using Conj = std::vector<std::uint32_t>;

constexpr std::uint8_t kNeither = 0;
constexpr std::uint8_t kGrows = 1;
constexpr std::uint8_t kStable = 2;
/// More rectangles than this: one rectangle covering everything instead.
constexpr std::size_t kMaxRects = 64;

Conj both(const Conj& a, const Conj& b) {
  Conj out = a;
  for (auto x : b)
    if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  return out;
}

class Shaper {
 public:
  explicit Shaper(const CompiledModel::Impl& m) : m_(m) {}

  /// Anchor sets recorded by shrinks() since the last call.
  std::vector<std::uint32_t> take_anchors() { return std::exchange(anchors_, {}); }

  /// X on E restricted to S's events lies within X on S (S keeping every
  /// event of the anchor sets recorded).
  bool shrinks(std::uint32_t id) {
    const Node& n = m_.nodes[id];
    if (stable_if_anchored(id)) return true;
    switch (n.op) {
      case Op::Union:
      case Op::Inter:
      case Op::Cart: return shrinks(n.a) && shrinks(n.b);
      case Op::Diff: return shrinks(n.a) && m_.growth[n.b] >= kGrows;
      case Op::Comp: return m_.growth[n.a] >= kGrows;  // the universe is S's events
      case Op::Inv:
      case Op::ToId: return shrinks(n.a);
      default: return false;  // a path or a projection may leave S
    }
  }

  /// Rectangles covering relation `id`; std::nullopt: everything.
  std::optional<std::vector<Rect>> cover(std::uint32_t id) {
    const Node& n = m_.nodes[id];
    std::vector<Rect> out;
    switch (n.op) {
      case Op::EmptyRel: return out;
      case Op::Cart: {
        Conj needs;
        Conj from = sides(n.a, needs), to = sides(n.b, needs);
        out.push_back({std::move(from), std::move(to), std::move(needs)});
        return out;
      }
      case Op::ToId: {
        Conj needs;
        const Conj s = sides(n.a, needs);
        out.push_back({s, s, std::move(needs)});
        return out;
      }
      case Op::Inv: {
        auto a = cover(n.a);
        if (!a) return a;
        for (auto& r : *a) std::swap(r.from, r.to);
        return a;
      }
      case Op::Diff: return cover(n.a);
      case Op::Union: {
        auto a = cover(n.a), b = cover(n.b);
        if (!a || !b) return std::nullopt;
        a->insert(a->end(), b->begin(), b->end());
        return capped(std::move(*a));
      }
      case Op::Inter:
      case Op::Seq: {
        auto a = cover(n.a), b = cover(n.b);
        if (!a && !b) return std::nullopt;
        if (!a) a = std::vector<Rect>{Rect{}};
        if (!b) b = std::vector<Rect>{Rect{}};
        for (const auto& ra : *a)
          for (const auto& rb : *b)
            out.push_back(n.op == Op::Inter
                              ? Rect{both(ra.from, rb.from), both(ra.to, rb.to), both(ra.needs, rb.needs)}
                              : Rect{ra.from, rb.to, both(ra.needs, rb.needs)});  // x -> y -> z: x in a's, z in b's
        return capped(std::move(out));
      }
      case Op::Plus: {
        auto a = cover(n.a);
        if (!a) return a;
        for (const auto& r1 : *a)
          for (const auto& r2 : *a) out.push_back({r1.from, r2.to, both(r1.needs, r2.needs)});
        return capped(std::move(out));
      }
      default: return std::nullopt;
    }
  }

  /// Rectangles (from = to) covering set `id`'s members.
  std::vector<Rect> set_cover(std::uint32_t id) {
    const Node& n = m_.nodes[id];
    switch (n.op) {
      case Op::EmptySet: return {};
      case Op::Union: {
        auto a = set_cover(n.a), b = set_cover(n.b);
        a.insert(a.end(), b.begin(), b.end());
        return a;
      }
      case Op::Diff: return set_cover(n.a);
      default: {
        Conj needs;
        const Conj c = sides(id, needs);
        return {Rect{c, c, std::move(needs)}};
      }
    }
  }

 private:
  /// A set as a conjunction of stable sets (empty: any event); `needs`
  /// gets the A of each range([A]; R) / domain(R; [A]) conjunct.
  Conj sides(std::uint32_t id, Conj& needs) {
    const Node& n = m_.nodes[id];
    if (n.op == Op::Inter) {
      Conj a = sides(n.a, needs);
      return both(a, sides(n.b, needs));
    }
    if (n.op == Op::FullSet) return {};
    if (m_.growth[id] == kStable) return {id};
    if (n.op == Op::Range || n.op == Op::Domain) {
      const Node& seq = m_.nodes[n.a];
      if (seq.op == Op::Seq) {
        const Node& to_id = m_.nodes[n.op == Op::Range ? seq.a : seq.b];
        if (to_id.op == Op::ToId && m_.growth[to_id.a] == kStable) needs = both(needs, {to_id.a});
      }
    }
    return {};
  }

  /// Stable on sub-executions keeping every event of the recorded anchors:
  /// range([A]; R) and domain(R; [A]) with A and R stable reach only A's
  /// events, all kept.
  bool stable_if_anchored(std::uint32_t id) {
    const Node& n = m_.nodes[id];
    if (m_.growth[id] == kStable) return true;
    switch (n.op) {
      case Op::Union:
      case Op::Inter:
      case Op::Diff: return stable_if_anchored(n.a) && stable_if_anchored(n.b);
      case Op::Range:
      case Op::Domain: {
        const Node& seq = m_.nodes[n.a];
        if (seq.op != Op::Seq) return false;
        const std::uint32_t id_side = n.op == Op::Range ? seq.a : seq.b;
        const std::uint32_t other = n.op == Op::Range ? seq.b : seq.a;
        const Node& to_id = m_.nodes[id_side];
        if (to_id.op != Op::ToId || m_.growth[to_id.a] != kStable || m_.growth[other] != kStable) return false;
        anchors_.push_back(to_id.a);
        return true;
      }
      default: return false;
    }
  }

  static std::optional<std::vector<Rect>> capped(std::vector<Rect> rects) {
    if (rects.size() > kMaxRects) return std::nullopt;
    return rects;
  }

  const CompiledModel::Impl& m_;
  std::vector<std::uint32_t> anchors_;
};

/// Builds, for a flag's X that does not shrink, a node X+ that contains X on
/// every execution and shrinks: subtracted values that do not grow are
/// replaced by their largest growing parts (RISC-V's ppo subtracts rf in rule
/// 2; the rules without it grow). New nodes are appended to the model.
class Overapproximator {
 public:
  explicit Overapproximator(CompiledModel::Impl& m) : m_(m), g_(m.nodes) {
    in_group_.assign(m.nodes.size(), false);
    for (const auto& grp : m.groups)
      for (const auto* list : {&grp.vars, &grp.bodies, &grp.deps})
        for (auto id : *list) in_group_[id] = true;
  }

  /// X+ for flag node `id`, or kNone when none is found.
  std::uint32_t over(std::uint32_t id, Shaper& shaper) {
    if (shaper.shrinks(id)) return id;
    const Node n = m_.nodes[id];
    if (in_group_.size() > id && in_group_[id]) return kNone;
    switch (n.op) {
      case Op::Diff: {
        const std::uint32_t a = over(n.a, shaper);
        if (a == kNone) return kNone;
        const std::uint32_t b = under(n.b);
        return b == kNone ? a : make(Op::Diff, n.rel, a, b, 0, kNeither);
      }
      case Op::Union:
      case Op::Inter: {
        const std::uint32_t a = over(n.a, shaper), b = over(n.b, shaper);
        if (a == kNone || b == kNone) return kNone;
        return make(n.op, n.rel, a, b, 0, kNeither);
      }
      case Op::Inv: {
        const std::uint32_t a = over(n.a, shaper);
        return a == kNone ? kNone : make(Op::Inv, n.rel, a, kNone, 0, kNeither);
      }
      default: return kNone;
    }
  }

 private:
  /// A growing node contained in `id` on every execution; kNone: the empty one.
  std::uint32_t under(std::uint32_t id) {
    if (m_.growth[id] >= kGrows) return id;
    const Node n = m_.nodes[id];
    if (in_group_.size() > id && in_group_[id]) return kNone;
    switch (n.op) {
      case Op::Union: {
        const std::uint32_t a = under(n.a), b = under(n.b);
        if (a == kNone || b == kNone) return a == kNone ? b : a;
        return make(Op::Union, n.rel, a, b, 0, kGrows);
      }
      case Op::Inter:
      case Op::Seq: {
        const std::uint32_t a = under(n.a), b = under(n.b);
        if (a == kNone || b == kNone) return kNone;
        return make(n.op, n.rel, a, b, 0, kGrows);
      }
      case Op::Diff: {  // growing only while the subtracted value is stable
        const std::uint32_t a = under(n.a);
        if (a == kNone || m_.growth[n.b] != kStable) return kNone;
        return make(Op::Diff, n.rel, a, n.b, 0, kGrows);
      }
      case Op::Plus:
      case Op::Inv: {
        const std::uint32_t a = under(n.a);
        return a == kNone ? kNone : make(n.op, n.rel, a, kNone, 0, kGrows);
      }
      case Op::Star:
      case Op::Opt: {  // the identity part is stable
        const std::uint32_t a = under(n.a);
        return make(n.op, n.rel, a == kNone ? make(Op::EmptyRel, true, kNone, kNone, 0, kStable) : a, kNone, 0, kGrows);
      }
      default: return kNone;
    }
  }

  std::uint32_t make(Op op, bool rel, std::uint32_t a, std::uint32_t b, std::uint32_t aux, std::uint8_t growth) {
    const std::uint32_t id = g_.add(Node{op, rel, a, b, aux});
    if (id >= m_.level.size()) {  // new: its level and growth follow from its operands
      std::uint32_t lvl = 0;
      for (const std::uint32_t c : {a, b})
        if (c != kNone) lvl = std::max(lvl, m_.level[c]);
      m_.level.resize(id + 1, 0);
      m_.level[id] = lvl;
      m_.growth.resize(id + 1, 0);
      m_.growth[id] = growth;
    }
    return id;
  }

  CompiledModel::Impl& m_;
  GraphBuilder g_;
  std::vector<bool> in_group_;
};

}  // namespace

void analyse_flag_locality(CompiledModel::Impl& model) {
  Overapproximator approx(model);
  Shaper shaper(model);
  model.flag_shapes.assign(model.num_flags, Shape{});
  std::vector<bool> seen(model.num_flags, false);
  for (Item& it : model.items) {
    if (it.kind != Item::Kind::Check || !it.is_flag) continue;
    const auto pos = std::lower_bound(model.flag_names.begin(), model.flag_names.end(), it.name);
    const auto f = static_cast<std::size_t>(pos - model.flag_names.begin());
    Shape& shape = model.flag_shapes[f];
    const bool is_set = !model.nodes[it.node].rel;
    const bool raised_by_members = it.negated && (is_set || it.test_kind == Item::Test::Empty);
    it.over = raised_by_members ? approx.over(it.node, shaper) : kNone;
    (void)shaper.take_anchors();  // those of over()'s attempts
    const bool local = it.over != kNone && shaper.shrinks(it.over);
    for (auto a : shaper.take_anchors()) shape.anchors.push_back(a);
    shape.local = (seen[f] ? shape.local : true) && local;
    shape.members = (seen[f] ? shape.members : true) && is_set;
    seen[f] = true;
    if (!shape.local) continue;
    if (is_set) {
      for (auto& r : shaper.set_cover(it.over)) shape.rects.push_back(std::move(r));
    } else if (auto rects = shaper.cover(it.over)) {
      shape.rects.insert(shape.rects.end(), rects->begin(), rects->end());
    } else {
      shape.rects.push_back(Rect{});
    }
  }
}

}  // namespace xmcheck::axioms::detail
