#pragma once
// What a test observes: the locations its condition and `locations` list name, in
// herd's order, their final values in an execution, and the condition's truth.
#include <string>
#include <vector>

#include "program.hpp"
#include "trace.hpp"
#include "value.hpp"
#include "xmcheck/checker/result.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::checker {

/// An observed location as the search sees it; `shown` is what the result reports.
struct ObservationSlot {
  bool is_register = false;
  bool is_fault = false;   ///< a fault atom: its value is 1 when such a fault was taken
  std::int64_t fault_address = -1;  ///< fault atom with a label: that instruction's address
  std::string fault_type;           ///< fault atom: required type ("" = any)
  bool fault_on_location = false;   ///< fault atom naming a location (data aborts: never)
  int proc = 0;
  int reg = 0;     ///< register index
  int loc = -1;    ///< memory location id (-1: never written, always 0)
  int count = 1;   ///< consecutive locations observed (an array's elements)
  bool is_array = false;
  int value_index = 0;  ///< where its values start in a final-value vector
  ObservedLocation shown;  ///< the location, typed, as TestResult::observed holds it
  /// Named by the filter only: evaluated, but not part of a state (herd7
  /// shows the locations of `locations` and of the condition).
  bool filter_only = false;
};

class Execution;

class Observation {
 public:
  /// Interns the condition's values into `prog` (instruction constants).
  Observation(const litmus::LitmusTest& test, Program& prog);

  /// Every slot: the shown ones first, then the filter-only ones.
  [[nodiscard]] const std::vector<ObservationSlot>& locations() const { return locs_; }
  /// The slots a state shows (locations() without the filter-only ones).
  [[nodiscard]] std::span<const ObservationSlot> shown_locations() const {
    return {locs_.data(), shown_slots_};
  }
  /// Final values (one per locations() value) cut to the shown slots' values:
  /// what identifies a state.
  [[nodiscard]] std::vector<Val> shown_values(const std::vector<Val>& finals) const {
    return {finals.begin(), finals.begin() + static_cast<std::ptrdiff_t>(std::min(shown_values_, finals.size()))};
  }
  /// The value of fault atom `l` for threads that took `faults` ([proc] -> faults).
  [[nodiscard]] static Val fault_value(const ObservationSlot& l, const std::vector<FaultRecord>& faults);
  /// The final values (one per locations() value) of candidate `ex` under
  /// coherence `co`: registers and fault atoms of its traces, the co-last
  /// write of each observed location.
  [[nodiscard]] std::vector<Val> final_values(const Execution& ex, const std::vector<std::vector<int>>& co) const;
  /// Evaluates the condition's proposition on final values (one per location()).
  [[nodiscard]] bool satisfies(const std::vector<Val>& finals) const;
  /// Evaluates the test's filter (true when it has none).
  [[nodiscard]] bool passes_filter(const std::vector<Val>& finals) const;
  /// Whether trace `t` of thread `proc` fails the filter whatever the other
  /// threads and memory hold: a conjunct of the filter that names only this
  /// thread's registers and fault atoms is false for it. No candidate with
  /// such a trace is shown, counted or flagged, so the search drops it.
  [[nodiscard]] bool trace_fails_filter(int proc, const Trace& t) const;
  /// trace_fails_filter() of every trace, [proc][trace]; empty when none fails.
  [[nodiscard]] std::vector<std::vector<bool>> traces_failing_filter(
      const std::vector<std::vector<Trace>>& traces) const;
  /// A value, typed for the result (locations by name, instructions as litmus instructions).
  [[nodiscard]] StateValue value_of(const Val& v) const;
  /// The C type the init block declares for a slot's location ("" if none).
  [[nodiscard]] std::string declared_type(const ObservationSlot& l) const;
  /// The value of observed location `l` in `finals` (an Array value for arrays,
  /// a Fault value for fault atoms).
  [[nodiscard]] StateValue state_value(const ObservationSlot& l, const std::vector<Val>& finals) const;

 private:
  struct Atom;
  struct Node {
    litmus::Prop::Kind kind;
    int slot = -1;   ///< Eq/Ne: index into locs_
    int other = -1;  ///< Eq/Ne with another location: its index, compared instead of `value`
    Val value;       ///< Eq/Ne
    std::vector<Node> children;
  };
  int slot_for(const litmus::Location& loc);
  Node convert(const litmus::Prop& p);
  Val convert_value(const litmus::Value& v);
  static bool eval(const Node& n, const std::vector<Val>& finals);

  const litmus::LitmusTest& test_;
  Program& prog_;
  std::vector<ObservationSlot> locs_;
  std::size_t shown_slots_ = 0;   ///< locs_[0 .. shown_slots_) are shown
  std::size_t shown_values_ = 0;  ///< their values: finals[0 .. shown_values_)
  Node condition_;
  std::optional<Node> filter_;
};

/// The traces a search excludes up front ([proc][trace]; empty: none):
/// `refuted` (ThreadVerdicts::refuted_traces) and `failing` (the filter's).
[[nodiscard]] std::vector<std::vector<bool>> excluded_traces(std::vector<std::vector<bool>> refuted,
                                                             const std::vector<std::vector<bool>>& failing);

}  // namespace xmcheck::checker
