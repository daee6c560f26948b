// IPI signatures and the balance of sends and entries (ipi_balance.hpp).
#include <doctest/doctest.h>

#include "ipi_balance.hpp"

using namespace xmcheck::checker;

TEST_CASE("ipi balance: keeps exactly the signatures some choice balances") {
  const Deadline none(0);
  // One key. CPU 0 sends 1 or 2; CPU 1 takes 1 or 3; CPU 2 takes 0 or 1.
  // Balanced choices: (1, -1, 0), (2, -1, -1); -3 balances nothing.
  const std::vector<std::set<IpiSignature>> distinct{{{1}, {2}}, {{-1}, {-3}}, {{0}, {-1}}};
  const auto kept = balanced_signatures(distinct, none);
  REQUIRE(kept.has_value());
  CHECK((*kept)[0] == std::set<IpiSignature>{{1}, {2}});
  CHECK((*kept)[1] == std::set<IpiSignature>{{-1}});
  CHECK((*kept)[2] == std::set<IpiSignature>{{0}, {-1}});
}

TEST_CASE("ipi balance: an endless ping-pong has no balanced choice") {
  const Deadline none(0);
  // Keys (pong to CPU 1, ping to CPU 0). CPU 0 sends 1 + j pongs and takes j
  // pings; CPU 1 takes k pongs and sends k pings: 1 + j = k and k = j.
  std::vector<std::set<IpiSignature>> distinct(2);
  for (int j = 0; j <= 2; ++j) distinct[0].insert({1 + j, -j});
  for (int k = 0; k <= 3; ++k) distinct[1].insert({-k, k});
  const auto kept = balanced_signatures(distinct, none);
  REQUIRE(kept.has_value());
  CHECK((*kept)[0].empty());
}

TEST_CASE("ipi balance: no keys, nothing excluded") {
  const Deadline none(0);
  const std::vector<std::set<IpiSignature>> distinct{{IpiSignature{}}, {IpiSignature{}}};
  const auto kept = balanced_signatures(distinct, none);
  REQUIRE(kept.has_value());
  CHECK((*kept)[0].size() == 1);
  CHECK((*kept)[1].size() == 1);
}
