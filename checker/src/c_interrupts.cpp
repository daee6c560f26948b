// Interrupts and IPIs in C tests (docs/c-dialect.md, "Interrupts and IPIs").
// A CPU takes an interrupt at an interrupt point (before each statement, between
// loop iterations, after its last statement) while its interrupts are enabled;
// which interrupts it may take is bounded by the IPIs the other threads can send
// it (IrqBudget, computed by the unfolder to a fixpoint). Taking one emits
// IRQ-ENTRY, runs the handler with interrupts disabled (a handler that enables
// them can take nested interrupts), emits IRQ-RETURN. Sends (also from handlers)
// emit IPI-SEND (target CPU, handler) and, with `wait`, IPI-ACK after all the
// sends; the search (candidate_search.cpp) matches sends with entries. A wait
// may also hang forever (hang_at_wait), for the deadlock search.
#include "base_bits.hpp"
#include "c_interpreter.hpp"
#include "wrapping.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {
namespace {

using ExprKind = litmus::c::Expr::Kind;

[[noreturn]] void fail(const diag::SourceSpan& span, const std::string& msg) {
  throw diag::UserError(diag::ErrorKind::Litmus, span, msg);
}

RegVal constant(std::int64_t v) { return RegVal{Val::integer(v), {}, {}, false, {}}; }

}  // namespace

int CInterpreter::emit_mark(EventKind kind, SetMask sets, const Span& span) {
  run_.begin_instance(span);
  return run_.emit(kind, sets);
}

void CInterpreter::enter_function(int func) {
  auto& calls = run_.trace().calls;
  if (funcs_.empty()) calls.push_back(func);  // a call from the thread's body
  funcs_.push_back(func);
  run_.set_origin(func, static_cast<int>(calls.size()) - 1);
}

void CInterpreter::leave_function() {
  funcs_.pop_back();
  const int call = static_cast<int>(run_.trace().calls.size()) - 1;
  run_.set_origin(funcs_.empty() ? -1 : funcs_.back(), funcs_.empty() ? -1 : call);
}

void CInterpreter::interrupt_point() {
  // Handlers start with interrupts disabled (run_function); one that enables
  // them again (local_irq_enable) can take nested interrupts.
  if (budget_ == nullptr || !irqs_enabled_ || run_.halted()) return;
  const auto& mine = (*budget_)[static_cast<std::size_t>(proc_)];
  if (mine.empty()) return;
  // No event since the last point: taking an interrupt here is the same path
  // as taking it there.
  if (run_.trace().events.size() == last_point_events_) return;
  for (;;) {
    std::vector<int> options;
    for (const auto& [h, n] : mine)
      if (irqs_taken_[h] < n) options.push_back(h);
    if (options.empty()) break;
    const int pick = run_.choose(static_cast<int>(options.size()) + 1);
    if (pick == 0) break;
    take_interrupt(options[static_cast<std::size_t>(pick - 1)], run_.current_span());
  }
  last_point_events_ = run_.trace().events.size();
}

void CInterpreter::take_interrupt(int handler, const Span& span) {
  ++irqs_taken_[handler];
  const Span where = c_.functions[static_cast<std::size_t>(handler)]->name_span;
  enter_function(handler);  // entry and return belong to the handler's call
  const int entry = emit_mark(EventKind::IrqEntry, irq_entry_sets_, where);
  run_.trace().events[static_cast<std::size_t>(entry)].handler = handler;
  ++irq_depth_;
  run_function(handler);
  // With need_resched set, the handler's end does not return to the
  // interrupted code: the CPU schedules another thread of the same process,
  // which leaves the kernel by its own return path (the prelude's
  // irq_exit_reschedule, with the lowering's __irq_return_resched sets on
  // the IRQ-RETURN event that ends the handler). A nested interrupt returns
  // to the handler it interrupted, which never reschedules (kernel/sched/
  // core.c: preempt_schedule_irq runs only with preempt_count zero).
  const bool resched = need_resched_ && irq_depth_ == 1;
  const int ret = emit_mark(EventKind::IrqReturn, resched ? irq_resched_return_sets_ : irq_return_sets_, where);
  leave_function();
  auto& events = run_.trace().events;
  events[static_cast<std::size_t>(entry)].partner = ret;
  events[static_cast<std::size_t>(ret)].partner = entry;
  events[static_cast<std::size_t>(ret)].handler = handler;
  if (resched) {
    need_resched_ = false;
    const int exit = c_.find_function("irq_exit_reschedule");
    if (exit < 0) fail(span, "set_need_resched() needs the prelude's irq_exit_reschedule()");
    enter_function(exit);
    run_function(exit);
    leave_function();
  }
  --irq_depth_;
}

RegVal CInterpreter::run_function(int handler) {
  const auto& f = *c_.functions[static_cast<std::size_t>(handler)];
  if (!f.params.empty()) fail(f.name_span, "an IPI handler takes no arguments: '" + f.name + "'");
  if (frames_.size() >= 32)
    throw diag::UserError(diag::ErrorKind::Unsupported, f.name_span, "calls nested more than 32 deep");
  const bool enabled = irqs_enabled_;
  irqs_enabled_ = false;
  frames_.emplace_back();
  (void)exec(f.body);
  const RegVal out = frames_.back().result;
  frames_.pop_back();
  irqs_enabled_ = enabled;
  stop_if_halted();
  return out;
}

int CInterpreter::handler_arg(const Expr& e) {
  if (e.kind == ExprKind::Ident) {
    const int h = c_.find_function(e.text);
    if (h >= 0) return h;
    fail(e.span, "no handler function '" + e.text + "' in the test or the prelude");
  }
  fail(e.span, "expected the name of a handler function (void h(void) { ... })");
}

bool CInterpreter::cpu_online(int cpu, const Span& span) {
  const auto it = c_.shared.find("cpu_offline");
  if (it == c_.shared.end()) return true;  // no hotplug in this test: every CPU is online
  const Location& first = c_.prog.locs[static_cast<std::size_t>(it->second.loc)];
  XMCHECK_ASSERT(first.array_first == it->second.loc && first.array_len == c_.prog.num_procs(),
                 "lower_c checks that cpu_offline has one element per CPU");
  run_.begin_instance(span);
  const RegVal v = run_.load(it->second.loc + cpu, SetMask{}, {}, {});
  require_determined(v);
  return !(v.val.kind == Val::Kind::Int && v.val.v != 0);
}

void CInterpreter::send_ipis(const std::vector<int>& targets, int handler, bool wait, const Span& span) {
  bool local = false;
  std::vector<int> sends;
  for (const int cpu : targets) {
    if (cpu == proc_) {
      local = true;
      continue;
    }
    if (!cpu_online(cpu, span)) continue;  // kernel/smp.c: the mask & cpu_online_mask
    run_.begin_instance(span);
    const int s = run_.emit(EventKind::IpiSend, ipi_send_sets_);
    auto& ev = run_.trace().events[static_cast<std::size_t>(s)];
    ev.target = cpu;
    ev.handler = handler;
    ev.from_handler = irq_depth_ > 0;  // a chain of IPIs: bounded by --unroll (unfold.cpp)
    sends.push_back(s);
  }
  if (local) {  // the calling CPU runs the function itself, interrupts disabled
    ++irq_depth_;
    enter_function(handler);
    run_function(handler);
    leave_function();
    --irq_depth_;
  }
  if (!wait) return;
  // A choice: the wait completes (every send served), or it never does. The
  // second path exists only for the deadlock search, which allows it only
  // when a send stays unserved (candidate_search.cpp).
  if (!sends.empty() && run_.choose(2) == 1) hang_at_wait(sends);
  for (const int s : sends) {
    run_.begin_instance(span);
    const int a = run_.emit(EventKind::IpiAck, ipi_wait_sets_);
    auto& events = run_.trace().events;
    events[static_cast<std::size_t>(a)].partner = s;
    events[static_cast<std::size_t>(a)].target = events[static_cast<std::size_t>(s)].target;
    events[static_cast<std::size_t>(s)].partner = a;
  }
}

void CInterpreter::hang_at_wait(const std::vector<int>& sends) {
  run_.trace().hung_sends = sends;
  interrupt_point();  // csd_lock_wait() spins with interrupts as they are: enabled, it serves IPIs
  throw Stop{};
}

bool CInterpreter::builtin(const Expr& e, RegVal& out) {
  const std::string name(e.callee_name());
  const int ncpu = c_.prog.num_procs();
  const auto args = [&](std::size_t n) {
    if (e.arg_count() != n)
      fail(e.span, "'" + name + "' takes " + std::to_string(n) + " argument(s), got " + std::to_string(e.arg_count()));
  };
  const auto integer = [&](const Expr& a) -> std::int64_t {
    const RegVal v = eval(a);
    require_determined(v);
    if (v.val.kind != Val::Kind::Int) {
      run_.delayed_error("'" + name + "' of a value that is not an integer", a.span);
      throw Stop{};
    }
    return v.val.v;
  };
  const auto all_but = [&](int skip) {
    std::vector<int> cpus;
    for (int c = 0; c < ncpu; ++c)
      if (c != skip) cpus.push_back(c);
    return cpus;
  };
  const auto mask_cpus = [&](std::int64_t mask) {
    std::vector<int> cpus;
    for (int c = 0; c < ncpu; ++c)
      if (c < 64 && (wrapping_shr(mask, c) & 1) != 0) cpus.push_back(c);  // a 64-bit CPU mask
    return cpus;
  };
  out = RegVal{};
  if (name == "smp_processor_id" || name == "raw_smp_processor_id") {
    args(0);
    out = constant(proc_);
  } else if (name == "set_need_resched") {  // the next interrupt return reschedules
    args(0);
    need_resched_ = true;
    last_point_events_ = static_cast<std::size_t>(-1);  // the next point differs: its exit reschedules
  } else if (name == "local_irq_disable") {
    args(0);
    irqs_enabled_ = false;
  } else if (name == "local_irq_enable") {
    args(0);
    irqs_enabled_ = true;
  } else if (name == "irqs_disabled") {
    args(0);
    out = constant(irqs_enabled_ ? 0 : 1);
  } else if (name == "local_irq_save") {  // a macro: local_irq_save(flags) assigns flags
    args(1);
    if (e.arg(0).kind != ExprKind::Ident || local(e.arg(0).text) == nullptr)
      fail(e.arg(0).span, "local_irq_save takes a local variable");
    *local(e.arg(0).text) = constant(irqs_enabled_ ? 1 : 0);
    irqs_enabled_ = false;
  } else if (name == "local_irq_restore") {
    args(1);
    irqs_enabled_ = integer(e.arg(0)) != 0;
  } else if (name == "smp_call_function_single") {  // (cpu, func, wait)
    args(3);
    const std::int64_t cpu = integer(e.arg(0));
    const int h = handler_arg(e.arg(1));
    const bool wait = integer(e.arg(2)) != 0;
    if (cpu < 0 || cpu >= ncpu) {
      run_.delayed_error("IPI to CPU " + std::to_string(cpu) + ", which does not exist", e.arg(0).span);
      throw Stop{};
    }
    send_ipis({static_cast<int>(cpu)}, h, wait, e.span);
  } else if (name == "smp_call_function") {  // (func, wait): every other CPU
    args(2);
    const int h = handler_arg(e.arg(0));
    send_ipis(all_but(proc_), h, integer(e.arg(1)) != 0, e.span);
  } else if (name == "on_each_cpu") {  // (func, wait): every CPU, this one included
    args(2);
    const int h = handler_arg(e.arg(0));
    send_ipis(all_but(-1), h, integer(e.arg(1)) != 0, e.span);
  } else if (name == "smp_call_function_many") {  // (mask, func, wait): the mask without this CPU
    args(3);
    const std::int64_t self = proc_ < 64 ? wrapping_shl(1, proc_) : 0;
    const std::int64_t mask = integer(e.arg(0)) & ~self;
    const int h = handler_arg(e.arg(1));
    send_ipis(mask_cpus(mask), h, integer(e.arg(2)) != 0, e.span);
  } else if (name == "on_each_cpu_mask") {  // (mask, func, wait): this CPU too if in the mask
    args(3);
    const std::int64_t mask = integer(e.arg(0));
    const int h = handler_arg(e.arg(1));
    send_ipis(mask_cpus(mask), h, integer(e.arg(2)) != 0, e.span);
  } else {
    return false;
  }
  return true;
}

}  // namespace xmcheck::checker
