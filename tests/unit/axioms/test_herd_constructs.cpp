// herd constructs the Linux-kernel memory model needs: tags, try-with,
// let rec in expressions, and `with x from cross(...)` over single edges.
#include "helpers.hpp"

using namespace axtest;

TEST_CASE("enum: each tag is the base set named after it, capitalised") {
  Exec x(2);
  x.add("Rcu-lock", {0}).add("ONCE", {1});
  const std::string m = "enum B = 'rcu-lock || 'ONCE || 'no-such-tag\ninstructions F[B]\n";
  CHECK_FALSE(run(m + "empty Rcu-lock as a", x).consistent);
  CHECK_FALSE(run(m + "empty ONCE as a", x).consistent);
  CHECK(run(m + "empty No-such-tag as a", x).consistent);
  CHECK(load_error("instructions F[Nope]") == "test.cat:1:1: error: unknown enumeration 'Nope'");
}

TEST_CASE("try e with e': the alternative when e does not resolve") {
  Exec x(2);
  x.edge("po", 0, 1);
  CHECK(run("let r = try nothing-here with 0\nempty r as e", x).consistent);
  CHECK_FALSE(run("let r = try po with 0\nempty r as e", x).consistent);
}

TEST_CASE("let rec ... in inside an expression reaches its fixpoint") {
  Exec x(3);
  x.edge("po", 0, 1).edge("po", 1, 2);
  const std::string m = "let t = let rec a = po | (a ; po) in a\nempty t \\ (po+) as same\n";
  CHECK(run(m, x).consistent);
  CHECK_FALSE(run("let t = let rec a = po | (a ; po) in a\nempty t \\ po as more", x).consistent);
}

TEST_CASE("with x from cross(...): one edge per event of the family") {
  // Writes 0 and 1, reads 2 and 3: each read picks one write.
  Exec x(4);
  x.add("W", {0, 1}).add("R", {2, 3});
  const std::string m =
      "let one p = p ++ 0\n"
      "let cands e = (W * {e})\n"
      "let fam = let g e = map one (cands e) in map g R\n"
      "with pick from cross(fam)\n";
  // Some choice has both reads reading write 0 ...
  CHECK(run(m + "empty pick \\ (W * R) as inside\nempty pick & ({} * {}) as x", x).consistent);
  // ... every choice gives each read exactly one write.
  CHECK_FALSE(run(m + "empty pick as none", x).consistent);
  CHECK(run(m + "empty (pick ; pick^-1) \\ id as one-write-per-read\nempty pick \\ (W * R) as ok", x).consistent);
}

TEST_CASE("unsupported herd set constructs are positioned") {
  CHECK(load_error("let x = po ++ 0") ==
        "test.cat:1:9: error: unsupported construct '++' (only 'p ++ 0' for a pair p of a mapped relation)");
  CHECK(load_error("let x = {po}") ==
        "test.cat:1:10: error: unsupported construct 'explicit set' (only of events bound by 'map')");
}
