// Evaluator::explain and friends: why a candidate is inconsistent, which
// enumeration choice a consistent one used, and relation values for tests.
// They observe an ordinary evaluation (EvalObserver) and read node values
// while the branch that failed or passed is still current.
#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "evaluator_state.hpp"

namespace xmcheck::axioms {
namespace {

using Pair = std::pair<std::size_t, std::size_t>;

/// Calls f(v) for every v with (u, v) in r, in increasing order.
template <class F>
void for_each_successor(const Relation& r, std::size_t u, F&& f) {
  const std::uint64_t* row = r.row_words(u);
  for (std::size_t w = 0; w < r.words_per_row(); ++w)
    for (std::uint64_t x = row[w]; x != 0; x &= x - 1) f(w * 64 + static_cast<std::size_t>(std::countr_zero(x)));
}

/// A shortest cycle of `r` (events in order), the one with the smallest start
/// event among the shortest; empty if `r` is acyclic.
std::vector<std::size_t> shortest_cycle(const Relation& r) {
  const std::size_t n = r.size();
  std::vector<std::size_t> best;
  constexpr std::size_t kUnseen = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> parent(n), queue;
  for (std::size_t s = 0; s < n; ++s)
    if (r.contains(s, s)) return {s};
  for (std::size_t s = 0; s < n; ++s) {
    std::fill(parent.begin(), parent.end(), kUnseen);
    queue.assign(1, s);
    parent[s] = s;
    std::vector<std::size_t> depth(n, 0);
    bool found = false;
    for (std::size_t qi = 0; qi < queue.size() && !found; ++qi) {
      const std::size_t u = queue[qi];
      if (!best.empty() && depth[u] + 1 >= best.size()) break;  // cannot beat it
      for_each_successor(r, u, [&](std::size_t v) {
        if (found) return;
        if (v == s) {
          std::vector<std::size_t> cyc;
          for (std::size_t x = u; x != s; x = parent[x]) cyc.push_back(x);
          cyc.push_back(s);
          std::reverse(cyc.begin(), cyc.end());
          best = std::move(cyc);
          found = true;
        } else if (parent[v] == kUnseen) {
          parent[v] = u;
          depth[v] = depth[u] + 1;
          queue.push_back(v);
        }
      });
    }
    if (best.size() == 2) break;  // self-loops were ruled out above
  }
  return best;
}

class Explainer : public EvalObserver {
 public:
  explicit Explainer(Evaluator::State& st) : st_(st) {}

  void failed(std::size_t item) override {
    failed_items_.insert(item);
    Violation v = violation(item);
    // A self-loop (a cycle folded inside a closure) hides its steps: any
    // spelled-out cycle explains better.
    const bool folded = v.edges.size() == 1 && v.edges.front().from == v.edges.front().to;
    const std::size_t len = v.edges.empty() ? std::numeric_limits<std::size_t>::max() - 1
                            : folded        ? std::numeric_limits<std::size_t>::max() - 2
                                            : v.edges.size();
    // Shortest first; among equally short cycles, the one through more
    // synchronization events (IPIs, interrupts, context synchronization):
    // that is the protocol the test exercises.
    const std::size_t sync = protocol_events(v);
    if (best_ && (len > best_len_ || (len == best_len_ && sync <= best_sync_))) return;
    for (auto& e : v.edges) e.labels = labels(item, e.from, e.to);
    v.choice = choice(item);
    best_ = std::move(v);
    best_len_ = len;
    best_sync_ = sync;
  }
  void passed() override {
    consistent_ = true;
    st_.stop = true;
  }
  /// Every failing check competes: the first one in the model is not
  /// necessarily the one that shows the protocol best.
  [[nodiscard]] bool all_failures() const override { return true; }

  [[nodiscard]] bool consistent() const { return consistent_; }
  std::optional<Violation>& best() {
    if (best_) best_->failed_checks = failed_items_.size();
    return best_;
  }

  /// The `with` relations enumerated before item `end` on the current branch.
  std::vector<NamedPairs> choice(std::size_t end) const {
    std::vector<NamedPairs> out;
    for (std::size_t j = 0; j < end && j < st_.m.items.size(); ++j) {
      const Item& it = st_.m.items[j];
      if (it.kind == Item::Kind::With) out.push_back(NamedPairs{it.name, st_.rp[it.node]->pairs()});
    }
    return out;
  }

 private:
  const Relation& rel(std::uint32_t node) {
    st_.ensure(node);
    return *st_.rp[node];
  }

  /// The failing check's violation on the current branch, labels not yet filled.
  Violation violation(std::size_t item) {
    const Item& it = st_.m.items[item];
    Violation v;
    v.check = it.name;
    v.kind = (it.negated ? "~" : "") + it.test;
    if (it.negated) return v;  // the value is empty: nothing to show
    const Node& nd = st_.m.nodes[it.node];
    if (!nd.rel) {  // a non-empty set
      const auto els = st_.sp[it.node]->elements();
      if (!els.empty()) v.events.push_back(els.front());
      return v;
    }
    if (it.test == "empty") {
      const auto ps = rel(it.node).pairs();
      if (!ps.empty()) {
        v.events = {ps.front().first, ps.front().second};
        v.edges.push_back(ViolationEdge{ps.front().first, ps.front().second, {}});
      }
      return v;
    }
    // acyclic r+ / irreflexive r+ / acyclic r*: a cycle of r shows it best.
    std::uint32_t target = it.node;
    if (nd.op == Op::Plus || (nd.op == Op::Star && it.test == "acyclic")) target = nd.a;
    std::vector<std::size_t> hops;  // the cycle before refinement
    if (it.test == "acyclic" || target != it.node) {
      hops = shortest_cycle(rel(target));
    } else {  // irreflexive: a self-loop
      const Relation& r = rel(target);
      for (std::size_t x = 0; x < r.size() && hops.empty(); ++x)
        if (r.contains(x, x)) hops.push_back(x);
    }
    // Spell each hop out through the structure of the relation (see refine).
    refine_budget_ = kRefineBudget;
    for (std::size_t k = 0; k < hops.size(); ++k) {
      const auto path = refine(target, hops[k], hops[(k + 1) % hops.size()], 0);
      v.events.insert(v.events.end(), path.begin(), path.end() - 1);
    }
    for (std::size_t k = 0; k < v.events.size(); ++k)
      v.edges.push_back(ViolationEdge{v.events[k], v.events[(k + 1) % v.events.size()], {}});
    return v;
  }

  /// How many of v's events are IPI sends and waits, interrupt entries and
  /// returns, or context-synchronizing (serializing) events.
  std::size_t protocol_events(const Violation& v) const {
    std::size_t n = 0;
    for (const auto e : v.events) {
      bool sync = false;
      for (std::size_t s = 0; s < kBaseCatalogue.size() && !sync; ++s) {
        const auto& b = kBaseCatalogue[s];
        const bool wanted = b.name == "IPI" || b.name == "IRQ-ENTRY" || b.name == "IRQ-RETURN" ||
                            b.event_class == EventClass::ContextSync;
        sync = wanted && b.arity == Arity::Set && st_.base->sets[s].contains(e);
      }
      n += sync ? 1 : 0;
    }
    return n;
  }

  /// Events that refinement shows: everything but barriers and branches.
  bool shown(std::size_t e) const {
    static const std::size_t f = *find_base("F"), b = *find_base("B");
    return !st_.base->sets[f].contains(e) && !st_.base->sets[b].contains(e);
  }

  void flatten_seq(std::uint32_t node, std::vector<std::uint32_t>& out) const {
    const Node& nd = st_.m.nodes[node];
    if (nd.op == Op::Seq) {
      flatten_seq(nd.a, out);
      flatten_seq(nd.b, out);
    } else {
      out.push_back(node);
    }
  }

  /// A path u = e0, ..., ek = v whose steps are in the factors of the
  /// sequence `node` (identity steps dropped). Requires (u, v) in node.
  std::vector<std::size_t> seq_path(std::uint32_t node, std::size_t u, std::size_t v,
                                    std::vector<std::uint32_t>& factor_of_step) {
    std::vector<std::uint32_t> f;
    flatten_seq(node, f);
    std::vector<EventSet> reach(f.size() + 1, EventSet(st_.n));
    reach[0].insert(u);
    for (std::size_t i = 0; i < f.size(); ++i) {
      const Relation& r = rel(f[i]);
      for (auto y : reach[i].elements()) for_each_successor(r, y, [&](std::size_t z) { reach[i + 1].insert(z); });
    }
    std::vector<std::size_t> back{v};
    std::vector<std::uint32_t> factors;
    std::size_t cur = v;
    for (std::size_t i = f.size(); i-- > 0;) {
      const Relation& r = rel(f[i]);
      for (auto w : reach[i].elements())
        if (r.contains(w, cur)) {
          cur = w;
          break;
        }
      if (cur != back.back()) {
        back.push_back(cur);
        factors.push_back(f[i]);
      }
    }
    std::reverse(back.begin(), back.end());
    std::reverse(factors.begin(), factors.end());
    factor_of_step = std::move(factors);
    return back;
  }

  /// A shortest path from u to v in `node` (u != v, v reachable).
  std::vector<std::size_t> closure_path(std::uint32_t node, std::size_t u, std::size_t v) {
    const Relation& r = rel(node);
    constexpr std::size_t kUnseen = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> parent(st_.n, kUnseen), queue{u};
    parent[u] = u;
    for (std::size_t qi = 0; qi < queue.size() && parent[v] == kUnseen; ++qi)
      for_each_successor(r, queue[qi], [&](std::size_t z) {
        if (parent[z] == kUnseen) {
          parent[z] = queue[qi];
          queue.push_back(z);
        }
      });
    if (parent[v] == kUnseen) return {u, v};
    std::vector<std::size_t> path;
    for (std::size_t x = v; x != u; x = parent[x]) path.push_back(x);
    path.push_back(u);
    std::reverse(path.begin(), path.end());
    return path;
  }

  /// The edge (u, v) of `node` spelled out as a path through the node's
  /// structure (the alternative of a union that holds it, the steps of a
  /// sequence, the hops of a closure or of a `let rec`), down to edges that
  /// cannot be split further; kept as one edge if every event in between is a
  /// barrier or a branch (e.g. dsb-ob stays one edge, ic-ca shows its fetch).
  std::vector<std::size_t> refine(std::uint32_t node, std::size_t u, std::size_t v, int depth) {
    const std::vector<std::size_t> atomic{u, v};
    // Bounded: a `let rec` (lob = ... | lob; lob) may split edges many ways.
    if (depth > 24 || refine_budget_ <= 0) return atomic;
    --refine_budget_;
    const Node& nd = st_.m.nodes[node];
    std::vector<std::size_t> path;
    std::vector<std::uint32_t> step_node;
    switch (nd.op) {
      case Op::Union:
        return refine(rel(nd.a).contains(u, v) ? nd.a : nd.b, u, v, depth + 1);
      case Op::RecOut:
      case Op::RecVar: {
        const std::uint32_t body = st_.m.groups[nd.aux].bodies[nd.a];  // a = the variable's slot
        if (!rel(body).contains(u, v)) return atomic;
        return refine(body, u, v, depth + 1);
      }
      case Op::Seq:
        path = seq_path(node, u, v, step_node);
        break;
      case Op::Plus:
      case Op::Star:
        if (u == v) return atomic;  // a cycle inside a closure: shown as is
        path = closure_path(nd.a, u, v);
        step_node.assign(path.size() - 1, nd.a);
        break;
      case Op::Opt:
        if (u == v) return atomic;
        return refine(nd.a, u, v, depth + 1);
      default: return atomic;
    }
    if (path.size() < 2) return atomic;
    bool interesting = false;
    for (std::size_t k = 1; k + 1 < path.size(); ++k) interesting |= shown(path[k]);
    if (!interesting && path.size() > 2) return atomic;
    std::vector<std::size_t> out{path.front()};
    for (std::size_t k = 0; k + 1 < path.size(); ++k) {
      const auto sub = refine(step_node[k], path[k], path[k + 1], depth + 1);
      out.insert(out.end(), sub.begin() + 1, sub.end());
    }
    return out;
  }

  /// Named relations (definitions and base relations) the check's expression
  /// uses, transitively through definitions.
  const std::vector<std::pair<std::string, std::uint32_t>>& named_in(std::size_t item) {
    auto it = tables_.find(item);
    if (it != tables_.end()) return it->second;
    const auto& m = st_.m;
    std::vector<bool> seen(m.nodes.size(), false);
    std::vector<std::uint32_t> stack{m.items[item].node};
    while (!stack.empty()) {
      const std::uint32_t x = stack.back();
      stack.pop_back();
      if (x == kNone || seen[x]) continue;
      seen[x] = true;
      const Node& nd = m.nodes[x];
      if (nd.op == Op::RecOut) {
        for (auto b : m.groups[nd.aux].bodies) stack.push_back(b);
        continue;
      }
      if (nd.op == Op::RecVar || nd.op == Op::WithVar) continue;
      stack.push_back(nd.a);
      stack.push_back(nd.b);
    }
    std::vector<std::pair<std::string, std::uint32_t>> out;
    auto add = [&](const std::string& name, std::uint32_t node) {
      if (!m.nodes[node].rel || !seen[node]) return;
      for (const auto& [n2, id2] : out)
        if (n2 == name && id2 == node) return;
      out.emplace_back(name, node);
    };
    for (const auto& [name, node] : m.names) add(name, node);
    for (std::uint32_t i = 0; i < m.nodes.size(); ++i)
      if (m.nodes[i].op == Op::BaseRel) add(std::string(kBaseCatalogue[m.nodes[i].aux].name), i);
    return tables_.emplace(item, std::move(out)).first->second;
  }

  /// Labels of edge (a, b): smallest relation first. Symmetric relations
  /// (loc, ext, scl...) order nothing and are left out unless nothing else holds it.
  std::vector<std::string> labels(std::size_t item, std::size_t a, std::size_t b) {
    std::vector<std::pair<std::size_t, std::string>> found, symmetric;
    for (const auto& [name, node] : named_in(item)) {
      const Relation& r = rel(node);
      if (!r.contains(a, b)) continue;
      (r.contains(b, a) && r == r.inverse() ? symmetric : found).emplace_back(r.count(), name);
    }
    if (found.empty()) found = std::move(symmetric);
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    for (auto& [count, name] : found)
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    if (out.empty()) out.push_back(st_.m.items[item].name);
    return out;
  }

  static constexpr int kRefineBudget = 4096;  ///< refine() calls per violation
  Evaluator::State& st_;
  int refine_budget_ = kRefineBudget;
  std::optional<Violation> best_;
  std::size_t best_len_ = 0, best_sync_ = 0;
  std::set<std::size_t> failed_items_;
  bool consistent_ = false;
  std::map<std::size_t, std::vector<std::pair<std::string, std::uint32_t>>> tables_;
};

/// Records the `with` relations of the first passing branch.
class ChoiceRecorder : public EvalObserver {
 public:
  explicit ChoiceRecorder(Evaluator::State& st) : st_(st) {}
  void passed() override {
    if (done_) return;
    done_ = true;
    for (const auto& it : st_.m.items)
      if (it.kind == Item::Kind::With) out_.push_back(NamedPairs{it.name, st_.rp[it.node]->pairs()});
    st_.stop = true;
  }
  std::vector<NamedPairs>& out() { return out_; }

 private:
  Evaluator::State& st_;
  bool done_ = false;
  std::vector<NamedPairs> out_;
};

/// Collects one relation's value in every branch, checks ignored.
class ValueCollector : public EvalObserver {
 public:
  ValueCollector(Evaluator::State& st, std::uint32_t node) : st_(st), node_(node) {}
  [[nodiscard]] bool ignore_checks() const override { return true; }
  void passed() override {
    st_.ensure(node_);
    out_.push_back(st_.rp[node_]->pairs());
    st_.stop = false;
  }
  std::vector<std::vector<Pair>>& out() { return out_; }

 private:
  Evaluator::State& st_;
  std::uint32_t node_;
  std::vector<std::vector<Pair>> out_;
};

/// Installs an observer for one evaluation.
struct Observing {
  Evaluator::State& st;
  Observing(Evaluator::State& s, EvalObserver& o) : st(s) { st.observer = &o; }
  ~Observing() { st.observer = nullptr; }
  Observing(const Observing&) = delete;
  Observing& operator=(const Observing&) = delete;
};

}  // namespace

std::optional<Violation> Evaluator::explain(const BaseValues& base) {
  Explainer ex(*state_);
  {
    Observing guard(*state_, ex);
    (void)state_->run(base);
  }
  if (ex.consistent()) return std::nullopt;
  return std::move(ex.best());
}

std::vector<NamedPairs> Evaluator::passing_choice(const BaseValues& base) {
  ChoiceRecorder rec(*state_);
  {
    Observing guard(*state_, rec);
    (void)state_->run(base);
  }
  return std::move(rec.out());
}

std::vector<std::vector<std::pair<std::size_t, std::size_t>>> Evaluator::relation_values(
    const BaseValues& base, const std::string& name) {
  const auto& m = state_->m;
  std::uint32_t node = kNone;
  for (const auto& [n, id] : m.names)
    if (n == name && m.nodes[id].rel) node = id;  // the latest definition wins
  if (node == kNone) {
    for (std::uint32_t i = 0; i < m.nodes.size(); ++i)
      if (m.nodes[i].op == Op::BaseRel && kBaseCatalogue[m.nodes[i].aux].name == name) node = i;
  }
  if (node == kNone) {
    const auto b = find_base(name);
    if (b && kBaseCatalogue[*b].arity == Arity::Relation) return {base.relations[*b].pairs()};
    return {};
  }
  ValueCollector col(*state_, node);
  {
    Observing guard(*state_, col);
    (void)state_->run(base);
  }
  return std::move(col.out());
}

}  // namespace xmcheck::axioms
