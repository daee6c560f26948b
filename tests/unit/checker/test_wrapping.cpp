// The two's complement helpers (checker/src/wrapping.hpp): every result is the
// exact one modulo 2^64, including the cases that are undefined behaviour on
// int64_t, and the flags computed from them (condition_codes.hpp) at each
// operand width.
#include <cstdint>
#include <limits>

#include <doctest/doctest.h>

#include "condition_codes.hpp"
#include "wrapping.hpp"

using namespace xmcheck::checker;

namespace {

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

}  // namespace

TEST_CASE("wrapping add, sub and neg wrap at INT64_MIN and INT64_MAX") {
  CHECK(wrapping_add(kMax, 1) == kMin);
  CHECK(wrapping_add(kMin, -1) == kMax);
  CHECK(wrapping_add(-1, 2) == 1);  // 0xFFFFFFFFFFFFFFFF + 2 = 2^64 + 1
  CHECK(wrapping_sub(kMin, 1) == kMax);
  CHECK(wrapping_sub(kMax, -1) == kMin);
  CHECK(wrapping_sub(0, kMin) == kMin);
  CHECK(wrapping_neg(kMin) == kMin);
  CHECK(wrapping_neg(kMax) == kMin + 1);
  CHECK(wrapping_neg(5) == -5);
  static_assert(wrapping_add(kMax, 1) == kMin, "usable in constant expressions");
}

TEST_CASE("wrapping mul keeps the low 64 bits of the product") {
  CHECK(wrapping_mul(3037000500, 3037000500) == -9223372036709301616);  // 2^63 + 145474192 - 2^64
  CHECK(wrapping_mul(0x100000001, 0x100000001) == 8589934593);          // 2^64 + 2^33 + 1
  CHECK(wrapping_mul(kMin, -1) == kMin);
  CHECK(wrapping_mul(kMax, 2) == -2);
  CHECK(wrapping_mul(-3, 7) == -21);
}

TEST_CASE("wrapping div and rem: INT64_MIN / -1 is INT64_MIN, INT64_MIN % -1 is 0") {
  CHECK(wrapping_div(kMin, -1) == kMin);
  CHECK(wrapping_rem(kMin, -1) == 0);
  CHECK(wrapping_div(kMin, 1) == kMin);
  CHECK(wrapping_div(-7, 2) == -3);  // truncates toward zero, as C
  CHECK(wrapping_rem(-7, 2) == -1);  // the sign of the dividend
  CHECK(wrapping_div(7, -1) == -7);
  CHECK(wrapping_rem(7, -1) == 0);
}

TEST_CASE("wrapping shifts take the amount modulo 64, negative amounts included") {
  CHECK(wrapping_shl(1, 63) == kMin);
  CHECK(wrapping_shl(1, 64) == 1);
  CHECK(wrapping_shl(1, 65) == 2);
  CHECK(wrapping_shl(1, -1) == kMin);  // -1 mod 64 = 63
  CHECK(wrapping_shl(kMax, 1) == -2);
  CHECK(wrapping_sar(kMin, 63) == -1);
  CHECK(wrapping_sar(-8, 1) == -4);
  CHECK(wrapping_sar(-8, 64) == -8);
  CHECK(wrapping_shr(kMin, 63) == 1);
  CHECK(wrapping_shr(-1, 60) == 15);
}

TEST_CASE("zero_extend and sign_extend take the low bits of a value") {
  CHECK(zero_extend(-1, 32) == 0xFFFFFFFF);
  CHECK(zero_extend(0x17FFFFFFF, 32) == 0x7FFFFFFF);
  CHECK(zero_extend(-1, 8) == 0xFF);
  CHECK(zero_extend(kMin, 64) == kMin);
  CHECK(sign_extend(0x80000000, 32) == -2147483648);
  CHECK(sign_extend(0x17FFFFFFF, 32) == 0x7FFFFFFF);
  CHECK(sign_extend(0xFF, 8) == -1);
  CHECK(sign_extend(kMin, 64) == kMin);
}

// Flags as the Arm ARM's AddWithCarry defines them, at the operation's width.
TEST_CASE("sub_flags: NZCV of a - b, signed overflow in V, no borrow in C") {
  const Nzcv lt = sub_flags(kMin, 1, 64);  // INT64_MIN - 1 = INT64_MAX: overflow
  CHECK_FALSE(lt.n);
  CHECK_FALSE(lt.z);
  CHECK(lt.c);
  CHECK(lt.v);
  const Nzcv borrow = sub_flags(0, 1, 64);
  CHECK(borrow.n);
  CHECK_FALSE(borrow.c);
  CHECK_FALSE(borrow.v);
  CHECK(sub_flags(5, 5, 64).z);
  // On 32 bits 0x80000000 is negative and 0xFFFFFFFF is -1; the upper bits do not count.
  const Nzcv w = sub_flags(0x80000000, 0, 32);
  CHECK(w.n);
  CHECK_FALSE(w.v);
  CHECK(sub_flags(0xFFFFFFFF, -1, 32).z);
  CHECK(sub_flags(0x100000000, 0, 32).z);
  const Nzcv w_overflow = sub_flags(0x80000000, 1, 32);  // INT32_MIN - 1
  CHECK_FALSE(w_overflow.n);
  CHECK(w_overflow.v);
}

TEST_CASE("add_flags: NZCV of a + b, the carry out in C") {
  const Nzcv over = add_flags(kMax, 1, 64);
  CHECK(over.n);
  CHECK(over.v);
  CHECK_FALSE(over.c);
  const Nzcv carry = add_flags(-1, 1, 64);  // 0xFFFFFFFFFFFFFFFF + 1 = 2^64
  CHECK(carry.z);
  CHECK(carry.c);
  CHECK_FALSE(carry.v);
  const Nzcv w = add_flags(0xFFFFFFFF, 1, 32);
  CHECK(w.z);
  CHECK(w.c);
  const Nzcv b = add_flags(0x7F, 1, 8);
  CHECK(b.n);
  CHECK(b.v);
  CHECK_FALSE(b.c);
}

TEST_CASE("holds: conditions read the flags; symbolic operands decide only EQ and NE") {
  Flags f = compare(RegVal{Val::integer(0x80000000), {}, {}, false, {}}, RegVal{Val::integer(0), {}, {}, false, {}}, 32);
  CHECK(holds(f, "LT") == true);   // negative on 32 bits
  CHECK(holds(f, "HI") == true);   // unsigned: above 0
  CHECK(holds(f, "NE") == true);
  f = compare(RegVal{Val::integer(0x80000000), {}, {}, false, {}}, RegVal{Val::integer(0), {}, {}, false, {}}, 64);
  CHECK(holds(f, "LT") == false);  // positive on 64 bits
  const Flags sym = compare(RegVal{Val::addr(0), {}, {}, false, {}}, RegVal{Val::addr(0), {}, {}, false, {}}, 64);
  CHECK(holds(sym, "EQ") == true);
  CHECK_FALSE(holds(sym, "LT").has_value());
  CHECK(holds(Flags{}, "NE") == true);  // no flags yet: all clear
  CHECK(holds(Flags{}, "LO") == true);
}
