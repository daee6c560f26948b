#pragma once
// Two's complement arithmetic modulo 2^64: what registers do on both
// architectures, and what the kernel's C means (it builds with
// -fno-strict-overflow, docs/c-dialect.md). Signed overflow and out-of-range
// shifts are undefined behaviour in C++, so every operation goes through
// uint64_t, where C++ itself wraps, and converts back (C++20 defines that
// conversion as modulo 2^64).
#include <cstdint>

namespace xmcheck::checker {

[[nodiscard]] constexpr std::uint64_t bits_of(std::int64_t v) { return static_cast<std::uint64_t>(v); }
[[nodiscard]] constexpr std::int64_t from_bits(std::uint64_t v) { return static_cast<std::int64_t>(v); }

[[nodiscard]] constexpr std::int64_t wrapping_add(std::int64_t a, std::int64_t b) {
  return from_bits(bits_of(a) + bits_of(b));
}
[[nodiscard]] constexpr std::int64_t wrapping_sub(std::int64_t a, std::int64_t b) {
  return from_bits(bits_of(a) - bits_of(b));
}
[[nodiscard]] constexpr std::int64_t wrapping_mul(std::int64_t a, std::int64_t b) {
  return from_bits(bits_of(a) * bits_of(b));  // the low 64 bits do not depend on signedness
}
[[nodiscard]] constexpr std::int64_t wrapping_neg(std::int64_t a) { return from_bits(0 - bits_of(a)); }

/// Truncating division; the divisor must not be 0 (the callers report that).
/// INT64_MIN / -1 overflows only because +2^63 is not representable: it wraps
/// to INT64_MIN, what -fwrapv (and AArch64's SDIV) give.
[[nodiscard]] constexpr std::int64_t wrapping_div(std::int64_t a, std::int64_t b) {
  if (b == -1) return wrapping_neg(a);
  return a / b;
}
/// The remainder of wrapping_div: a - (a / b) * b, so INT64_MIN % -1 is 0.
[[nodiscard]] constexpr std::int64_t wrapping_rem(std::int64_t a, std::int64_t b) {
  if (b == -1) return 0;
  return a % b;
}

/// Shift amounts are taken modulo 64, as AArch64's LSLV/ASRV and x86's 64-bit
/// SHL/SAR do with a register count (the instructions a C variable shift
/// compiles to on both targets); negative amounts are thereby defined too.
[[nodiscard]] constexpr int shift_amount(std::int64_t amount) { return static_cast<int>(bits_of(amount) & 63U); }
[[nodiscard]] constexpr std::int64_t wrapping_shl(std::int64_t a, std::int64_t amount) {
  return from_bits(bits_of(a) << shift_amount(amount));
}
/// Arithmetic (sign-propagating) right shift.
[[nodiscard]] constexpr std::int64_t wrapping_sar(std::int64_t a, std::int64_t amount) {
  return a >> shift_amount(amount);  // C++20 defines >> of a negative value as arithmetic
}
/// Logical (zero-filling) right shift.
[[nodiscard]] constexpr std::int64_t wrapping_shr(std::int64_t a, std::int64_t amount) {
  return from_bits(bits_of(a) >> shift_amount(amount));
}

/// The low `width` bits of `v`, zero-extended (a W register, a 32-bit x86
/// operand); width 64 (or more) keeps `v`.
[[nodiscard]] constexpr std::int64_t zero_extend(std::int64_t v, int width) {
  if (width >= 64) return v;
  return from_bits(bits_of(v) & ((std::uint64_t{1} << width) - 1));
}
/// The low `width` bits of `v`, sign-extended (SXTW, x86 SAR on a narrow operand).
[[nodiscard]] constexpr std::int64_t sign_extend(std::int64_t v, int width) {
  if (width >= 64) return v;
  const int unused = 64 - width;
  return from_bits(bits_of(v) << unused) >> unused;
}

}  // namespace xmcheck::checker
