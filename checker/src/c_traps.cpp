// INT3 traps in C tests (docs/c-dialect.md, "Multi-part instructions and
// INT3"): a call that fetches INSN_INT3 takes a breakpoint trap and runs the
// handler poke_int3_handler() (the prelude's, after arch/x86/kernel/
// alternative.c), which emulates the instruction being patched; the call
// returns the handler's value. Also the undefined-instruction fault that ends
// a thread, and what executing a code value returns.
#include "base_bits.hpp"
#include "c_interpreter.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/litmus/c_code_values.hpp"

namespace xmcheck::checker {

bool CInterpreter::is_int3(const Val& v) const {
  if (v.kind != Val::Kind::Instr) return false;
  const auto& insn = c_.prog.instrs[static_cast<std::size_t>(v.v)];
  const auto code = litmus::c_code_value_name(insn.mnemonic);
  return insn.arch == litmus::kCDialect && code && code->kind == litmus::CCodeKind::Int3;
}

RegVal CInterpreter::insn_result(const Val& v) const {
  // INSN(n), INSN_BRANCH(n), INSN_CALL(n) give n; INSN_NOP falls through, 0.
  const auto& insn = c_.prog.instrs[static_cast<std::size_t>(v.v)];
  return RegVal{Val::integer(insn.operands.empty() ? 0 : insn.operands[0].imm), {}, {}, false, {}};
}

void CInterpreter::undefined_instruction() {
  run_.emit(EventKind::Fault, kSetUDF | kSetFault | kSetExcEntry);
  run_.trace().faults.push_back(FaultRecord{0, "UndefinedInstruction"});
  // The kernel oopses (die()) and the CPU goes on: it still takes the IPIs
  // sent to it, so a fault cannot hide an execution in which a sender waits
  // for this CPU (text_poke_sync() after a torn fetch).
  interrupt_point();
  run_.halt();
  throw Stop{};
}

SetMask CInterpreter::trap_sets(const char* mark, const Span& span) const {
  const auto entries = lowering_.find(mark);
  if (entries.empty() || entries.front()->availability != LoweringEntry::Availability::Available)
    throw diag::UserError(diag::ErrorKind::Unsupported, span,
                          "INSN_INT3 traps are not available on " + lowering_.arch_name + " (no " + mark +
                              " in its lowering)");
  SetMask bits;
  for (const auto& t : entries.front()->events)
    if (t.kind == EventTemplate::Kind::Mark)
      for (const auto& n : t.sets) bits |= named_set_bit(n);
  return bits;
}

RegVal CInterpreter::take_trap(const Span& span) {
  const SetMask entry = trap_sets("__trap_entry", span);
  const SetMask ret = trap_sets("__trap_return", span);
  const int handler = c_.find_function(kInt3Handler);
  if (handler < 0)
    throw diag::UserError(diag::ErrorKind::Litmus, span,
                          std::string("a fetched INSN_INT3 runs ") + kInt3Handler + "(), which is not defined");
  // The breakpoint is a trap (SDM Vol. 3A 6.5): the handler runs after the
  // INT3, with interrupts disabled, and returns by IRET.
  (void)emit_mark(EventKind::Fence, entry, span);
  ++irq_depth_;
  const RegVal out = run_function(handler);
  --irq_depth_;
  (void)emit_mark(EventKind::Fence, ret, span);
  return out;
}

bool CInterpreter::trap_builtin(const Expr& e, RegVal& out) {
  if (e.callee_name() != "int3_emulate") return false;
  if (e.arg_count() != 1)
    throw diag::UserError(diag::ErrorKind::Litmus, e.span, "'int3_emulate' takes 1 argument(s), got " +
                                                               std::to_string(e.arg_count()));
  const RegVal v = eval(e.arg(0));
  if (!is_executable_insn(c_.prog, v.val) || is_int3(v.val)) {
    // No descriptor: the INT3 is not the handler's, and do_int3() dies in
    // the trap (an oops in atomic context, a panic): the CPU stops there,
    // interrupts masked. Not an error of the test: a CPU that waits for this
    // one is reported as a deadlock, and its locals keep their values.
    run_.halt();
    throw Stop{};
  }
  out = insn_result(v.val);
  out.dep = v.dep;  // the emulation decodes the descriptor it read
  out.pick = v.pick;
  return true;
}

}  // namespace xmcheck::checker
