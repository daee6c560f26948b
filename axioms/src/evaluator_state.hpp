#pragma once
// The evaluator's state (evaluate.cpp): memoised node values, enumeration
// levels and the verdict being accumulated. Shared with explain.cpp, which
// observes failing and passing branches through EvalObserver.
#include <algorithm>
#include <bit>

#include "ir.hpp"
#include "xmcheck/axioms/base.hpp"
#include "xmcheck/axioms/model.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::axioms {

/// Watches an evaluation (explanations, witnesses, debugging). Never set on
/// the plain judging path.
struct EvalObserver {
  virtual ~EvalObserver() = default;
  /// The check at `item` failed on the current branch (values still valid).
  virtual void failed(std::size_t /*item*/) {}
  /// The current branch passed every check (values still valid).
  virtual void passed() {}
  /// Treat every check as passing (visit every branch of the enumerations).
  [[nodiscard]] virtual bool ignore_checks() const { return false; }
  /// Go on after a failed check, so that every failing check of a branch is
  /// reported (the branch still fails: passed() is not called for it).
  [[nodiscard]] virtual bool all_failures() const { return false; }
};

using detail::Item;
using detail::kNone;
using detail::Node;
using detail::Op;

struct Evaluator::State {
  const CompiledModel::Impl& m;
  std::size_t failures = 0;  ///< checks failed on the current branch (observer->all_failures())
  const BaseValues* base = nullptr;
  std::size_t n = kNone;  // event count the buffers are sized for
  std::vector<Relation> rel_own;
  std::vector<EventSet> set_own;
  std::vector<const Relation*> rp;
  std::vector<const EventSet*> sp;
  std::vector<std::uint64_t> stamp;
  std::vector<std::uint64_t> level_epoch;
  std::vector<std::uint64_t> group_stamp;
  std::uint64_t counter = 0;
  // enumeration scratch, per level
  std::vector<Relation> with_fixed;
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> with_open;
  // Per level and open pair: 0 free, 1 forced as listed, 2 forced reversed
  // (prune_orientations()).
  std::vector<std::vector<unsigned char>> with_forced;
  // verdict accumulation
  bool consistent = false;
  bool stop = false;
  std::vector<bool> raised_any;
  std::size_t raised_count = 0;
  // Flags every passing branch raised so far (an execution is undefined only
  // if no branch of its enumerations avoids the flag).
  std::vector<bool> raised_every;
  std::size_t raised_every_count = 0;
  std::size_t deepest_failure = 0;
  std::string failed_check;
  std::vector<std::uint32_t> raised;  // flag ids raised along the current branch
  EvalObserver* observer = nullptr;
  /// refutes_extensions(): only persistent checks count, flags are ignored,
  /// and the first passing branch settles it.
  bool persistent_only = false;
  /// may_raise_within() (with persistent_only): the events a member must lie
  /// in and the flags looked for; a branch passing with one sets `consistent`.
  const EventSet* within = nullptr;
  const std::vector<bool>* wanted = nullptr;

  explicit State(const CompiledModel::Impl& model) : m(model) {
    const std::size_t nn = m.nodes.size();
    rp.assign(nn, nullptr);
    sp.assign(nn, nullptr);
    stamp.assign(nn, 0);
    level_epoch.assign(m.num_levels, 0);
    group_stamp.assign(m.groups.size(), 0);
    with_fixed.resize(m.num_levels);
    with_open.resize(m.num_levels);
    with_forced.resize(m.num_levels);
  }

  void resize(std::size_t events) {
    if (events == n) return;
    n = events;
    const std::size_t nn = m.nodes.size();
    rel_own.assign(nn, Relation());
    set_own.assign(nn, EventSet());
    for (std::size_t i = 0; i < nn; ++i) {
      const Op op = m.nodes[i].op;
      if (op == Op::BaseRel || op == Op::BaseSet || op == Op::RecOut) continue;
      if (m.nodes[i].rel) {
        rel_own[i] = Relation(n);
      } else {
        set_own[i] = EventSet(n);
      }
    }
    for (auto& r : with_fixed) r = Relation(n);
  }

  [[nodiscard]] bool valid(std::uint32_t id) const { return stamp[id] == level_epoch[m.level[id]]; }

  void ensure(std::uint32_t id) {
    if (valid(id)) return;
    compute(id);
    stamp[id] = level_epoch[m.level[id]];
  }

  static void set_diagonal(Relation& r) {
    for (std::size_t i = 0; i < r.size(); ++i) r.insert(i, i);
  }

  [[nodiscard]] bool empty_left_decides(const Node& nd) const {
    switch (nd.op) {
      case Op::Seq: return rp[nd.a]->empty();
      case Op::Cart: return sp[nd.a]->empty();
      case Op::Inter:
      case Op::Diff: return nd.rel ? rp[nd.a]->empty() : sp[nd.a]->empty();
      default: return false;
    }
  }

  void compute(std::uint32_t id) {
    const Node& nd = m.nodes[id];
    Relation& R = rel_own[id];
    EventSet& S = set_own[id];
    const std::uint32_t a = nd.a, b = nd.b;
    if (a != kNone && nd.op != Op::RecOut) ensure(a);
    // An empty left operand decides a;b, a&b, a\b and a*b without the right
    // one, which may be a whole sub-model (the fetch rules on a test without
    // fetches): it is then not computed at all.
    if (b != kNone && empty_left_decides(nd)) {
      if (nd.rel) {
        R.clear();
        rp[id] = &R;
      } else {
        S.clear();
        sp[id] = &S;
      }
      return;
    }
    if (b != kNone && nd.op != Op::RecOut) ensure(b);
    switch (nd.op) {
      case Op::BaseSet: {
        const EventSet& v = base->sets[nd.aux];
        XMCHECK_ASSERT(v.size() == n, "base set has the wrong size");
        sp[id] = &v;
        return;
      }
      case Op::BaseRel: {
        const Relation& v = base->relations[nd.aux];
        XMCHECK_ASSERT(v.size() == n, "base relation has the wrong size");
        rp[id] = &v;
        return;
      }
      case Op::EmptySet: S.clear(); break;
      case Op::FullSet: S = EventSet::full(n); break;
      case Op::EmptyRel: R.clear(); break;
      case Op::FullRel:
        R.clear();
        R |= Relation::product(EventSet::full(n), EventSet::full(n));
        break;
      case Op::Id: R.clear(); set_diagonal(R); break;
      case Op::Union:
      case Op::Inter:
      case Op::Diff:
        if (nd.rel) {
          R = *rp[a];
          if (nd.op == Op::Union) R |= *rp[b];
          else if (nd.op == Op::Inter) R &= *rp[b];
          else R -= *rp[b];
        } else {
          S = *sp[a];
          if (nd.op == Op::Union) S |= *sp[b];
          else if (nd.op == Op::Inter) S &= *sp[b];
          else S -= *sp[b];
        }
        break;
      case Op::Seq: rp[a]->compose_into(*rp[b], R); break;
      case Op::Cart: {
        R.clear();
        const auto& aw = sp[a]->words();
        const auto& bw = sp[b]->words();
        for (std::size_t w = 0; w < aw.size(); ++w)
          for (std::uint64_t x = aw[w]; x != 0; x &= x - 1) {
            const std::size_t e = w * 64 + static_cast<std::size_t>(std::countr_zero(x));
            std::copy(bw.begin(), bw.end(), R.row_words(e));
          }
        break;
      }
      case Op::Plus: R = *rp[a]; R.close_transitively(); break;
      case Op::Star: R = *rp[a]; R.close_transitively(); set_diagonal(R); break;
      case Op::Opt: R = *rp[a]; set_diagonal(R); break;
      case Op::Inv: {
        R.clear();
        const Relation& src = *rp[a];
        const std::size_t wpr = src.words_per_row();
        for (std::size_t i = 0; i < n; ++i) {
          const std::uint64_t* row = src.row_words(i);
          for (std::size_t w = 0; w < wpr; ++w)
            for (std::uint64_t x = row[w]; x != 0; x &= x - 1)
              R.insert(w * 64 + static_cast<std::size_t>(std::countr_zero(x)), i);
        }
        break;
      }
      case Op::Comp:
        if (nd.rel) R = rp[a]->complement();
        else S = sp[a]->complement();
        break;
      case Op::ToId: {
        R.clear();
        for (auto e : sp[a]->elements()) R.insert(e, e);
        break;
      }
      case Op::Domain: S = rp[a]->domain(); break;
      case Op::Range: S = rp[a]->range(); break;
      case Op::RecOut:
        run_group(nd.aux);
        rp[id] = rp[b];
        sp[id] = sp[b];
        return;
      case Op::RecVar:
      case Op::WithVar:
      case Op::EventVar:
      case Op::If: XMCHECK_ASSERT(false, "node evaluated out of its scope");
    }
    if (nd.rel) rp[id] = &R;
    else sp[id] = &S;
  }

  /// Whether node x's value is included in node y's (herd's `stabilised`).
  bool included(std::uint32_t x, std::uint32_t y) const {
    const auto& a = m.nodes[x].rel ? rp[x]->words() : sp[x]->words();
    const auto& b = m.nodes[x].rel ? rp[y]->words() : sp[y]->words();
    for (std::size_t i = 0; i < a.size(); ++i)
      if ((a[i] & ~b[i]) != 0) return false;
    return true;
  }

  void run_group(std::uint32_t g) {
    const auto& grp = m.groups[g];
    const std::uint64_t e = level_epoch[grp.level];
    if (group_stamp[g] == e) return;
    for (auto v : grp.vars) {
      if (m.nodes[v].rel) {
        rel_own[v].clear();
        rp[v] = &rel_own[v];
      } else {
        set_own[v].clear();
        sp[v] = &set_own[v];
      }
      stamp[v] = e;
    }
    for (auto d : grp.deps) stamp[d] = e;
    const std::size_t cap = grp.vars.size() * (n * n + 1) + 2;
    // herd's iteration (lib/interpreter.ml, fix_step): the bindings are
    // evaluated in order, each seeing the new values of those before it in
    // the same sweep; the fixpoint is reached when a sweep adds nothing (every
    // new value included in the previous one). With non-monotone bodies (the
    // LKMM's rcu-rscs matches lock and unlock by `\ domain(matched)`) the
    // order decides the result, so it is herd's.
    for (std::size_t iter = 0;; ++iter) {
      if (iter > cap)
        throw diag::UserError(diag::ErrorKind::Model, grp.span,
                              "the definitions of this 'let rec' do not reach a fixpoint");
      bool grew = false;
      for (std::size_t k = 0; k < grp.vars.size(); ++k) {
        for (auto d : grp.deps) compute(d);
        const std::uint32_t v = grp.vars[k], bd = grp.bodies[k];
        ensure(bd);
        if (!included(bd, v)) grew = true;
        if (m.nodes[v].rel) rel_own[v] = *rp[bd];
        else set_own[v] = *sp[bd];
      }
      if (!grew) break;
    }
    for (auto d : grp.deps) compute(d);  // the outputs read the final values
    group_stamp[g] = e;
  }

  bool holds(const Item& it) {
    ensure(it.node);
    bool h = false;
    if (!m.nodes[it.node].rel) {
      h = sp[it.node]->empty();
    } else if (it.test_kind == Item::Test::Empty) {
      h = rp[it.node]->empty();
    } else if (it.test_kind == Item::Test::Irreflexive) {
      h = rp[it.node]->is_irreflexive();
    } else {
      h = rp[it.node]->is_acyclic();
    }
    return h != it.negated;
  }

  void branch_passed() {
    const bool consistent_before = consistent;
    consistent = true;
    if (persistent_only) {
      if (within != nullptr && raised.empty()) consistent = consistent_before;  // no member here
      else stop = true;
      return;
    }
    const bool first_pass = !consistent_before;
    for (auto f : raised)
      if (!raised_any[f]) {
        raised_any[f] = true;
        ++raised_count;
      }
    if (first_pass) {
      for (auto f : raised)
        if (!raised_every[f]) {
          raised_every[f] = true;
          ++raised_every_count;
        }
    } else if (raised_every_count > 0) {
      for (std::size_t f = 0; f < m.num_flags; ++f)
        if (raised_every[f] && std::find(raised.begin(), raised.end(), f) == raised.end()) {
          raised_every[f] = false;
          --raised_every_count;
        }
    }
    if (raised_count == m.num_flags && raised_every_count == 0) stop = true;
    if (observer != nullptr) observer->passed();  // may change `stop`
  }

  void run_from(std::size_t i) {
    std::size_t mine = 0;  // checks failed at items i.. (observer->all_failures())
    for (; i < m.items.size(); ++i) {
      const Item& it = m.items[i];
      if (it.kind == Item::Kind::Check) {
        if (persistent_only && !m.persists[i]) {  // flags never persist
          if (within != nullptr && it.is_flag) note_member_within(it);
          continue;
        }
        const bool h = holds(it);
        if (it.is_flag) {
          if (h) {
            const auto pos = std::lower_bound(m.flag_names.begin(), m.flag_names.end(), it.name);
            raised.push_back(static_cast<std::uint32_t>(pos - m.flag_names.begin()));
          }
        } else if (!h && !(observer != nullptr && observer->ignore_checks())) {
          if (observer != nullptr) observer->failed(i);
          if (failed_check.empty() || i > deepest_failure) {
            deepest_failure = i;
            failed_check = it.name;
          }
          if (observer == nullptr || !observer->all_failures()) return;
          ++failures;  // undone below, when this branch's walk returns
          ++mine;
        }
        continue;
      }
      enumerate(i);
      failures -= mine;
      return;
    }
    if (failures == 0) branch_passed();
    failures -= mine;
  }

  /// Runs the rest of the model with the enumeration of item `i` set to `var`.
  void run_branch(std::size_t i, std::uint32_t lvl) {
    for (std::size_t l = lvl; l < level_epoch.size(); ++l) level_epoch[l] = ++counter;
    stamp[m.items[i].node] = level_epoch[lvl];
    const std::size_t mark = raised.size();
    run_from(i + 1);
    raised.resize(mark);
  }

  /// herd's `cross` over a family of single edges: for every event e of the
  /// set `fixed`, one pair (x, e) of `pairs` is chosen; the variable is the
  /// union of the choices. An event with no candidate pair leaves no choice
  /// at all (a product with an empty factor), so the candidate fails.
  void enumerate_cross(std::size_t i, std::uint32_t lvl) {
    const Item& it = m.items[i];
    const Relation& P = *rp[it.pairs];
    const EventSet& targets = *sp[it.fixed];
    std::vector<std::vector<std::uint32_t>> sources;  // per target, its candidate sources
    std::vector<std::uint32_t> cols;
    std::uint64_t choices = 1;
    constexpr std::uint64_t kMaxChoices = std::uint64_t{1} << 24;
    for (std::size_t e = 0; e < n; ++e) {
      if (!targets.contains(e)) continue;
      std::vector<std::uint32_t> src;
      for (std::size_t x = 0; x < n; ++x)
        if (P.contains(x, e)) src.push_back(static_cast<std::uint32_t>(x));
      if (src.empty()) return;
      choices *= src.size();
      if (choices > kMaxChoices)
        throw diag::UserError(diag::ErrorKind::Unsupported, it.span,
                              "unsupported construct 'cross' with more than 2^24 choices");
      cols.push_back(static_cast<std::uint32_t>(e));
      sources.push_back(std::move(src));
    }
    Relation& var = rel_own[it.node];
    rp[it.node] = &var;
    for (std::uint64_t c = 0; c < choices && !stop; ++c) {
      var.clear();
      std::uint64_t rest = c;
      for (std::size_t k = 0; k < cols.size(); ++k) {
        var.insert(sources[k][rest % sources[k].size()], cols[k]);
        rest /= sources[k].size();
      }
      run_branch(i, lvl);
    }
  }

  void enumerate(std::size_t i) {
    const Item& it = m.items[i];
    const std::uint32_t lvl = m.level[it.node];
    ensure(it.pairs);
    ensure(it.fixed);
    if (it.cross) {
      enumerate_cross(i, lvl);
      return;
    }
    const Relation& P = *rp[it.pairs];
    Relation& fixed = with_fixed[lvl];
    fixed = P;
    fixed |= P.inverse();
    fixed &= *rp[it.fixed];
    auto& open = with_open[lvl];
    open.clear();
    for (const auto& [x, y] : P.pairs()) {
      if (fixed.contains(x, y) || fixed.contains(y, x)) continue;
      if (x == y) {
        fixed.insert(x, x);
        continue;
      }
      // Each unordered pair is decided once, even if PAIRS holds both directions.
      if (P.contains(y, x) && y < x) continue;
      open.emplace_back(static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y));
    }
    if (open.size() > 24)
      throw diag::UserError(diag::ErrorKind::Unsupported, it.span,
                            "unsupported construct 'orient' with " + std::to_string(open.size()) +
                                " undecided pairs (at most 24)");
    Relation& var = rel_own[it.node];
    rp[it.node] = &var;
    auto& forced = with_forced[lvl];
    forced.assign(open.size(), 0);
    if (!prune_orientations(i, var)) return;  // every branch fails a persistent check
    // Free pairs take the bits of c in order, so the branches left are visited
    // in the order of the full enumeration (the first passing one is the same).
    std::vector<std::size_t> free_pairs;
    for (std::size_t k = 0; k < open.size(); ++k)
      if (forced[k] == 0) free_pairs.push_back(k);
    const std::uint64_t choices = std::uint64_t{1} << free_pairs.size();
    for (std::uint64_t c = 0; c < choices && !stop; ++c) {
      var = fixed;
      std::size_t bit = 0;
      for (std::size_t k = 0; k < open.size(); ++k) {
        const bool reversed = forced[k] != 0 ? forced[k] == 2 : ((c >> bit++) & 1U) != 0;
        if (!reversed) var.insert(open[k].first, open[k].second);
        else var.insert(open[k].second, open[k].first);
      }
      run_branch(i, lvl);
    }
  }

  // ---- Pruning orientations (docs/design.md, "Pruning orientations") ------
  // A persistent check is over a growing node, which is monotone in every
  // persistent enumeration variable (persistence.cpp: a stable node never
  // depends on one). So if such a check already fails with the variable at
  // item i holding only its fixed pairs, the forced ones and one more
  // orientation, it fails on every branch containing them: the other
  // orientation of that pair is forced. Without pruning, N fetching CPUs
  // give 2^N orientations of IC against their fetches, nearly all failing.

  /// Open pairs from which unit propagation pays for its 2 evaluations per
  /// pair (and more with each forced pair) against 2^pairs branches.
  static constexpr std::size_t kPruneFrom = 4;

  /// Whether a persistent check between item i and the next enumeration fails
  /// with the variable of item i set to its current value (`var`).
  bool lower_bound_fails(std::size_t i) {
    const Item& with = m.items[i];
    const std::uint32_t lvl = m.level[with.node];
    for (std::size_t l = lvl; l < level_epoch.size(); ++l) level_epoch[l] = ++counter;
    stamp[with.node] = level_epoch[lvl];
    for (std::size_t j = i + 1; j < m.items.size(); ++j) {
      const Item& it = m.items[j];
      if (it.kind == Item::Kind::With) break;  // later checks may use later variables
      if (!m.persists[j] || holds(it)) continue;
      if (failed_check.empty() || j > deepest_failure) {  // as the branch would report
        deepest_failure = j;
        failed_check = it.name;
      }
      return true;
    }
    return false;
  }

  /// Unit propagation over the open pairs of enumeration item i: fills
  /// with_forced; false when some pair fails both ways (no branch passes).
  /// Off under an observer (explanations and witnesses see every branch).
  bool prune_orientations(std::size_t i, Relation& var) {
    const std::uint32_t lvl = m.level[m.items[i].node];
    const auto& open = with_open[lvl];
    auto& forced = with_forced[lvl];
    if (observer != nullptr || !m.persists[i] || open.size() < kPruneFrom) return true;
    const auto insert = [&](Relation& r, std::size_t k, bool reversed) {
      if (!reversed) r.insert(open[k].first, open[k].second);
      else r.insert(open[k].second, open[k].first);
    };
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t k = 0; k < open.size(); ++k) {
        if (forced[k] != 0) continue;
        bool fails[2] = {false, false};
        for (const bool reversed : {false, true}) {
          var = with_fixed[lvl];
          for (std::size_t f = 0; f < open.size(); ++f)
            if (forced[f] != 0) insert(var, f, forced[f] == 2);
          insert(var, k, reversed);
          fails[reversed ? 1 : 0] = lower_bound_fails(i);
        }
        if (fails[0] && fails[1]) return false;
        if (fails[0] || fails[1]) {
          forced[k] = fails[0] ? 2 : 1;
          changed = true;
        }
      }
    }
    return true;
  }

  std::uint32_t flag_id(const Item& it) const {
    const auto pos = std::lower_bound(m.flag_names.begin(), m.flag_names.end(), it.name);
    return static_cast<std::uint32_t>(pos - m.flag_names.begin());
  }

  /// may_raise_within(): a wanted flag's X has a member within `within` on
  /// this branch (recorded in `raised`, as flags are).
  void note_member_within(const Item& it) {
    const std::uint32_t f = flag_id(it);
    if (!(*wanted)[f]) return;
    const std::uint32_t node = it.over;  // contains it.node, and shrinks
    ensure(node);
    bool found = false;
    if (!m.nodes[node].rel) {
      EventSet in = *sp[node];
      in &= *within;
      found = !in.empty();
    } else {
      const Relation& x = *rp[node];
      const auto& mask = within->words();
      for (auto e : within->elements()) {
        const std::uint64_t* row = x.row_words(e);
        for (std::size_t w = 0; w < mask.size() && !found; ++w) found = (row[w] & mask[w]) != 0;
        if (found) break;
      }
    }
    if (found) raised.push_back(f);
  }

  /// Prepares evaluating single nodes on `values` (no enumeration chosen).
  void prepare(const BaseValues& values) {
    base = &values;
    resize(values.num_events);
    for (auto& e : level_epoch) e = ++counter;
  }

  const EventSet& set_value(std::uint32_t id) {
    ensure(id);
    return *sp[id];
  }

  Verdict run(const BaseValues& values) {
    XMCHECK_ASSERT(values.sets.size() == kBaseCount && values.relations.size() == kBaseCount,
                   "BaseValues must hold one entry per catalogue name");
    base = &values;
    resize(values.num_events);
    for (auto& e : level_epoch) e = ++counter;
    consistent = false;
    stop = false;
    raised_any.assign(m.num_flags, false);
    raised_count = 0;
    raised_every.assign(m.num_flags, false);
    raised_every_count = 0;
    deepest_failure = 0;
    failed_check.clear();
    raised.clear();
    if (m.num_flags == 0) raised_count = 0;
    run_from(0);
    Verdict v;
    v.consistent = consistent;
    for (std::size_t f = 0; f < m.num_flags; ++f)
      if (raised_any[f]) v.flags.push_back(m.flag_names[f]);
    for (std::size_t f = 0; f < m.num_flags; ++f)
      if (raised_every[f]) v.flags_in_every_branch.push_back(m.flag_names[f]);
    if (!consistent) v.failed_check = failed_check;
    base = nullptr;
    return v;
  }
};

}  // namespace xmcheck::axioms
