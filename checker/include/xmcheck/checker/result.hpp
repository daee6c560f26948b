#pragma once
// What checking one test produces: every allowed final state over the observed
// locations, the condition's verdict and the model's flags. The frontend prints it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::checker {

/// A location the test observes (named by its `locations` list, condition or
/// filter), typed; the frontend prints it as herd does ("1:X2", "[x]", "t",
/// "Fault(P0:L0,UndefinedInstruction)").
struct ObservedLocation {
  enum class Kind : std::uint8_t {
    Register,  ///< a thread's register (C tests: its local variable)
    Memory,    ///< a data location
    Array,     ///< a whole array: one value holding its elements
    Fault,     ///< a fault atom: its value says whether such a fault was taken
  };
  Kind kind = Kind::Memory;
  int thread = -1;         ///< Register, Fault
  std::string reg;         ///< Register: canonical name (litmus::Location::reg; C: the local variable)
  std::string symbol;      ///< Memory, Array: the location; Fault: the location accessed ("" if not given)
  std::string label;       ///< Fault: label of the faulting instruction ("" if not given)
  std::string fault_type;  ///< Fault: e.g. "UndefinedInstruction" ("" if not given)
  friend bool operator==(const ObservedLocation&, const ObservedLocation&) = default;
};

/// The final value of an observed location, typed; the frontend prints it as
/// herd does ("1", "x", "NOP", "instr:\"B .+4\"", "label:\"P0:L1\"", "{1,3}",
/// "Fault(...)" / "~Fault(...)", "S0").
struct StateValue {
  enum class Kind : std::uint8_t {
    Int,      ///< num
    Address,  ///< the address of data location `symbol`
    Code,     ///< the address `num` of an instruction; labelled `label` on `thread` ("": none)
    Instr,    ///< the instruction `instr`
    Fault,    ///< a fault atom's value: `fault_taken`
    Array,    ///< a whole array's `elements`
    ThinAir,  ///< C tests: a value out of thin air (herd's unsolved variable; printed S0)
  };
  Kind kind = Kind::Int;
  std::int64_t num = 0;
  bool is_unsigned = false;  ///< Int: print num as an unsigned 64-bit number (herd's uint64_t)
  std::string symbol;
  int thread = -1;
  std::string label;
  std::shared_ptr<const litmus::Instruction> instr;
  bool fault_taken = false;
  std::vector<StateValue> elements;

  static StateValue integer(std::int64_t n) {
    StateValue v;
    v.num = n;
    return v;
  }
  friend bool operator==(const StateValue& a, const StateValue& b) {
    if (a.kind != b.kind || a.num != b.num || a.symbol != b.symbol || a.thread != b.thread ||
        a.label != b.label || a.fault_taken != b.fault_taken || a.elements != b.elements)
      return false;
    if (!a.instr || !b.instr) return a.instr == b.instr;
    return *a.instr == *b.instr;
  }
};

/// An event of an execution shown to the user (--witness, --dot, --explain, JSON),
/// typed; the frontend prints its kind ("R", "IF", "DC"), its text ("W[x]=1",
/// "IF[P1:L0]=NOP", "DMB.ISH", "IC.IVAU[P1:L0]") and its instruction.
struct WitnessEvent {
  enum class Kind : std::uint8_t {
    InitialWrite,  ///< the initial write of `location` (thread -1)
    Read,
    Write,
    Fetch,         ///< an instruction fetch from `location`
    Fence,         ///< a barrier (`set_name`: DMB.ISH, ISB, ...)
    CacheOp,       ///< cache maintenance (`set_name`: DC.CVAU, IC.IVAU, ...)
    Branch,
    Fault,         ///< an exception taken (`fault_type`)
    ExcReturn,     ///< an exception return
    IpiSend,       ///< an inter-processor interrupt sent to `target`
    IpiAck,
    IrqEntry,
    IrqReturn,
  };
  int id = 0;              ///< index in Witness::events
  int thread = -1;         ///< -1: an initial write
  int instance = 0;        ///< instruction instance (program-order index) in its thread
  Kind kind = Kind::Read;
  /// Fence, CacheOp: the event's first architecture set of the base catalogue
  /// (axioms/base.hpp), else its first core set beyond the generic ones ("" if none).
  std::string set_name;
  int location = -1;          ///< the location accessed (Program's id; -1: none)
  std::string location_name;  ///< its name: "x", or "P1:L0" for an instruction's
  /// InitialWrite, Read, Write, Fetch: the value written, read or fetched.
  std::optional<StateValue> value;
  std::string fault_type;  ///< Fault: "UndefinedInstruction", "SupervisorCall" or "" (other)
  int target = -1;         ///< IpiSend: the thread interrupted
  /// The instruction that made it (null for initial writes).
  std::shared_ptr<const litmus::Instruction> instruction;
  bool cache_maintenance = false;  ///< in a set of class CacheMaintenance (axioms/base.hpp)
  bool context_synchronizing = false;  ///< exception entry or return, or in a ContextSync set
  /// C tests: the function whose code made it ("": the thread's body) and
  /// whether the prelude (axioms/prelude/*.c) defines it.
  std::string function;
  bool prelude = false;
  /// C tests: the call from the thread's body (or interrupt) it belongs to,
  /// numbered per thread (-1: the body itself), and the function called.
  int call = -1;
  std::string call_function;
  bool call_prelude = false;
  bool prelude_location = false;  ///< C tests: it accesses a prelude variable (kernel bookkeeping)
};

/// A labelled edge between two WitnessEvent ids ("po", "rf", "co", "fr",
/// "addr", "data", "ctrl", or a model relation such as "IC-after" or "dsb-ob").
struct WitnessEdge {
  int from = 0;
  int to = 0;
  std::string relation;
  friend bool operator==(const WitnessEdge&, const WitnessEdge&) = default;
};

/// An execution (or the part of one that matters) with its edges.
struct Witness {
  std::vector<WitnessEvent> events;
  std::vector<WitnessEdge> edges;
};

/// Why a state the condition asks about is forbidden: the model check that
/// rejects it and a minimal set of events and edges showing the violation
/// (for acyclic/irreflexive checks, a cycle).
///
/// `cycle.events` are in cycle order (for `empty` checks: the offending pair);
/// each hop of the cycle appears as one edge per model relation containing it
/// (`let`/`with` names and base relations the check uses), the most specific
/// (smallest) relation first. With `with ... from` enumerations the candidate
/// is rejected by every choice; the one shown is the choice with the shortest
/// cycle, and `choice` lists its `with` edges (e.g. "IC-after") among the
/// events shown. check == "no-candidate" (values and cycle empty): no candidate
/// execution at all, consistent or not, reaches a state the condition asks about.
struct Explanation {
  std::vector<StateValue> values;   ///< the rejected state, one value per observed location
  std::string check;                ///< the failing check's name, e.g. "external"
  Witness cycle;                    ///< events and edges of the violation
  std::vector<WitnessEdge> choice;  ///< the enumeration choice's edges among cycle.events
};

/// One reachable final state; `values[i]` is the value of `TestResult::observed[i]`.
struct FinalState {
  std::vector<StateValue> values;
  bool satisfies_condition = false;
  /// An execution reaching this state (filled when CheckOptions::witnesses).
  std::optional<Witness> witness;
  friend bool operator==(const FinalState& a, const FinalState& b) {
    return a.values == b.values && a.satisfies_condition == b.satisfies_condition;
  }
};

/// A sender that can wait forever (C tests; docs/c-dialect.md, "Deadlocks"):
/// in some consistent execution thread `waiter` blocks at an IPI wait because
/// its IPI running `handler` on thread `target` is never taken: `target` ends
/// with its interrupts masked.
struct Deadlock {
  int waiter = -1;
  int target = -1;
  std::string handler;
  friend bool operator==(const Deadlock&, const Deadlock&) = default;
  friend bool operator<(const Deadlock& a, const Deadlock& b) {
    if (a.waiter != b.waiter) return a.waiter < b.waiter;
    if (a.target != b.target) return a.target < b.target;
    return a.handler < b.handler;
  }
};

/// How much work a test took (for --stats and the benchmark; never on stdout).
struct SearchStatistics {
  std::uint64_t traces = 0;        ///< thread traces unfolded, all threads
  std::uint64_t skeletons = 0;     ///< trace + reads-from choices the solver proposed
  std::uint64_t solver_calls = 0;  ///< SMT checks (skeletons + the final unsat)
  std::uint64_t candidates = 0;    ///< skeletons x coherence orders judged by the model
  std::uint64_t core_blocks = 0;   ///< inconsistent skeletons blocked with all that share their core
};

/// Why a search stopped before it was exhaustive (TestResult::stop).
enum class StopReason {
  None,            ///< the search was exhaustive
  Timeout,         ///< ResourceLimits::deadline (or CheckOptions::timeout_seconds) passed
  MemoryLimit,     ///< resident memory above ResourceLimits::memory_bytes, or Z3's cap
  OutOfMemory,     ///< an allocation failed (std::bad_alloc)
  SolverUnknown,   ///< Z3 answered `unknown` for another reason (TestResult::stop_detail)
};

struct TestResult {
  std::string name;
  litmus::Condition::Quantifier quantifier = litmus::Condition::Quantifier::Exists;
  litmus::Condition condition;         ///< the test's condition (the frontend prints herd's form)
  std::vector<ObservedLocation> observed;  ///< in herd's order: registers, memory, fault atoms
  /// observed[i] for i >= this index are fault atoms (ObservedLocation::Kind::Fault),
  /// whose state values say whether the fault was taken.
  std::size_t first_fault_observed = static_cast<std::size_t>(-1);
  /// Unique, in the checker's order of typed values (integers before addresses,
  /// code and instructions; each kind by number, location, address or interned
  /// instruction, element by element in `observed` order); it does not depend on text.
  std::vector<FinalState> states;
  std::vector<std::string> flags;      ///< sorted, unique
  /// Consistent candidates whose final state satisfies / falsifies the condition's
  /// proposition (herd's counts before the ~exists swap of the Witnesses line).
  std::uint64_t positive = 0;
  std::uint64_t negative = 0;
  bool validated = false;              ///< herd's Ok / No
  bool loop_bound_hit = false;         ///< some execution was cut by --unroll (herd's "Loop")
  std::vector<std::string> variants;   ///< variants in force (lower-case, sorted)
  std::string model;                   ///< the model's title
  SearchStatistics stats;
  /// Filled when CheckOptions::explain: why each state the condition asks about
  /// (satisfying it for exists/forall... see engine.hpp) is not reachable.
  std::vector<Explanation> explanations;
  /// The search stopped at the time limit: states may be missing and the
  /// verdict is Unknown (then stop == StopReason::Timeout).
  bool timed_out = false;
  /// Why the search stopped early, if it did: the verdict is then Unknown, the
  /// states, flags and counts are those found before the stop.
  StopReason stop = StopReason::None;
  std::string stop_detail;  ///< e.g. Z3's reason for `unknown`
  /// Whether the answer is incomplete (verdict Unknown).
  [[nodiscard]] bool unknown() const { return timed_out || stop != StopReason::None; }
  /// Some consistent execution satisfies the condition's proposition and every
  /// such execution raises a flag the architecture calls undefined behaviour
  /// (ArchSemantics::flag_means_undefined): the state is "reachable" only
  /// where the architecture promises nothing. Never set with states_only
  /// (one execution per state cannot say "every").
  bool asked_state_undefined = false;
  /// Sorted, unique. The states, counts and verdict above are those of the
  /// executions that complete; a deadlock is reported beside them.
  std::vector<Deadlock> deadlocks;
};

}  // namespace xmcheck::checker
