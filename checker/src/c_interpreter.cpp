// C expressions: values with dependency taint (RegVal, as registers on the asm
// side), plain accesses to shared variables, locals, address arithmetic.
#include "c_interpreter.hpp"

#include "base_bits.hpp"
#include "thin_air.hpp"
#include "wrapping.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/diag/nesting.hpp"
#include "xmcheck/litmus/c_code_values.hpp"

namespace xmcheck::checker {
namespace {

using litmus::c::BinaryOp;
using litmus::c::UnaryOp;
using Kind = litmus::c::Expr::Kind;

[[noreturn]] void fail(const diag::SourceSpan& span, const std::string& msg) {
  throw diag::UserError(diag::ErrorKind::Litmus, span, msg);
}

RegVal constant(Val v) { return RegVal{v, {}, {}, false, {}}; }

RegVal combine(Val v, const RegVal& a, const RegVal& b) {
  return RegVal{v, a.dep | b.dep, a.pick | b.pick, a.symbolic || b.symbolic, a.flow | b.flow};
}

ThinAirOp thin_air_op(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return ThinAirOp::Add;
    case BinaryOp::BitOr: return ThinAirOp::Or;
    case BinaryOp::BitXor: return ThinAirOp::Xor;
    case BinaryOp::Eq: return ThinAirOp::Eq;
    case BinaryOp::Ne: return ThinAirOp::Ne;
    default: return ThinAirOp::Other;
  }
}

}  // namespace

PathEnd run_c_path(const CLowered& c, const LoweringTable& lowering, int proc,
                   const std::vector<std::vector<Val>>& domains, ChoiceCursor& cursor, int unroll,
                   const IrqBudget& budget, Trace& trace) {
  PathRunner runner(c.prog, proc, domains, cursor, unroll);
  CInterpreter interp(c, lowering, runner, proc, unroll, &budget);
  interp.run_thread();
  const PathEnd end = runner.finish();
  trace = std::move(runner.trace());
  return end;
}

CInterpreter::CInterpreter(const CLowered& c, const LoweringTable& lowering, PathRunner& run, int proc,
                           int unroll, const IrqBudget* budget)
    : c_(c), lowering_(lowering), run_(run), proc_(proc), unroll_(unroll), budget_(budget) {
  const auto mark = [&](const char* name) {
    SetMask bits;
    for (const auto* entry : lowering_.find(name))
      for (const auto& t : entry->events)
        if (t.kind == EventTemplate::Kind::Mark)
          for (const auto& n : t.sets) bits |= named_set_bit(n);
    return bits;
  };
  irq_entry_sets_ = kSetIrqEntry | mark("__irq_entry");
  irq_return_sets_ = kSetIrqReturn | mark("__irq_return");
  irq_resched_return_sets_ = kSetIrqReturn | mark("__irq_return_resched");
  ipi_send_sets_ = kSetIpi | mark("__ipi_send");
  ipi_wait_sets_ = kSetIpi | mark("__ipi_wait");
}

void CInterpreter::run_thread() {
  const auto& thread = c_.source->threads.at(static_cast<std::size_t>(proc_));
  const auto& locals = c_.prog.c_locals.at(static_cast<std::size_t>(proc_));
  frames_.emplace_back();
  for (const auto& [name, index] : locals) frames_.back().vars[name] = run_.reg(index);
  // herd's convention: parameter `x` is the address of the shared x, whatever
  // the types say (`P0(int *y)` with `int *y = 2;` still writes y with
  // `*y = 0`). xmcheck's JIT tests add one case: a code pointer parameter of
  // the shared variable's own type is that variable's initial value
  // (`P0(code_t *codeptr)` with `code_t *codeptr = &f;`, `*codeptr = ...`).
  for (const auto& p : thread.params) {
    const auto it = c_.shared.find(p.name);
    if (it == c_.shared.end()) continue;
    const auto& var = it->second;
    const bool code_pointer = var.type && var.type->is_pointer() &&
                              (var.type->base == "code_t" || var.type->base == kInsnPartsType) &&
                              var.type->pointer_depth == p.type.pointer_depth;
    frames_.back().vars[p.name] =
        constant(code_pointer ? c_.prog.locs[static_cast<std::size_t>(var.loc)].init : Val::addr(var.loc));
  }
  try {
    (void)exec(thread.body);
    interrupt_point();  // interrupts after the thread's code (the CPU idles or runs on)
  } catch (const Stop&) {
  }
  run_.trace().irqs_masked_at_end = !irqs_enabled_;
  for (const auto& [name, index] : locals) {
    RegVal v = frames_.front().vars[name];
    run_.set_reg(index, v);
  }
}

void CInterpreter::stop_if_halted() const {
  if (run_.halted()) throw Stop{};
}

void CInterpreter::drop_path() {
  run_.discard();
  throw Stop{};
}

void CInterpreter::require_determined(const RegVal& v) {
  if (v.val.is_thin_air()) drop_path();
}

RegVal* CInterpreter::local(const std::string& name) {
  auto& vars = frames_.back().vars;
  const auto it = vars.find(name);
  return it == vars.end() ? nullptr : &it->second;
}

int CInterpreter::location(const RegVal& address, const std::string& what, const Span& span) {
  const int loc = run_.location_of(address.val, what, span);
  stop_if_halted();
  return loc;
}

RegVal CInterpreter::eval_ident(const Expr& e) {
  if (RegVal* v = local(e.text)) return *v;
  if (const auto code = litmus::c_code_value_name(e.text)) {
    if (code->takes_int)
      fail(e.span, e.text + " takes an integer: write " + e.text + "(n), n the value the call returns");
    return constant(Val::instr(find_insn(c_.prog, code->name, std::nullopt)));
  }
  if (e.text == "NULL") return constant(Val::integer(0));
  if (e.text == "nr_cpu_ids") return constant(Val::integer(c_.prog.num_procs()));
  if (const auto it = c_.shared.find(e.text); it != c_.shared.end()) {
    const Location& l = c_.prog.locs[static_cast<std::size_t>(it->second.loc)];
    if (l.array_first >= 0 && l.array_name == e.text) return constant(Val::addr(it->second.loc));  // decays
    LValue lv;
    lv.loc = it->second.loc;
    return read(lv, e.span);  // a plain access to a shared variable
  }
  if (c_.constants != nullptr)
    if (const auto it = c_.constants->find(e.text); it != c_.constants->end())
      return constant(Val::integer(it->second));
  fail(e.span, "unknown identifier '" + e.text + "'");
}

RegVal CInterpreter::read(const LValue& lv, const Span& span) {
  if (!lv.local.empty()) return frames_.back().vars.at(lv.local);
  run_.begin_instance(span);
  return run_.load(lv.loc, SetMask{}, lv.dep, lv.pick);
}

void CInterpreter::write(const LValue& lv, const RegVal& v, const Span& span) {
  if (!lv.local.empty()) {
    frames_.back().vars.at(lv.local) = v;
    return;
  }
  run_.begin_instance(span);
  run_.store(lv.loc, SetMask{}, v, lv.dep, lv.pick);
}

CInterpreter::LValue CInterpreter::lvalue(const Expr& e) {
  LValue lv;
  if (e.kind == Kind::Ident) {
    if (local(e.text) != nullptr) {
      lv.local = e.text;
      return lv;
    }
    const auto it = c_.shared.find(e.text);
    if (it == c_.shared.end()) fail(e.span, "unknown identifier '" + e.text + "'");
    lv.loc = it->second.loc;
    return lv;
  }
  if (e.kind == Kind::Unary && e.unary_op == UnaryOp::Deref) {
    const RegVal p = eval(e.operands[0]);
    lv.loc = location(p, "accessed", e.span);
    lv.dep = p.dep;
    lv.pick = p.pick | p.dep;
    return lv;
  }
  if (e.kind == Kind::Index) {
    const RegVal base = eval(e.operands[0]);
    const RegVal index = eval(e.operands[1]);
    const RegVal p = arithmetic(BinaryOp::Add, base, index, e.operands[0].span, e.operands[1].span);
    lv.loc = location(p, "accessed", e.span);
    lv.dep = p.dep;
    lv.pick = p.pick | p.dep;
    return lv;
  }
  if (e.kind == Kind::Cast) return lvalue(e.operands[0]);
  fail(e.span, "expression is not assignable");
}

RegVal CInterpreter::arithmetic(BinaryOp op, const RegVal& a, const RegVal& b, const Span& a_span,
                                const Span& b_span) {
  const Val& x = a.val;
  const Val& y = b.val;
  // herd computes v ^ v = 0 and (v == v) = 1 on one read's value before
  // knowing it (lib/symbValue.ml): no equation of the solver (RegVal::flow)
  // depends on that read, though herd's data dependency stays.
  if ((op == BinaryOp::BitXor || op == BinaryOp::Eq || op == BinaryOp::Ne) && a.flow.count() == 1 &&
      a.flow == b.flow && x == y) {
    RegVal out = combine(Val::integer(op == BinaryOp::Eq ? 1 : 0), a, b);
    out.flow.reset();
    return out;
  }
  if (x.is_thin_air() || y.is_thin_air()) {
    const auto v = thin_air_result(thin_air_op(op), x, y);
    if (!v) drop_path();
    return combine(*v, a, b);
  }
  if (op == BinaryOp::Eq || op == BinaryOp::Ne) {
    const bool eq = x == y;
    return combine(Val::integer((op == BinaryOp::Eq) == eq ? 1 : 0), a, b);
  }
  if (x.kind == Val::Kind::Addr && y.kind == Val::Kind::Int && (op == BinaryOp::Add || op == BinaryOp::Sub)) {
    const std::int64_t off = op == BinaryOp::Add ? y.v : wrapping_neg(y.v);
    const int moved = c_.prog.offset_location(static_cast<int>(x.v), off);
    // Out of the variable (a range end such as `f + 1`): an integer address
    // that no access may use.
    return combine(moved >= 0 ? Val::addr(moved) : Val::integer(-1), a, b);
  }
  if (x.kind == Val::Kind::Int && y.kind == Val::Kind::Addr && op == BinaryOp::Add)
    return arithmetic(op, b, a, b_span, a_span);
  if (x.kind != Val::Kind::Int || y.kind != Val::Kind::Int) {
    run_.delayed_error("'" + std::string(litmus::c::spelling(op)) + "' on a value that is not an integer",
                       x.kind != Val::Kind::Int ? a_span : b_span);
    throw Stop{};
  }
  const std::int64_t l = x.v, r = y.v;
  std::int64_t out = 0;
  switch (op) {
    case BinaryOp::Mul: out = wrapping_mul(l, r); break;
    case BinaryOp::Div:
    case BinaryOp::Mod:
      if (r == 0) {
        run_.delayed_error("division by zero", b_span);
        throw Stop{};
      }
      out = op == BinaryOp::Div ? wrapping_div(l, r) : wrapping_rem(l, r);
      break;
    case BinaryOp::Add: out = wrapping_add(l, r); break;
    case BinaryOp::Sub: out = wrapping_sub(l, r); break;
    case BinaryOp::Shl: out = wrapping_shl(l, r); break;
    case BinaryOp::Shr: out = wrapping_sar(l, r); break;
    case BinaryOp::Lt: out = l < r; break;
    case BinaryOp::Le: out = l <= r; break;
    case BinaryOp::Gt: out = l > r; break;
    case BinaryOp::Ge: out = l >= r; break;
    case BinaryOp::BitAnd: out = l & r; break;
    case BinaryOp::BitXor: out = l ^ r; break;
    case BinaryOp::BitOr: out = l | r; break;
    default: fail(a_span, "unexpected operator");
  }
  return combine(Val::integer(out), a, b);
}

RegVal CInterpreter::eval_binary(const Expr& e) {
  const BinaryOp op = e.binary_op;
  if (op == BinaryOp::LogicalAnd || op == BinaryOp::LogicalOr) {
    const RegVal a = eval(e.operands[0]);
    const bool left = decide(a, e.operands[0].span);
    if (left == (op == BinaryOp::LogicalOr)) return combine(Val::integer(left ? 1 : 0), a, RegVal{});
    const RegVal b = eval(e.operands[1]);
    const bool right = !(b.val.kind == Val::Kind::Int && b.val.v == 0);
    return combine(Val::integer(right ? 1 : 0), a, b);
  }
  const RegVal a = eval(e.operands[0]);
  const RegVal b = eval(e.operands[1]);
  return arithmetic(op, a, b, e.operands[0].span, e.operands[1].span);
}

RegVal CInterpreter::assign(const Expr& e) {
  const LValue lv = lvalue(e.operands[0]);
  RegVal v = eval(e.operands[1]);
  if (e.compound) v = arithmetic(e.binary_op, read(lv, e.span), v, e.operands[0].span, e.operands[1].span);
  write(lv, v, e.span);
  return v;
}

RegVal CInterpreter::step_value(const Expr& e, bool increment, bool post) {
  const LValue lv = lvalue(e.operands[0]);
  const RegVal old = read(lv, e.span);
  const RegVal one = constant(Val::integer(1));
  const RegVal updated = arithmetic(increment ? BinaryOp::Add : BinaryOp::Sub, old, one, e.operands[0].span, e.span);
  write(lv, updated, e.span);
  return post ? old : updated;
}

RegVal CInterpreter::eval(const Expr& e) {
  const diag::NestingGuard level(depth_, kMaxDepth);
  if (level.too_deep()) too_deep(e.span);
  switch (e.kind) {
    case Kind::IntLit: return constant(Val::integer(e.value));
    case Kind::StringLit: fail(e.span, "string values are not supported");
    case Kind::Ident: return eval_ident(e);
    case Kind::Unary: {
      const Expr& operand = e.operands[0];
      switch (e.unary_op) {
        case UnaryOp::Deref: return read(lvalue(e), e.span);
        case UnaryOp::AddressOf: {
          if (operand.kind == Kind::Ident && local(operand.text) == nullptr) {
            const auto it = c_.shared.find(operand.text);
            if (it == c_.shared.end()) fail(operand.span, "unknown identifier '" + operand.text + "'");
            return constant(Val::addr(it->second.loc));
          }
          if (operand.kind == Kind::Unary && operand.unary_op == UnaryOp::Deref) return eval(operand.operands[0]);
          if (operand.kind == Kind::Index) {
            const RegVal base = eval(operand.operands[0]);
            return arithmetic(BinaryOp::Add, base, eval(operand.operands[1]), operand.operands[0].span,
                              operand.operands[1].span);
          }
          throw diag::UserError(diag::ErrorKind::Unsupported, e.span,
                                "taking the address of a local variable is not supported");
        }
        case UnaryOp::Plus: return eval(operand);
        case UnaryOp::Negate:
          return arithmetic(BinaryOp::Sub, constant(Val::integer(0)), eval(operand), e.span, operand.span);
        case UnaryOp::BitNot:
          return arithmetic(BinaryOp::BitXor, eval(operand), constant(Val::integer(-1)), operand.span, e.span);
        case UnaryOp::LogicalNot: {
          RegVal v = eval(operand);
          require_determined(v);
          v.val = Val::integer(v.val == Val::integer(0) ? 1 : 0);
          return v;
        }
      }
      break;
    }
    case Kind::Binary: return eval_binary(e);
    case Kind::Assign: return assign(e);
    case Kind::PreInc: return step_value(e, true, false);
    case Kind::PreDec: return step_value(e, false, false);
    case Kind::PostInc: return step_value(e, true, true);
    case Kind::PostDec: return step_value(e, false, true);
    case Kind::Conditional: {
      const RegVal c = eval(e.operands[0]);
      RegVal v = eval(e.operands[decide(c, e.operands[0].span) ? 1 : 2]);
      v.pick |= c.pick | c.dep;
      return v;
    }
    case Kind::Call: return call(e);
    case Kind::Cast: return eval(e.operands[0]);
    case Kind::Index: return read(lvalue(e), e.span);
  }
  fail(e.span, "unsupported expression");
}

}  // namespace xmcheck::checker
