// Kernel primitives: a call is looked up in the architecture's lowering table
// (axioms/<arch>/<arch>.lower) and its event templates are expanded into
// events through the PathRunner.
#include "base_bits.hpp"
#include "c_interpreter.hpp"
#include "thin_air.hpp"
#include "wrapping.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {
namespace {

using Kind = EventTemplate::Kind;
using Op = EventTemplate::Op;

SetMask set_bits(const std::vector<std::string>& names) {
  SetMask bits;
  for (const auto& n : names) bits |= named_set_bit(n);
  return bits;
}

bool is_keyword(const std::string& param) { return !param.empty() && param[0] == '='; }

/// The entry whose arity and keyword parameters (`dsb(=ish)`) match the call.
const LoweringEntry* select(const std::vector<const LoweringEntry*>& entries, const litmus::c::Expr& e) {
  for (const auto* entry : entries) {
    if (entry->arity() != e.arg_count()) continue;
    bool match = true;
    for (std::size_t i = 0; i < entry->arity(); ++i)
      if (is_keyword(entry->params[i]) && !e.arg(i).is_ident(entry->params[i].substr(1))) match = false;
    if (match) return entry;
  }
  return nullptr;
}

std::string expected_forms(const std::vector<const LoweringEntry*>& entries) {
  std::string out;
  for (const auto* entry : entries) {
    std::string sig = entry->name + "(";
    for (std::size_t i = 0; i < entry->params.size(); ++i)
      sig += (i > 0 ? ", " : "") + (is_keyword(entry->params[i]) ? entry->params[i].substr(1) : entry->params[i]);
    out += (out.empty() ? "" : " or ") + sig + ")";
  }
  return out;
}

/// The kernel's atomic_t arithmetic wraps (two's complement, as the RMW
/// instructions it lowers to do).
std::optional<std::int64_t> apply(Op op, std::int64_t old, std::int64_t v) {
  switch (op) {
    case Op::Xchg: return v;
    case Op::Add: return wrapping_add(old, v);
    case Op::Sub: return wrapping_sub(old, v);
    case Op::And: return old & v;
    case Op::Or: return old | v;
    case Op::AndNot: return old & ~v;
    case Op::Xor: return old ^ v;
  }
  return std::nullopt;
}

ThinAirOp thin_air_op(Op op) {
  switch (op) {
    case Op::Add: return ThinAirOp::Add;
    case Op::Or: return ThinAirOp::Or;
    case Op::Xor: return ThinAirOp::Xor;
    default: return ThinAirOp::Other;
  }
}

}  // namespace

RegVal CInterpreter::atomic_update(EventTemplate::Op op, const RegVal& old, const RegVal& v, const Span& span) {
  const auto with = [&](Val out) { return RegVal{out, old.dep | v.dep, old.pick | v.pick, true, old.flow | v.flow}; };
  if (old.val.is_thin_air() || v.val.is_thin_air()) {
    const auto out = thin_air_result(thin_air_op(op), old.val, v.val);
    if (!out) drop_path();
    return with(*out);
  }
  if (old.val.kind != Val::Kind::Int || v.val.kind != Val::Kind::Int) {
    run_.delayed_error("atomic arithmetic on a value that is not an integer", span);
    throw Stop{};
  }
  return with(Val::integer(*apply(op, old.val.v, v.val.v)));
}

RegVal CInterpreter::call_primitive(const Expr& e) {
  const std::string name(e.callee_name());
  const auto entries = lowering_.find(name);
  if (entries.empty())
    throw diag::UserError(diag::ErrorKind::Litmus, e.callee().span, "unknown primitive '" + name + "'");
  const LoweringEntry* entry = select(entries, e);
  if (entry == nullptr)
    throw diag::UserError(diag::ErrorKind::Litmus, e.span,
                          "wrong arguments for '" + name + "': expected " + expected_forms(entries));
  if (entry->availability == LoweringEntry::Availability::Unavailable)
    throw diag::UserError(diag::ErrorKind::Unsupported, e.callee().span,
                          "'" + name + "' is not available on " + lowering_.arch_name);
  if (entry->availability == LoweringEntry::Availability::Unsupported)
    throw diag::UserError(diag::ErrorKind::Unsupported, e.callee().span,
                          "unsupported primitive '" + name + "' on " + lowering_.arch_name +
                              (entry->reason.empty() ? "" : ": " + entry->reason));

  std::vector<RegVal> args(entry->arity());
  for (std::size_t i = 0; i < entry->arity(); ++i) {
    if (is_keyword(entry->params[i])) continue;
    if (entry->params[i][0] != '*') {
      args[i] = eval(e.arg(i));
      continue;
    }
    // `READ_ONCE(*p)`: the argument is an lvalue and p its address.
    const LValue lv = lvalue(e.arg(i));
    if (!lv.local.empty())
      throw diag::UserError(diag::ErrorKind::Unsupported, e.arg(i).span,
                            "'" + name + "' of a local variable is not supported (use a shared one)");
    args[i] = RegVal{Val::addr(lv.loc), lv.dep, lv.pick, false, {}};
  }
  const auto value_of = [&](const TemplateArg& a) {
    return a.kind == TemplateArg::Kind::Int ? RegVal{Val::integer(a.value), {}, {}, false, {}}
                                            : args[static_cast<std::size_t>(a.param)];
  };
  // A fault on an address is reported at the argument that gave it.
  const auto address_of = [&](const TemplateArg& a, const char* what) {
    const Span& span = a.kind == TemplateArg::Kind::Int ? e.span : e.arg(static_cast<std::size_t>(a.param)).span;
    return location(value_of(a), what, span);
  };

  RegVal result;
  bool last_succeeded = true;
  for (const EventTemplate& t : entry->events) {
    if (t.on_success && !last_succeeded) continue;
    switch (t.kind) {
      case Kind::Read: {
        const RegVal p = value_of(t.args[0]);
        const int loc = address_of(t.args[0], "loaded");
        run_.begin_instance(e.span);
        result = run_.load(loc, set_bits(t.sets), p.dep, p.pick | p.dep);
        break;
      }
      case Kind::Write: {
        const RegVal p = value_of(t.args[0]);
        const int loc = address_of(t.args[0], "overwritten");
        run_.begin_instance(e.span);
        run_.store(loc, set_bits(t.sets), value_of(t.args[1]), p.dep, p.pick | p.dep);
        break;
      }
      case Kind::Rmw:
      case Kind::Cas:
      case Kind::AddUnless: {
        const RegVal p = value_of(t.args[0]);
        const int loc = address_of(t.args[0], "updated");
        run_.begin_instance(e.span);  // one atomic instruction: read and write share it
        const RegVal old = run_.load(loc, set_bits(t.sets), p.dep, p.pick | p.dep);
        const int r = run_.last_event();
        RegVal written;
        if (t.kind == Kind::Cas) {
          const auto same = decided_equal(old.val, value_of(t.args[1]).val);
          if (!same) drop_path();
          last_succeeded = *same;
          written = value_of(t.args[2]);
          result = old;
          if (!last_succeeded) {
            if (t.must_succeed) {  // spins until it succeeds: this path never completes
              run_.discard();
              throw Stop{};
            }
            break;
          }
        } else if (t.kind == Kind::AddUnless) {
          const RegVal a = value_of(t.args[1]);
          const auto same = decided_equal(old.val, value_of(t.args[2]).val);
          if (!same) drop_path();
          last_succeeded = !*same;
          result = RegVal{Val::integer(last_succeeded ? 1 : 0), old.dep, old.pick, true, old.flow};
          if (!last_succeeded) break;  // the read alone (herd: a failed RMW)
          written = atomic_update(Op::Add, old, a, e.span);
        } else {
          const RegVal v = value_of(t.args[1]);
          written = t.op == Op::Xchg ? v : atomic_update(t.op, old, v, e.span);
          result = entry->result_is_new ? written : old;
        }
        if (lowering_.rmw_program_order) run_.begin_instance(e.span);  // herd's C: po orders the two
        run_.store(loc, set_bits(t.write_sets), written, p.dep, p.pick | p.dep);
        run_.add_rmw(r, run_.last_event());
        break;
      }
      case Kind::Mark: {  // an event with only the given sets (and a location with MARK(p))
        if (t.args.empty()) {
          run_.begin_instance(e.span);
          run_.emit(EventKind::Fence, set_bits(t.sets));
          break;
        }
        const RegVal p = value_of(t.args[0]);
        const int loc = address_of(t.args[0], "named");
        run_.begin_instance(e.span);
        const int ev = run_.emit(EventKind::Fence, set_bits(t.sets), loc);
        run_.add_addr(p.dep, p.pick | p.dep, ev);
        break;
      }
      case Kind::Lock:
      case Kind::TryLock:
      case Kind::IsLocked: {
        const RegVal p = value_of(t.args[0]);
        const int loc = address_of(t.args[0], "locked");
        const auto event_on_lock = [&](const std::vector<std::string>& sets) {
          run_.begin_instance(e.span);
          const int ev = run_.emit(EventKind::Fence, set_bits(sets), loc);
          run_.add_addr(p.dep, p.pick | p.dep, ev);
        };
        // spin_trylock and spin_is_locked may have either outcome: a path each.
        const int outcome = t.kind == Kind::Lock ? 0 : run_.choose(2);
        if (t.kind == Kind::IsLocked) {
          event_on_lock(outcome == 0 ? t.sets : t.write_sets);
        } else if (outcome == 0) {  // the lock is taken: an acquire event, then the store that takes it
          event_on_lock(t.sets);
          if (lowering_.rmw_program_order) run_.begin_instance(e.span);
          run_.store(loc, set_bits(t.write_sets), RegVal{Val::integer(1), {}, {}, false, {}}, p.dep, p.pick | p.dep);
        } else {
          event_on_lock(t.fail_sets);
        }
        // The result is a constant, as in herd: no dependency on any read.
        result = RegVal{Val::integer(outcome == 0 ? 1 : 0), {}, {}, false, {}};
        break;
      }
      case Kind::Fence:
        run_.begin_instance(e.span);
        run_.emit(EventKind::Fence, kSetF | set_bits(t.sets));
        break;
      case Kind::Cache: {
        if (t.args.empty()) {
          run_.begin_instance(e.span);
          run_.emit(EventKind::CacheOp, set_bits(t.sets));
          break;
        }
        const RegVal p = value_of(t.args[0]);
        const int loc = address_of(t.args[0], "maintained");
        run_.begin_instance(e.span);
        const int ev = run_.emit(EventKind::CacheOp, set_bits(t.sets), loc);
        run_.add_addr(p.dep, p.pick | p.dep, ev);
        break;
      }
    }
  }
  if (entry->result_test != LoweringEntry::ResultTest::None) {
    using Test = LoweringEntry::ResultTest;
    const Val k = Val::integer(entry->result_operand);
    bool holds = false;
    if (entry->result_test == Test::Lt) {
      require_determined(result);
      if (result.val.kind != Val::Kind::Int) {
        run_.delayed_error("'<' on a value that is not an integer", e.span);
        throw Stop{};
      }
      holds = result.val.v < entry->result_operand;
    } else {
      const auto same = decided_equal(result.val, k);
      if (!same) drop_path();
      holds = *same == (entry->result_test == Test::Eq);
    }
    // The comparison depends on the value it tests, as herd's does.
    result.val = Val::integer(holds ? 1 : 0);
  }
  return result;
}

}  // namespace xmcheck::checker
