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
#include "xmcheck/checker/lowering.hpp"
#include "xmcheck/litmus/c_ast.hpp"

namespace xmcheck::checker {

/// Runs one path of thread `proc` of a lowered C test (an unfold PathProducer).
PathEnd run_c_path(const CLowered& c, const LoweringTable& lowering, int proc,
                   const std::vector<std::vector<Val>>& domains, ChoiceCursor& cursor, int unroll,
                   Trace& trace);

class CInterpreter {
 public:
  CInterpreter(const CLowered& c, const LoweringTable& lowering, PathRunner& run, int proc, int unroll);

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
  RegVal arithmetic(litmus::c::BinaryOp op, const RegVal& a, const RegVal& b, const Span& span);
  RegVal assign(const Expr& e);
  RegVal step_value(const Expr& e, bool increment, bool post);
  LValue lvalue(const Expr& e);
  RegVal read(const LValue& lv, const Span& span);
  void write(const LValue& lv, const RegVal& v, const Span& span);
  RegVal* local(const std::string& name);
  /// The location an address value designates; stops the path (segmentation
  /// fault, reported if the execution is consistent) when it is none.
  int location(const RegVal& address, const std::string& what, const Span& span);
  void stop_if_halted() const;

  // primitives (c_primitives.cpp)
  RegVal call_primitive(const Expr& e);

  const CLowered& c_;
  const LoweringTable& lowering_;
  PathRunner& run_;
  int proc_;
  int unroll_;
  std::vector<Frame> frames_;
  std::map<const Stmt*, int> loop_iterations_;
};

}  // namespace xmcheck::checker
