// analyse_persistence(): which checks of a compiled model stay violated when
// the candidate grows. A sub-execution S keeps the events of some threads, the
// reads-from and IPI edges among them, and coherence restricted to their
// writes; any execution E containing S restricts to it. Each node is classed
// by how its value on S relates to its value on E restricted to S's events:
//   stable  - equal (base entries decided by the events themselves);
//   grows   - a subset (unions, intersections, sequences, closures of growing
//             values; a difference or complement only of a stable value);
//   neither - anything else.
// A plain acyclic/irreflexive/empty check of a growing value persists: a cycle,
// reflexive pair or member in S is one in E. A negated check does not. An
// enumeration `orient(PAIRS, FIXED)` of growing arguments persists: every
// orientation E can choose contains one S can choose, so if every branch of S
// fails a persistent check, so does every branch of E (docs/design.md).
#include <vector>

#include "ir.hpp"
#include "xmcheck/axioms/base.hpp"

namespace xmcheck::axioms::detail {
namespace {

enum class Growth : unsigned char { Neither, Grows, Stable };

/// A node's growth, and whether its pairs stay within one thread (or among
/// initial writes): a path through a local relation cannot leave S.
struct Class {
  Growth growth = Growth::Neither;
  bool local = false;
};

Growth weakest(Growth a, Growth b) { return a < b ? a : b; }
Growth at_most_grows(Growth a) { return weakest(a, Growth::Grows); }

class Classifier {
 public:
  explicit Classifier(const CompiledModel::Impl& m)
      : m_(m), memo_(m.nodes.size()), done_(m.nodes.size(), false), with_persists_(64, false) {}

  void set_with(std::uint32_t slot, bool persists) { with_persists_[slot] = persists; }

  Class of(std::uint32_t id) {
    if (done_[id]) return memo_[id];
    done_[id] = true;  // a recursion variable reached again: see RecVar
    memo_[id] = Class{Growth::Grows, false};
    memo_[id] = classify(id);
    return memo_[id];
  }
  Growth growth(std::uint32_t id) { return of(id).growth; }

 private:
  Class classify(std::uint32_t id) {
    const Node& n = m_.nodes[id];
    switch (n.op) {
      case Op::BaseSet:
      case Op::BaseRel: {
        const BaseEntry& e = kBaseCatalogue[n.aux];
        const bool local = n.op == Op::BaseRel && e.scope == Scope::OneThread;
        switch (e.extension) {
          case Extension::Stable: return {Growth::Stable, local};
          case Extension::Grows: return {Growth::Grows, local};
          case Extension::Unstable: return {Growth::Neither, local};
        }
        return {};
      }
      case Op::EmptySet:
      case Op::EmptyRel:
      case Op::Id: return {Growth::Stable, true};
      case Op::FullSet:
      case Op::FullRel: return {Growth::Stable, false};
      case Op::Union: {
        const Class a = of(n.a), b = of(n.b);
        return {weakest(a.growth, b.growth), a.local && b.local};
      }
      case Op::Inter: {
        const Class a = of(n.a), b = of(n.b);
        return {weakest(a.growth, b.growth), a.local || b.local};
      }
      case Op::Cart: return {weakest(growth(n.a), growth(n.b)), false};
      case Op::Diff: {
        const Class a = of(n.a), b = of(n.b);
        return {b.growth == Growth::Stable ? a.growth : Growth::Neither, a.local};
      }
      case Op::Comp: return {growth(n.a) == Growth::Stable ? Growth::Stable : Growth::Neither, false};
      case Op::Inv: return of(n.a);
      case Op::ToId: return {growth(n.a), true};
      // A path may pass through events outside S, unless a local step pins
      // the middle event to a thread of S: then a stable value stays stable.
      case Op::Seq: {
        const Class a = of(n.a), b = of(n.b);
        const Growth g = weakest(a.growth, b.growth);
        return {a.local || b.local ? g : at_most_grows(g), a.local && b.local};
      }
      case Op::Plus:
      case Op::Star:
      case Op::Opt: {
        const Class a = of(n.a);
        return {a.local ? a.growth : at_most_grows(a.growth), a.local};
      }
      case Op::Domain:
      case Op::Range: {
        const Class a = of(n.a);
        return {a.local ? a.growth : at_most_grows(a.growth), false};
      }
      // Kleene iteration from empty: each iterate grows if the bodies do,
      // assuming the variables grow (the memo's provisional value).
      case Op::RecVar: return {Growth::Grows, false};
      case Op::RecOut: {
        Growth g = Growth::Grows;
        for (auto body : m_.groups[n.aux].bodies) g = weakest(g, at_most_grows(growth(body)));
        return {g, false};
      }
      case Op::WithVar: return {with_persists_[n.aux] ? Growth::Grows : Growth::Neither, false};
      case Op::If:
      case Op::EventVar: return {};
    }
    return {};
  }

  const CompiledModel::Impl& m_;
  std::vector<Class> memo_;
  std::vector<bool> done_;
  std::vector<bool> with_persists_;
};

}  // namespace

void analyse_persistence(CompiledModel::Impl& model) {
  Classifier c(model);
  model.persists.assign(model.items.size(), false);
  bool all_with = true;
  for (std::size_t k = 0; k < model.items.size(); ++k) {
    const Item& it = model.items[k];
    if (it.kind == Item::Kind::With) {
      // A cross enumeration picks among pairs that a larger execution may
      // extend, so its branches need not dominate: never persistent.
      const bool p = !it.cross && c.growth(it.pairs) != Growth::Neither &&
                     c.growth(it.fixed) != Growth::Neither;
      c.set_with(model.nodes[it.node].aux, p);
      model.persists[k] = p;
      all_with = all_with && p;
    } else {
      model.persists[k] = !it.is_flag && !it.negated && c.growth(it.node) != Growth::Neither;
    }
  }
  model.refutes_extensions = all_with;
  model.growth.resize(model.nodes.size());
  for (std::uint32_t id = 0; id < model.nodes.size(); ++id)
    model.growth[id] = static_cast<std::uint8_t>(c.growth(id));
}

}  // namespace xmcheck::axioms::detail
