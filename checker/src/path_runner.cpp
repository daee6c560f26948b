#include "path_runner.hpp"

#include "base_bits.hpp"
#include "program.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {

int ChoiceCursor::choose(int n) {
  XMCHECK_ASSERT(n > 0, "a choice needs at least one option");
  if (pos_ == taken_.size()) {
    taken_.push_back(0);
    arity_.push_back(n);
  }
  XMCHECK_ASSERT(arity_[pos_] == n, "replay diverged from the recorded path");
  return taken_[pos_++];
}

bool ChoiceCursor::advance() {
  taken_.resize(pos_);
  arity_.resize(pos_);
  while (!taken_.empty()) {
    if (++taken_.back() < arity_.back()) {
      pos_ = 0;
      return true;
    }
    taken_.pop_back();
    arity_.pop_back();
  }
  pos_ = 0;
  return false;
}

PathRunner::PathRunner(const Program& prog, int proc, const std::vector<std::vector<Val>>& domains,
                       ChoiceCursor& cursor, int unroll)
    : prog_(prog), arch_(semantics(prog.arch)), proc_(proc), domains_(domains), cursor_(cursor), unroll_(unroll),
      code_proc_(proc),
      // A C program's register slots are its local variables (c_locals), not
      // the target's register file: none of them reads as zero.
      zero_reg_(prog.c_locals.empty() ? arch_.registers().zero : -1) {
  trace_.proc = proc;
  regs_.resize(kNumRegs);
  const auto& init = prog.init_regs[static_cast<std::size_t>(proc)];
  for (std::size_t i = 0; i < regs_.size(); ++i) regs_[i].val = init[i];
}

RegVal& PathRunner::reg(int index) {
  XMCHECK_ASSERT(index >= 0 && index < kNumRegs, "register index out of range");
  if (index == zero_reg_) regs_[static_cast<std::size_t>(index)] = RegVal{};
  return regs_[static_cast<std::size_t>(index)];
}

void PathRunner::set_reg(int index, RegVal v) {
  if (index == zero_reg_) return;
  v.pick |= v.dep;  // pick flow always includes plain flow
  reg(index) = std::move(v);
}

int PathRunner::emit(EventKind kind, SetMask sets, int loc, Val value) {
  if (trace_.events.size() >= kMaxTraceEvents)
    throw diag::UserError(diag::ErrorKind::Unsupported, span_,
                          "a thread has more than " + std::to_string(kMaxTraceEvents) +
                              " events; lower --unroll");
  TraceEvent e;
  e.kind = kind;
  e.instance = instance_;
  e.instr = instr_;
  e.loc = physical(loc);
  e.value = value;
  e.sets = sets;
  if (e.loc != loc) e.sets |= kSetAlias;  // through a second mapping of a code location
  if (loc >= 0 && prog_.locs[static_cast<std::size_t>(loc)].is_code) e.sets |= kSetInstr;
  e.span = span_;
  e.func = func_;
  e.call = call_;
  trace_.events.push_back(e);
  return static_cast<int>(trace_.events.size() - 1);
}

void PathRunner::add_addr(const Taint& dep, const Taint& pick, int e) {
  for (std::size_t r = 0; r < trace_.events.size(); ++r) {
    if (dep.test(r)) trace_.addr.emplace_back(static_cast<int>(r), e);
    if (pick.test(r)) {
      trace_.pick_addr.emplace_back(static_cast<int>(r), e);
      trace_.pick_basic.emplace_back(static_cast<int>(r), e);
    }
  }
}

void PathRunner::add_branch(const Taint& dep, const Taint& pick, int e) {
  auto& ev = trace_.events[static_cast<std::size_t>(e)];
  ev.sets |= kSetB | kSetBCC;
  // ctrl edges reach every later event; they are materialised when the path ends.
  branch_taints_.push_back({e, dep, pick});
}

int PathRunner::physical(int loc) const {
  if (loc < 0) return loc;
  const int target = prog_.locs[static_cast<std::size_t>(loc)].alias_of;
  return target >= 0 ? target : loc;
}

Val PathRunner::choose_value(int loc) {
  const auto& dom = domains_[static_cast<std::size_t>(physical(loc))];
  return dom[static_cast<std::size_t>(cursor_.choose(static_cast<int>(dom.size())))];
}

void PathRunner::begin_instance(const diag::SourceSpan& span, int instr) {
  ++instance_;
  span_ = span;
  instr_ = instr;
}

RegVal PathRunner::load(int loc, SetMask sets, const Taint& addr_dep, const Taint& addr_pick) {
  const Val v = choose_value(loc);
  const int e = emit(EventKind::Read, sets | kSetR | kSetM | kSetExp, loc, v);
  add_addr(addr_dep, addr_pick, e);
  RegVal out;
  out.val = v;
  out.symbolic = true;
  out.dep = addr_dep;
  out.pick = addr_pick;
  out.dep.set(static_cast<std::size_t>(e));
  out.pick.set(static_cast<std::size_t>(e));
  out.flow.set(static_cast<std::size_t>(e));
  if (auto it = last_write_.find(physical(loc)); it != last_write_.end() && arch_.dependencies_through_memory()) {
    out.dep |= it->second.dep;  // herd's lmrs: store-to-load forwarding within the thread
    out.pick |= it->second.pick;
    for (std::size_t r = 0; r < trace_.events.size(); ++r)
      if (it->second.pick.test(r)) trace_.pick_basic.emplace_back(static_cast<int>(r), e);
  }
  return out;
}

void PathRunner::store(int loc, SetMask sets, const RegVal& v, const Taint& addr_dep,
                       const Taint& addr_pick) {
  const int e = emit(EventKind::Write, sets | kSetW | kSetM | kSetExp, loc, v.val);
  add_addr(addr_dep, addr_pick, e);
  const Taint vpick = v.pick | v.dep;
  for (std::size_t r = 0; r < trace_.events.size(); ++r) {
    if (v.dep.test(r)) trace_.data.emplace_back(static_cast<int>(r), e);
    if (v.flow.test(r)) trace_.value_flow.emplace_back(static_cast<int>(r), e);
    if (vpick.test(r)) {
      trace_.pick_data.emplace_back(static_cast<int>(r), e);
      trace_.pick_basic.emplace_back(static_cast<int>(r), e);
    }
  }
  last_write_[physical(loc)] = Forward{v.dep | addr_dep, vpick | addr_pick};
}

Val PathRunner::code_value(std::int64_t address) const {
  const Slot* s = prog_.find_slot(address);
  if (s != nullptr && !s->label.empty()) return Val::code(address);
  return Val::integer(address);
}

int PathRunner::location_of(const Val& address, const std::string& what) { return location_of(address, what, span_); }

int PathRunner::location_of(const Val& address, const std::string& what, const diag::SourceSpan& span) {
  if (address.is_thin_air()) {  // an address out of thin air: herd cannot solve it (thin_air.hpp)
    discard();
    return -1;
  }
  if (address.kind == Val::Kind::Addr) return static_cast<int>(address.v);
  if (address.kind == Val::Kind::Code) {
    const Slot* s = prog_.find_slot(address.v);
    if (s != nullptr && s->loc >= 0) return s->loc;
    const std::string label = s != nullptr ? s->label : std::to_string(address.v);
    if (s != nullptr && s->instr < 0)
      throw diag::UserError(diag::ErrorKind::Litmus, span,
                            "final label " + label + " cannot be " + what + ": it holds no instruction");
    throw diag::UserError(diag::ErrorKind::Litmus, span, "instruction at " + label + " is not addressable");
  }
  delayed_error("segmentation fault: " + what + " at a value that is not an address", span);
  return -1;
}

void PathRunner::delayed_error(const std::string& message) { delayed_error(message, span_); }

void PathRunner::delayed_error(const std::string& message, const diag::SourceSpan& span) {
  if (trace_.delayed_error.empty()) {
    trace_.delayed_error = message;
    trace_.delayed_error_span = span;
  }
  halted_ = true;
}

void PathRunner::jump(std::int64_t target, bool checked) {
  auto it = prog_.slot_at.find(target);
  if (it == prog_.slot_at.end()) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(target));
    delayed_error(std::string("segmentation fault: address ") + buf + " does not point to code");
    return;
  }
  // herd counts backward (or self) jumps within one proc's code per target.
  if (checked && it->second.first == code_proc_ && target <= address_) {
    if (++back_jumps_[target] > unroll_) {
      end_ = PathEnd::LoopCut;
      halted_ = true;
      return;
    }
  }
  code_proc_ = it->second.first;
  pc_ = it->second.second;
  jumped_ = true;
}

void PathRunner::take_exception(SetMask sets, Val elr) {
  emit(EventKind::Fault, sets | kSetFault | kSetExcEntry);
  trace_.faults.push_back(FaultRecord{address_, (sets & kSetSVC).any() ? "SupervisorCall" : "UndefinedInstruction"});
  if (in_handler_) {  // herd drops executions that fault inside a handler
    end_ = PathEnd::Discarded;
    halted_ = true;
    return;
  }
  if (const int link = arch_.registers().exception_link; link >= 0) set_reg(link, RegVal{elr, {}, {}, false, {}});
  const auto& own = prog_.procs[static_cast<std::size_t>(proc_)];
  if (own.handler_begin < 0) {  // no handler column: the fault is fatal for the thread
    halted_ = true;
    return;
  }
  in_handler_ = true;
  code_proc_ = proc_;
  pc_ = own.handler_begin;
  jumped_ = true;
}

void PathRunner::exception_return() {
  emit(EventKind::ExcReturn, kSetExcRet | kSetB);
  const int link = arch_.registers().exception_link;
  XMCHECK_ASSERT(link >= 0, "an exception return on an architecture without an exception link register");
  const Val target = reg(link).val;
  in_handler_ = false;
  if (target.kind != Val::Kind::Code && target.kind != Val::Kind::Int) {
    delayed_error("cannot determine the ERET target");
    return;
  }
  jump(target.v, true);
}

void PathRunner::step() {
  const auto& code = prog_.procs[static_cast<std::size_t>(code_proc_)];
  const Slot& slot = code.slots[static_cast<std::size_t>(pc_)];
  if (slot.instr < 0) {  // ran past the end of the code
    halted_ = true;
    return;
  }
  ++instance_;
  address_ = slot.address;
  span_ = slot.span;
  jumped_ = false;
  int instr = slot.instr;
  instr_ = instr;
  if (slot.loc >= 0) {  // an addressed instruction is fetched from memory
    const Val v = choose_value(slot.loc);
    SetMask sets = kSetR | kSetM | kSetImp | kSetIF;
    const bool decodable = v.kind == Val::Kind::Instr && prog_.fetchable[static_cast<std::size_t>(v.v)];
    if (decodable && arch_.cmodx_restricted(prog_.instrs[static_cast<std::size_t>(v.v)]))
      sets |= kSetCmodxRestricted;
    if (decodable) instr_ = static_cast<int>(v.v);
    emit(EventKind::Fetch, sets, slot.loc, v);
    if (!decodable) {
      take_exception(kSetUDF, code_value(address_));
      return;
    }
    instr = static_cast<int>(v.v);
  }
  const litmus::Instruction& ins = prog_.instrs[static_cast<std::size_t>(instr)];
  if (ins.arch != prog_.arch)
    throw diag::UserError(diag::ErrorKind::Litmus, ins.span, "instruction of another architecture");
  arch_.execute(*this, ins);
  if (!jumped_ && !halted_) ++pc_;
}

void PathRunner::finish_ctrl_edges() {
  for (const auto& b : branch_taints_) {
    const int inst = trace_.events[static_cast<std::size_t>(b.event)].instance;
    for (std::size_t e = 0; e < trace_.events.size(); ++e) {
      if (trace_.events[e].instance <= inst || trace_.events[e].instance >= b.scope_end) continue;
      for (std::size_t r = 0; r < trace_.events.size(); ++r) {
        if (b.dep.test(r)) trace_.ctrl.emplace_back(static_cast<int>(r), static_cast<int>(e));
        if (b.pick.test(r) || b.dep.test(r)) {
          trace_.pick_ctrl.emplace_back(static_cast<int>(r), static_cast<int>(e));
        }
      }
    }
  }
}

PathEnd PathRunner::run() {
  while (!halted_) step();
  return finish();
}

PathEnd PathRunner::finish() {
  if (end_ != PathEnd::Done) return end_;
  finish_ctrl_edges();
  trace_.final_regs.resize(regs_.size());
  XMCHECK_ASSERT(static_cast<std::size_t>(proc_) < prog_.reg_types.size(), "register types per thread");
  const auto& types = prog_.reg_types[static_cast<std::size_t>(proc_)];
  for (std::size_t i = 0; i < regs_.size(); ++i)
    trace_.final_regs[i] = prog_.is_c() ? regs_[i].val
                                        : arch_.typed_value(regs_[i].val, i < types.size() ? types[i] : std::string());
  return PathEnd::Done;
}

}  // namespace xmcheck::checker
