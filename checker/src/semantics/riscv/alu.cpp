#include "alu.hpp"

#include <string>

#include "../register_values.hpp"
#include "wrapping.hpp"

namespace xmcheck::checker {
namespace {

/// The RV64I operation on two integers; `op` without its `i` (immediate)
/// or `w` (32-bit) marks. nullopt for an unknown name.
std::optional<std::int64_t> integer_op(std::string_view op, std::int64_t x, std::int64_t y) {
  if (op == "add") return wrapping_add(x, y);
  if (op == "sub") return wrapping_sub(x, y);
  if (op == "and") return x & y;
  if (op == "or") return x | y;
  if (op == "xor") return x ^ y;
  if (op == "slt") return x < y ? 1 : 0;
  if (op == "sltu") return bits_of(x) < bits_of(y) ? 1 : 0;
  if (op == "sll") return wrapping_shl(x, y & 63);
  if (op == "srl") return wrapping_shr(x, y & 63);
  if (op == "sra") return wrapping_sar(x, y & 63);
  return std::nullopt;
}

/// The 32-bit form (ADDW, SLLIW, ...): the low words, the shift amount on 5
/// bits, the 32-bit result sign-extended (ISA, RV64I "Integer Computational
/// Instructions").
std::optional<std::int64_t> word_op(std::string_view op, std::int64_t x, std::int64_t y) {
  const std::int64_t lx = zero_extend(x, 32);
  if (op == "add") return sign_extend(wrapping_add(x, y), 32);
  if (op == "sub") return sign_extend(wrapping_sub(x, y), 32);
  if (op == "sll") return sign_extend(wrapping_shl(lx, y & 31), 32);
  if (op == "srl") return sign_extend(wrapping_shr(lx, y & 31), 32);
  if (op == "sra") return sign_extend(wrapping_sar(sign_extend(x, 32), y & 31), 32);
  return std::nullopt;
}

/// The operation of a mnemonic: its RV64I base and whether it is a 32-bit W form.
struct OpName {
  std::string_view mnemonic, base;
  bool word;
};
constexpr OpName kOps[] = {
    {"add", "add", false},    {"addi", "add", false},  {"sub", "sub", false},   {"and", "and", false},
    {"andi", "and", false},   {"or", "or", false},     {"ori", "or", false},    {"xor", "xor", false},
    {"xori", "xor", false},   {"slt", "slt", false},   {"slti", "slt", false},  {"sltu", "sltu", false},
    {"sltiu", "sltu", false}, {"sll", "sll", false},   {"slli", "sll", false},  {"srl", "srl", false},
    {"srli", "srl", false},   {"sra", "sra", false},   {"srai", "sra", false},  {"addw", "add", true},
    {"addiw", "add", true},   {"subw", "sub", true},   {"sllw", "sll", true},   {"slliw", "sll", true},
    {"srlw", "srl", true},    {"srliw", "srl", true},  {"sraw", "sra", true},   {"sraiw", "sra", true},
};

std::string base_op(std::string_view op, bool& word) {
  for (const auto& o : kOps)
    if (o.mnemonic == op) {
      word = o.word;
      return std::string(o.base);
    }
  word = false;
  return std::string(op);
}

}  // namespace


std::optional<Val> riscv_alu(PathRunner& run, std::string_view op, const Val& a, const Val& b, bool same_reg) {
  bool word = false;
  const std::string base = base_op(op, word);
  if (a.kind == Val::Kind::Int && b.kind == Val::Kind::Int) {
    const auto r = word ? word_op(base, a.v, b.v) : integer_op(base, a.v, b.v);
    if (!r) {
      run.delayed_error(std::string(op) + " is not modelled");
      return std::nullopt;
    }
    return Val::integer(*r);
  }
  if ((base == "xor" || base == "sub") && (same_reg || a == b)) return Val::integer(0);
  if (!word && base == "add") return add_values(run, a, b);
  if (!word && (base == "or" || base == "xor") && b.is_zero()) return a;
  if (!word && (base == "or" || base == "xor") && a.is_zero()) return b;
  if (!word && (base == "sub") && a.kind == Val::Kind::Addr && b.kind == Val::Kind::Int)
    return add_values(run, a, Val::integer(wrapping_neg(b.v)));
  if (!word && (base == "sll" || base == "srl" || base == "sra") && b.is_zero()) return a;
  run.delayed_error(std::string(op) + " on a non-integer value");
  return std::nullopt;
}

std::optional<Val> riscv_amo_value(PathRunner& run, std::string_view op, const Val& old, const Val& operand,
                                   int bits) {
  if (op == "swap") return operand;
  if (op == "add" && !(old.kind == Val::Kind::Int && operand.kind == Val::Kind::Int))
    return add_values(run, old, operand);
  if (old.kind != Val::Kind::Int || operand.kind != Val::Kind::Int) {
    run.delayed_error("amo" + std::string(op) + " on a non-integer value");
    return std::nullopt;
  }
  const std::int64_t x = bits == 32 ? sign_extend(old.v, 32) : old.v;
  const std::int64_t y = bits == 32 ? sign_extend(operand.v, 32) : operand.v;
  const std::uint64_t ux = bits == 32 ? bits_of(zero_extend(x, 32)) : bits_of(x);
  const std::uint64_t uy = bits == 32 ? bits_of(zero_extend(y, 32)) : bits_of(y);
  std::int64_t r = 0;
  if (op == "add") r = wrapping_add(x, y);
  else if (op == "and") r = x & y;
  else if (op == "or") r = x | y;
  else if (op == "xor") r = x ^ y;
  else if (op == "max") r = x > y ? x : y;
  else if (op == "min") r = x < y ? x : y;
  else if (op == "maxu") r = ux > uy ? x : y;
  else if (op == "minu") r = ux < uy ? x : y;
  else {
    run.delayed_error("amo" + std::string(op) + " is not modelled");
    return std::nullopt;
  }
  return Val::integer(r);
}

}  // namespace xmcheck::checker
