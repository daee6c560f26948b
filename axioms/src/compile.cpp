// compile(): specialises a resolved model to one variant set. Variant
// conditionals are decided, only the nodes some surviving check needs are
// kept (renumbered in topological order, re-hash-consed, with a few algebraic
// simplifications around empty relations), enumerations nothing depends on are
// dropped, and every node gets the enumeration level it depends on.
#include <algorithm>

#include "graph_builder.hpp"
#include "ir.hpp"
#include "xmcheck/axioms/base.hpp"
#include "xmcheck/axioms/model.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::axioms {

namespace {

using detail::Cond;
using detail::Item;
using detail::kNone;
using detail::Node;
using detail::Op;

class Compiler {
 public:
  Compiler(const Model::Impl& src, const VariantSet& variants, const std::vector<std::size_t>& absent)
      : src_(src),
        variants_(variants),
        absent_(kBaseCount, false),
        cond_memo_(src.conds.size(), -1),
        map_(src.nodes.size(), kNone),
        group_map_(src.groups.size(), kNone),
        out_(std::make_shared<CompiledModel::Impl>()),
        g_(out_->nodes) {
    for (const auto i : absent) absent_.at(i) = true;
  }

  std::shared_ptr<const CompiledModel::Impl> run() {
    std::uint32_t slots = 0;
    for (const auto& it : src_.items) {
      if (it.guard != kNone && !cond(it.guard)) continue;
      Item c = it;
      c.guard = kNone;
      if (it.kind == Item::Kind::Check) {
        c.node = map(it.node);
      } else {
        c.pairs = map(it.pairs);
        c.fixed = map(it.fixed);
        if (it.cross && is_empty(c.fixed)) {  // one edge per event of no event: the empty relation
          map_[it.node] = g_.leaf(Op::EmptyRel, true);
          continue;
        }
        c.node = g_.leaf(Op::WithVar, true, slots++);
        map_[it.node] = c.node;
        if (slots > 64)
          throw diag::UserError(diag::ErrorKind::Unsupported, it.span,
                                "unsupported construct 'more than 64 with ... from enumerations'");
      }
      out_->items.push_back(std::move(c));
    }
    finish();
    detail::analyse_persistence(*out_);
    detail::analyse_flag_locality(*out_);
    for (const auto& [name, id] : src_.names)
      if (map_[id] != kNone) out_->names.emplace_back(name, map_[id]);
    return out_;
  }

 private:
  bool cond(std::uint32_t c) {
    if (cond_memo_[c] >= 0) return cond_memo_[c] == 1;
    const Cond& k = src_.conds[c];
    bool v = true;
    switch (k.kind) {
      case Cond::Kind::True: v = true; break;
      case Cond::Kind::Name: v = variants_.has(k.name); break;
      case Cond::Kind::Not: v = !cond(k.a); break;
      case Cond::Kind::And: v = cond(k.a) && cond(k.b); break;
      case Cond::Kind::Or: v = cond(k.a) || cond(k.b); break;
    }
    cond_memo_[c] = v ? 1 : 0;
    return v;
  }

  bool is_empty(std::uint32_t x) const {
    const Op op = out_->nodes[x].op;
    return op == Op::EmptyRel || op == Op::EmptySet;
  }
  bool is_op(std::uint32_t x, Op op) const { return out_->nodes[x].op == op; }

  std::uint32_t simplify(Op op, bool rel, std::uint32_t a, std::uint32_t b) {
    switch (op) {
      case Op::Union:
        if (is_empty(a) || a == b) return b;
        if (is_empty(b)) return a;
        break;
      case Op::Inter:
        if (is_empty(a) || a == b) return a;
        if (is_empty(b)) return b;
        break;
      case Op::Diff:
        if (is_empty(a) || is_empty(b)) return a;
        if (a == b) return g_.leaf(rel ? Op::EmptyRel : Op::EmptySet, rel);
        break;
      case Op::Seq:
        if (is_empty(a) || is_op(b, Op::Id)) return a;
        if (is_empty(b) || is_op(a, Op::Id)) return b;
        break;
      case Op::Cart:
        if (is_empty(a) || is_empty(b)) return g_.leaf(Op::EmptyRel, true);
        break;
      case Op::Plus:
      case Op::Inv:
        if (is_empty(a)) return a;
        break;
      case Op::Star:
      case Op::Opt:
        if (is_empty(a)) return g_.leaf(Op::Id, true);
        break;
      case Op::ToId:
        if (is_empty(a)) return g_.leaf(Op::EmptyRel, true);
        if (is_op(a, Op::FullSet)) return g_.leaf(Op::Id, true);
        break;
      case Op::Domain:
      case Op::Range:
        if (is_empty(a)) return g_.leaf(Op::EmptySet, false);
        break;
      default: break;
    }
    return g_.add(Node{op, rel, a, b, 0});
  }

  std::uint32_t map_group(std::uint32_t g) {
    if (group_map_[g] != kNone) return group_map_[g];
    const auto& src = src_.groups[g];
    const auto gid = static_cast<std::uint32_t>(out_->groups.size());
    group_map_[g] = gid;
    out_->groups.push_back({src.span, {}, {}, {}, 0});
    std::vector<std::uint32_t> vars;
    for (std::size_t k = 0; k < src.vars.size(); ++k) {
      const Node& v = src_.nodes[src.vars[k]];
      const std::uint32_t nv = g_.add(Node{Op::RecVar, v.rel, static_cast<std::uint32_t>(k), kNone, gid});
      map_[src.vars[k]] = nv;
      vars.push_back(nv);
    }
    std::vector<std::uint32_t> bodies;
    for (auto b : src.bodies) bodies.push_back(map(b));
    out_->groups[gid].vars = std::move(vars);
    out_->groups[gid].bodies = std::move(bodies);
    return gid;
  }

  std::uint32_t map(std::uint32_t id) {
    if (map_[id] != kNone) return map_[id];
    const Node& n = src_.nodes[id];
    std::uint32_t r = kNone;
    switch (n.op) {
      case Op::If: r = map(cond(n.aux) ? n.a : n.b); break;
      case Op::RecVar:
      case Op::WithVar:
      case Op::EventVar: XMCHECK_ASSERT(false, "variable used outside its scope");
      case Op::BaseSet:
        r = absent_[n.aux] ? g_.leaf(Op::EmptySet, false) : g_.add(Node{n.op, n.rel, kNone, kNone, n.aux});
        break;
      case Op::RecOut: {
        const std::uint32_t g = map_group(n.aux);
        r = g_.add(Node{Op::RecOut, n.rel, n.a, out_->groups[g].vars[n.a], g});
        break;
      }
      default: {
        const std::uint32_t a = n.a == kNone ? kNone : map(n.a);
        const std::uint32_t b = n.b == kNone ? kNone : map(n.b);
        if (a == kNone) {
          r = g_.add(Node{n.op, n.rel, kNone, kNone, n.aux});
        } else {
          r = simplify(n.op, n.rel, a, b);
        }
      }
    }
    map_[id] = r;
    return r;
  }

  /// Drops unused enumerations, assigns levels, lists the nodes of each
  /// recursive group, and collects flag names.
  void finish() {
    auto& nodes = out_->nodes;
    std::vector<std::uint64_t> mask(nodes.size(), 0);
    std::vector<std::uint32_t> dep_group(nodes.size(), kNone);
    for (std::uint32_t i = 0; i < nodes.size(); ++i) {
      const Node& n = nodes[i];
      if (n.op == Op::WithVar) {
        mask[i] = std::uint64_t{1} << n.aux;
      } else if (n.op == Op::RecVar) {
        dep_group[i] = n.aux;
      } else if (n.op == Op::RecOut) {
        for (auto b : out_->groups[n.aux].bodies) mask[i] |= mask[b];
      } else {
        for (auto c : {n.a, n.b}) {
          if (c == kNone) continue;
          mask[i] |= mask[c];
          if (dep_group[c] != kNone) dep_group[i] = dep_group[c];
        }
      }
    }
    // Keep an enumeration only if a later check (or kept enumeration) uses it.
    std::uint64_t needed = 0;
    std::vector<bool> keep(out_->items.size(), true);
    for (std::size_t k = out_->items.size(); k-- > 0;) {
      const Item& it = out_->items[k];
      if (it.kind == Item::Kind::Check) {
        needed |= mask[it.node];
      } else if ((needed & mask[it.node]) == 0) {
        keep[k] = false;
      } else {
        needed |= mask[it.pairs] | mask[it.fixed];
      }
    }
    std::vector<Item> items;
    std::vector<std::uint32_t> slot_level(64, 0);
    std::uint32_t levels = 1;
    for (std::size_t k = 0; k < out_->items.size(); ++k) {
      if (!keep[k]) continue;
      if (out_->items[k].kind == Item::Kind::With) slot_level[nodes[out_->items[k].node].aux] = levels++;
      items.push_back(std::move(out_->items[k]));
    }
    out_->items = std::move(items);
    out_->num_levels = levels;
    auto level_of = [&](std::uint64_t m) {
      std::uint32_t l = 0;
      for (std::uint32_t s = 0; s < 64; ++s)
        if (((m >> s) & 1U) != 0) l = std::max(l, slot_level[s]);
      return l;
    };
    out_->level.assign(nodes.size(), 0);
    for (std::uint32_t i = 0; i < nodes.size(); ++i) out_->level[i] = level_of(mask[i]);
    for (std::uint32_t gi = 0; gi < out_->groups.size(); ++gi) {
      auto& grp = out_->groups[gi];
      std::uint64_t m = 0;
      for (auto b : grp.bodies) m |= mask[b];
      grp.level = level_of(m);
      for (std::uint32_t i = 0; i < nodes.size(); ++i) {
        if (dep_group[i] != gi) continue;
        out_->level[i] = grp.level;
        if (nodes[i].op != Op::RecVar) grp.deps.push_back(i);
      }
    }
    for (const auto& it : out_->items)
      if (it.kind == Item::Kind::Check && it.is_flag) out_->flag_names.push_back(it.name);
    std::sort(out_->flag_names.begin(), out_->flag_names.end());
    out_->flag_names.erase(std::unique(out_->flag_names.begin(), out_->flag_names.end()),
                           out_->flag_names.end());
    out_->num_flags = out_->flag_names.size();
  }

  const Model::Impl& src_;
  const VariantSet& variants_;
  std::vector<bool> absent_;  ///< [catalogue index] base sets no event of the test is in
  std::vector<int> cond_memo_;
  std::vector<std::uint32_t> map_;
  std::vector<std::uint32_t> group_map_;
  std::shared_ptr<CompiledModel::Impl> out_;
  detail::GraphBuilder g_;
};

}  // namespace

CompiledModel compile(const Model& model, const VariantSet& variants) {
  return CompiledModel(Compiler(model.impl(), variants, {}).run());
}

CompiledModel compile(const Model& model, const VariantSet& variants, const std::vector<std::size_t>& absent) {
  return CompiledModel(Compiler(model.impl(), variants, absent).run());
}

}  // namespace xmcheck::axioms
