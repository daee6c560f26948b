#pragma once
// The C interpreter: the second producer of checker Traces (docs/c-dialect.md).
// It walks one thread's AST with concrete values, emitting events through the
// PathRunner primitives the asm steppers use (loads and stores with dependency
// taint, fences, cache maintenance, branches, fetches, exceptions). Every
// primitive call is expanded from the architecture's lowering table. Like the
// asm unfolder it is replayed with a ChoiceCursor, once per path.
#include <map>
#include <string>
#include <vector>

#include "c_program.hpp"
#include "path_runner.hpp"
#include "unfold.hpp"
#include "xmcheck/checker/lowering.hpp"
#include "xmcheck/litmus/c_ast.hpp"
#include "xmcheck/litmus/limits.hpp"

namespace xmcheck::checker {

/// Runs one path of thread `proc` of a lowered C test (an unfold PathProducer).
/// `budget`: the interrupts this CPU may take (IrqBudget, from the unfolder).
PathEnd run_c_path(const CLowered& c, const LoweringTable& lowering, int proc,
                   const std::vector<std::vector<Val>>& domains, ChoiceCursor& cursor, int unroll,
                   const IrqBudget& budget, Trace& trace);

class CInterpreter {
 public:
  CInterpreter(const CLowered& c, const LoweringTable& lowering, PathRunner& run, int proc, int unroll,
               const IrqBudget* budget = nullptr);

  /// Walks the thread's body; the runner's trace holds the events afterwards
  /// and its registers the thread's locals.
  void run_thread();

 private:
  using Expr = litmus::c::Expr;
  using Stmt = litmus::c::Stmt;
  using Span = diag::SourceSpan;

  /// Thrown when the runner halted (a fault, a dropped or cut path, an error
  /// herd reports only for consistent executions): the walk stops.
  struct Stop {};
  enum class Flow : std::uint8_t { Normal, Break, Continue, Return };
  struct Frame {
    std::map<std::string, RegVal> vars;
    RegVal result;
  };
  /// Where an assignment goes: a local of the current frame, or memory.
  struct LValue {
    std::string local;  ///< non-empty: a local
    int loc = -1;       ///< memory location otherwise
    Taint dep, pick;    ///< the address's dependencies
  };

  /// The parser bounds the nesting of each function (kCNestingLimit), but
  /// inlined calls add theirs up: the walk's own depth (exec, eval) is bounded
  /// too, so that no test overflows a worker thread's stack.
  static constexpr std::size_t kMaxDepth = 4 * litmus::kCNestingLimit;
  [[noreturn]] static void too_deep(const Span& span);

  // statements (c_statements.cpp)
  Flow exec(const Stmt& s);
  Flow exec_loop(const Stmt& s);
  void declare(const litmus::c::Decl& d);
  /// A conditional decision on `cond`: a branch event carrying ctrl dependencies.
  bool decide(const RegVal& cond, const Span& span);
  RegVal call(const Expr& e);
  RegVal call_function(const litmus::c::Function& f, const Expr& e);
  RegVal call_code(int loc, const RegVal& pointer, const Span& span);

  // expressions (c_interpreter.cpp)
  RegVal eval(const Expr& e);
  RegVal eval_ident(const Expr& e);
  RegVal eval_binary(const Expr& e);
  /// `a op b`, wrapping as the kernel's -fno-strict-overflow C does; an error
  /// (division by zero, an operand that is not an integer) is reported at the
  /// failing operand's span, `a_span` or `b_span`.
  RegVal arithmetic(litmus::c::BinaryOp op, const RegVal& a, const RegVal& b, const Span& a_span,
                    const Span& b_span);
  RegVal assign(const Expr& e);
  RegVal step_value(const Expr& e, bool increment, bool post);
  LValue lvalue(const Expr& e);
  RegVal read(const LValue& lv, const Span& span);
  void write(const LValue& lv, const RegVal& v, const Span& span);
  RegVal* local(const std::string& name);
  /// The location an address value designates; stops the path (segmentation
  /// fault at `span`, reported if the execution is consistent) when it is none.
  int location(const RegVal& address, const std::string& what, const Span& span);
  void stop_if_halted() const;
  /// herd cannot solve what the path asks of a thin-air value (thin_air.hpp):
  /// the path is dropped.
  [[noreturn]] void drop_path();
  /// Drops the path when `v` is thin air: a test or use that needs its value.
  void require_determined(const RegVal& v);

  // primitives (c_primitives.cpp)
  RegVal call_primitive(const Expr& e);
  /// An atomic RMW's new value, `old op v` (herd's rules for thin air).
  RegVal atomic_update(EventTemplate::Op op, const RegVal& old, const RegVal& v, const Span& span);

  // interrupts and IPIs (c_interrupts.cpp)
  /// An interrupt point: while interrupts are enabled, the CPU may take any
  /// interrupt its budget still allows (a choice), repeatedly.
  void interrupt_point();
  void take_interrupt(int handler, const Span& span);
  /// Runs handler `h`'s body (no arguments) in a fresh frame; its return value.
  RegVal run_function(int handler);
  /// The interpreter's built-in kernel functions (IPIs, interrupt masking,
  /// smp_processor_id); false when `e` calls none of them.
  bool builtin(const Expr& e, RegVal& out);
  /// Sends `handler` to every CPU in `targets` (the calling CPU's own bit runs
  /// it locally with interrupts disabled, between the sends and the waits, as
  /// smp_call_function_many_cond), then waits for each when `wait`.
  void send_ipis(const std::vector<int>& targets, int handler, bool wait, const Span& span);
  /// CPU hotplug: false when the test declares cpu_offline and the send's
  /// read of cpu_offline[cpu] (an event) says the CPU is offline.
  bool cpu_online(int cpu, const Span& span);
  /// The alternative at a wait in which it never completes (a deadlock): the
  /// CPU spins there, still taking interrupts if they are enabled, and the
  /// path ends (Trace::hung_sends = `sends`).
  [[noreturn]] void hang_at_wait(const std::vector<int>& sends);
  int handler_arg(const Expr& e);

  // INT3 traps and faults (c_traps.cpp)
  /// An undefined instruction: a FAULT event, the interrupts still pending
  /// for this CPU, and the thread stops.
  [[noreturn]] void undefined_instruction();
  [[nodiscard]] bool is_int3(const Val& v) const;
  /// What executing code value `v` (executable) returns.
  [[nodiscard]] RegVal insn_result(const Val& v) const;
  /// The sets of lowering mark `mark`; an Unsupported error at `span` when the
  /// architecture has none.
  [[nodiscard]] SetMask trap_sets(const char* mark, const Span& span) const;
  /// A fetched INT3: trap entry, poke_int3_handler(), trap return.
  RegVal take_trap(const Span& span);
  /// int3_emulate(v): what the handler's emulation of `v` returns.
  bool trap_builtin(const Expr& e, RegVal& out);
  int emit_mark(EventKind kind, SetMask sets, const Span& span);
  /// Function `func` starts (a call, or an interrupt's handler when `interrupt`)
  /// or ends: later events record it (TraceEvent::func, ::call).
  void enter_function(int func);
  void leave_function();

  const CLowered& c_;
  const LoweringTable& lowering_;
  PathRunner& run_;
  int proc_;
  int unroll_;
  std::vector<Frame> frames_;
  std::size_t depth_ = 0;  ///< exec and eval calls now open (at most kMaxDepth)
  std::map<const Stmt*, int> loop_iterations_;
  std::vector<int> funcs_;  ///< functions running, outermost first (enter_function)
  const IrqBudget* budget_;
  bool irqs_enabled_ = true;
  int irq_depth_ = 0;  ///< handlers running (interrupts, traps, local IPI calls), nested ones counted
  /// set_need_resched() was called: the next interrupt return reschedules
  /// (take_interrupt runs the prelude's irq_exit_reschedule instead).
  bool need_resched_ = false;
  std::map<int, int> irqs_taken_;       ///< handler id -> interrupts taken
  std::size_t last_point_events_ = static_cast<std::size_t>(-1);  ///< events at the last interrupt point
  SetMask irq_entry_sets_, irq_return_sets_, irq_resched_return_sets_, ipi_send_sets_, ipi_wait_sets_;
};

}  // namespace xmcheck::checker
