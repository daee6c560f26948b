#pragma once
// The base sets an event belongs to: one bit per catalogue set entry, as many
// 64-bit words as the catalogue needs (computed at compile time, so adding an
// architecture's sets never silently truncates the mask).
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

#include "xmcheck/axioms/base.hpp"

#ifndef XMCHECK_MIN_SET_WORDS
#define XMCHECK_MIN_SET_WORDS 1  // raised in a test build to exercise multi-word masks
#endif

namespace xmcheck::checker {

/// Number of set entries in the catalogue (sets come first, so they are 0..n-1).
consteval std::size_t count_sets() {
  std::size_t n = 0;
  for (const auto& e : axioms::kBaseCatalogue)
    if (e.arity == axioms::Arity::Set) ++n;
  return n;
}

inline constexpr std::size_t kSetWords = std::max<std::size_t>((count_sets() + 63) / 64, XMCHECK_MIN_SET_WORDS);

class SetMask {
 public:
  constexpr SetMask() = default;
  /// The mask holding catalogue set entry `index` only.
  static constexpr SetMask of(std::size_t index) {
    SetMask m;
    m.words_[index / 64] = std::uint64_t{1} << (index % 64);
    return m;
  }
  [[nodiscard]] constexpr bool any() const {
    for (auto w : words_)
      if (w != 0) return true;
    return false;
  }
  [[nodiscard]] constexpr bool none() const { return !any(); }
  /// True if this mask shares a set with `other`.
  [[nodiscard]] constexpr bool intersects(const SetMask& other) const { return (*this & other).any(); }
  /// Calls f(index) for every set in the mask, in catalogue order.
  template <class F>
  constexpr void for_each(F&& f) const {
    for (std::size_t w = 0; w < kSetWords; ++w)
      for (std::uint64_t bits = words_[w]; bits != 0; bits &= bits - 1)
        f(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
  }
  /// The catalogue index of the first set in the mask; the mask must not be empty.
  [[nodiscard]] constexpr std::size_t first() const {
    for (std::size_t w = 0; w < kSetWords; ++w)
      if (words_[w] != 0) return w * 64 + static_cast<std::size_t>(std::countr_zero(words_[w]));
    return count_sets();
  }

  constexpr SetMask& operator|=(const SetMask& o) {
    for (std::size_t w = 0; w < kSetWords; ++w) words_[w] |= o.words_[w];
    return *this;
  }
  constexpr SetMask& operator&=(const SetMask& o) {
    for (std::size_t w = 0; w < kSetWords; ++w) words_[w] &= o.words_[w];
    return *this;
  }
  friend constexpr SetMask operator|(SetMask a, const SetMask& b) { return a |= b; }
  friend constexpr SetMask operator&(SetMask a, const SetMask& b) { return a &= b; }
  friend constexpr SetMask operator~(SetMask a) {
    for (auto& w : a.words_) w = ~w;
    return a;
  }
  friend constexpr bool operator==(const SetMask&, const SetMask&) = default;

 private:
  std::array<std::uint64_t, kSetWords> words_{};
};

}  // namespace xmcheck::checker
