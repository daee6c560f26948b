// SetMask: event-set membership across as many 64-bit words as the catalogue needs.
#include <doctest/doctest.h>

#include <vector>

#include "base_bits.hpp"
#include "set_mask.hpp"

using namespace xmcheck::checker;

TEST_CASE("SetMask: union, intersection and complement per set") {
  const SetMask rw = kSetR | kSetW;
  CHECK(rw.intersects(kSetR));
  CHECK(rw.intersects(kSetW));
  CHECK_FALSE(rw.intersects(kSetF));
  CHECK((rw & ~kSetR) == kSetW);
  CHECK(SetMask{}.none());
  CHECK((kSetR & kSetW).none());
}

TEST_CASE("SetMask: for_each visits members in catalogue order, across words") {
  // Entries above 63 exist only when the catalogue or XMCHECK_MIN_SET_WORDS needs them.
  const std::size_t high = kSetWords * 64 - 1;
  const SetMask m = SetMask::of(high) | kSetW | kSetR;
  std::vector<std::size_t> seen;
  m.for_each([&](std::size_t i) { seen.push_back(i); });
  REQUIRE(seen.size() == 3);
  CHECK(seen[0] == kSetR.first());
  CHECK(seen[1] == kSetW.first());
  CHECK(seen[2] == high);
  CHECK(SetMask::of(high).first() == high);
  CHECK(SetMask::of(high).intersects(m));
}

TEST_CASE("SetMask: run-time names find the same masks as compile-time ones") {
  CHECK(named_set_bit("DMB.ISH") == base_bit("DMB.ISH"));
  CHECK(named_set_bit("no-such-set").none());
  CHECK(named_set_bit("po").none());  // a relation, not a set
}

TEST_CASE("SetMask: every catalogue set fits") {
  CHECK(count_sets() <= kSetWords * 64);
  CHECK(kSetWords >= XMCHECK_MIN_SET_WORDS);
}
