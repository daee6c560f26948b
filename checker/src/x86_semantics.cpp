// x86-64 instruction semantics over the PathRunner primitives. Data accesses
// follow herd7's X86_64 semantics (locked read-modify-writes are atomic pairs in
// the X set); the cross-modifying-code instructions (serializing instructions,
// SYSRET/SYSEXIT) become events that axioms/x86.cat gives meaning to.
#include <cstdint>
#include <string>

#include "base_bits.hpp"
#include "condition_codes.hpp"
#include "path_runner.hpp"
#include "registers.hpp"
#include "semantics_support.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {
namespace {

using litmus::Instruction;
using litmus::Operand;
using OpKind = Operand::Kind;

[[noreturn]] void unsupported(const Instruction& ins, const std::string& why) { unsupported_semantics(ins, why); }
const Operand& op(const Instruction& ins, std::size_t i) { return operand_at(ins, i); }

bool is_control_register(const Operand& o) { return o.kind == OpKind::Reg && o.reg.index >= litmus::kX86Cr0; }

/// The operation's width: the size suffix, else a register operand's width.
int op_width(const Instruction& ins) {
  if (ins.width != 0) return ins.width;
  for (const auto& o : ins.operands)
    if (o.kind == OpKind::Reg && !is_control_register(o)) return o.reg.width;
  return 64;
}

std::int64_t truncate(std::int64_t v, int bits) {
  if (bits >= 64) return v;
  const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(v) & mask);
}

Val truncated(Val v, int bits) {
  if (v.kind == Val::Kind::Int) v.v = truncate(v.v, bits);
  return v;
}

struct MemRef {
  int loc = -1;
  Taint dep, pick;
};

/// (x), x(%rip), d(%base), d(%base,%index,s): the location and the reads its
/// address depends on.
MemRef mem_ref(PathRunner& run, const Instruction& ins, const Operand& o, const std::string& what) {
  MemRef m;
  std::int64_t offset = o.imm;
  if (!o.text.empty()) {
    m.loc = run.program().find_data_location(o.text);
    XMCHECK_ASSERT(m.loc >= 0, "lowering declares every symbol x86 code names");
  } else {
    const RegVal& base = run.reg(register_index(o.reg));
    m.dep = base.dep;
    m.pick = base.pick | base.dep;
    if (o.has_index) {
      const RegVal& idx = run.reg(register_index(o.index));
      m.dep |= idx.dep;
      m.pick |= idx.pick | idx.dep;
      if (idx.val.kind != Val::Kind::Int) {
        run.delayed_error("address index is not an integer");
        return m;
      }
      offset += idx.val.v * (o.scale == 0 ? 1 : o.scale);
    }
    m.loc = run.location_of(base.val, what);
  }
  if (m.loc < 0 || offset == 0) return m;
  const int moved = run.program().offset_location(m.loc, offset);
  if (moved < 0) {
    run.delayed_error("address offset " + std::to_string(offset) + " leaves location " +
                      run.program().locs[static_cast<std::size_t>(m.loc)].name);
    m.loc = -1;
    return m;
  }
  (void)ins;
  m.loc = moved;
  return m;
}

/// Reads a source operand ($imm, %reg, or memory: a load).
RegVal read(PathRunner& run, const Instruction& ins, const Operand& o, int bits, std::uint64_t sets = 0,
            int* read_event = nullptr) {
  if (o.kind == OpKind::Imm) return RegVal{Val::integer(truncate(o.imm, bits)), {}, {}, false};
  if (o.kind == OpKind::Reg) {
    RegVal v = run.reg(register_index(o.reg));
    v.val = truncated(v.val, bits);
    return v;
  }
  if (o.kind != OpKind::Mem) unsupported(ins, "expected a register, immediate or memory operand");
  const MemRef m = mem_ref(run, ins, o, "loaded");
  if (m.loc < 0) return RegVal{};
  RegVal v = run.load(m.loc, sets, m.dep, m.pick);
  if (read_event != nullptr) *read_event = run.last_event();
  v.val = truncated(v.val, bits);
  return v;
}

/// Writes a destination register: 32-bit writes zero-extend, 8/16-bit writes
/// keep the upper bits.
void write_reg(PathRunner& run, const Operand& o, RegVal v) {
  const int idx = register_index(o.reg);
  if (o.reg.width < 32 && v.val.kind == Val::Kind::Int) {
    const RegVal& old = run.reg(idx);
    if (old.val.kind == Val::Kind::Int) {
      const std::uint64_t mask = (std::uint64_t{1} << o.reg.width) - 1;
      v.val.v = static_cast<std::int64_t>((static_cast<std::uint64_t>(old.val.v) & ~mask) |
                                          (static_cast<std::uint64_t>(v.val.v) & mask));
    }
  } else {
    v.val = truncated(v.val, o.reg.width);
  }
  run.set_reg(idx, std::move(v));
}

/// Writes a destination operand (register or memory: a store).
void write(PathRunner& run, const Instruction& ins, const Operand& o, const RegVal& v, std::uint64_t sets = 0,
           int* write_event = nullptr) {
  if (o.kind == OpKind::Reg) return write_reg(run, o, v);
  if (o.kind != OpKind::Mem) unsupported(ins, "expected a register or memory destination");
  const MemRef m = mem_ref(run, ins, o, "overwritten");
  if (m.loc < 0) return;
  run.store(m.loc, sets, v, m.dep, m.pick);
  if (write_event != nullptr) *write_event = run.last_event();
}

void set_flags(PathRunner& run, const RegVal& lhs, const RegVal& rhs) {
  run.flags() = Flags{true, lhs.val, rhs.val, lhs.dep | rhs.dep, lhs.pick | rhs.pick | lhs.dep | rhs.dep,
                      lhs.symbolic || rhs.symbolic};
}

std::optional<std::int64_t> compute(const std::string& m, std::int64_t a, std::int64_t b) {
  if (m == "add") return a + b;
  if (m == "sub") return a - b;
  if (m == "and") return a & b;
  if (m == "or") return a | b;
  if (m == "xor") return a ^ b;
  if (m == "shl") return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) << (b & 63));
  if (m == "shr") return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) >> (b & 63));
  if (m == "sar") return a >> (b & 63);
  return std::nullopt;
}

/// dst = dst OP src, through memory when dst is memory (atomic when locked).
void read_modify_write(PathRunner& run, const Instruction& ins, const std::string& m, const RegVal& src,
                       const Operand& dst) {
  const int bits = op_width(ins);
  const bool atomic = ins.lock && dst.kind == OpKind::Mem;
  const std::uint64_t sets = atomic ? kSetX : 0;
  int r = -1, w = -1;
  const RegVal old = read(run, ins, dst, bits, sets, &r);
  RegVal out{Val::integer(0), old.dep | src.dep, old.pick | src.pick, old.symbolic || src.symbolic};
  if (old.val.kind == Val::Kind::Int && src.val.kind == Val::Kind::Int) {
    out.val = Val::integer(truncate(*compute(m, old.val.v, src.val.v), bits));
  } else if ((m == "xor" || m == "sub") && old.val == src.val) {
    out.val = Val::integer(0);
  } else if ((m == "add" || m == "or" || m == "xor" || m == "sub") && src.val.is_zero()) {
    out.val = old.val;
  } else {
    run.delayed_error(m + " on a non-integer value");
    return;
  }
  write(run, ins, dst, out, sets, &w);
  if (atomic && r >= 0 && w >= 0) run.add_rmw(r, w);
  set_flags(run, out, RegVal{});
}

const char* arm_condition(const std::string& x86) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"e", "EQ"}, {"ne", "NE"}, {"l", "LT"}, {"le", "LE"}, {"g", "GT"},  {"ge", "GE"},
      {"s", "MI"}, {"ns", "PL"}, {"b", "LO"}, {"ae", "HS"}, {"a", "HI"}, {"be", "LS"}};
  for (const auto& [k, v] : kMap)
    if (x86 == k) return v;
  return nullptr;
}

void control_transfer(PathRunner& run, std::int64_t target, bool taken_event_needed = true) {
  if (taken_event_needed) run.emit(EventKind::Branch, kSetB);
  run.jump(target, true);
}

void conditional_jump(PathRunner& run, const Instruction& ins) {
  const char* cond = arm_condition(op(ins, 0).text);
  if (cond == nullptr) unsupported(ins, "condition " + op(ins, 0).text);
  const Flags f = run.flags();
  const int e = run.emit(EventKind::Branch, 0);
  run.add_branch(f.dep, f.pick, e);  // the decision carries the control dependency
  auto h = holds(f, cond);
  if (!h) {
    run.delayed_error(std::string("condition ") + op(ins, 0).text + " on non-integer values");
    return;
  }
  if (!*h) {
    run.trace().events[static_cast<std::size_t>(e)].sets &= ~kSetB;  // B marks taken jumps only
    return;
  }
  run.jump(run.current_address() + op(ins, 1).imm, f.symbolic);
}

void indirect_jump(PathRunner& run, const Instruction& ins, const RegVal& target) {
  const int e = run.emit(EventKind::Branch, 0);
  run.add_branch(target.dep, target.pick, e);
  if (target.val.kind == Val::Kind::Code || target.val.kind == Val::Kind::Int) return run.jump(target.val.v, true);
  if (target.symbolic) return run.discard();  // herd: a loaded target must be a label
  throw diag::UserError(diag::ErrorKind::Litmus, ins.span,
                        "illegal argument for the indirect jump " + ins.mnemonic + " (must be a label)");
}

void exchange(PathRunner& run, const Instruction& ins) {
  const Operand& a = op(ins, 0);
  const Operand& b = op(ins, 1);
  const int bits = op_width(ins);
  if (a.kind == OpKind::Reg && b.kind == OpKind::Reg) {
    const RegVal va = run.reg(register_index(a.reg)), vb = run.reg(register_index(b.reg));
    write_reg(run, a, vb);
    write_reg(run, b, va);
    return;
  }
  const Operand& mem = a.kind == OpKind::Mem ? a : b;
  const Operand& reg = a.kind == OpKind::Mem ? b : a;
  const RegVal value = read(run, ins, reg, bits);
  int r = -1, w = -1;
  const RegVal old = read(run, ins, mem, bits, kSetX, &r);  // xchg with memory is always locked
  write(run, ins, mem, value, kSetX, &w);
  if (r >= 0 && w >= 0) run.add_rmw(r, w);
  write_reg(run, reg, old);
}

void exchange_add(PathRunner& run, const Instruction& ins) {
  const Operand& src = op(ins, 0);
  const Operand& dst = op(ins, 1);
  const int bits = op_width(ins);
  const RegVal addend = read(run, ins, src, bits);
  const bool atomic = ins.lock && dst.kind == OpKind::Mem;
  int r = -1, w = -1;
  const RegVal old = read(run, ins, dst, bits, atomic ? kSetX : 0, &r);
  if (old.val.kind != Val::Kind::Int || addend.val.kind != Val::Kind::Int) {
    run.delayed_error("xadd on a non-integer value");
    return;
  }
  RegVal sum{Val::integer(truncate(old.val.v + addend.val.v, bits)), old.dep | addend.dep,
             old.pick | addend.pick, true};
  write(run, ins, dst, sum, atomic ? kSetX : 0, &w);
  if (atomic && r >= 0 && w >= 0) run.add_rmw(r, w);
  write_reg(run, src, old);
  set_flags(run, sum, RegVal{});
}

void compare_exchange(PathRunner& run, const Instruction& ins) {
  const Operand& src = op(ins, 0);
  const Operand& dst = op(ins, 1);
  const int bits = op_width(ins);
  Operand acc;  // the accumulator of the operation's width
  acc.kind = OpKind::Reg;
  acc.reg.index = 0;
  acc.reg.width = static_cast<std::uint8_t>(bits);
  const RegVal expected = read(run, ins, acc, bits);
  const RegVal desired = read(run, ins, src, bits);
  const bool atomic = ins.lock && dst.kind == OpKind::Mem;
  int r = -1, w = -1;
  const RegVal old = read(run, ins, dst, bits, atomic ? kSetX : 0, &r);
  set_flags(run, old, expected);
  if (old.val == expected.val) {
    write(run, ins, dst, desired, atomic ? kSetX : 0, &w);
    if (atomic && r >= 0 && w >= 0) run.add_rmw(r, w);
  } else {
    write_reg(run, acc, old);
  }
}

void move(PathRunner& run, const Instruction& ins) {
  const Operand& src = op(ins, 0);
  const Operand& dst = op(ins, 1);
  if (is_control_register(dst)) {
    // MOV to a control register is serializing, except to CR8 (SDM "Serializing
    // Instructions"); CR8 only sets the task priority.
    if (dst.reg.index != litmus::kX86Cr0 + 8) run.emit(EventKind::Fence, kSetF | kSetMovCr);
    return;
  }
  if (is_control_register(src)) return write_reg(run, dst, RegVal{});
  write(run, ins, dst, read(run, ins, src, op_width(ins)));
}

void fence(PathRunner& run, std::uint64_t sets) { run.emit(EventKind::Fence, kSetF | sets); }

}  // namespace

void execute_x86(PathRunner& run, const Instruction& ins) {
  const std::string& m = ins.mnemonic;
  const std::int64_t next = run.current_address() + kInstrBytes;
  if (m == "nop") return;
  if (m == "mov") return move(run, ins);
  if (m == "add" || m == "sub" || m == "and" || m == "or" || m == "xor" || m == "shl" || m == "shr" || m == "sar")
    return read_modify_write(run, ins, m, read(run, ins, op(ins, 0), op_width(ins)), op(ins, 1));
  if (m == "inc" || m == "dec")
    return read_modify_write(run, ins, m == "inc" ? "add" : "sub", RegVal{Val::integer(1), {}, {}, false}, op(ins, 0));
  if (m == "cmp") {
    const int bits = op_width(ins);
    const RegVal src = read(run, ins, op(ins, 0), bits);
    const RegVal dst = read(run, ins, op(ins, 1), bits);
    return set_flags(run, dst, src);  // AT&T: cmp src,dst compares dst with src
  }
  if (m == "test") {
    const int bits = op_width(ins);
    const RegVal a = read(run, ins, op(ins, 0), bits);
    const RegVal b = read(run, ins, op(ins, 1), bits);
    if (a.val.kind != Val::Kind::Int || b.val.kind != Val::Kind::Int) return run.delayed_error("test on a non-integer value");
    return set_flags(run, RegVal{Val::integer(a.val.v & b.val.v), a.dep | b.dep, a.pick | b.pick, a.symbolic || b.symbolic},
                     RegVal{});
  }
  if (m == "xchg") return exchange(run, ins);
  if (m == "xadd") return exchange_add(run, ins);
  if (m == "cmpxchg") return compare_exchange(run, ins);
  if (m == "j") return conditional_jump(run, ins);
  if (m == "jmp" || m == "call") {
    if (m == "call") run.push_return(next);
    const Operand& t = op(ins, 0);
    if (t.kind == OpKind::Relative) return control_transfer(run, run.current_address() + t.imm);
    return indirect_jump(run, ins, read(run, ins, t, 64));
  }
  if (m == "ret") {
    const auto back = run.pop_return();
    if (!back) return run.halt();  // returning from the thread's function ends the thread
    return control_transfer(run, *back);
  }
  if (m == "mfence") return fence(run, kSetMfence);
  if (m == "lfence") return fence(run, kSetLfence);
  if (m == "sfence") return fence(run, kSetSfence);
  if (m == "cpuid") return fence(run, kSetCpuid);
  if (m == "serialize") return fence(run, kSetSerialize);
  if (m == "wrmsr") return fence(run, kSetWrmsr);
  // IRET as Linux's iret-to-self (sync_core): execution continues with the next
  // instruction; SYSRET/SYSEXIT likewise return to the code that follows.
  if (m == "iret") return fence(run, kSetIret);
  if (m == "sysret") return fence(run, kSetSysret);
  if (m == "sysexit") return fence(run, kSetSysexit);
  if (m == "ud2") return run.take_exception(kSetUDF, run.code_value(run.current_address()));
  unsupported(ins, "not modelled");
}

}  // namespace xmcheck::checker
