// C statements and calls: control flow with ctrl dependencies, loops bounded by
// --unroll, inlined helper functions, and calls through code pointers
// (instruction fetch of a code_t location, then the fetched INSN's effect).
#include "base_bits.hpp"
#include "c_interpreter.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/diag/nesting.hpp"
#include "xmcheck/litmus/c_code_values.hpp"

namespace xmcheck::checker {
namespace {

using Kind = litmus::c::Stmt::Kind;
using ExprKind = litmus::c::Expr::Kind;

/// Loops whose condition reads no memory are not bounded by --unroll (as asm
/// back jumps on concrete conditions); this catches the infinite ones.
constexpr int kMaxConcreteIterations = 10000;
constexpr std::size_t kMaxCallDepth = 32;

[[noreturn]] void fail(const diag::SourceSpan& span, const std::string& msg) {
  throw diag::UserError(diag::ErrorKind::Litmus, span, msg);
}

bool truth(const Val& v) { return !(v.kind == Val::Kind::Int && v.v == 0); }

}  // namespace

bool CInterpreter::decide(const RegVal& cond, const Span& span) {
  require_determined(cond);
  if (cond.dep.any() || cond.pick.any()) {  // a decision on values read: a branch event
    run_.begin_instance(span);
    const int e = run_.emit(EventKind::Branch, SetMask{});
    run_.add_branch(cond.dep, cond.pick, e);
  }
  return truth(cond.val);
}

void CInterpreter::declare(const litmus::c::Decl& d) {
  if (d.type.array_size)
    throw diag::UserError(diag::ErrorKind::Unsupported, d.span, "local arrays are not supported");
  RegVal v = d.init ? eval(*d.init) : RegVal{};
  auto& vars = frames_.back().vars;
  if (!d.init && vars.contains(d.name)) return;  // keeps a value from the init block (`0:r0=1`)
  vars[d.name] = v;
}

void CInterpreter::too_deep(const Span& span) {
  throw diag::UserError(diag::ErrorKind::Unsupported, span,
                        diag::nested_too_deeply("inlined calls", kMaxDepth));
}

CInterpreter::Flow CInterpreter::exec(const Stmt& s) {
  const diag::NestingGuard level(depth_, kMaxDepth);
  if (level.too_deep()) too_deep(s.span);
  if (s.kind != Kind::Block && s.kind != Kind::Empty) interrupt_point();
  switch (s.kind) {
    case Kind::Expr: (void)eval(*s.expr); return Flow::Normal;
    case Kind::Decl:
      for (const auto& d : s.decls) declare(d);
      return Flow::Normal;
    case Kind::Block:
      for (const auto& child : s.children)
        if (const Flow f = exec(child); f != Flow::Normal) return f;
      return Flow::Normal;
    case Kind::If: {
      const RegVal c = eval(*s.expr);
      const std::size_t mark = run_.branch_count();
      const Stmt* taken = decide(c, s.expr->span) ? &s.then_branch() : s.else_branch();
      const Flow f = taken != nullptr ? exec(*taken) : Flow::Normal;
      // herd's C: the condition orders the branches' events only.
      if (lowering_.ctrl_within_branches) run_.close_branches(mark);
      return f;
    }
    case Kind::While:
    case Kind::DoWhile:
    case Kind::For: return exec_loop(s);
    case Kind::Break: return Flow::Break;
    case Kind::Continue: return Flow::Continue;
    case Kind::Return: {
      // Evaluated first: a call in the expression pushes a frame, which may
      // move frames_ and leave a reference taken before it dangling.
      RegVal result = s.expr ? eval(*s.expr) : RegVal{};
      frames_.back().result = std::move(result);
      return Flow::Return;
    }
    case Kind::Empty: return Flow::Normal;
  }
  return Flow::Normal;
}

CInterpreter::Flow CInterpreter::exec_loop(const Stmt& s) {
  if (s.kind == Kind::For) (void)exec(s.for_init());
  bool first = true;
  int concrete = 0;
  for (;;) {
    if (!(s.kind == Kind::DoWhile && first) && s.expr) {
      if (!first) interrupt_point();  // between iterations
      const RegVal c = eval(*s.expr);
      if (!decide(c, s.expr->span)) return Flow::Normal;
      // Like herd's -unroll for backward jumps on values read from memory: the
      // body may run `unroll` times; a path that needs one more is cut (Loop).
      if (c.symbolic || c.dep.any()) {
        if (loop_iterations_[&s]++ >= unroll_) {
          run_.trace().cut_span = s.span;
          run_.cut_loop();
          throw Stop{};
        }
      } else if (++concrete > kMaxConcreteIterations) {
        throw diag::UserError(diag::ErrorKind::Unsupported, s.span,
                              "loop runs more than " + std::to_string(kMaxConcreteIterations) +
                                  " times without reading memory");
      }
    }
    first = false;
    const Flow f = exec(s.loop_body());
    if (f == Flow::Break) return Flow::Normal;
    if (f == Flow::Return) return f;
    if (s.kind == Kind::For && s.step) (void)eval(*s.step);
  }
}

RegVal CInterpreter::call_function(const litmus::c::Function& f, const Expr& e) {
  if (frames_.size() >= kMaxCallDepth)
    throw diag::UserError(diag::ErrorKind::Unsupported, e.span, "calls nested more than 32 deep (recursion?)");
  if (e.arg_count() != f.params.size())
    fail(e.span, "'" + f.name + "' takes " + std::to_string(f.params.size()) + " argument(s), got " +
                     std::to_string(e.arg_count()));
  Frame frame;
  for (std::size_t i = 0; i < f.params.size(); ++i) frame.vars[f.params[i].name] = eval(e.arg(i));
  frames_.push_back(std::move(frame));
  int id = -1;
  for (std::size_t i = 0; i < c_.functions.size() && id < 0; ++i)
    if (c_.functions[i] == &f) id = static_cast<int>(i);
  enter_function(id);
  (void)exec(f.body);  // `break` outside a loop simply ends the function
  leave_function();
  RegVal out = frames_.back().result;
  frames_.pop_back();
  return out;
}

RegVal CInterpreter::call_code(int loc, const RegVal& pointer, const Span& span) {
  const Location& l = c_.prog.locs[static_cast<std::size_t>(loc)];
  if (!l.is_code) fail(span, "calling '" + l.name + "', which is not a code_t location");
  if (l.insn_parts && l.array_first != loc)
    fail(span, "calling '" + l.name + "', the tail of a multi-part instruction: call '" + l.array_name + "'");
  // The indirect call itself (BLR / call *%rax): a taken branch on the pointer.
  run_.begin_instance(span);
  const int b = run_.emit(EventKind::Branch, kSetB);
  run_.add_branch(pointer.dep, pointer.pick, b);
  // The instruction fetch, exactly as the asm steppers make it.
  const Val v = run_.choose_value(loc);
  const bool executable = is_executable_insn(c_.prog, v);
  run_.begin_instance(span, executable ? static_cast<int>(v.v) : -1);
  run_.emit(EventKind::Fetch, kSetR | kSetM | kSetImp | kSetIF, loc, v);
  if (is_int3(v)) return take_trap(span);  // one byte: the tail is not decoded
  // A multi-part instruction: the tail is fetched by the same instruction;
  // parts of two different instructions are a torn instruction, undefined.
  bool torn = false;
  if (l.insn_parts) {
    const int tail = loc + 1;
    const Val t = run_.choose_value(tail);
    run_.emit(EventKind::Fetch, kSetR | kSetM | kSetImp | kSetIF, tail, t);
    torn = !(t == v);
  }
  if (!executable || torn) undefined_instruction();  // INSN_UDF, an integer, an address, a torn instruction
  return insn_result(v);
}

RegVal CInterpreter::call(const Expr& e) {
  const Expr& callee = e.callee();
  const std::string name(e.callee_name());
  if (name.empty()) {  // (*fp)(), (fp)(), ...
    const RegVal target = callee.kind == ExprKind::Unary && callee.unary_op == litmus::c::UnaryOp::Deref
                              ? eval(callee.operands[0])
                              : eval(callee);
    if (e.arg_count() != 0) fail(e.span, "code pointers take no arguments");
    return call_code(location(target, "called", e.span), target, e.span);
  }
  if (const auto code = litmus::c_code_value_name(name); code && code->takes_int) {
    if (e.arg_count() != 1 || e.arg(0).kind != ExprKind::IntLit) fail(e.span, name + "(n) takes an integer");
    return RegVal{Val::instr(find_insn(c_.prog, code->name, e.arg(0).value)), {}, {}, false, {}};
  }
  if (RegVal* v = local(name)) {  // fp() through a local code pointer
    if (e.arg_count() != 0) fail(e.span, "code pointers take no arguments");
    const RegVal target = *v;
    return call_code(location(target, "called", e.span), target, e.span);
  }
  if (const int f = c_.find_function(name); f >= 0) return call_function(*c_.functions[static_cast<std::size_t>(f)], e);
  if (RegVal out; builtin(e, out)) return out;
  if (RegVal out; trap_builtin(e, out)) return out;
  if (const auto it = c_.shared.find(name); it != c_.shared.end()) {
    if (e.arg_count() != 0) fail(e.span, "code pointers take no arguments");
    const Location& l = c_.prog.locs[static_cast<std::size_t>(it->second.loc)];
    if (l.is_code) return call_code(it->second.loc, RegVal{}, e.span);  // f(): f is a code_t
    LValue lv;  // codeptr(): read the shared pointer, then call through it
    lv.loc = it->second.loc;
    const RegVal target = read(lv, e.span);
    return call_code(location(target, "called", e.span), target, e.span);
  }
  return call_primitive(e);
}

}  // namespace xmcheck::checker
