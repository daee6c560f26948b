// x86-64 instruction semantics over the PathRunner primitives. Data accesses
// follow herd7's X86_64 semantics (locked read-modify-writes are atomic pairs in
// the X set); the cross-modifying-code instructions (serializing instructions,
// SYSRET/SYSEXIT) become events that axioms/x86/x86.cat gives meaning to.
#include <cstdint>
#include <string>

#include "base_bits.hpp"
#include "condition_codes.hpp"
#include "path_runner.hpp"
#include "semantics.hpp"
#include "semantics_support.hpp"
#include "wrapping.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/litmus/arch/x86.hpp"

namespace xmcheck::checker::x86 {
namespace {

constexpr SetMask kSetMfence = base_bit("MFENCE");
constexpr SetMask kSetLfence = base_bit("LFENCE");
constexpr SetMask kSetSfence = base_bit("SFENCE");
constexpr SetMask kSetCpuid = base_bit("CPUID");
constexpr SetMask kSetSerialize = base_bit("SERIALIZE");
constexpr SetMask kSetIret = base_bit("IRET");
constexpr SetMask kSetMovCr = base_bit("MOV-CR");
constexpr SetMask kSetWrmsr = base_bit("WRMSR");
constexpr SetMask kSetSysret = base_bit("SYSRET");
constexpr SetMask kSetSysexit = base_bit("SYSEXIT");

// x86 general-purpose registers never alias the zero register: index = Reg::index.
int register_index(const litmus::Reg& reg) { return reg.index; }

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

Val truncated(Val v, int bits) {
  if (v.kind == Val::Kind::Int) v.v = zero_extend(v.v, bits);
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
      offset = wrapping_add(offset, wrapping_mul(idx.val.v, o.scale == 0 ? 1 : o.scale));
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
RegVal read(PathRunner& run, const Instruction& ins, const Operand& o, int bits, SetMask sets = {},
            int* read_event = nullptr) {
  if (o.kind == OpKind::Imm) return RegVal{Val::integer(zero_extend(o.imm, bits)), {}, {}, false, {}};
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
void write(PathRunner& run, const Instruction& ins, const Operand& o, const RegVal& v, SetMask sets = {},
           int* write_event = nullptr) {
  if (o.kind == OpKind::Reg) return write_reg(run, o, v);
  if (o.kind != OpKind::Mem) unsupported(ins, "expected a register or memory destination");
  const MemRef m = mem_ref(run, ins, o, "overwritten");
  if (m.loc < 0) return;
  run.store(m.loc, sets, v, m.dep, m.pick);
  if (write_event != nullptr) *write_event = run.last_event();
}

/// The value an integer operation writes and the flags it leaves, as the Intel
/// SDM Vol. 2 defines them for `bits`-bit operands (results wrap modulo
/// 2^bits; flags as NZCV with C = NOT CF, path_runner.hpp).
struct Computed {
  std::int64_t value = 0;
  bool sets_flags = true;     ///< false: a shift by 0 leaves EFLAGS alone
  std::optional<Nzcv> flags;  ///< nullopt: CF kept from flags of symbolic values
};

/// ADD: OF and CF from the full-width addition ("ADD ... The OF, SF, ZF, AF,
/// CF, and PF flags are set according to the result"); SUB as CMP.
Computed add_sub(bool add, std::int64_t a, std::int64_t b, int bits) {
  if (!add) return Computed{zero_extend(wrapping_sub(a, b), bits), true, sub_flags(a, b, bits)};
  Nzcv f = add_flags(a, b, bits);
  f.c = !f.c;  // the carry out is CF
  return Computed{zero_extend(wrapping_add(a, b), bits), true, f};
}

/// SHL/SHR/SAR: the count is masked to 5 bits (6 for 64-bit operands); a
/// masked count of 0 changes no flag; CF is the last bit shifted out; OF
/// follows the SDM's 1-bit rule (SHL: MSB(result) XOR CF, SHR: the operand's
/// MSB, SAR: 0; undefined for other counts, where the same rule is kept).
Computed shift(const std::string& m, std::int64_t a, std::int64_t b, int bits) {
  const std::int64_t count = b & (bits == 64 ? 63 : 31);
  if (count == 0) return Computed{a, false, std::nullopt};
  std::int64_t r = 0;
  bool cf = false, of = false;
  if (m == "shl") {
    r = zero_extend(wrapping_shl(a, count), bits);
    cf = count <= bits && (wrapping_shr(a, bits - count) & 1) != 0;
    of = (wrapping_shr(r, bits - 1) & 1) != static_cast<int>(cf);
  } else if (m == "shr") {
    r = wrapping_shr(a, count);  // `a` is already zero-extended
    cf = (wrapping_shr(a, count - 1) & 1) != 0;
    of = (wrapping_shr(a, bits - 1) & 1) != 0;
  } else {  // sar: shift the sign-extended operand
    const std::int64_t wide = sign_extend(a, bits);
    r = zero_extend(wrapping_sar(wide, count), bits);
    cf = (wrapping_sar(wide, count - 1) & 1) != 0;
  }
  Nzcv f = sub_flags(r, 0, bits);  // SF and ZF of the result
  f.c = !cf;
  f.v = of;
  return Computed{r, true, f};
}

/// Operation `m` on integers `a` (the destination) and `b`; INC and DEC are
/// ADD and SUB of 1 that keep CF from `prev`, the flags before them.
Computed compute(const std::string& m, std::int64_t a, std::int64_t b, int bits, const Flags& prev) {
  if (m == "add" || m == "sub") return add_sub(m == "add", a, b, bits);
  if (m == "inc" || m == "dec") {
    Computed out = add_sub(m == "inc", a, 1, bits);
    if (!prev.set) out.flags->c = false;  // no flags yet: NZCV all clear
    else if (prev.nzcv) out.flags->c = prev.nzcv->c;
    else out.flags.reset();
    return out;
  }
  if (m == "shl" || m == "shr" || m == "sar") return shift(m, a, b, bits);
  std::int64_t r = 0;
  if (m == "and") r = a & b;
  else if (m == "or") r = a | b;
  else r = a ^ b;  // xor
  return Computed{r, true, sub_flags(r, 0, bits)};  // AND/OR/XOR clear OF and CF
}

/// EFLAGS after an operation whose result is `out`: `flags` when known, else
/// only whether `out` is zero (EQ/NE of a symbolic result).
void set_result_flags(PathRunner& run, const RegVal& out, int bits, std::optional<Nzcv> flags) {
  Flags f = compare(out, RegVal{}, bits);
  if (out.val.kind == Val::Kind::Int) f.nzcv = flags;
  run.flags() = f;
}

/// dst = dst OP src, through memory when dst is memory (atomic when locked).
void read_modify_write(PathRunner& run, const Instruction& ins, const std::string& m, const RegVal& src,
                       const Operand& dst) {
  const int bits = op_width(ins);
  const bool atomic = ins.lock && dst.kind == OpKind::Mem;
  const SetMask sets = atomic ? kSetX : SetMask{};
  int r = -1, w = -1;
  const RegVal old = read(run, ins, dst, bits, sets, &r);
  RegVal out{Val::integer(0), old.dep | src.dep, old.pick | src.pick, old.symbolic || src.symbolic, old.flow | src.flow};
  const bool additive = m == "add" || m == "inc";
  const bool subtractive = m == "sub" || m == "dec";
  Computed c;
  if (old.val.kind == Val::Kind::Int && src.val.kind == Val::Kind::Int) {
    c = compute(m, old.val.v, src.val.v, bits, run.flags());
    out.val = Val::integer(c.value);
  } else if ((m == "xor" || subtractive) && old.val == src.val) {
    c.flags = sub_flags(0, 0, bits);
  } else if ((additive || subtractive || m == "or" || m == "xor") && src.val.is_zero()) {
    out.val = old.val;
  } else {
    run.delayed_error(m + " on a non-integer value");
    return;
  }
  write(run, ins, dst, out, sets, &w);
  if (atomic && r >= 0 && w >= 0) run.add_rmw(r, w);
  if (c.sets_flags) set_result_flags(run, out, bits, c.flags);
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
  const int e = run.emit(EventKind::Branch, SetMask{});
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
  run.jump(wrapping_add(run.current_address(), op(ins, 1).imm), f.symbolic);
}

void indirect_jump(PathRunner& run, const Instruction& ins, const RegVal& target) {
  const int e = run.emit(EventKind::Branch, SetMask{});
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
  const RegVal old = read(run, ins, dst, bits, atomic ? kSetX : SetMask{}, &r);
  if (old.val.kind != Val::Kind::Int || addend.val.kind != Val::Kind::Int) {
    run.delayed_error("xadd on a non-integer value");
    return;
  }
  const Computed c = add_sub(true, old.val.v, addend.val.v, bits);
  const RegVal sum{Val::integer(c.value), old.dep | addend.dep, old.pick | addend.pick, true, old.flow | addend.flow};
  write(run, ins, dst, sum, atomic ? kSetX : SetMask{}, &w);
  if (atomic && r >= 0 && w >= 0) run.add_rmw(r, w);
  write_reg(run, src, old);
  set_result_flags(run, sum, bits, c.flags);
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
  const RegVal old = read(run, ins, dst, bits, atomic ? kSetX : SetMask{}, &r);
  run.flags() = compare(expected, old, bits);  // as CMP of the accumulator with the destination
  if (old.val == expected.val) {
    write(run, ins, dst, desired, atomic ? kSetX : SetMask{}, &w);
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

void fence(PathRunner& run, SetMask sets) { run.emit(EventKind::Fence, kSetF | sets); }

}  // namespace

void execute(PathRunner& run, const Instruction& ins) {
  const std::string& m = ins.mnemonic;
  const std::int64_t next = run.current_address() + kInstrBytes;
  if (m == "nop") return;
  if (m == "mov") return move(run, ins);
  if (m == "add" || m == "sub" || m == "and" || m == "or" || m == "xor" || m == "shl" || m == "shr" || m == "sar")
    return read_modify_write(run, ins, m, read(run, ins, op(ins, 0), op_width(ins)), op(ins, 1));
  if (m == "inc" || m == "dec")
    return read_modify_write(run, ins, m, RegVal{Val::integer(1), {}, {}, false, {}}, op(ins, 0));
  if (m == "cmp") {
    const int bits = op_width(ins);
    const RegVal src = read(run, ins, op(ins, 0), bits);
    const RegVal dst = read(run, ins, op(ins, 1), bits);
    run.flags() = compare(dst, src, bits);  // AT&T: cmp src,dst compares dst with src
    return;
  }
  if (m == "test") {
    const int bits = op_width(ins);
    const RegVal a = read(run, ins, op(ins, 0), bits);
    const RegVal b = read(run, ins, op(ins, 1), bits);
    if (a.val.kind != Val::Kind::Int || b.val.kind != Val::Kind::Int) return run.delayed_error("test on a non-integer value");
    const RegVal both{Val::integer(a.val.v & b.val.v), a.dep | b.dep, a.pick | b.pick, a.symbolic || b.symbolic, a.flow | b.flow};
    run.flags() = compare(both, RegVal{}, bits);  // as AND: OF and CF cleared
    return;
  }
  if (m == "xchg") return exchange(run, ins);
  if (m == "xadd") return exchange_add(run, ins);
  if (m == "cmpxchg") return compare_exchange(run, ins);
  if (m == "j") return conditional_jump(run, ins);
  if (m == "jmp" || m == "call") {
    if (m == "call") run.push_return(next);
    const Operand& t = op(ins, 0);
    if (t.kind == OpKind::Relative) return control_transfer(run, wrapping_add(run.current_address(), t.imm));
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

}  // namespace xmcheck::checker::x86
