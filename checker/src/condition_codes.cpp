#include "condition_codes.hpp"

#include "wrapping.hpp"

namespace xmcheck::checker {
namespace {

/// The flags of a `width`-bit result computed in the top `width` bits of a
/// 64-bit word: operands shifted left by 64 - width give the narrow
/// operation's N, Z, C and V exactly (the low bits are zero and carry nothing).
std::uint64_t high(std::int64_t v, int width) { return bits_of(v) << (64 - width); }

}  // namespace

Nzcv sub_flags(std::int64_t a, std::int64_t b, int width) {
  const std::uint64_t x = high(a, width), y = high(b, width), r = x - y;
  // V: the operands' signs differ and the result's sign differs from a's.
  return Nzcv{(r >> 63) != 0, r == 0, x >= y, (((x ^ y) & (x ^ r)) >> 63) != 0};
}

Nzcv add_flags(std::int64_t a, std::int64_t b, int width) {
  const std::uint64_t x = high(a, width), y = high(b, width), r = x + y;
  // V: the operands' signs agree and the result's sign differs from them.
  return Nzcv{(r >> 63) != 0, r == 0, r < x, ((~(x ^ y) & (x ^ r)) >> 63) != 0};
}

Flags compare(const RegVal& lhs, const RegVal& rhs, int width) {
  Flags f{true, lhs.val, rhs.val, lhs.dep | rhs.dep, lhs.pick | rhs.pick | lhs.dep | rhs.dep,
          lhs.symbolic || rhs.symbolic, std::nullopt};
  if (lhs.val.kind == Val::Kind::Int && rhs.val.kind == Val::Kind::Int)
    f.nzcv = sub_flags(lhs.val.v, rhs.val.v, width);
  return f;
}

std::optional<bool> holds(const Flags& f, const std::string& cond) {
  if (cond == "AL") return true;
  Nzcv s;
  if (f.set && f.nzcv) {
    s = *f.nzcv;
  } else if (f.set) {  // symbolic operands: only equality is known
    if (cond == "EQ") return f.lhs == f.rhs;
    if (cond == "NE") return f.lhs != f.rhs;
    return std::nullopt;
  }
  if (cond == "EQ") return s.z;
  if (cond == "NE") return !s.z;
  if (cond == "CS" || cond == "HS") return s.c;
  if (cond == "CC" || cond == "LO") return !s.c;
  if (cond == "MI") return s.n;
  if (cond == "PL") return !s.n;
  if (cond == "VS") return s.v;
  if (cond == "VC") return !s.v;
  if (cond == "HI") return s.c && !s.z;
  if (cond == "LS") return !(s.c && !s.z);
  if (cond == "GE") return s.n == s.v;
  if (cond == "LT") return s.n != s.v;
  if (cond == "GT") return !s.z && s.n == s.v;
  if (cond == "LE") return !(!s.z && s.n == s.v);
  return std::nullopt;
}

}  // namespace xmcheck::checker
