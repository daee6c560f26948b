// Power instruction semantics over the PathRunner primitives. Which events
// each instruction makes and which dependencies flow where follows herd7's
// PPC semantics (herd/PPCSem.ml): registers hold 64-bit values, loads and
// stores access 1, 2, 4 or 8 bytes, compares write CR0 (LT, GT, EQ) and the
// conditional branches read it, lwarx/stwcx. pair into an rmw when the
// store-conditional succeeds. Instructions herd does not give a meaning
// (sc, rfid, dcbst, icbi, slw, ...) follow the Power ISA.
#include "semantics.hpp"

#include <cstdint>
#include <string>
#include <string_view>

#include "base_bits.hpp"
#include "path_runner.hpp"
#include "program.hpp"
#include "semantics_support.hpp"
#include "../register_values.hpp"
#include "wrapping.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/litmus/c_code_values.hpp"

namespace xmcheck::checker {
namespace {

using litmus::Instruction;
using litmus::Operand;
using OpKind = Operand::Kind;

[[noreturn]] void unsupported(const Instruction& ins, const std::string& why) { unsupported_semantics(ins, why); }
const Operand& op(const Instruction& ins, std::size_t i) { return operand_at(ins, i); }

// The Power event sets (axioms/include/xmcheck/axioms/base.hpp, "Power").
constexpr SetMask kSetSync = base_bit("SYNC");
constexpr SetMask kSetLwsync = base_bit("LWSYNC");
constexpr SetMask kSetEieio = base_bit("EIEIO");
constexpr SetMask kSetIsync = base_bit("ISYNC");
constexpr SetMask kSetDcbst = base_bit("DCBST");
constexpr SetMask kSetIcbi = base_bit("ICBI");

int reg_of(const Instruction& ins, std::size_t i) {
  const Operand& o = op(ins, i);
  if (o.kind != OpKind::Reg && o.kind != OpKind::Mem) unsupported(ins, "expected a register operand");
  if (o.reg.index >= kNumRegs) unsupported(ins, "unallocated symbolic register");
  return o.reg.index;
}

RegVal read(PathRunner& run, const Instruction& ins, std::size_t i) { return run.reg(reg_of(ins, i)); }

/// `(rA|0)`: register r0 reads as 0 in an address base and in addi/addis.
RegVal read_or_zero(PathRunner& run, const Instruction& ins, std::size_t i) {
  if (reg_of(ins, i) == 0) return RegVal{};
  return read(run, ins, i);
}

RegVal immediate(const Instruction& ins, std::size_t i) {
  const Operand& o = op(ins, i);
  if (o.kind != OpKind::Imm) unsupported(ins, "expected an immediate operand");
  return RegVal{Val::integer(o.imm), {}, {}, false, {}};
}

// ---- condition register field 0 ----

/// CR0 after comparing `lhs` with `rhs`, kept in the runner's flags: `nzcv`
/// holds LT in n and EQ in z (GT is neither); for symbolic operands only EQ
/// is known, from the operands themselves.
void compare(PathRunner& run, const RegVal& lhs, const RegVal& rhs, bool is_unsigned) {
  Flags f;
  f.set = true;
  f.lhs = lhs.val;
  f.rhs = rhs.val;
  f.dep = lhs.dep | rhs.dep;
  f.pick = lhs.pick | rhs.pick | f.dep;
  f.symbolic = lhs.symbolic || rhs.symbolic;
  if (lhs.val.kind == Val::Kind::Int && rhs.val.kind == Val::Kind::Int) {
    const bool lt = is_unsigned ? bits_of(lhs.val.v) < bits_of(rhs.val.v) : lhs.val.v < rhs.val.v;
    f.nzcv = Nzcv{lt, lhs.val.v == rhs.val.v, false, false};
  }
  run.flags() = f;
}

/// CR0 after a store-conditional: EQ when it succeeded.
void set_cr0_eq(PathRunner& run, bool eq) {
  Flags f;
  f.set = true;
  f.lhs = Val::integer(0);
  f.rhs = Val::integer(eq ? 0 : 1);
  f.nzcv = Nzcv{false, eq, false, false};
  f.symbolic = true;  // the outcome is a choice: a loop on it counts for --unroll
  run.flags() = f;
}

/// Whether branch `m` (beq bne blt bge bgt ble) is taken; nullopt when CR0
/// came from values that are not integers and the branch is not beq/bne.
std::optional<bool> taken(const Flags& f, const std::string& m) {
  bool lt = false, eq = false;
  if (f.set && f.nzcv) {
    lt = f.nzcv->n;
    eq = f.nzcv->z;
  } else if (f.set) {
    if (m == "beq") return f.lhs == f.rhs;
    if (m == "bne") return f.lhs != f.rhs;
    return std::nullopt;
  }
  const bool gt = !lt && !eq;
  if (m == "beq") return eq;
  if (m == "bne") return !eq;
  if (m == "blt") return lt;
  if (m == "bge") return !lt;
  if (m == "bgt") return gt;
  if (m == "ble") return !gt;
  return std::nullopt;
}

// ---- arithmetic ----

/// ISA MASK(x, y) in 64-bit numbering (bit 0 is the most significant).
std::uint64_t mask(int x, int y) {
  auto bit = [](int k) { return std::uint64_t{1} << (63 - k); };
  std::uint64_t m = 0;
  if (x <= y) {
    for (int k = x; k <= y; ++k) m |= bit(k);
  } else {
    m = ~std::uint64_t{0};
    for (int k = y + 1; k <= x - 1; ++k) m &= ~bit(k);
  }
  return m;
}

/// ROTL32: the low word doubled into both halves, rotated left by n.
std::uint64_t rotl32(std::int64_t v, std::int64_t n) {
  const std::uint64_t w = bits_of(v) & 0xffffffffU;
  const std::uint64_t x = (w << 32) | w;
  const int s = static_cast<int>(bits_of(n) & 63U);
  return s == 0 ? x : (x << s) | (x >> (64 - s));
}

void write_result(PathRunner& run, const Instruction& ins, RegVal out) {
  const bool record = !ins.mnemonic.empty() && ins.mnemonic.back() == '.';
  const RegVal result = out;
  run.set_reg(reg_of(ins, 0), std::move(out));
  if (record) compare(run, result, RegVal{}, false);  // CR0 from the result against 0
}

void arith3(PathRunner& run, const Instruction& ins, std::string m, const RegVal& a, const RegVal& b,
            bool same_reg) {
  if (!m.empty() && m.back() == '.') m.pop_back();
  RegVal out = joined(a, b, Val::integer(0));
  if (a.val.kind == Val::Kind::Int && b.val.kind == Val::Kind::Int) {
    const std::int64_t x = a.val.v, y = b.val.v;
    std::int64_t r = 0;
    if (m == "add" || m == "addi" || m == "addis") r = wrapping_add(x, y);
    else if (m == "sub") r = wrapping_sub(x, y);
    else if (m == "subf") r = wrapping_sub(y, x);
    else if (m == "xor" || m == "xori") r = x ^ y;
    else if (m == "and" || m == "andi") r = x & y;
    else if (m == "or" || m == "ori") r = x | y;
    else if (m == "nor") r = ~(x | y);
    else if (m == "mullw" || m == "mulli") r = wrapping_mul(x, y);
    else if (m == "divw") r = y == 0 ? 0 : wrapping_div(x, y);  // ISA: undefined result; herd fails
    else if (m == "slw") {
      const std::int64_t n = y & 63;
      r = n > 31 ? 0 : zero_extend(wrapping_shl(zero_extend(x, 32), n), 32);
    } else if (m == "sraw" || m == "srawi") {
      const std::int64_t n = y & 63;
      r = wrapping_sar(sign_extend(x, 32), n > 31 ? 63 : n);
    } else unsupported(ins, "not modelled");
    out.val = Val::integer(r);
  } else if ((m == "xor" || m == "sub" || m == "subf") && (same_reg || a.val == b.val)) {
    out.val = Val::integer(0);  // x ^ x and x - x are 0 whatever x holds
  } else if ((m == "add" || m == "addi" || m == "addis") ) {
    auto v = add_values(run, a.val, b.val);
    if (!v) return;
    out.val = *v;
  } else if ((m == "or" || m == "xor" || m == "ori" || m == "xori") && b.val.is_zero()) {
    out.val = a.val;
  } else if ((m == "or" || m == "xor") && a.val.is_zero()) {
    out.val = b.val;
  } else if (m == "sub" && a.val.kind == Val::Kind::Addr && b.val.kind == Val::Kind::Int) {
    auto v = add_values(run, a.val, Val::integer(wrapping_neg(b.val.v)));
    if (!v) return;
    out.val = *v;
  } else if (m == "subf" && b.val.kind == Val::Kind::Addr && a.val.kind == Val::Kind::Int) {
    auto v = add_values(run, b.val, Val::integer(wrapping_neg(a.val.v)));
    if (!v) return;
    out.val = *v;
  } else {
    run.delayed_error(ins.mnemonic + " on a non-integer value");
    return;
  }
  write_result(run, ins, out);
}

/// A unary operation on an integer register value (non-integers are an error,
/// except for the identity).
void unary(PathRunner& run, const Instruction& ins, const RegVal& a, std::int64_t (*f)(std::int64_t, std::int64_t),
           std::int64_t k) {
  RegVal out = a;
  if (a.val.kind != Val::Kind::Int) {
    run.delayed_error(ins.mnemonic + " on a non-integer value");
    return;
  }
  out.val = Val::integer(f(a.val.v, k));
  write_result(run, ins, out);
}

// ---- memory ----

struct Access {
  int loc = -1;
  Taint dep, pick;
};

Access access(PathRunner& run, const RegVal& base, const RegVal& offset, const std::string& what) {
  Access a;
  a.dep = base.dep | offset.dep;
  a.pick = base.pick | offset.pick | a.dep;
  auto addr = add_values(run, base.val, offset.val);
  if (!addr) return a;
  if (addr->kind == Val::Kind::Int) {
    run.delayed_error("segmentation fault: " + what + " at a value that is not an address");
    return a;
  }
  a.loc = run.location_of(*addr, what);
  return a;
}

/// D-form `d(rA)` (operand 1) or X-form `rA,rB` (operands 1 and 2).
Access address(PathRunner& run, const Instruction& ins, std::size_t i, const std::string& what) {
  const Operand& o = op(ins, i);
  // herd reads rA itself in the D-form (the ISA's (rA|0) only in the X-form).
  if (o.kind == OpKind::Mem) return access(run, read(run, ins, i), RegVal{Val::integer(o.imm), {}, {}, false, {}}, what);
  return access(run, read_or_zero(run, ins, i), read(run, ins, i + 1), what);
}

int access_bits(const std::string& m) {
  if (m.starts_with("lb") || m.starts_with("stb")) return 8;
  if (m.starts_with("lh") || m.starts_with("sth")) return 16;
  if (m.starts_with("ld") || m.starts_with("std")) return 64;
  return 32;
}

void load(PathRunner& run, const Instruction& ins, SetMask sets, bool sign) {
  const int bits = access_bits(ins.mnemonic);
  const Access a = address(run, ins, 1, "loaded");
  if (a.loc < 0) return;
  RegVal v = run.load(a.loc, sets, a.dep, a.pick);
  if (v.val.kind == Val::Kind::Int) v.val.v = sign ? sign_extend(v.val.v, bits) : zero_extend(v.val.v, bits);
  run.set_reg(reg_of(ins, 0), v);
}

/// The value a store of `bits` bits leaves in location `loc`: the low bits,
/// as a value of the location's declared type (herd's typed memory).
RegVal stored_value(PathRunner& run, RegVal v, int bits, int loc) {
  if (v.val.kind == Val::Kind::Int)
    v.val = powerpc_cast(Val::integer(zero_extend(v.val.v, bits)),
                         run.program().locs[static_cast<std::size_t>(loc)].type);
  return v;
}

void store(PathRunner& run, const Instruction& ins, SetMask sets) {
  const RegVal v = read(run, ins, 0);
  const Access a = address(run, ins, 1, "overwritten");
  if (a.loc < 0) return;
  run.store(a.loc, sets, stored_value(run, v, access_bits(ins.mnemonic), a.loc), a.dep, a.pick);
}

/// lwzu/stwu: the access, then rA = the effective address (herd: not for r0,
/// nor for lwzu rD,d(rD)).
void update_form(PathRunner& run, const Instruction& ins, bool is_load) {
  const int ra = reg_of(ins, 1);
  const RegVal base = read(run, ins, 1);
  if (is_load) load(run, ins, SetMask{}, false);
  else store(run, ins, SetMask{});
  if (ra == 0 || (is_load && ra == reg_of(ins, 0))) return;
  auto ea = add_values(run, base.val, Val::integer(op(ins, 1).imm));
  if (!ea) return;
  run.set_reg(ra, RegVal{*ea, base.dep, base.pick, base.symbolic, base.flow});
}

void load_reserve(PathRunner& run, const Instruction& ins) {
  const Access a = address(run, ins, 1, "loaded");
  if (a.loc < 0) return;
  const int bits = ins.mnemonic == "ldarx" ? 64 : 32;
  RegVal v = run.load(a.loc, kSetX, a.dep, a.pick);
  if (v.val.kind == Val::Kind::Int) v.val.v = zero_extend(v.val.v, bits);
  run.set_reg(kPowerPCRegResLoc, RegVal{Val::integer(a.loc + 1), {}, {}, false, {}});
  run.set_reg(kPowerPCRegResEvent, RegVal{Val::integer(run.last_event()), {}, {}, false, {}});
  run.set_reg(reg_of(ins, 0), v);
}

/// stwcx./stdcx.: succeeds (a store paired with the reserving read, CR0 EQ)
/// or fails (no store, CR0 not EQ); success needs a reservation of the same
/// location. The reservation is lost either way.
void store_conditional(PathRunner& run, const Instruction& ins) {
  const RegVal v = read(run, ins, 0);
  const Access a = address(run, ins, 1, "overwritten");
  if (a.loc < 0) return;
  const Val res = run.reg(kPowerPCRegResLoc).val;
  const int read_event = static_cast<int>(run.reg(kPowerPCRegResEvent).val.v);
  const bool reserved = res.kind == Val::Kind::Int && res.v == a.loc + 1;
  const bool success = reserved && run.choose(2) == 0;
  run.set_reg(kPowerPCRegResLoc, RegVal{});
  if (success) {
    const int bits = ins.mnemonic == "stdcx." ? 64 : 32;
    run.store(a.loc, kSetX, stored_value(run, v, bits, a.loc), a.dep, a.pick);
    run.add_rmw(read_event, run.last_event());
  }
  set_cr0_eq(run, success);
}

void cache_op(PathRunner& run, const Instruction& ins, SetMask bit) {
  const RegVal base = read_or_zero(run, ins, 0);
  const RegVal index = read(run, ins, 1);
  auto addr = add_values(run, base.val, index.val);
  // Maintenance of an address that is no location touches no location of the test.
  const bool is_location = addr && (addr->kind == Val::Kind::Addr || addr->kind == Val::Kind::Code);
  const int loc = is_location ? run.location_of(*addr, "maintained") : -1;
  const int e = run.emit(EventKind::CacheOp, bit, loc);
  run.add_addr(base.dep | index.dep, base.pick | index.pick | base.dep | index.dep, e);
}

std::int64_t branch_target(PathRunner& run, const Instruction& ins) {
  const Operand& o = op(ins, 0);
  if (o.kind != OpKind::Relative) unsupported(ins, "expected a branch target");
  return wrapping_add(run.current_address(), o.imm);
}

void fence(PathRunner& run, SetMask set) { run.emit(EventKind::Fence, kSetF | set); }

}  // namespace

bool powerpc_cmodx_restricted(const Instruction& ins) {
  // C code values: a named nop, b or bl is in the patch class; INSN(n) is any
  // instruction.
  if (ins.arch == litmus::kCDialect) return !litmus::c_code_value_in_patch_class(ins.mnemonic);
  const std::string& m = ins.mnemonic;
  if (m == "b" || m == "bl" || m == "ba" || m == "bla" || m == "nop") return false;
  if (m == "ori" && ins.operands.size() == 3 && ins.operands[0].reg.index == 0 && ins.operands[1].reg.index == 0 &&
      ins.operands[2].kind == OpKind::Imm && ins.operands[2].imm == 0)
    return false;
  return true;
}

void execute_powerpc(PathRunner& run, const Instruction& ins) {
  const std::string& m = ins.mnemonic;
  if (m == "nop" || m == "com") return;  // herd: a comment runs as a no-op
  // Loads and stores.
  if (m == "lbz" || m == "lhz" || m == "lwz" || m == "ld" || m == "lbzx" || m == "lhzx" || m == "lwzx" ||
      m == "ldx")
    return load(run, ins, SetMask{}, false);
  if (m == "lwa" || m == "lwax") return load(run, ins, SetMask{}, true);
  if (m == "stb" || m == "sth" || m == "stw" || m == "std" || m == "stbx" || m == "sthx" || m == "stwx" ||
      m == "stdx")
    return store(run, ins, SetMask{});
  if (m == "lwzu" || m == "ldu") return update_form(run, ins, true);
  if (m == "stwu" || m == "stdu") return update_form(run, ins, false);
  if (m == "lwarx" || m == "ldarx") return load_reserve(run, ins);
  if (m == "stwcx." || m == "stdcx.") return store_conditional(run, ins);
  // Barriers and cache maintenance.
  if (m == "sync") return fence(run, kSetSync);
  if (m == "lwsync") return fence(run, kSetLwsync);
  if (m == "eieio") return fence(run, kSetEieio);
  if (m == "isync") return fence(run, kSetIsync);
  if (m == "dcbst" || m == "dcbf") return cache_op(run, ins, kSetDcbst);
  if (m == "icbi") return cache_op(run, ins, kSetIcbi);
  // Register moves and arithmetic.
  if (m == "li") return run.set_reg(reg_of(ins, 0), immediate(ins, 1));
  if (m == "lis") {
    RegVal v = immediate(ins, 1);
    v.val.v = wrapping_shl(v.val.v, 16);
    return run.set_reg(reg_of(ins, 0), v);
  }
  if (m == "mr") return run.set_reg(reg_of(ins, 0), read(run, ins, 1));
  if (m == "addi" || m == "addis") {
    RegVal k = immediate(ins, 2);
    if (m == "addis") k.val.v = wrapping_shl(k.val.v, 16);
    if (reg_of(ins, 1) == 0) return run.set_reg(reg_of(ins, 0), k);  // (rA|0)
    return arith3(run, ins, m, read(run, ins, 1), k, false);
  }
  if (m == "ori" || m == "xori" || m == "andi." || m == "mulli")
    return arith3(run, ins, m == "andi." ? "andi." : m, read(run, ins, 1), immediate(ins, 2), false);
  if (m == "srawi") return arith3(run, ins, m, read(run, ins, 1), immediate(ins, 2), false);
  if (m == "add" || m == "add." || m == "sub" || m == "sub." || m == "subf" || m == "subf." || m == "xor" ||
      m == "xor." || m == "and" || m == "and." || m == "or" || m == "or." || m == "nor" || m == "nor." ||
      m == "mullw" || m == "mullw." || m == "divw" || m == "divw." || m == "slw" || m == "sraw") {
    const bool same = op(ins, 1).reg.index == op(ins, 2).reg.index;
    return arith3(run, ins, m, read(run, ins, 1), read(run, ins, 2), same);
  }
  if (m == "neg" || m == "neg.")
    return unary(run, ins, read(run, ins, 1), [](std::int64_t v, std::int64_t) { return wrapping_neg(v); }, 0);
  if (m == "extsw")
    return unary(run, ins, read(run, ins, 1), [](std::int64_t v, std::int64_t) { return sign_extend(v, 32); }, 0);
  if (m == "clrldi")
    return unary(run, ins, read(run, ins, 1),
                 [](std::int64_t v, std::int64_t n) { return from_bits(bits_of(v) & mask(static_cast<int>(n & 63), 63)); },
                 op(ins, 2).imm);
  if (m == "rlwinm" || m == "rlwimi") {
    const RegVal a = read(run, ins, 1);
    const std::uint64_t msk = mask(static_cast<int>(op(ins, 3).imm & 31) + 32, static_cast<int>(op(ins, 4).imm & 31) + 32);
    if (a.val.kind != Val::Kind::Int) {
      run.delayed_error(m + " on a non-integer value");
      return;
    }
    const std::uint64_t rotated = rotl32(a.val.v, op(ins, 2).imm) & msk;
    if (m == "rlwinm") return run.set_reg(reg_of(ins, 0), RegVal{Val::integer(from_bits(rotated)), a.dep, a.pick, a.symbolic, a.flow});
    const RegVal d = read(run, ins, 0);
    if (d.val.kind != Val::Kind::Int) {
      run.delayed_error(m + " on a non-integer value");
      return;
    }
    const std::uint64_t r = rotated | (bits_of(d.val.v) & ~msk);
    return run.set_reg(reg_of(ins, 0), joined(a, d, Val::integer(from_bits(r))));
  }
  // Compares: CR0 only (a compare into another field changes no branch herd models).
  if (m == "cmpw" || m == "cmpd" || m == "cmplw" || m == "cmpld" || m == "cmpwi" || m == "cmpdi" ||
      m == "cmplwi" || m == "cmpldi") {
    const bool other_field = op(ins, 0).kind == OpKind::Keyword;
    const std::size_t first = other_field ? 1 : 0;
    const bool is_unsigned = m.starts_with("cmpl");
    const bool word = m.find('w') != std::string::npos;
    RegVal a = read(run, ins, first);
    RegVal b = op(ins, first + 1).kind == OpKind::Imm ? immediate(ins, first + 1) : read(run, ins, first + 1);
    if (is_unsigned && word) {  // herd's cmplwi: the low word against the 16-bit immediate
      if (a.val.kind == Val::Kind::Int) a.val.v = zero_extend(a.val.v, 32);
      if (b.val.kind == Val::Kind::Int) b.val.v = zero_extend(b.val.v, op(ins, first + 1).kind == OpKind::Imm ? 16 : 32);
    }
    if (other_field) return;
    return compare(run, a, b, is_unsigned);
  }
  // Branches.
  if (m == "b") return run.jump(branch_target(run, ins), true);
  if (m == "bl") {
    run.set_reg(kPowerPCRegLr, RegVal{run.code_value(run.current_address() + kInstrBytes), {}, {}, false, {}});
    return run.jump(branch_target(run, ins), true);
  }
  if (m == "beq" || m == "bne" || m == "blt" || m == "bge" || m == "bgt" || m == "ble") {
    const Flags f = run.flags();
    const int e = run.emit(EventKind::Branch, SetMask{});
    run.add_branch(f.dep, f.pick, e);
    const auto t = taken(f, m);
    if (!t) {
      run.delayed_error("condition " + m + " on non-integer values");
      return;
    }
    if (*t) run.jump(branch_target(run, ins), f.symbolic);
    return;
  }
  if (m == "blr") {
    const RegVal lr = run.reg(kPowerPCRegLr);
    if (lr.val.kind != Val::Kind::Code && !(lr.val.kind == Val::Kind::Int && lr.val.v != 0)) {
      run.halt();  // herd (variant telechat): a return to the caller leaves the program
      return;
    }
    const int e = run.emit(EventKind::Branch, SetMask{});
    run.add_branch(lr.dep, lr.pick, e);
    return run.jump(lr.val.v, true);
  }
  if (m == "mtlr" || m == "mtctr") return run.set_reg(m == "mtlr" ? kPowerPCRegLr : kPowerPCRegCtr, read(run, ins, 0));
  if (m == "mflr" || m == "mfctr") return run.set_reg(reg_of(ins, 0), run.reg(m == "mflr" ? kPowerPCRegLr : kPowerPCRegCtr));
  if (m == "mfcr") {  // herd: CR0 alone, LT 8, GT 4, EQ 2 (nothing for symbolic operands but EQ)
    const Flags f = run.flags();
    std::int64_t v = 0;
    if (f.set && f.nzcv) v = f.nzcv->n ? 8 : f.nzcv->z ? 2 : 4;
    else if (f.set) v = f.lhs == f.rhs ? 2 : 0;
    return run.set_reg(reg_of(ins, 0), RegVal{Val::integer(v), f.dep, f.pick, f.symbolic, {}});
  }
  // Exceptions: sc enters the handler (SRR0 = the next instruction), rfid/rfi return to SRR0.
  if (m == "sc") return run.take_exception(kSetSVC, run.code_value(run.current_address() + kInstrBytes));
  if (m == "rfid" || m == "rfi") return run.exception_return();
  unsupported(ins, "not modelled");
}

// ---- register file ----

std::optional<int> powerpc_register_index(const std::string& name) {
  if (name == "lr") return kPowerPCRegLr;
  if (name == "ctr") return kPowerPCRegCtr;
  if (name == "srr0") return kPowerPCRegSrr0;
  if (name.size() < 2 || name.size() > 3 || name[0] != 'r') return std::nullopt;
  int n = 0;
  for (std::size_t i = 1; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return std::nullopt;
    n = n * 10 + (name[i] - '0');
  }
  if (n > 31) return std::nullopt;
  return n;
}

std::string powerpc_register_name_of(int index) {
  if (index >= 0 && index < 32) return "r" + std::to_string(index);
  if (index == kPowerPCRegLr) return "lr";
  if (index == kPowerPCRegCtr) return "ctr";
  if (index == kPowerPCRegSrr0) return "srr0";
  return "R?" + std::to_string(index);
}

}  // namespace xmcheck::checker
