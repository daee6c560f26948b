#include <doctest/doctest.h>

#include "xmcheck/axioms/relation.hpp"
#include "xmcheck/diag/diagnostic.hpp"

using namespace xmcheck::axioms;

namespace {
Relation chain(std::size_t n, std::initializer_list<std::pair<std::size_t, std::size_t>> ps) {
  Relation r(n);
  for (auto [a, b] : ps) r.insert(a, b);
  return r;
}
}  // namespace

TEST_CASE("event sets: basic operations and complement masks the tail") {
  EventSet s(70);
  CHECK(s.empty());
  s.insert(0);
  s.insert(69);
  CHECK(s.count() == 2);
  CHECK(s.contains(69));
  CHECK_FALSE(s.contains(68));
  const EventSet c = s.complement();
  CHECK(c.count() == 68);
  CHECK(EventSet::full(70).count() == 70);
  EventSet t(70);
  t.insert(1);
  t |= s;
  CHECK(t.elements() == std::vector<std::size_t>{0, 1, 69});
  t -= s;
  CHECK(t.elements() == std::vector<std::size_t>{1});
  t &= s;
  CHECK(t.empty());
  CHECK_THROWS_AS(t.insert(70), xmcheck::diag::InternalError);
}

TEST_CASE("relations: union, intersection, difference, inverse, complement") {
  const Relation a = chain(3, {{0, 1}, {1, 2}});
  const Relation b = chain(3, {{1, 2}, {2, 0}});
  Relation u = a;
  u |= b;
  CHECK(u.count() == 3);
  Relation i = a;
  i &= b;
  CHECK(i.pairs() == std::vector<std::pair<std::size_t, std::size_t>>{{1, 2}});
  Relation d = a;
  d -= b;
  CHECK(d.pairs() == std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}});
  CHECK(a.inverse().pairs() == std::vector<std::pair<std::size_t, std::size_t>>{{1, 0}, {2, 1}});
  CHECK(a.complement().count() == 7);
  CHECK(Relation(65).complement().count() == 65 * 65);
}

TEST_CASE("relations: composition, closures, identity, product, domain, range") {
  const Relation a = chain(4, {{0, 1}, {1, 2}, {2, 3}});
  CHECK(a.compose(a).pairs() == std::vector<std::pair<std::size_t, std::size_t>>{{0, 2}, {1, 3}});
  CHECK(a.plus().count() == 6);
  CHECK(a.star().count() == 10);
  CHECK(a.optional().count() == 7);
  CHECK(Relation::identity(4).count() == 4);
  EventSet s(4);
  s.insert(1);
  s.insert(3);
  CHECK(Relation::identity_on(s).pairs() ==
        std::vector<std::pair<std::size_t, std::size_t>>{{1, 1}, {3, 3}});
  EventSet t(4);
  t.insert(0);
  CHECK(Relation::product(s, t).pairs() ==
        std::vector<std::pair<std::size_t, std::size_t>>{{1, 0}, {3, 0}});
  CHECK(a.domain().elements() == std::vector<std::size_t>{0, 1, 2});
  CHECK(a.range().elements() == std::vector<std::size_t>{1, 2, 3});
  CHECK(a.row(1).elements() == std::vector<std::size_t>{2});
}

TEST_CASE("relations: closure across word boundaries") {
  const std::size_t n = 130;
  Relation r(n);
  for (std::size_t i = 0; i + 1 < n; ++i) r.insert(i, i + 1);
  const Relation p = r.plus();
  CHECK(p.count() == n * (n - 1) / 2);
  CHECK(p.contains(0, 129));
  CHECK_FALSE(p.contains(129, 0));
  CHECK(r.is_acyclic());
  r.insert(129, 0);
  CHECK_FALSE(r.is_acyclic());
  CHECK(r.find_cycle().size() == n);
}

TEST_CASE("relations: acyclicity, irreflexivity and cycle finding") {
  Relation r = chain(5, {{0, 1}, {1, 2}, {3, 4}});
  CHECK(r.is_acyclic());
  CHECK(r.is_irreflexive());
  CHECK(r.find_cycle().empty());
  r.insert(2, 0);
  CHECK_FALSE(r.is_acyclic());
  CHECK(r.is_irreflexive());
  const auto cyc = r.find_cycle();
  REQUIRE(cyc.size() == 3);
  for (std::size_t k = 0; k < cyc.size(); ++k) CHECK(r.contains(cyc[k], cyc[(k + 1) % cyc.size()]));
  Relation self = chain(3, {{2, 2}});
  CHECK_FALSE(self.is_irreflexive());
  CHECK_FALSE(self.is_acyclic());
  CHECK(self.find_cycle() == std::vector<std::size_t>{2});
  CHECK(Relation(0).is_acyclic());
}

TEST_CASE("relations: mixing sizes is an invariant violation") {
  Relation a(3);
  const Relation b(4);
  CHECK_THROWS_AS(a |= b, xmcheck::diag::InternalError);
}
