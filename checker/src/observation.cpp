#include "observation.hpp"

#include <algorithm>
#include <functional>

#include "execution.hpp"
#include "semantics/arch_semantics.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {
namespace {

[[noreturn]] void fail(const diag::SourceSpan& span, const std::string& msg) {
  throw diag::UserError(diag::ErrorKind::Litmus, span, msg);
}

void collect_locations(const litmus::Prop& p, std::vector<litmus::Location>& out) {
  if (p.kind == litmus::Prop::Kind::Eq || p.kind == litmus::Prop::Kind::Ne ||
      p.kind == litmus::Prop::Kind::Fault)
    out.push_back(p.loc);
  if (p.other) out.push_back(*p.other);
  for (const auto& c : p.children) collect_locations(c, out);
}

/// herd orders memory locations by how it names them: `[x]` for a location,
/// `t` for a whole array (so arrays come after `[...]` unless spelt in capitals).
std::string memory_order_key(const ObservedLocation& l) {
  return l.kind == ObservedLocation::Kind::Array ? l.symbol : "[" + l.symbol + "]";
}

}  // namespace

Observation::Observation(const litmus::LitmusTest& test, Program& prog) : test_(test), prog_(prog) {
  prog_.observed_memory.emplace(prog_.locs.size(), false);  // slot_for marks the shown ones
  std::vector<litmus::Location> named = test.locations;
  collect_locations(test.condition.prop, named);
  for (const auto& l : named) slot_for(l);
  const std::size_t shown = locs_.size();
  if (test.filter) {
    std::vector<litmus::Location> filtered;
    collect_locations(*test.filter, filtered);
    for (const auto& l : filtered) slot_for(l);
    for (std::size_t i = shown; i < locs_.size(); ++i) locs_[i].filter_only = true;
  }
  // herd's order: registers by proc then register number (C tests: by the
  // local variable's name, compared as strings, so r10 < r2), then memory by
  // name; the filter-only slots after all of them.
  const bool c_test = test.arch == litmus::kCDialect;
  std::vector<ObservationSlot> sorted = locs_;
  std::stable_sort(sorted.begin(), sorted.end(), [c_test](const ObservationSlot& a, const ObservationSlot& b) {
    if (a.filter_only != b.filter_only) return b.filter_only;
    if (a.is_fault != b.is_fault) return b.is_fault;  // fault atoms come last
    if (a.is_fault) return false;                     // in the order they were named
    if (a.is_register != b.is_register) return a.is_register;
    if (a.is_register && a.proc != b.proc) return a.proc < b.proc;
    if (a.is_register) return c_test ? a.shown.reg < b.shown.reg : a.reg < b.reg;
    return memory_order_key(a.shown) < memory_order_key(b.shown);
  });
  locs_ = sorted;
  int next = 0;
  for (auto& l : locs_) {
    l.value_index = next;
    next += l.count;
    if (!l.filter_only) {
      ++shown_slots_;
      shown_values_ = static_cast<std::size_t>(next);
    }
  }
  condition_ = convert(test.condition.prop);
  if (test.filter) filter_ = convert(*test.filter);
}

int Observation::slot_for(const litmus::Location& loc) {
  ObservationSlot o;
  ObservedLocation& shown = o.shown;
  if (loc.kind == litmus::Location::Kind::Fault) {
    if (loc.thread < 0 || loc.thread >= prog_.num_procs())
      fail(loc.span, "no thread P" + std::to_string(loc.thread));
    o.is_fault = true;
    o.proc = loc.thread;
    o.fault_type = loc.fault_type;
    o.fault_on_location = !loc.symbol.empty();
    if (!loc.label.empty()) {
      const auto& pc = prog_.procs[static_cast<std::size_t>(loc.thread)];
      auto it = pc.labels.find(loc.label);
      if (it == pc.labels.end())
        fail(loc.span, "label " + loc.label + " not found on P" + std::to_string(loc.thread));
      o.fault_address = pc.slots[static_cast<std::size_t>(it->second)].address;
    }
    shown.kind = ObservedLocation::Kind::Fault;
    shown.thread = loc.thread;
    shown.symbol = loc.symbol;
    shown.label = loc.label;
    shown.fault_type = loc.fault_type;
  } else if (loc.kind == litmus::Location::Kind::Register && !prog_.c_locals.empty()) {
    // C tests: `0:r0` is thread 0's local variable r0.
    if (loc.thread < 0 || loc.thread >= prog_.num_procs())
      fail(loc.span, "no thread P" + std::to_string(loc.thread));
    auto& locals = prog_.c_locals[static_cast<std::size_t>(loc.thread)];
    auto it = locals.find(loc.reg);
    if (it == locals.end()) {
      // A register the thread never names: herd shows it as 0, its initial
      // value (its own slot, never written).
      if (static_cast<int>(locals.size()) >= kNumRegs)
        fail(loc.span, "P" + std::to_string(loc.thread) + " has no local variable " + loc.reg);
      it = locals.emplace(loc.reg, static_cast<int>(locals.size())).first;
    }
    o.is_register = true;
    o.proc = loc.thread;
    o.reg = it->second;
    shown.kind = ObservedLocation::Kind::Register;
    shown.thread = loc.thread;
    shown.reg = loc.reg;
  } else if (loc.kind == litmus::Location::Kind::Register) {
    auto idx = semantics(prog_.arch).register_index(loc.reg);
    if (!idx) fail(loc.span, "unknown register " + loc.reg);
    if (loc.thread < 0 || loc.thread >= prog_.num_procs())
      fail(loc.span, "no thread P" + std::to_string(loc.thread));
    o.is_register = true;
    o.proc = loc.thread;
    o.reg = *idx;
    shown.kind = ObservedLocation::Kind::Register;
    shown.thread = loc.thread;
    shown.reg = loc.reg;  // canonical (the litmus parser's), e.g. X3 for 0:W3
  } else {
    for (std::size_t i = 0; i < prog_.locs.size(); ++i)
      if (prog_.locs[i].name == loc.symbol) o.loc = static_cast<int>(i);
    // A second mapping of a code location holds that location's memory.
    if (o.loc >= 0 && prog_.locs[static_cast<std::size_t>(o.loc)].alias_of >= 0)
      o.loc = prog_.locs[static_cast<std::size_t>(o.loc)].alias_of;
    shown.kind = ObservedLocation::Kind::Memory;
    shown.symbol = loc.symbol;
    if (o.loc >= 0 && prog_.locs[static_cast<std::size_t>(o.loc)].array_first == o.loc) {
      o.is_array = true;  // herd prints a whole array: t={1,3}
      o.count = prog_.locs[static_cast<std::size_t>(o.loc)].array_len;
      shown.kind = ObservedLocation::Kind::Array;
    }
    if (o.loc >= 0)
      for (int k = 0; k < o.count; ++k) (*prog_.observed_memory)[static_cast<std::size_t>(o.loc + k)] = true;
  }
  for (std::size_t i = 0; i < locs_.size(); ++i)
    if (locs_[i].shown == o.shown) return static_cast<int>(i);
  locs_.push_back(o);
  return static_cast<int>(locs_.size() - 1);
}

Val Observation::convert_value(const litmus::Value& v) {
  switch (v.kind) {
    case litmus::Value::Kind::Int: return Val::integer(v.num);
    case litmus::Value::Kind::Address:
      if (v.alias) fail(v.span, "ALIAS(" + v.symbol + ") is a declaration, not a value");
      // Any named location, code_t ones included: a result prints a pointer
      // to a C code location by its name, so a condition must accept it.
      // (Assembly code locations are named P0:L0 and come as Kind::Code.)
      for (std::size_t i = 0; i < prog_.locs.size(); ++i)
        if (prog_.locs[i].name == v.symbol) return Val::addr(static_cast<int>(i));
      fail(v.span, "unknown location " + v.symbol);
    case litmus::Value::Kind::Code: {
      const int p = v.code.thread;
      if (p < 0 || p >= prog_.num_procs()) fail(v.span, "no thread P" + std::to_string(p));
      const auto& pc = prog_.procs[static_cast<std::size_t>(p)];
      auto it = pc.labels.find(v.code.label);
      if (it == pc.labels.end()) fail(v.span, "label " + v.code.label + " not found on P" + std::to_string(p));
      return Val::code(pc.slots[static_cast<std::size_t>(it->second)].address);
    }
    case litmus::Value::Kind::Instr: {
      const int id = prog_.intern(*v.instr);
      if (prog_.fetchable.size() < prog_.instrs.size()) prog_.fetchable.resize(prog_.instrs.size(), false);
      return Val::instr(id);
    }
  }
  XMCHECK_ASSERT(false, "unknown value kind");
}

Observation::Node Observation::convert(const litmus::Prop& p) {
  Node n;
  n.kind = p.kind;
  if (p.kind == litmus::Prop::Kind::Fault) {
    n.slot = locs_[static_cast<std::size_t>(slot_for(p.loc))].value_index;
  } else if (p.kind == litmus::Prop::Kind::Eq || p.kind == litmus::Prop::Kind::Ne) {
    // Slots were sorted after collection; find by printed name.
    const auto& l = locs_[static_cast<std::size_t>(slot_for(p.loc))];
    if (l.is_array) fail(p.loc.span, "conditions on whole arrays are not supported");
    n.slot = l.value_index;
    if (p.other) {
      const auto& o = locs_[static_cast<std::size_t>(slot_for(*p.other))];
      if (o.is_array) fail(p.other->span, "conditions on whole arrays are not supported");
      n.other = o.value_index;
      return n;
    }
    n.value = convert_value(p.value);
    // Compared as the location's declared type makes it (herd's typed state).
    if (!prog_.is_c()) n.value = semantics(prog_.arch).typed_value(n.value, declared_type(l));
  }
  n.children.reserve(p.children.size());
  for (const auto& c : p.children) n.children.push_back(convert(c));
  return n;
}

/// What an Eq/Ne atom compares its location with: a value, or another location's.
static const Val& value_of_atom(const auto& n, const std::vector<Val>& finals) {
  return n.other >= 0 ? finals[static_cast<std::size_t>(n.other)] : n.value;
}

bool Observation::eval(const Node& n, const std::vector<Val>& finals) {
  using K = litmus::Prop::Kind;
  switch (n.kind) {
    case K::True: return true;
    case K::False: return false;
    case K::Eq: return finals[static_cast<std::size_t>(n.slot)] == value_of_atom(n, finals);
    case K::Fault: return finals[static_cast<std::size_t>(n.slot)] == Val::integer(1);
    case K::Ne: return !(finals[static_cast<std::size_t>(n.slot)] == value_of_atom(n, finals));
    case K::Not: return !eval(n.children.at(0), finals);
    // And/Or hold a whole chain (`a /\ b /\ c`), Implies its two sides.
    case K::And:
      return std::all_of(n.children.begin(), n.children.end(),
                         [&](const Node& c) { return eval(c, finals); });
    case K::Or:
      return std::any_of(n.children.begin(), n.children.end(),
                         [&](const Node& c) { return eval(c, finals); });
    case K::Implies: return !eval(n.children.at(0), finals) || eval(n.children.at(1), finals);
  }
  return false;
}

bool Observation::satisfies(const std::vector<Val>& finals) const { return eval(condition_, finals); }

bool Observation::passes_filter(const std::vector<Val>& finals) const {
  return !filter_ || eval(*filter_, finals);
}

Val Observation::fault_value(const ObservationSlot& l, const std::vector<FaultRecord>& faults) {
  if (l.fault_on_location) return Val::integer(0);  // no modelled fault has a data location
  for (const auto& f : faults) {
    if (l.fault_address >= 0 && f.address != l.fault_address) continue;
    if (!l.fault_type.empty() && f.type != l.fault_type) continue;
    return Val::integer(1);
  }
  return Val::integer(0);
}

StateValue Observation::state_value(const ObservationSlot& l, const std::vector<Val>& finals) const {
  if (l.is_fault) {
    StateValue out;
    out.kind = StateValue::Kind::Fault;
    out.fault_taken = finals[static_cast<std::size_t>(l.value_index)] == Val::integer(1);
    return out;
  }
  if (!l.is_array) {
    StateValue out = value_of(finals[static_cast<std::size_t>(l.value_index)]);
    // herd prints a value of an unsigned 64-bit type as unsigned.
    out.is_unsigned = out.kind == StateValue::Kind::Int && !prog_.is_c() &&
                      semantics(prog_.arch).prints_unsigned(declared_type(l));
    return out;
  }
  StateValue out;
  out.kind = StateValue::Kind::Array;
  for (int i = 0; i < l.count; ++i) out.elements.push_back(value_of(finals[static_cast<std::size_t>(l.value_index + i)]));
  return out;
}

std::string Observation::declared_type(const ObservationSlot& l) const {
  if (l.is_register)
    return static_cast<std::size_t>(l.proc) < prog_.reg_types.size()
               ? prog_.reg_types[static_cast<std::size_t>(l.proc)][static_cast<std::size_t>(l.reg)]
               : std::string();
  return l.loc >= 0 ? prog_.locs[static_cast<std::size_t>(l.loc)].type : std::string();
}

StateValue Observation::value_of(const Val& v) const {
  StateValue out;
  switch (v.kind) {
    case Val::Kind::Int: out.num = v.v; return out;
    case Val::Kind::Addr:
      out.kind = StateValue::Kind::Address;
      out.symbol = prog_.locs[static_cast<std::size_t>(v.v)].name;
      return out;
    case Val::Kind::Code: {
      out.kind = StateValue::Kind::Code;
      out.num = v.v;
      const Slot* s = prog_.find_slot(v.v);
      if (s != nullptr && !s->label.empty()) {
        out.thread = prog_.slot_at.at(v.v).first;
        out.label = s->label;
      }
      return out;
    }
    case Val::Kind::Instr:
      out.kind = StateValue::Kind::Instr;
      out.instr = std::make_shared<litmus::Instruction>(prog_.instrs[static_cast<std::size_t>(v.v)]);
      return out;
    case Val::Kind::ThinAir: out.kind = StateValue::Kind::ThinAir; return out;
  }
  return out;
}

std::vector<Val> Observation::final_values(const Execution& ex, const std::vector<std::vector<int>>& co) const {
  std::vector<Val> out;
  for (const auto& l : locs_) {
    if (l.is_fault) {
      out.push_back(fault_value(l, ex.trace(l.proc).faults));
    } else if (l.is_register) {
      out.push_back(ex.trace(l.proc).final_regs[static_cast<std::size_t>(l.reg)]);
    } else if (l.loc >= 0) {
      for (int i = 0; i < l.count; ++i) out.push_back(ex.write_value(co[static_cast<std::size_t>(l.loc + i)].back()));
    } else {
      out.push_back(Val::integer(0));
    }
  }
  return out;
}

bool Observation::trace_fails_filter(int proc, const Trace& t) const {
  if (!filter_) return false;
  // The slot whose values start at `value_index`, if it is this thread's.
  const auto own_slot = [&](int value_index) -> const ObservationSlot* {
    for (const auto& l : locs_)
      if (l.value_index == value_index) return (l.is_register || l.is_fault) && l.proc == proc ? &l : nullptr;
    return nullptr;
  };
  std::function<bool(const Node&)> only_own = [&](const Node& n) {
    if (n.slot >= 0 && own_slot(n.slot) == nullptr) return false;
    if (n.other >= 0 && own_slot(n.other) == nullptr) return false;
    return std::all_of(n.children.begin(), n.children.end(), only_own);
  };
  std::size_t values = 0;
  for (const auto& l : locs_) values = std::max(values, static_cast<std::size_t>(l.value_index + l.count));
  std::vector<Val> finals(values, Val::integer(0));
  for (const auto& l : locs_) {
    if (l.proc != proc) continue;
    if (l.is_register) finals[static_cast<std::size_t>(l.value_index)] = t.final_regs[static_cast<std::size_t>(l.reg)];
    if (l.is_fault) finals[static_cast<std::size_t>(l.value_index)] = fault_value(l, t.faults);
  }
  const bool chain = filter_->kind == litmus::Prop::Kind::And;
  const auto fails = [&](const Node& conjunct) { return only_own(conjunct) && !eval(conjunct, finals); };
  return chain ? std::any_of(filter_->children.begin(), filter_->children.end(), fails) : fails(*filter_);
}

std::vector<std::vector<bool>> Observation::traces_failing_filter(const std::vector<std::vector<Trace>>& traces) const {
  std::vector<std::vector<bool>> out(traces.size());
  bool any = false;
  for (std::size_t p = 0; p < traces.size(); ++p)
    for (const Trace& t : traces[p]) {
      out[p].push_back(trace_fails_filter(static_cast<int>(p), t));
      any = any || out[p].back();
    }
  if (!any) out.clear();
  return out;
}

std::vector<std::vector<bool>> excluded_traces(std::vector<std::vector<bool>> refuted,
                                               const std::vector<std::vector<bool>>& failing) {
  if (failing.empty()) return refuted;
  if (refuted.empty()) return failing;
  for (std::size_t p = 0; p < refuted.size(); ++p)
    for (std::size_t t = 0; t < refuted[p].size(); ++t) refuted[p][t] = refuted[p][t] || failing[p][t];
  return refuted;
}

}  // namespace xmcheck::checker
