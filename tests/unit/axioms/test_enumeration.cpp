#include "helpers.hpp"

using namespace axtest;
using xmcheck::diag::ErrorKind;

TEST_CASE("orient: a single undecided pair yields both orientations") {
  Exec x(2);
  x.add("IF", {0}).add("IC.IVAU", {1});
  x.edge("po", 1, 0);
  // Only the orientation 1 -> 0 is compatible with po.
  const char* model =
      "with after from orient(IC.IVAU * IF, 0)\n"
      "acyclic po | after as ok\n"
      "flag ~empty after & po as same-as-po\n";
  const Verdict v = run(model, x);
  CHECK(v.consistent);
  CHECK(v.flags == std::vector<std::string>{"same-as-po"});
  x.edge("po", 0, 1);  // now both orientations close a cycle
  const Verdict bad = run(model, x);
  CHECK_FALSE(bad.consistent);
  CHECK(bad.failed_check == "ok");
}

TEST_CASE("orient: FIXED decides pairs it orders, in either direction") {
  Exec x(2);
  x.add("IF", {0}).add("IC.IVAU", {1});
  x.edge("rf", 0, 1);  // fixes 0 -> 1 (the reverse of the pair)
  x.edge("co", 1, 0);  // not a candidate pair relation: irrelevant
  CHECK(run("with a from orient(IC.IVAU * IF, rf)\nempty a \\ rf as only-fixed\n~empty a as nonempty", x)
            .consistent);
  CHECK(run("with a from orient(IC.IVAU * IF, rf)\nempty a & (IC.IVAU * IF) as not-pair", x).consistent);
}

TEST_CASE("orient: consistent iff some choice passes; flags union over passing choices") {
  Exec x(4);
  x.add("IC.IVAU", {0, 1}).add("IF", {2, 3});
  // Pairs: 0-2 and 1-3 (no FIXED). Four choices.
  x.edge("loc", 0, 2).edge("loc", 1, 3);
  x.add("A", {0}).add("L", {3});  // markers for single events
  Exec y = x;
  const char* m1 =
      "let P = (IC.IVAU * IF) & loc\n"
      "with c from orient(P, 0)\n"
      "flag ~empty c & (IC.IVAU * IF) as forward\n"
      "flag ~empty c & (IF * IC.IVAU) as backward\n";
  const Verdict all = run(m1, y);
  CHECK(all.consistent);
  CHECK(all.flags == std::vector<std::string>{"backward", "forward"});
  // Some passing choice raises neither: no flag is raised by every branch.
  CHECK(all.flags_in_every_branch.empty());
  // Only the all-forward choice passes: its flags alone are reported.
  const char* m2 =
      "let P = (IC.IVAU * IF) & loc\n"
      "with c from orient(P, 0)\n"
      "empty c & (IF * IC.IVAU) as forward-only\n"
      "flag ~empty c & (IC.IVAU * IF) as forward\n"
      "flag ~empty c & (IF * IC.IVAU) as backward\n";
  const Verdict one = run(m2, y);
  CHECK(one.consistent);
  CHECK(one.flags == std::vector<std::string>{"forward"});
  CHECK(one.flags_in_every_branch == std::vector<std::string>{"forward"});
  // Exactly one mixed choice passes: 0 -> 2 and 3 -> 1.
  const char* m3 =
      "let P = (IC.IVAU * IF) & loc\n"
      "with c from orient(P, 0)\n"
      "~empty [A] ; c as zero-forward\n"
      "~empty [L] ; c as three-backward\n"
      "flag ~empty c ; [IF] as some-forward\n"
      "flag ~empty [IF] ; c as some-backward\n"
      "flag empty [L] ; c as three-forward\n";
  const Verdict mixed = run(m3, y);
  CHECK(mixed.consistent);
  CHECK(mixed.flags == std::vector<std::string>{"some-backward", "some-forward"});
  CHECK(mixed.flags_in_every_branch == mixed.flags);  // one passing choice
}

TEST_CASE("orient: the rest of the model sees each choice, nested enumerations") {
  Exec x(4);
  x.add("IC.IVAU", {0}).add("IF", {1}).add("DC.CVAU", {2}).add("W", {3});
  x.edge("po", 0, 3);
  // c1 orients 0-1, c2 orients 2-3; the check needs 1 -> 0 and 3 -> 2 and uses po.
  const char* model =
      "with c1 from orient(IC.IVAU * IF, 0)\n"
      "let mid = c1 | po\n"
      "with c2 from orient(DC.CVAU * W, 0)\n"
      "empty ([IC.IVAU] ; c1) as if-first\n"
      "empty ([DC.CVAU] ; c2) as w-first\n"
      "acyclic mid | c2 as ok\n"
      "flag ~empty c1 ; po as fetch-then-po\n";
  const Verdict v = run(model, x);
  CHECK(v.consistent);
  CHECK(v.flags == std::vector<std::string>{"fetch-then-po"});
  // Make the only admissible choice cyclic: 3 -> 2 plus po 2 -> 3.
  x.edge("po", 2, 3);
  const Verdict bad = run(model, x);
  CHECK_FALSE(bad.consistent);
  CHECK(bad.failed_check == "ok");
}

TEST_CASE("orient: an enumeration nothing uses does not multiply work or change results") {
  Exec x(2);
  x.add("IC.IVAU", {0}).add("IF", {1});
  const Verdict v = run("with c from orient(IC.IVAU * IF, 0)\nacyclic po as ok", x);
  CHECK(v.consistent);
}

TEST_CASE("orient: too many undecided pairs is reported") {
  Exec x(60);
  for (std::size_t i = 0; i < 30; ++i) x.add("IC.IVAU", {i});
  for (std::size_t i = 30; i < 60; ++i) x.add("IF", {i});
  const auto e = error_of([&] { (void)run("with c from orient(IC.IVAU * IF, 0)\nacyclic c as ok", x); });
  CHECK(e.kind() == ErrorKind::Unsupported);
  CHECK(e.formatted().find("test.cat:1:1: error: unsupported construct 'orient' with 900 undecided pairs") == 0);
}

// From 4 open pairs the evaluator forces the orientations whose other
// direction alone fails a persistent check (docs/design.md, "Pruning
// orientations"); the verdict and flags must be those of the full walk.
TEST_CASE("orient: pruned enumeration keeps verdict, flags and every-branch flags") {
  Exec x(6);
  x.add("IC.IVAU", {0}).add("IF", {1, 2, 3, 4, 5});
  x.edge("po", 1, 0).edge("po", 0, 2);  // pair 0-1 only backward, pair 0-2 only forward
  x.edge("po", 3, 4);                    // 0->3 with 4->0 closes a cycle: two pairs together
  const char* model =
      "with c from orient(IC.IVAU * IF, 0)\n"
      "acyclic po | c as ok\n"
      "flag ~empty c & (IF * IC.IVAU) as backward\n"
      "flag ~empty c & (IC.IVAU * IF) as forward\n"
      "flag ~empty c & (IC.IVAU * (IF & domain(po))) as forward-to-3\n";
  const Verdict v = run(model, x);
  CHECK(v.consistent);
  CHECK(v.flags == std::vector<std::string>{"backward", "forward", "forward-to-3"});
  CHECK(v.flags_in_every_branch == std::vector<std::string>{"backward", "forward"});
  x.edge("po", 0, 1);  // now pair 0-1 closes a cycle both ways
  const Verdict bad = run(model, x);
  CHECK_FALSE(bad.consistent);
  CHECK(bad.failed_check == "ok");
}
