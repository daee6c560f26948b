#include "helpers.hpp"

using namespace axtest;
using xmcheck::diag::ErrorKind;

namespace {
// Message passing: 0:W x=1, 1:W y=1 | 2:R y, 3:R x ; 4: initial write of x.
Exec mp(bool reads_new_x) {
  Exec x(5);
  x.add("W", {0, 1, 4}).add("R", {2, 3}).add("IW", {4});
  x.edge("po", 0, 1).edge("po", 2, 3);
  x.edge("rf", 1, 2);
  x.edge("co", 4, 0);
  if (reads_new_x) x.edge("rf", 0, 3);
  else x.edge("rf", 4, 3);
  return x;
}
}  // namespace

constexpr const char* kSC =
    "\"SC\"\n"
    "let fr = rf^-1 ; co\n"
    "acyclic po | rf | fr as sc\n";

TEST_CASE("evaluate: sequential consistency on message passing") {
  const Verdict ok = run(kSC, mp(true));
  CHECK(ok.consistent);
  CHECK(ok.failed_check.empty());
  const Verdict bad = run(kSC, mp(false));
  CHECK_FALSE(bad.consistent);
  CHECK(bad.failed_check == "sc");
}

TEST_CASE("evaluate: operators on hand-built values") {
  Exec x(3);
  x.add("R", {0}).add("W", {1, 2});
  x.edge("po", 0, 1).edge("po", 1, 2).edge("po", 0, 2);
  CHECK(run("empty ([R] ; po ; [W]) \\ (R * W) as a", x).consistent);
  CHECK(run("~empty [R] ; po as a", x).consistent);
  CHECK_FALSE(run("empty [R] ; po as a", x).consistent);
  CHECK(run("empty (domain(po) \\ (R | W)) as a", x).consistent);
  CHECK(run("empty range(po) \\ W as a", x).consistent);
  CHECK(run("empty (po^-1 ; po^-1) \\ (po ; po)^-1 as a", x).consistent);
  CHECK(run("~empty (po ; po) & id^-1 | po as a", x).consistent);
  CHECK(run("irreflexive po+ as a\n~irreflexive po* as b\n~irreflexive po? as c", x).consistent);
  CHECK(run("empty ~(~po) \\ po as a\nempty ~_ as b\nempty ~(_ | R) as c", x).consistent);
  CHECK(run("empty (_ * _) \\ (_ ; _) as a\n~empty _ as b\nempty {} | W \\ W as c\nempty 0 ; po as d", x).consistent);
  CHECK(run("~acyclic po | po^-1 as a", x).consistent);
  CHECK_FALSE(run("~acyclic po as a", x).consistent);
  CHECK(run("let f(a, b) = [a] ; po ; [b]\nempty f(R, W) \\ po as a\n~empty f(R, W) as b", x).consistent);
  CHECK(run("let x = let y = po in y ; y\n~empty x as a", x).consistent);
}

TEST_CASE("evaluate: checks stop at the first failure and name it") {
  Exec x(2);
  x.edge("po", 0, 1).edge("rf", 1, 0);
  const Verdict v = run("acyclic po as first\nacyclic po | rf as second\nacyclic rf as third", x);
  CHECK_FALSE(v.consistent);
  CHECK(v.failed_check == "second");
}

TEST_CASE("evaluate: let rec computes the least fixpoint") {
  Exec x(5);
  for (std::size_t i = 0; i + 1 < 5; ++i) x.edge("po", i, i + 1);
  x.add("W", {4});
  // Transitive closure by recursion equals po+.
  CHECK(run("let rec t = po | t ; t\nempty t \\ po+ as a\nempty po+ \\ t as b", x).consistent);
  // Mutual recursion.
  CHECK(run("let rec a = po | b ; po and b = a\nempty a \\ po+ as x\nempty po+ \\ b as y", x).consistent);
  // A set defined recursively: events that reach a write.
  CHECK(run("let rec s = W | domain(po ; [s])\nempty (_ \\ s) as all", x).consistent);
  // Least, not greatest: a self-loop stays empty.
  CHECK(run("let rec z = z\nempty z as e", x).consistent);
  CHECK(run("let rec z = z ; po\nempty z as e", x).consistent);
}

TEST_CASE("evaluate: a non-monotone let rec stops as herd's does, when a sweep adds nothing") {
  Exec x(2);
  // z: {} -> everything -> {} (included in the previous value: stop).
  CHECK(run("let a = po\n\nlet rec z = ~z\nempty z as e", x).consistent);
}

TEST_CASE("evaluate: let rec bindings see the new values of earlier ones in the same sweep (herd's order)") {
  // The LKMM's rcu-rscs shape: lock/unlock pairs matched innermost first.
  // L1 U1 L2 U2 in program order; `matched` must pair L1-U1 and L2-U2,
  // never L1-U2. Evaluating every binding from the previous sweep's values
  // (Jacobi) also matches L1-U2, which `matched | ...` then keeps.
  Exec x(4);
  for (std::size_t a = 0; a < 4; ++a)
    for (std::size_t b = a + 1; b < 4; ++b) x.edge("po", a, b);
  x.add("R", {0, 2}).add("W", {1, 3});
  const std::string m =
      "let rcu = let rec\n"
      "    ul = R \\ domain(matched)\n"
      "and uu = W \\ range(matched)\n"
      "and un = ul | uu\n"
      "and upo = [un] ; po ; [un]\n"
      "and l2u = [ul] ; po ; [uu]\n"
      "and matched = matched | (l2u \\ (upo ; upo))\n"
      "in matched\n";
  CHECK(run(m + "empty rcu \\ (po \\ (po ; po)) as no-crossing\n"
                "empty ((po \\ (po ; po)) & (R * W)) \\ rcu as both-matched\n",
            x)
            .consistent);
}

TEST_CASE("evaluate: variants in expressions") {
  Exec x(2);
  x.edge("po", 0, 1).edge("rf", 1, 0);
  const char* model =
      "let extra = if \"DIC\" then rf else 0\n"
      "let more = if not \"DIC\" && \"IDC\" then rf else 0\n"
      "let any = if \"A\" || (\"B\") then rf else 0\n"
      "acyclic po | extra as one\n"
      "acyclic po | more as two\n"
      "acyclic po | any as three\n";
  CHECK(run(model, x).consistent);
  const Verdict dic = run(model, x, VariantSet({"dic"}));
  CHECK_FALSE(dic.consistent);
  CHECK(dic.failed_check == "one");
  CHECK(run(model, x, VariantSet({"DIC", "IDC"})).failed_check == "one");
  CHECK(run(model, x, VariantSet({"IDC"})).failed_check == "two");
  CHECK(run(model, x, VariantSet({"b"})).failed_check == "three");
}

TEST_CASE("evaluate: top-level if blocks select definitions and checks") {
  Exec x(2);
  x.edge("po", 0, 1).edge("rf", 1, 0);
  const char* model =
      "let r = po\n"
      "if \"V\"\n"
      "  let r = po | rf\n"
      "  acyclic rf as only-v\n"
      "else\n"
      "  let unused = rf\n"
      "end\n"
      "acyclic r as main\n";
  CHECK(run(model, x).consistent);
  const Verdict v = run(model, x, VariantSet({"v"}));
  CHECK_FALSE(v.consistent);
  CHECK(v.failed_check == "main");
  const auto checks = load(model).checks();
  CHECK(checks.size() == 2);
}

TEST_CASE("evaluate: flags never filter and are reported when their test holds") {
  Exec x(2);
  x.edge("po", 0, 1).add("W", {0});
  const char* model =
      "flag ~empty po as has-po\n"
      "flag ~empty rf as has-rf\n"
      "flag empty rf as no-rf\n"
      "flag ~empty W as has-w\n"
      "flag ~acyclic po as cyclic\n"
      "acyclic po as ok\n";
  const Verdict v = run(model, x);
  CHECK(v.consistent);
  CHECK(v.flags == std::vector<std::string>{"has-po", "has-w", "no-rf"});
  // Flags of a failing candidate are not reported.
  x.edge("po", 1, 0);
  const Verdict bad = run(model, x);
  CHECK_FALSE(bad.consistent);
  CHECK(bad.flags.empty());
}

TEST_CASE("evaluate: an Evaluator is reusable across sizes") {
  const CompiledModel cm = compile(load(kSC), {});
  Evaluator ev(cm);
  for (int round = 0; round < 3; ++round) {
    CHECK(ev(mp(true).base).consistent);
    CHECK_FALSE(ev(mp(false).base).consistent);
    Exec big(70);
    for (std::size_t i = 0; i + 1 < 70; ++i) big.edge("po", i, i + 1);
    CHECK(ev(big.base).consistent);
    big.edge("rf", 69, 0);
    CHECK_FALSE(ev(big.base).consistent);
  }
}
