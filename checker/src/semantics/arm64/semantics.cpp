// AArch64 instruction semantics over the PathRunner primitives. Which events each
// instruction makes, and which dependencies flow where, follows herd7's
// AArch64 semantics (docs/design.md, "Events per instruction").
#include <cstdint>
#include <string>

#include "base_bits.hpp"
#include "condition_codes.hpp"
#include "path_runner.hpp"
#include "registers.hpp"
#include "semantics.hpp"
#include "semantics_support.hpp"
#include "wrapping.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/litmus/c_code_values.hpp"

namespace xmcheck::checker::arm64 {
namespace {

constexpr SetMask kSetISB = base_bit("ISB");

using litmus::Instruction;
using litmus::Operand;
using OpKind = Operand::Kind;

[[noreturn]] void unsupported(const Instruction& ins, const std::string& why) { unsupported_semantics(ins, why); }
const Operand& op(const Instruction& ins, std::size_t i) { return operand_at(ins, i); }

int reg_of(const Instruction& ins, std::size_t i) {
  const Operand& o = op(ins, i);
  if (o.kind != OpKind::Reg) unsupported(ins, "expected a register operand");
  if (o.reg.is_sp) unsupported(ins, "the stack pointer is not modelled");
  return register_index(o.reg);
}

/// The value of a register-or-immediate source operand; a W register reads the
/// low 32 bits of an integer (symbolic values are not truncated).
RegVal source(PathRunner& run, const Instruction& ins, std::size_t i) {
  const Operand& o = op(ins, i);
  if (o.kind == OpKind::Imm) return RegVal{Val::integer(o.imm), {}, {}, false, {}};
  RegVal v = run.reg(reg_of(ins, i));
  if (v.val.kind == Val::Kind::Int) v.val.v = zero_extend(v.val.v, o.reg.width);
  return v;
}

int width_of(const Instruction& ins, std::size_t i) {
  const Operand& o = op(ins, i);
  return o.kind == OpKind::Reg ? o.reg.width : 64;
}

bool condition(PathRunner& run, const std::string& cond) {
  auto h = holds(run.flags(), cond);
  if (!h) {
    run.delayed_error("condition " + cond + " on non-integer values");
    return false;
  }
  return *h;
}

std::int64_t branch_target(PathRunner& run, const Instruction& ins, std::size_t i) {
  const Operand& o = op(ins, i);
  if (o.kind != OpKind::Relative) unsupported(ins, "expected a branch target");
  return wrapping_add(run.current_address(), o.imm);
}

/// Address operand [Xn], [Xn,#imm], [Xn,Xm{,ext {#amount}}]: the location and
/// the reads the address depends on.
struct Address {
  int loc = -1;
  Taint dep, pick;
};

/// The byte offset of an index register: extended (UXTW, SXTW: from its low
/// 32 bits), then shifted left by the amount, which the parser keeps in `imm`
/// (Arm ARM, "LDR (register)": ExtendReg(m, extend_type, shift)).
std::int64_t index_offset(std::int64_t index, const Operand& o) {
  if (o.text == "UXTW") index = zero_extend(index, 32);
  else if (o.text == "SXTW") index = sign_extend(index, 32);
  return o.text.empty() ? index : wrapping_shl(index, o.imm);
}

Address address(PathRunner& run, const Instruction& ins, std::size_t i, const std::string& what,
                int access_bits) {
  const Operand& o = op(ins, i);
  if (o.kind != OpKind::Mem) unsupported(ins, "expected a memory operand");
  Address a;
  const RegVal& base = run.reg(register_index(o.reg));
  a.dep = base.dep;
  a.pick = base.pick | base.dep;
  std::int64_t offset = o.imm;
  if (o.has_index) {
    const RegVal& idx = run.reg(register_index(o.index));
    a.dep |= idx.dep;
    a.pick |= idx.pick | idx.dep;
    if (idx.val.kind != Val::Kind::Int) {
      run.delayed_error("address offset is not an integer");
      return a;
    }
    offset = index_offset(idx.val.v, o);
  }
  a.loc = run.location_of(base.val, what);
  if (a.loc >= 0) {
    const Location& l = run.program().locs[static_cast<std::size_t>(a.loc)];
    if (l.array_first >= 0 && l.elem_size * 8 != access_bits)
      unsupported(ins, "a " + std::to_string(access_bits) + "-bit access to an array of " +
                           std::to_string(l.elem_size * 8) + "-bit elements (mixed sizes are not modelled)");
  }
  if (a.loc < 0 || offset == 0) return a;
  const int moved = run.program().offset_location(a.loc, offset);
  if (moved < 0) run.delayed_error("address offset " + std::to_string(offset) + " leaves location " +
                                   run.program().locs[static_cast<std::size_t>(a.loc)].name);
  a.loc = moved;
  return a;
}

void arith(PathRunner& run, const Instruction& ins) {
  const int rd = reg_of(ins, 0);
  const RegVal a = source(run, ins, 1);
  const RegVal b = source(run, ins, 2);
  RegVal out{Val::integer(0), a.dep | b.dep, a.pick | b.pick, a.symbolic || b.symbolic, a.flow | b.flow};
  const std::string& m = ins.mnemonic;
  const bool same_reg = op(ins, 1).kind == OpKind::Reg && op(ins, 2).kind == OpKind::Reg &&
                        op(ins, 1).reg.index == op(ins, 2).reg.index;
  if (a.val.kind == Val::Kind::Int && b.val.kind == Val::Kind::Int) {
    std::int64_t r = 0;
    // ADD/SUB wrap modulo 2^64 (Arm ARM "ADD (shifted register)": AddWithCarry
    // keeps the low bits of the unbounded sum); W results keep the low 32 bits.
    if (m == "ADD") r = wrapping_add(a.val.v, b.val.v);
    else if (m == "SUB") r = wrapping_sub(a.val.v, b.val.v);
    else if (m == "EOR") r = a.val.v ^ b.val.v;
    else if (m == "AND") r = a.val.v & b.val.v;
    else if (m == "ORR") r = a.val.v | b.val.v;
    out.val = Val::integer(zero_extend(r, width_of(ins, 0)));
  } else if ((m == "EOR" || m == "SUB") && (same_reg || a.val == b.val)) {
    out.val = Val::integer(0);  // x ^ x and x - x are 0 whatever x holds
  } else if ((m == "ADD" || m == "ORR" || m == "EOR" || m == "SUB") && b.val.is_zero()) {
    out.val = a.val;
  } else if ((m == "ADD" || m == "ORR" || m == "EOR") && a.val.is_zero()) {
    out.val = b.val;
  } else if ((m == "ADD" || m == "SUB") && a.val.kind == Val::Kind::Addr && b.val.kind == Val::Kind::Int) {
    // Address arithmetic moves between the elements of an array.
    const std::int64_t offset = m == "ADD" ? b.val.v : wrapping_neg(b.val.v);
    const int moved = run.program().offset_location(static_cast<int>(a.val.v), offset);
    if (moved < 0) {
      run.delayed_error("address arithmetic leaves location " +
                        run.program().locs[static_cast<std::size_t>(a.val.v)].name);
      return;
    }
    out.val = Val::addr(moved);
  } else {
    run.delayed_error(m + " on a non-integer value");
    return;
  }
  run.set_reg(rd, out);
}

void load(PathRunner& run, const Instruction& ins, SetMask sets) {
  const int rt = reg_of(ins, 0);
  const Address a = address(run, ins, 1, "loaded", width_of(ins, 0));
  if (a.loc < 0) return;
  RegVal v = run.load(a.loc, sets, a.dep, a.pick);
  if (v.val.kind == Val::Kind::Int) v.val.v = zero_extend(v.val.v, width_of(ins, 0));
  run.set_reg(rt, v);
}

void store(PathRunner& run, const Instruction& ins, SetMask sets) {
  RegVal v = run.reg(reg_of(ins, 0));
  if (v.val.kind == Val::Kind::Int) v.val.v = zero_extend(v.val.v, width_of(ins, 0));
  const Address a = address(run, ins, 1, "overwritten", width_of(ins, 0));
  if (a.loc < 0) return;
  run.store(a.loc, sets, v, a.dep, a.pick);
}

void indirect_branch(PathRunner& run, const Instruction& ins, int reg, bool link) {
  const RegVal target = run.reg(reg);
  const int e = run.emit(EventKind::Branch, SetMask{});
  run.add_branch(target.dep, target.pick, e);
  if (link) run.set_reg(30, RegVal{run.code_value(run.current_address() + kInstrBytes), {}, {}, false, {}});
  if (target.val.kind == Val::Kind::Code || target.val.kind == Val::Kind::Int) {
    if (target.val.kind == Val::Kind::Int && target.symbolic) {
      // herd constrains a loaded target to be some exported label: other values
      // make the path infeasible rather than an error.
      const Slot* s = run.program().find_slot(target.val.v);
      if (s == nullptr || s->loc < 0) {
        run.halt();
        run.discard();
        return;
      }
    }
    run.jump(target.val.v, true);
    return;
  }
  if (target.symbolic) {
    run.halt();
    run.discard();
    return;
  }
  throw diag::UserError(diag::ErrorKind::Litmus, ins.span,
                        "illegal argument for the indirect branch instruction " + ins.mnemonic +
                            " (must be a label)");
}

SetMask barrier_sets(PathRunner& run, const Instruction& ins) {
  std::string option = "SY";
  if (!ins.operands.empty() && ins.operands[0].kind == OpKind::Keyword) option = ins.operands[0].text;
  const SetMask bit = named_set_bit(ins.mnemonic + "." + option);
  if (bit.none()) unsupported(ins, "barrier option " + option);
  (void)run;
  return kSetF | bit;
}

void cache_op(PathRunner& run, const Instruction& ins) {
  const std::string opname = op(ins, 0).kind == OpKind::Keyword ? op(ins, 0).text : "";
  const SetMask bit = named_set_bit(ins.mnemonic + "." + opname);
  if (bit.none()) unsupported(ins, "cache operation " + ins.mnemonic + " " + opname);
  if (ins.operands.size() < 2) {  // IC IALLU / IALLUIS: no address
    run.emit(EventKind::CacheOp, bit);
    return;
  }
  const RegVal& a = run.reg(reg_of(ins, 1));
  // Maintenance of an address that is no location (herd: an integer address)
  // touches no location of the test: it gets an event with no location.
  const bool is_location = a.val.kind == Val::Kind::Addr || a.val.kind == Val::Kind::Code;
  const int loc = is_location ? run.location_of(a.val, "maintained") : -1;
  const int e = run.emit(EventKind::CacheOp, bit, loc);
  run.add_addr(a.dep, a.pick | a.dep, e);
}

}  // namespace

bool cmodx_restricted(const Instruction& ins) {
  // C code values: a named NOP, B or BL is in the list below; INSN(n) is any
  // instruction.
  if (ins.arch == litmus::kCDialect) return !litmus::c_code_value_in_patch_class(ins.mnemonic);
  const std::string& m = ins.mnemonic;
  if (m == "B") return !ins.operands.empty() && ins.operands[0].kind == OpKind::Keyword;  // B.cond
  return !(m == "BL" || m == "CBZ" || m == "CBNZ" || m == "TBZ" || m == "TBNZ" || m == "ISB" ||
           m == "NOP" || m == "SVC");
}

void execute(PathRunner& run, const Instruction& ins) {
  const std::string& m = ins.mnemonic;
  if (m == "NOP") return;
  if (m == "LDR") return load(run, ins, SetMask{});
  if (m == "LDAR") return load(run, ins, kSetA);
  if (m == "LDAPR") return load(run, ins, kSetQ);
  if (m == "STR") return store(run, ins, SetMask{});
  if (m == "STLR") return store(run, ins, kSetL);
  if (m == "MOV") {
    RegVal v = source(run, ins, 1);
    if (v.val.kind == Val::Kind::Int) v.val.v = zero_extend(v.val.v, width_of(ins, 0));
    return run.set_reg(reg_of(ins, 0), v);
  }
  if (m == "ADD" || m == "SUB" || m == "EOR" || m == "AND" || m == "ORR") return arith(run, ins);
  if (m == "CMP") {
    run.flags() = compare(source(run, ins, 0), source(run, ins, 1), width_of(ins, 0));
    return;
  }
  if (m == "CSET") {
    const Flags f = run.flags();
    const bool c = condition(run, op(ins, 1).text);
    return run.set_reg(reg_of(ins, 0), RegVal{Val::integer(c ? 1 : 0), {}, f.pick | f.dep, f.symbolic, {}});
  }
  if (m == "CSEL") {
    const Flags f = run.flags();
    const bool c = condition(run, op(ins, 3).text);
    RegVal v = source(run, ins, c ? 1 : 2);
    v.pick |= f.pick | f.dep;
    v.symbolic = v.symbolic || f.symbolic;
    return run.set_reg(reg_of(ins, 0), v);
  }
  if (m == "ADR") {
    const std::int64_t target = branch_target(run, ins, 1);
    return run.set_reg(reg_of(ins, 0), RegVal{run.code_value(target), {}, {}, false, {}});
  }
  if (m == "B") {
    if (!ins.operands.empty() && ins.operands[0].kind == OpKind::Keyword) {  // B.cond
      const Flags f = run.flags();
      const int e = run.emit(EventKind::Branch, SetMask{});
      run.add_branch(f.dep, f.pick, e);
      if (condition(run, ins.operands[0].text)) run.jump(branch_target(run, ins, 1), f.symbolic);
      return;
    }
    return run.jump(branch_target(run, ins, 0), true);
  }
  if (m == "CBZ" || m == "CBNZ") {
    const RegVal v = source(run, ins, 0);
    const int e = run.emit(EventKind::Branch, SetMask{});
    run.add_branch(v.dep, v.pick, e);
    // Addresses, labels and instructions are symbolic constants, never zero.
    const bool zero = v.val.is_zero();
    if (zero == (m == "CBZ")) run.jump(branch_target(run, ins, 1), v.symbolic);
    return;
  }
  if (m == "BL") {
    run.set_reg(30, RegVal{run.code_value(run.current_address() + kInstrBytes), {}, {}, false, {}});
    return run.jump(branch_target(run, ins, 0), true);
  }
  if (m == "BR") return indirect_branch(run, ins, reg_of(ins, 0), false);
  if (m == "BLR") return indirect_branch(run, ins, reg_of(ins, 0), true);
  if (m == "RET") return indirect_branch(run, ins, ins.operands.empty() ? 30 : reg_of(ins, 0), false);
  if (m == "ISB") return static_cast<void>(run.emit(EventKind::Fence, kSetF | kSetISB));
  if (m == "DMB" || m == "DSB") return static_cast<void>(run.emit(EventKind::Fence, barrier_sets(run, ins)));
  if (m == "DC" || m == "IC") return cache_op(run, ins);
  if (m == "MSR" || m == "MRS") {
    const bool to_sys = m == "MSR";
    const Operand& sys = op(ins, to_sys ? 0 : 1);
    auto sysidx = system_register_index(sys.text);
    if (!sysidx) unsupported(ins, "system register " + sys.text);
    const int gpr = reg_of(ins, to_sys ? 1 : 0);
    return to_sys ? run.set_reg(*sysidx, run.reg(gpr)) : run.set_reg(gpr, run.reg(*sysidx));
  }
  if (m == "ERET") return run.exception_return();
  if (m == "SVC") return run.take_exception(kSetSVC, run.code_value(run.current_address() + kInstrBytes));
  if (m == "UDF") return run.take_exception(kSetUDF, run.code_value(run.current_address()));
  unsupported(ins, "not modelled");
}

}  // namespace xmcheck::checker::arm64
