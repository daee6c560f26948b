#pragma once
// Executes one path of one thread with concrete values. Every read (load or fetch)
// asks the ChoiceCursor which of the location's possible values it returns, so
// replaying with successive cursors enumerates every path (see unfold.cpp).
#include <map>
#include <optional>
#include <string>
#include <algorithm>
#include <limits>
#include <vector>

#include "program.hpp"
#include "semantics/arch_semantics.hpp"
#include "trace.hpp"

namespace xmcheck::checker {

/// Replay-based enumeration of choice sequences.
class ChoiceCursor {
 public:
  /// Returns the option (0..n-1) taken at the next choice point.
  int choose(int n);
  /// Advances to the next unexplored choice sequence; false when all are done.
  bool advance();
  void rewind() { pos_ = 0; }

 private:
  std::vector<int> taken_;
  std::vector<int> arity_;
  std::size_t pos_ = 0;
};

/// A register's value with the reads it depends on (herd's dtrm), the reads it
/// depends on when CSEL/CSET conditions count (pick), and whether it comes from
/// memory (herd: symbolic, which matters for loop unrolling). `flow`: the
/// reads the value itself is computed from -- not its address's dependencies,
/// not store forwarding -- which are the equations herd's solver must solve
/// (thin_air.hpp). The C interpreter keeps it; the asm semantics keep it
/// only for copies.
struct RegVal {
  Val val;
  Taint dep;
  Taint pick;
  bool symbolic = false;
  Taint flow;
};

/// Arm's condition flags. x86 keeps its EFLAGS in the same form with C = NOT
/// CF, the borrow convention both architectures share after a compare, so that
/// one condition table serves both (condition_codes.hpp).
struct Nzcv {
  bool n = false, z = false, c = false, v = false;
};

/// The flags after a flag-setting instruction: the compared operands (lhs -
/// rhs), which decide EQ/NE even for symbolic values, and the flags themselves
/// when the operands were integers.
struct Flags {
  bool set = false;
  Val lhs, rhs;
  Taint dep, pick;
  bool symbolic = false;
  std::optional<Nzcv> nzcv;
};

enum class PathEnd : std::uint8_t { Done, Discarded, LoopCut };

class PathRunner {
 public:
  PathRunner(const Program& prog, int proc, const std::vector<std::vector<Val>>& domains,
             ChoiceCursor& cursor, int unroll);

  /// Runs to the end; the trace is valid when the result is Done.
  PathEnd run();
  [[nodiscard]] Trace& trace() { return trace_; }

  // ---- primitives used by the architecture semantics ----
  [[nodiscard]] const Program& program() const { return prog_; }
  RegVal& reg(int index);
  void set_reg(int index, RegVal v);
  Flags& flags() { return flags_; }
  /// Adds an event of the current instruction instance; returns its trace index.
  int emit(EventKind kind, SetMask sets, int loc = -1, Val value = {});
  /// A load of `loc`: chooses the value, records the event, forwards taint.
  RegVal load(int loc, SetMask sets, const Taint& addr_dep, const Taint& addr_pick);
  /// A store of `v` to `loc`.
  void store(int loc, SetMask sets, const RegVal& v, const Taint& addr_dep,
             const Taint& addr_pick);
  /// Dependency edges from every read in `dep`/`pick` to event `e`.
  void add_addr(const Taint& dep, const Taint& pick, int e);
  void add_branch(const Taint& dep, const Taint& pick, int e);
  /// Control transfer to `target` (a byte address); `checked` = counts for unrolling.
  void jump(std::int64_t target, bool checked);
  /// The location an address value designates, or -1 after recording an error
  /// (a segmentation fault at `span`, by default the current instruction's).
  int location_of(const Val& address, const std::string& what);
  int location_of(const Val& address, const std::string& what, const diag::SourceSpan& span);
  /// herd's value for "the address of the instruction at `address`": its label
  /// when it has one, else the integer address.
  [[nodiscard]] Val code_value(std::int64_t address) const;
  /// Exception entry; `elr` is the return address written to ELR_EL1.
  void take_exception(SetMask sets, Val elr);
  void exception_return();
  /// Records an error herd reports only if the execution turns out consistent,
  /// at `span` (by default the current instruction's).
  void delayed_error(const std::string& message);
  void delayed_error(const std::string& message, const diag::SourceSpan& span);
  void halt() { halted_ = true; }
  /// Index of the last event emitted.
  [[nodiscard]] int last_event() const { return static_cast<int>(trace_.events.size()) - 1; }
  /// Marks read `r` and write `w` as one atomic read-modify-write.
  void add_rmw(int r, int w) { trace_.rmw.emplace_back(r, w); }
  /// x86 call/ret: return addresses kept on a per-thread stack (the stack memory
  /// itself is not modelled).
  void push_return(std::int64_t address) { return_stack_.push_back(address); }
  [[nodiscard]] std::optional<std::int64_t> pop_return() {
    if (return_stack_.empty()) return std::nullopt;
    const std::int64_t a = return_stack_.back();
    return_stack_.pop_back();
    return a;
  }
  /// The current path is infeasible (herd's value constraints cannot hold).
  void discard() {
    end_ = PathEnd::Discarded;
    halted_ = true;
  }
  [[nodiscard]] std::int64_t current_address() const { return address_; }

  // ---- driving the runner from another stepper (the C interpreter) ----
  /// Starts a new instruction instance: later events get a new po position,
  /// `span` and instruction-value id `instr` (-1: none).
  void begin_instance(const diag::SourceSpan& span, int instr = -1);
  /// Chooses the value a read of `loc` returns (one choice point).
  [[nodiscard]] Val choose_value(int loc);
  /// The location whose memory `loc` names: alias_of for a second mapping of
  /// a code location, else `loc` itself.
  [[nodiscard]] int physical(int loc) const;
  /// A choice point with `n` options (0..n-1); n = 1 is no choice.
  [[nodiscard]] int choose(int n) { return n <= 1 ? 0 : cursor_.choose(n); }
  /// The path went past the --unroll bound: it ends as LoopCut.
  void cut_loop() {
    end_ = PathEnd::LoopCut;
    halted_ = true;
  }
  [[nodiscard]] bool halted() const { return halted_; }
  /// Ends a path driven through the primitives above: ctrl edges and final
  /// registers, like run() does at the end.
  PathEnd finish();
  [[nodiscard]] const diag::SourceSpan& current_span() const { return span_; }
  /// C tests: the function and call later events belong to (TraceEvent::func, ::call).
  void set_origin(int func, int call) {
    func_ = func;
    call_ = call;
  }

 private:
  void step();
  void finish_ctrl_edges();

 public:
  /// How many branch events the path has so far (a mark for close_branches).
  [[nodiscard]] std::size_t branch_count() const { return branch_taints_.size(); }
  /// Ends the ctrl scope of the branches since `mark`: later events do not
  /// depend on them (herd's C semantics: the end of an `if`).
  void close_branches(std::size_t mark) {
    for (std::size_t i = mark; i < branch_taints_.size(); ++i)
      branch_taints_[i].scope_end = std::min(branch_taints_[i].scope_end, instance_ + 1);
  }

 private:

  const Program& prog_;
  const ArchSemantics& arch_;  ///< the program's architecture plug-in
  int proc_;
  const std::vector<std::vector<Val>>& domains_;
  ChoiceCursor& cursor_;
  int unroll_;
  Trace trace_;
  std::vector<RegVal> regs_;
  Flags flags_;
  struct Forward {
    Taint dep, pick;
  };
  std::map<int, Forward> last_write_;  ///< per location: taint of this thread's latest store
  std::map<std::int64_t, int> back_jumps_;
  struct BranchTaint {
    int event;
    Taint dep, pick;
    /// Instances from this one on are outside the branch's scope (herd's C:
    /// an `if` orders only its own branches); INT_MAX: all later ones.
    int scope_end = std::numeric_limits<int>::max();
  };
  std::vector<BranchTaint> branch_taints_;
  std::vector<std::int64_t> return_stack_;
  int code_proc_ = 0;  ///< whose code is running (BLR may enter another proc's code)
  int zero_reg_ = -1;  ///< register slot that reads as zero and ignores writes (-1: none)
  int pc_ = 0;
  bool in_handler_ = false;
  bool halted_ = false;
  bool jumped_ = false;
  PathEnd end_ = PathEnd::Done;
  int instance_ = -1;
  int instr_ = -1;  ///< instruction-value id being executed (TraceEvent::instr)
  int func_ = -1, call_ = -1;  ///< set_origin
  std::int64_t address_ = 0;
  diag::SourceSpan span_;
};

}  // namespace xmcheck::checker
