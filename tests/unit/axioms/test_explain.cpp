// Evaluator::explain, passing_choice and relation_values on hand-built executions.
#include <algorithm>

#include "helpers.hpp"

using namespace axtest;

namespace {

using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;

Violation explain(const std::string& model, const Exec& x) {
  const CompiledModel cm = compile(load(model), {});
  Evaluator ev(cm);
  auto v = ev.explain(x.base);
  REQUIRE(v.has_value());
  return *v;
}

const ViolationEdge& edge_at(const Violation& v, std::size_t from, std::size_t to) {
  for (const auto& e : v.edges)
    if (e.from == from && e.to == to) return e;
  FAIL("no edge " << from << " -> " << to);
  return v.edges.front();
}

}  // namespace

TEST_CASE("explain: a shortest cycle with edges labelled by the definitions containing them") {
  Exec x(4);
  // 0 -po-> 1 -rf-> 2 -po-> 3 -fr-> 0, plus a longer way round via a chord.
  x.edge("po", 0, 1).edge("rf", 1, 2).edge("po", 2, 3).edge("co", 3, 0).edge("po", 0, 2);
  const char* model =
      "let com = rf | co\n"
      "let hb = po | com\n"
      "acyclic hb as causality\n";
  const Violation v = explain(model, x);
  CHECK(v.check == "causality");
  CHECK(v.kind == "acyclic");
  // Shortest: 0 -po-> 2 -po-> 3 -co-> 0 (three edges), smallest start first.
  CHECK(v.events == std::vector<std::size_t>{0, 2, 3});
  REQUIRE(v.edges.size() == 3);
  CHECK(edge_at(v, 0, 2).labels == std::vector<std::string>{"po", "hb"});
  CHECK(edge_at(v, 3, 0).labels == std::vector<std::string>{"co", "com", "hb"});
  CHECK(v.choice.empty());
}

TEST_CASE("explain: irreflexive of a closure shows a cycle of the closed relation") {
  Exec x(3);
  x.edge("po", 0, 1).edge("rf", 1, 2).edge("co", 2, 0);
  const Violation v = explain("let ob = (po | rf | co)+\nirreflexive ob as external\n", x);
  CHECK(v.check == "external");
  CHECK(v.events == std::vector<std::size_t>{0, 1, 2});
  // ob relates every pair both ways here: symmetric, so it orders nothing and
  // is left out of the labels.
  CHECK(edge_at(v, 1, 2).labels == std::vector<std::string>{"rf"});
}

TEST_CASE("explain: composite edges are spelled out unless only barriers lie in between") {
  Exec x(4);
  x.add("W", {0, 3}).add("R", {1}).add("F", {2});
  // 0 -rf-> 1 -po-> 3 -co-> 0, and 0 -po-> 2 (a barrier) -po-> 3.
  x.edge("rf", 0, 1).edge("po", 1, 3).edge("co", 3, 0).edge("po", 0, 2).edge("po", 2, 3).edge("po", 0, 3);
  const Violation v = explain("let obs = rf; po\nacyclic obs | co as c\n", x);
  CHECK(v.events == std::vector<std::size_t>{0, 1, 3});
  CHECK(edge_at(v, 0, 1).labels == std::vector<std::string>{"rf"});
  CHECK(edge_at(v, 1, 3).labels == std::vector<std::string>{"po"});
  const Violation b = explain("let bob = [W]; po; [F]; po; [W]\nacyclic bob | co as c\n", x);
  CHECK(b.events == std::vector<std::size_t>{0, 3});
  CHECK(edge_at(b, 0, 3).labels == std::vector<std::string>{"bob", "po"});
}

TEST_CASE("explain: irreflexive of a sequence is spelled out through its factors") {
  Exec x(2);
  x.add("R", {0}).add("W", {1});
  x.edge("po", 0, 1).edge("rf", 1, 0);
  const Violation v = explain("irreflexive [R]; po; [W]; rf as coRW\n", x);
  CHECK(v.check == "coRW");
  CHECK(v.events == std::vector<std::size_t>{0, 1});
  CHECK(edge_at(v, 0, 1).labels == std::vector<std::string>{"po"});
  CHECK(edge_at(v, 1, 0).labels == std::vector<std::string>{"rf"});
}

TEST_CASE("explain: empty checks show one pair; consistent candidates have no explanation") {
  Exec x(3);
  x.edge("rmw", 0, 2).edge("rf", 1, 2);
  const Violation v = explain("let bad = rmw & po\nempty rmw as atomic\n", x);
  CHECK(v.kind == "empty");
  CHECK(v.events == std::vector<std::size_t>{0, 2});
  CHECK(edge_at(v, 0, 2).labels == std::vector<std::string>{"rmw"});
  const CompiledModel ok = compile(load("acyclic po as ok\n"), {});
  Evaluator ev(ok);
  CHECK_FALSE(ev.explain(x.base).has_value());
}

TEST_CASE("explain: with every enumeration choice failing, the choice with the shortest cycle") {
  Exec x(5);
  x.add("IF", {0}).add("IC.IVAU", {3});
  // The first choice, IC-after 3 -> 0, closes 3 -> 0 -> 1 -> 2 -> 3 (four
  // edges); the second, 0 -> 3, closes 0 -> 3 -> 4 -> 0 (three).
  x.edge("po", 0, 1).edge("po", 1, 2).edge("rf", 2, 3).edge("co", 3, 4).edge("co", 4, 0);
  const char* model =
      "with IC-after from orient(IC.IVAU * IF, 0)\n"
      "let ob = po | rf | co | IC-after\n"
      "acyclic ob as external\n";
  const Violation v = explain(model, x);
  CHECK(v.check == "external");
  CHECK(v.events == std::vector<std::size_t>{0, 3, 4});
  CHECK(edge_at(v, 0, 3).labels == std::vector<std::string>{"IC-after", "ob"});
  REQUIRE(v.choice.size() == 1);
  CHECK(v.choice[0].name == "IC-after");
  CHECK(v.choice[0].pairs == Pairs{{0, 3}});
  // The plain verdict is unchanged by explaining.
  const CompiledModel cm = compile(load(model), {});
  Evaluator ev(cm);
  (void)ev.explain(x.base);
  CHECK_FALSE(ev(x.base).consistent);
}

TEST_CASE("passing_choice and relation_values") {
  Exec x(2);
  x.add("IC.IVAU", {0}).add("IF", {1});
  x.edge("po", 1, 0);
  const char* model =
      "with IC-after from orient(IC.IVAU * IF, 0)\n"
      "let ob = po | IC-after\n"
      "acyclic ob as external\n";
  const CompiledModel cm = compile(load(model), {});
  Evaluator ev(cm);
  const auto choice = ev.passing_choice(x.base);
  REQUIRE(choice.size() == 1);
  CHECK(choice[0].name == "IC-after");
  CHECK(choice[0].pairs == Pairs{{1, 0}});
  // Every branch, checks ignored: both orientations.
  auto values = ev.relation_values(x.base, "ob");
  REQUIRE(values.size() == 2);
  std::sort(values.begin(), values.end());
  CHECK(values[0] == Pairs{{0, 1}, {1, 0}});
  CHECK(values[1] == Pairs{{1, 0}});
  CHECK(ev.relation_values(x.base, "po") == std::vector<Pairs>{Pairs{{1, 0}}, Pairs{{1, 0}}});
  CHECK(ev.relation_values(x.base, "no-such-name").empty());
  CHECK(ev(x.base).consistent);
}

TEST_CASE("Model names survive compilation only where checks use them") {
  const char* model =
      "let used = po | rf\n"
      "let unused = co\n"
      "acyclic used as c\n";
  Exec x(2);
  x.edge("po", 0, 1).edge("co", 0, 1);
  const CompiledModel cm = compile(load(model), {});
  Evaluator ev(cm);
  CHECK(ev.relation_values(x.base, "used") == std::vector<Pairs>{Pairs{{0, 1}}});
  // "unused" is not in the compiled model; "co" is still a base relation.
  CHECK(ev.relation_values(x.base, "unused").empty());
  CHECK(ev.relation_values(x.base, "co") == std::vector<Pairs>{Pairs{{0, 1}}});
}
