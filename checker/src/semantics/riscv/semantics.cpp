// RISC-V instruction semantics over the PathRunner primitives. Which events
// each instruction makes and which dependencies flow where follows herd7's
// RISCV semantics (RV64): registers hold 64-bit values and x0 is zero; loads
// and stores access 1, 2, 4 or 8 bytes; an AMO is one read and one write of
// the atomic set X, paired in rmw, both carrying the instruction's .aq/.rl;
// lr reserves its location and a successful sc (a choice, when the
// reservation matches) pairs with it in rmw. Instructions herd does not give
// a meaning (fence.i, ecall, sret, mret, sltu, ...) follow the ISA.
#include "semantics.hpp"

#include <cstdint>
#include <string>
#include <string_view>

#include "../c_typed_value.hpp"
#include "semantics_support.hpp"
#include "../register_values.hpp"
#include "alu.hpp"
#include "base_bits.hpp"
#include "path_runner.hpp"
#include "program.hpp"
#include "wrapping.hpp"

namespace xmcheck::checker {
namespace {

using litmus::Instruction;
using litmus::Operand;
using OpKind = Operand::Kind;

[[noreturn]] void unsupported(const Instruction& ins, const std::string& why) { unsupported_semantics(ins, why); }
const Operand& op(const Instruction& ins, std::size_t i) { return operand_at(ins, i); }

// The RISC-V event sets (axioms/riscv/event_sets.def).
constexpr SetMask kSetFencePR = base_bit("FENCE.PR");
constexpr SetMask kSetFencePW = base_bit("FENCE.PW");
constexpr SetMask kSetFenceSR = base_bit("FENCE.SR");
constexpr SetMask kSetFenceSW = base_bit("FENCE.SW");
constexpr SetMask kSetFenceTso = base_bit("FENCE.TSO");
constexpr SetMask kSetFenceI = base_bit("FENCE.I");
constexpr SetMask kSetAq = base_bit("AQ");
constexpr SetMask kSetRl = base_bit("RL");
constexpr SetMask kSetEx = base_bit("EX");
constexpr SetMask kSetEcall = base_bit("ECALL");

int reg_of(const Instruction& ins, std::size_t i) {
  const Operand& o = op(ins, i);
  if (o.kind != OpKind::Reg && o.kind != OpKind::Mem) unsupported(ins, "expected a register operand");
  return o.reg.index;
}

RegVal read(PathRunner& run, const Instruction& ins, std::size_t i) { return run.reg(reg_of(ins, i)); }

RegVal immediate(const Instruction& ins, std::size_t i) {
  const Operand& o = op(ins, i);
  if (o.kind != OpKind::Imm) unsupported(ins, "expected an immediate operand");
  return RegVal{Val::integer(o.imm), {}, {}, false, {}};
}


/// The mnemonic without its ordering suffix, and the sets that suffix gives
/// (herd: .aq is an acquire, .rl a release, .aqrl both).
struct Ordered {
  std::string base;
  SetMask sets;
};

Ordered ordering(const std::string& m) {
  if (m.ends_with(".aqrl")) return {m.substr(0, m.size() - 5), kSetAq | kSetRl};
  if (m.ends_with(".aq")) return {m.substr(0, m.size() - 3), kSetAq};
  if (m.ends_with(".rl")) return {m.substr(0, m.size() - 3), kSetRl};
  return {m, SetMask{}};
}

/// Bytes accessed, from the width letter of a load, store, lr, sc or AMO.
int access_bits(char width) {
  switch (width) {
    case 'b': return 8;
    case 'h': return 16;
    case 'w': return 32;
    default: return 64;
  }
}

// ---- memory ----

struct Access {
  int loc = -1;
  Taint dep, pick;
};

/// The location `k(rs)` designates (operand i), with the address taint.
Access address(PathRunner& run, const Instruction& ins, std::size_t i, const std::string& what) {
  const Operand& o = op(ins, i);
  if (o.kind != OpKind::Mem) unsupported(ins, "expected an address operand");
  const RegVal base = read(run, ins, i);
  Access a;
  a.dep = base.dep;
  a.pick = base.pick | base.dep;
  auto addr = add_values(run, base.val, Val::integer(o.imm));
  if (!addr) return a;
  if (addr->kind == Val::Kind::Int) {
    run.delayed_error("segmentation fault: " + what + " at a value that is not an address");
    return a;
  }
  a.loc = run.location_of(*addr, what);
  return a;
}

/// A loaded value of `bits` bits, sign- or zero-extended to the register.
RegVal extended(RegVal v, int bits, bool sign) {
  if (v.val.kind == Val::Kind::Int && bits < 64)
    v.val.v = sign ? sign_extend(v.val.v, bits) : zero_extend(v.val.v, bits);
  return v;
}

/// The value a store of `bits` bits leaves in location `loc`: the low bits,
/// as a value of the location's declared type (herd's typed memory).
RegVal stored_value(PathRunner& run, RegVal v, int bits, int loc) {
  if (v.val.kind == Val::Kind::Int)
    v.val = c_typed_value(Val::integer(zero_extend(v.val.v, bits)),
                          run.program().locs[static_cast<std::size_t>(loc)].type);
  return v;
}

/// lb lh lw ld lbu lhu lwu, with .aq / .aqrl.
void load(PathRunner& run, const Instruction& ins, const Ordered& o) {
  const bool is_unsigned = o.base.size() == 3 && o.base[2] == 'u';
  const int bits = access_bits(o.base[1]);
  const Access a = address(run, ins, 1, "loaded");
  if (a.loc < 0) return;
  run.set_reg(reg_of(ins, 0), extended(run.load(a.loc, o.sets, a.dep, a.pick), bits, !is_unsigned));
}

/// sb sh sw sd, with .rl / .aqrl.
void store(PathRunner& run, const Instruction& ins, const Ordered& o) {
  const RegVal v = read(run, ins, 0);
  const Access a = address(run, ins, 1, "overwritten");
  if (a.loc < 0) return;
  run.store(a.loc, o.sets, stored_value(run, v, access_bits(o.base[1]), a.loc), a.dep, a.pick);
}

/// lr.w / lr.d: a read of the exclusive set EX that reserves its location.
void load_reserved(PathRunner& run, const Instruction& ins, const Ordered& o) {
  const int bits = access_bits(o.base.back());
  const Access a = address(run, ins, 1, "loaded");
  if (a.loc < 0) return;
  const RegVal v = extended(run.load(a.loc, kSetEx | o.sets, a.dep, a.pick), bits, true);
  run.set_reg(kRiscvRegResLoc, RegVal{Val::integer(a.loc + 1), {}, {}, false, {}});
  run.set_reg(kRiscvRegResEvent, RegVal{Val::integer(run.last_event()), {}, {}, false, {}});
  run.set_reg(reg_of(ins, 0), v);
}

/// sc.w / sc.d: fails (rd = 1, no write) or, when the reservation is of the
/// same location, may succeed (rd = 0, a write of EX paired in rmw with the
/// reserving read). The reservation is lost either way.
void store_conditional(PathRunner& run, const Instruction& ins, const Ordered& o) {
  const RegVal v = read(run, ins, 1);
  const Access a = address(run, ins, 2, "overwritten");
  if (a.loc < 0) return;
  const Val res = run.reg(kRiscvRegResLoc).val;
  const int read_event = static_cast<int>(run.reg(kRiscvRegResEvent).val.v);
  const bool reserved = res.kind == Val::Kind::Int && res.v == a.loc + 1;
  const bool success = reserved && run.choose(2) == 0;
  run.set_reg(kRiscvRegResLoc, RegVal{});
  if (!success) {
    run.set_reg(reg_of(ins, 0), RegVal{Val::integer(1), {}, {}, true, {}});
    return;
  }
  run.store(a.loc, kSetEx | o.sets, stored_value(run, v, access_bits(o.base.back()), a.loc), a.dep, a.pick);
  const int w = run.last_event();
  run.add_rmw(read_event, w);
  // herd: the success code depends on the store itself, whose dependencies
  // then start at the write ([RVWMO] "Syntactic Dependencies": the rd of an sc
  // carries a dependency on it), and on the address registers.
  RegVal code{Val::integer(0), a.dep, a.pick, true, {}};
  code.dep.set(static_cast<std::size_t>(w));
  code.pick.set(static_cast<std::size_t>(w));
  run.set_reg(reg_of(ins, 0), code);
}

/// amo<op>.w / .d: a read and a write of the atomic set X, paired in rmw,
/// both with the instruction's ordering; rd gets the value read.
void amo(PathRunner& run, const Instruction& ins, const Ordered& o) {
  const std::string name = o.base.substr(3, o.base.size() - 5);  // "amoadd.w" -> "add"
  const int bits = access_bits(o.base.back());
  const RegVal operand = read(run, ins, 1);
  const Access a = address(run, ins, 2, "updated");
  if (a.loc < 0) return;
  const RegVal old = extended(run.load(a.loc, kSetX | o.sets, a.dep, a.pick), bits, true);
  const int r = run.last_event();
  const auto result = riscv_amo_value(run, name, old.val, operand.val, bits);
  if (!result) return;
  // The value written depends on rs2 (herd's data); the read's own value
  // flows inside the instruction, which the model's rmw pairing covers.
  const RegVal written{*result, operand.dep, operand.pick, operand.symbolic || old.symbolic, operand.flow | old.flow};
  run.store(a.loc, kSetX | o.sets, stored_value(run, written, bits, a.loc), a.dep, a.pick);
  run.add_rmw(r, run.last_event());
  run.set_reg(reg_of(ins, 0), old);
}

// ---- fences ----

/// fence pred,succ: herd's access sets r, w, rw and the device forms ir, ow,
/// iorw (device input and output are not modelled: i counts as r, o as w).
void fence(PathRunner& run, const Instruction& ins) {
  const std::string& pred = op(ins, 0).text;
  const std::string& succ = op(ins, 1).text;
  SetMask sets = kSetF;
  if (pred.find('r') != std::string::npos) sets |= kSetFencePR;
  if (pred.find('w') != std::string::npos) sets |= kSetFencePW;
  if (succ.find('r') != std::string::npos) sets |= kSetFenceSR;
  if (succ.find('w') != std::string::npos) sets |= kSetFenceSW;
  run.emit(EventKind::Fence, sets);
}

// ---- branches ----

/// Whether `beq`... `bgeu` is taken; nullopt when an ordering compares
/// values that are not integers (equality of addresses is known).
std::optional<bool> taken(const std::string& m, const Val& a, const Val& b) {
  if (m == "beq") return a == b;
  if (m == "bne") return a != b;
  if (a.kind != Val::Kind::Int || b.kind != Val::Kind::Int) return std::nullopt;
  if (m == "blt") return a.v < b.v;
  if (m == "bge") return a.v >= b.v;
  if (m == "bltu") return bits_of(a.v) < bits_of(b.v);
  if (m == "bgeu") return bits_of(a.v) >= bits_of(b.v);
  return std::nullopt;
}

std::int64_t branch_target(PathRunner& run, const Instruction& ins, std::size_t i) {
  const Operand& o = op(ins, i);
  if (o.kind != OpKind::Relative) unsupported(ins, "expected a branch target");
  return wrapping_add(run.current_address(), o.imm);
}

void conditional_branch(PathRunner& run, const Instruction& ins) {
  const RegVal a = read(run, ins, 0);
  const RegVal b = read(run, ins, 1);
  const int e = run.emit(EventKind::Branch, SetMask{});
  run.add_branch(a.dep | b.dep, a.pick | b.pick | a.dep | b.dep, e);
  const auto t = taken(ins.mnemonic, a.val, b.val);
  if (!t) {
    run.delayed_error("condition " + ins.mnemonic + " on non-integer values");
    return;
  }
  if (*t) run.jump(branch_target(run, ins, 2), a.symbolic || b.symbolic);
}

// ---- arithmetic ----

void alu(PathRunner& run, const Instruction& ins, const RegVal& a, const RegVal& b, bool same_reg) {
  const auto v = riscv_alu(run, ins.mnemonic, a.val, b.val, same_reg);
  if (!v) return;
  run.set_reg(reg_of(ins, 0), joined(a, b, *v));
}

bool is_alu_imm(const std::string& m) {
  return m == "addi" || m == "slti" || m == "sltiu" || m == "andi" || m == "ori" || m == "xori" || m == "slli" ||
         m == "srli" || m == "srai" || m == "addiw" || m == "slliw" || m == "srliw" || m == "sraiw";
}

bool is_alu_reg(const std::string& m) {
  return m == "add" || m == "sub" || m == "and" || m == "or" || m == "xor" || m == "slt" || m == "sltu" ||
         m == "sll" || m == "srl" || m == "sra" || m == "addw" || m == "subw" || m == "sllw" || m == "srlw" ||
         m == "sraw";
}

}  // namespace

void execute_riscv(PathRunner& run, const Instruction& ins) {
  const std::string& m = ins.mnemonic;
  if (m == "nop") return;
  const Ordered o = ordering(m);
  const std::string& b = o.base;
  // Memory accesses.
  if (b == "lb" || b == "lh" || b == "lw" || b == "ld" || b == "lbu" || b == "lhu" || b == "lwu")
    return load(run, ins, o);
  if (b == "sb" || b == "sh" || b == "sw" || b == "sd") return store(run, ins, o);
  if (b == "lr.w" || b == "lr.d") return load_reserved(run, ins, o);
  if (b == "sc.w" || b == "sc.d") return store_conditional(run, ins, o);
  if (b.starts_with("amo")) return amo(run, ins, o);
  // Fences.
  if (m == "fence") return fence(run, ins);
  if (m == "fence.tso") return static_cast<void>(run.emit(EventKind::Fence, kSetF | kSetFenceTso));
  if (m == "fence.i") return static_cast<void>(run.emit(EventKind::Fence, kSetF | kSetFenceI));
  // Register moves and arithmetic.
  if (m == "li") return run.set_reg(reg_of(ins, 0), immediate(ins, 1));
  if (m == "lui") {  // the immediate in bits 31..12, sign-extended from bit 31 (RV64I LUI)
    RegVal v = immediate(ins, 1);
    v.val.v = sign_extend(wrapping_shl(v.val.v, 12), 32);
    return run.set_reg(reg_of(ins, 0), v);
  }
  if (m == "sext.w") {
    RegVal v = read(run, ins, 1);
    if (v.val.kind != Val::Kind::Int) {
      run.delayed_error(m + " on a non-integer value");
      return;
    }
    v.val.v = sign_extend(v.val.v, 32);
    return run.set_reg(reg_of(ins, 0), v);
  }
  if (m == "addi" && op(ins, 2).imm == 0) return run.set_reg(reg_of(ins, 0), read(run, ins, 1));  // mv
  if (is_alu_imm(m)) return alu(run, ins, read(run, ins, 1), immediate(ins, 2), false);
  if (is_alu_reg(m)) return alu(run, ins, read(run, ins, 1), read(run, ins, 2), reg_of(ins, 1) == reg_of(ins, 2));
  // Control transfer.
  if (m == "j") return run.jump(branch_target(run, ins, 0), true);
  if (m == "beq" || m == "bne" || m == "blt" || m == "bge" || m == "bltu" || m == "bgeu")
    return conditional_branch(run, ins);
  // Exceptions: ecall enters the handler (the link = the next instruction);
  // sret and mret return to the link.
  if (m == "ecall") return run.take_exception(kSetSVC | kSetEcall, run.code_value(run.current_address() + kInstrBytes));
  if (m == "sret" || m == "mret") return run.exception_return();
  unsupported(ins, "not modelled");
}

}  // namespace xmcheck::checker
