#pragma once
// The resolved form of a model: a flat, hash-consed DAG of typed nodes (no names
// at evaluation time), variant conditions, recursive groups and the ordered list
// of checks and enumerations. Model::Impl holds it with variants still open;
// CompiledModel::Impl holds it specialised to one variant set.
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "xmcheck/axioms/model.hpp"
#include "xmcheck/diag/source_span.hpp"

namespace xmcheck::axioms::detail {

inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

enum class Op : std::uint8_t {
  BaseSet,   ///< aux = catalogue index
  BaseRel,   ///< aux = catalogue index
  EmptySet, EmptyRel, FullSet, FullRel, Id,
  Union, Inter, Diff,  ///< a, b of the node's type
  Seq,                 ///< a ; b
  Cart,                ///< a * b (sets) -> relation
  Plus, Star, Opt, Inv,
  Comp,                ///< complement, node's type
  ToId,                ///< [a]
  Domain, Range,       ///< relation -> set
  If,                  ///< aux = condition; a = then, b = else (open models only)
  RecVar,              ///< aux = group, a = slot: the variable during the fixpoint
  RecOut,              ///< aux = group, a = slot, b = the group's RecVar node
  WithVar,             ///< aux = enumeration slot
  EventVar,            ///< aux = variable: one event bound by `map` (resolver only, never compiled)
};

struct Node {
  Op op = Op::EmptyRel;
  bool rel = true;  ///< relation (true) or set (false)
  std::uint32_t a = kNone;
  std::uint32_t b = kNone;
  std::uint32_t aux = 0;
  friend bool operator==(const Node&, const Node&) = default;
};

/// Variant condition table entry.
struct Cond {
  enum class Kind : std::uint8_t { True, Name, Not, And, Or } kind = Kind::True;
  std::string name;  ///< lower-case, for Name
  std::uint32_t a = kNone, b = kNone;
};

struct RecGroup {
  diag::SourceSpan span;
  std::vector<std::uint32_t> vars;    ///< RecVar nodes
  std::vector<std::uint32_t> bodies;  ///< body node of each variable
};

struct Item {
  enum class Kind : std::uint8_t { Check, With } kind = Kind::Check;
  std::uint32_t guard = kNone;  ///< condition under which the item exists (kNone: always)
  diag::SourceSpan span;
  // Check
  std::string name;
  std::string test;  ///< "acyclic", "irreflexive", "empty"
  /// `test` decoded once: the evaluator tests it for every candidate.
  enum class Test : std::uint8_t { Acyclic, Irreflexive, Empty } test_kind = Test::Acyclic;
  bool negated = false;
  bool is_flag = false;
  std::uint32_t node = kNone;  ///< checked node; for With: the WithVar node
  // With: orient(pairs, fixed), or (cross) one pair of `pairs` ending at each
  // event of the set `fixed` (herd's cross over a family of single edges).
  bool cross = false;
  std::uint32_t pairs = kNone;
  std::uint32_t fixed = kNone;
  /// A local flag (flag_locality.cpp): a shrinking node containing `node` on
  /// every execution, which the exact-flag search refutes with (`node` itself
  /// when it shrinks).
  std::uint32_t over = kNone;
};

}  // namespace xmcheck::axioms::detail

namespace xmcheck::axioms {

struct Model::Impl {
  std::string title;
  std::string path;
  std::vector<detail::Node> nodes;
  std::vector<detail::Cond> conds;
  std::vector<detail::RecGroup> groups;
  std::vector<detail::Item> items;
  /// Top-level `let`, `let rec` and `with` names with the node each was bound to,
  /// in definition order (explanations label edges with them).
  std::vector<std::pair<std::string, std::uint32_t>> names;
};

struct CompiledModel::Impl {
  struct Group {
    diag::SourceSpan span;
    std::vector<std::uint32_t> vars;
    std::vector<std::uint32_t> bodies;
    std::vector<std::uint32_t> deps;  ///< non-variable nodes depending on the variables, in order
    std::uint32_t level = 0;
  };
  std::vector<detail::Node> nodes;     ///< topologically ordered (children first)
  std::vector<std::uint32_t> level;    ///< per node: 1 + innermost enumeration it depends on
  std::vector<Group> groups;
  std::vector<detail::Item> items;     ///< guards resolved; With items' aux slot in `node`'s aux
  std::size_t num_levels = 1;          ///< 1 + number of enumerations
  std::size_t num_flags = 0;
  std::vector<std::string> flag_names; ///< distinct flag names, sorted
  /// Model::Impl::names whose definitions the kept checks use, mapped to this DAG.
  std::vector<std::pair<std::string, std::uint32_t>> names;
  /// Per item (persistence.cpp): a check whose violation on a sub-execution
  /// persists in every execution containing it; an enumeration whose every
  /// branch there dominates a branch of the sub-execution.
  std::vector<bool> persists;
  /// Every enumeration persists, so a sub-execution failing persistent checks
  /// on all its branches refutes all its extensions.
  bool refutes_extensions = false;
  /// Per node (persistence.cpp): 0 neither, 1 grows, 2 stable on sub-executions.
  std::vector<std::uint8_t> growth;
  /// Per flag (flag_locality.cpp, docs/design.md "Exact flags"): whether it is
  /// `flag ~empty X` with X *shrinking* (X on an execution, restricted to a
  /// sub-execution's events, lies within X on the sub-execution), and sides of
  /// rectangles covering X. Sets: `members`, and only `from` counts.
  struct FlagShape {
    bool local = false;
    bool members = false;
    struct Rect {
      std::vector<std::uint32_t> from, to;  ///< conjunctions of stable set nodes (empty: any event)
      /// Stable sets that must each have an event somewhere for the rectangle
      /// to hold a member (A of a range([A]; R) the sides intersect).
      std::vector<std::uint32_t> needs;
    };
    std::vector<Rect> rects;
    /// Stable sets whose events a sub-execution must keep (every thread that
    /// has one) for X to shrink: X reads them through range([A]; R) or
    /// domain(R; [A]) of a stable R.
    std::vector<std::uint32_t> anchors;
  };
  std::vector<FlagShape> flag_shapes;
};

namespace detail {
/// Fills `persists` and `refutes_extensions` of a compiled model.
void analyse_persistence(CompiledModel::Impl& model);
/// Fills `flag_shapes` (after analyse_persistence).
void analyse_flag_locality(CompiledModel::Impl& model);
}  // namespace detail

}  // namespace xmcheck::axioms
