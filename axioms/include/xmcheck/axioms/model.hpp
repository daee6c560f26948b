#pragma once
// A resolved model: model text (plus its includes) parsed, names bound, every
// expression typed as set or relation. Variants are still open; `compile`
// specialises a model for one variant set, and `evaluate` judges one candidate.
#include <array>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "xmcheck/axioms/relation.hpp"

namespace xmcheck::axioms {

/// Enabled variant names ("DIC", "IDC", "ExS", ...). Matching is case-insensitive.
class VariantSet {
 public:
  VariantSet() = default;
  explicit VariantSet(const std::vector<std::string>& names);
  void enable(const std::string& name);
  [[nodiscard]] bool has(const std::string& name) const;
  [[nodiscard]] std::vector<std::string> names() const;  ///< sorted, lower-case

 private:
  std::set<std::string> lower_;
};

/// What a model declares: its checks and flags, for listings and explanations.
struct CheckInfo {
  std::string name;
  std::string kind;  ///< "acyclic", "irreflexive" or "empty" (with a leading "~" if negated)
  bool is_flag = false;
};

class Model {
 public:
  struct Impl;
  explicit Model(std::shared_ptr<const Impl> impl);
  [[nodiscard]] const std::string& title() const;
  [[nodiscard]] const std::string& path() const;
  [[nodiscard]] std::vector<CheckInfo> checks() const;
  /// Every variant name the model tests (`if "NAME"` in expressions and
  /// statements, flags included), lower-case and sorted: what --variant may enable.
  [[nodiscard]] std::vector<std::string> variant_names() const;
  [[nodiscard]] const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

/// Loads `path`; `include "f"` is looked up next to the including file, then in
/// `search_dirs`. Throws diag::UserError (kind Model / Io / Unsupported).
[[nodiscard]] Model load_model(const std::string& path, const std::vector<std::string>& search_dirs);

/// Loads a model as herd7 reads one with a `bell` file (herd's `-bell`, a
/// `.cfg`'s `bell` line): the bell's declarations (enumerations of tags,
/// `instructions`, event sets), then the cat file, in one scope, both seeing
/// the model library's stdlib.cat (`<search dir>/lib`) as their outermost
/// scope. Throws diag::UserError (kind Model / Io / Unsupported).
[[nodiscard]] Model load_herd_model(const std::string& bell_path, const std::string& cat_path,
                                    const std::vector<std::string>& search_dirs);

/// Parses model text given in memory (unit tests); includes use `search_dirs`.
[[nodiscard]] Model load_model_string(const std::string& text, const std::string& file_name,
                                      const std::vector<std::string>& search_dirs);

/// Values of the base sets and relations (axioms/base.hpp) for one candidate.
/// Both vectors are indexed by catalogue index; entries of the other arity are unused.
struct BaseValues {
  std::size_t num_events = 0;
  std::vector<EventSet> sets;
  std::vector<Relation> relations;
  explicit BaseValues(std::size_t n = 0);
};

/// A model specialised to one variant set, ready for repeated evaluation.
class CompiledModel {
 public:
  struct Impl;
  explicit CompiledModel(std::shared_ptr<const Impl> impl);
  [[nodiscard]] const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

[[nodiscard]] CompiledModel compile(const Model& model, const VariantSet& variants);
/// The same, for a test none of whose candidates has an event in the base
/// sets `absent` (catalogue indices): those sets are empty, and a `cross`
/// enumeration over no event has its one choice, the empty relation, fixed.
/// (The LKMM's lock.cat enumerates reads-from for failed spin_trylock() and
/// spin_is_locked() events: without such events the model stays one that
/// refutes extensions, and core blocking applies.)
[[nodiscard]] CompiledModel compile(const Model& model, const VariantSet& variants,
                                    const std::vector<std::size_t>& absent);

/// The judgement of one candidate execution.
struct Verdict {
  /// Some branch of the model's `with ... from` enumerations passes every check.
  bool consistent = false;
  /// Flags raised by passing branches (sorted, unique).
  std::vector<std::string> flags;
  /// Flags that every passing branch raised (sorted, unique; a subset of flags).
  std::vector<std::string> flags_in_every_branch;
  /// When inconsistent: the name of a check that failed (for explanations).
  std::string failed_check;
};

[[nodiscard]] Verdict evaluate(const CompiledModel& model, const BaseValues& base);

/// A relation given by name, as event pairs (a `with` choice, a debug value).
struct NamedPairs {
  std::string name;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
};

/// One edge of a violation and the model relations containing it.
struct ViolationEdge {
  std::size_t from = 0;
  std::size_t to = 0;
  /// Names of the `let`/`with` definitions and base relations occurring in the
  /// failing check's expression whose value contains this edge, the smallest
  /// (most specific) value first; the check's name if none does.
  std::vector<std::string> labels;
};

/// Why a candidate is inconsistent: among the checks it fails, on every
/// enumeration branch, the one with the smallest violation (ties: the cycle
/// through more IPI, interrupt and context-synchronizing events), and that violation.
struct Violation {
  std::string check;  ///< the check's name (CheckInfo::name)
  std::string kind;   ///< "acyclic", "irreflexive", "empty" (with "~" if negated)
  /// acyclic/irreflexive: the events of a shortest cycle, in order (edges[i]
  /// goes from events[i] to events[(i+1) % size]); empty: the pair's two events
  /// (or the set's one event); negated checks: none.
  std::vector<std::size_t> events;
  std::vector<ViolationEdge> edges;
  /// The value of every `with` relation on that branch (enumeration order).
  std::vector<NamedPairs> choice;
  /// How many of the model's checks the candidate fails (on any branch): a
  /// candidate that fails one check is nearly consistent, one that also
  /// breaks coherence somewhere is a poorer example.
  std::size_t failed_checks = 0;
};

/// Reusable evaluation state for one compiled model: keeps its value buffers
/// between candidates (same results as `evaluate`, fewer allocations). Not
/// thread-safe; use one per thread. The model must outlive the evaluator.
class Evaluator {
 public:
  explicit Evaluator(const CompiledModel& model);
  ~Evaluator();
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;
  Evaluator(Evaluator&&) noexcept;
  Evaluator& operator=(Evaluator&&) noexcept;
  [[nodiscard]] Verdict operator()(const BaseValues& base);

  /// Whether the model's enumerations persist in larger executions, so that
  /// refutes_extensions() can answer true (docs/design.md, "Blocking by core").
  [[nodiscard]] bool can_refute_extensions() const;
  /// The compiled model's flag names (sorted, unique).
  [[nodiscard]] const std::vector<std::string>& flag_names() const;
  /// True when `base` is a sub-execution (some threads' events, the rf and IPI
  /// edges among them, any coherence of their writes) on which every branch
  /// fails a check whose violation persists: then every execution containing
  /// it is inconsistent. Flags and non-persistent checks are not evaluated.
  [[nodiscard]] bool refutes_extensions(const BaseValues& base);

  // ---- Exact flags (docs/design.md, "Exact flags") -------------------------
  /// Flag `flag` (an index in flag_names()) is `flag ~empty X` with X
  /// shrinking: X on an execution, restricted to the events of a
  /// sub-execution, lies within X on that sub-execution.
  [[nodiscard]] bool flag_is_local(std::size_t flag) const;
  /// A local flag's X is a set: its members count, not pairs.
  [[nodiscard]] bool flag_has_members(std::size_t flag) const;
  /// A local flag's X lies within the union of its rectangles from_k * to_k
  /// (of stable sets), and X shrinks only on sub-executions keeping every
  /// event of its anchor sets (stable too).
  struct FlagEnds {
    /// [flag][rectangle] -> some event lies in its {from-side, to-side}
    /// (empty for flags that are not local).
    std::vector<std::vector<std::array<bool, 2>>> sides;
    /// [flag] -> some event lies in an anchor set.
    std::vector<bool> anchored;
    /// [flag][rectangle][k] -> some event lies in the rectangle's k-th needed
    /// set (it holds members only if each has an event somewhere).
    std::vector<std::vector<std::vector<bool>>> needs;
  };
  /// FlagEnds of `events` on `base`: stable sets, so any execution holding
  /// these events answers the same.
  [[nodiscard]] FlagEnds flag_ends(const BaseValues& base, const EventSet& events);
  /// Whether some branch of `base` that passes every persistent check raises
  /// a flag marked in `wanted` (all local) through a member of X within
  /// `events` (a pair: both events). False on a sub-execution keeping those
  /// events (and can_refute_extensions()): no execution containing it does.
  [[nodiscard]] bool may_raise_within(const BaseValues& base, const EventSet& events,
                                      const std::vector<bool>& wanted);

  /// For an inconsistent candidate: over every branch of the `with`
  /// enumerations, the first failing check's violation with the fewest edges
  /// (ties: the earliest branch). std::nullopt when the candidate is consistent.
  /// Slower than operator() (explain.cpp); meant for a few candidates.
  [[nodiscard]] std::optional<Violation> explain(const BaseValues& base);
  /// For a consistent candidate: the `with` relations of the first branch that
  /// passes every check (empty when inconsistent or the model has none).
  [[nodiscard]] std::vector<NamedPairs> passing_choice(const BaseValues& base);
  /// Debugging and tests: the value of the relation `name` (a top-level
  /// definition the compiled checks use, or a base relation) in every branch of
  /// the enumerations, checks ignored; empty if there is no such relation.
  [[nodiscard]] std::vector<std::vector<std::pair<std::size_t, std::size_t>>> relation_values(
      const BaseValues& base, const std::string& name);

  struct State;

 private:
  /// The state that judges one execution size; refutes_extensions() takes
  /// sub-executions of several sizes, each kept in `sub_states_` so that
  /// alternating sizes does not reallocate every node's buffer.
  State& sub_state(std::size_t events);

  std::unique_ptr<State> state_;
  std::vector<std::unique_ptr<State>> sub_states_;
  std::size_t next_evicted_ = 0;
};

}  // namespace xmcheck::axioms
