// Flag locality (flag_locality.cpp) and the evaluator calls of the exact-flag
// search (docs/design.md, "Exact flags"): which flags can be looked for one
// set of threads at a time, and Evaluator::may_raise_within().
#include <algorithm>

#include "helpers.hpp"

using namespace axtest;

namespace {

struct Judged {
  CompiledModel model;
  Evaluator ev;
  explicit Judged(const std::string& text) : model(compile(load(text), {})), ev(model) {}
  bool local() { return ev.flag_is_local(0); }
};

EventSet events(std::size_t n, std::initializer_list<std::size_t> es) {
  EventSet s(n);
  for (auto e : es) s.insert(e);
  return s;
}

}  // namespace

TEST_CASE("a stable relation minus a growing one shrinks: its flag is local") {
  CHECK(Judged("flag ~empty (loc & (IF * W)) \\ (po | rf) as f").local());
  CHECK(Judged("flag ~empty (IF * W) \\ (rf; po)^-1 as f").local());
  CHECK(Judged("flag ~empty W \\ IW as f").local());  // a set: stable
}

TEST_CASE("flags over growing values, paths or plain emptiness are not local") {
  CHECK_FALSE(Judged("flag ~empty rf as f").local());              // grows: a member may appear later
  CHECK_FALSE(Judged("flag ~empty (loc; loc) \\ po as f").local());  // a path may leave the threads
  CHECK_FALSE(Judged("flag ~empty rf \\ po as f").local());           // X itself grows
  CHECK_FALSE(Judged("flag empty W as f").local());                 // raised by emptiness
}

TEST_CASE("a subtracted value that does not grow is replaced by its growing part") {
  // po \ rf shrinks as rf grows: X = loc \ (po \ rf) does not shrink, but it
  // lies within X+ = loc, which does (RISC-V's ppo rule 2 has this shape).
  CHECK(Judged("flag ~empty loc \\ (po \\ rf) as f").local());
  Judged j("flag ~empty loc \\ ((po \\ rf) | rf) as f");  // X+ = loc \ rf
  CHECK(j.local());
  Exec x(2);
  x.edge("loc", 0, 1).edge("rf", 0, 1).edge("po", 0, 1);
  EventSet both(2);
  both.insert(0);
  both.insert(1);
  CHECK_FALSE(j.ev.may_raise_within(x.base, both, std::vector<bool>{true}));  // rf orders it in X+ too
  x.rel("rf").clear();
  CHECK(j.ev.may_raise_within(x.base, both, std::vector<bool>{true}));
}

TEST_CASE("a set reached through a stable relation from stable events is local with an anchor") {
  // range([A]; loc): the writes to a location some A-event touches. Shrinks
  // only while every A-event stays, so A is an anchor.
  Judged j("flag ~empty loc & (IF * (W & range([A]; loc))) \\ po as f");
  CHECK(j.local());
  Exec x(3);
  x.add("IF", {0}).add("W", {1}).add("A", {2}).edge("loc", 0, 1).edge("loc", 2, 1);
  const auto ends = j.ev.flag_ends(x.base, events(3, {2}));
  REQUIRE(ends.anchored.size() == 1);
  CHECK(ends.anchored[0]);
  CHECK_FALSE(j.ev.flag_ends(x.base, events(3, {0, 1})).anchored[0]);
}

TEST_CASE("flag ends: the rectangle sides each event set meets") {
  Judged j("flag ~empty (IF * W | W * IF) \\ rf as f");
  Exec x(3);
  x.add("IF", {0}).add("W", {1, 2});
  const auto fetch = j.ev.flag_ends(x.base, events(3, {0}));
  const auto write = j.ev.flag_ends(x.base, events(3, {1}));
  REQUIRE(fetch.sides.size() == 1);
  REQUIRE(fetch.sides[0].size() == 2);  // IF * W, W * IF
  CHECK(fetch.sides[0][0] == std::array<bool, 2>{true, false});
  CHECK(fetch.sides[0][1] == std::array<bool, 2>{false, true});
  CHECK(write.sides[0][0] == std::array<bool, 2>{false, true});
  CHECK(write.sides[0][1] == std::array<bool, 2>{true, false});
}

TEST_CASE("may_raise_within: members inside the events only, on branches passing persistent checks") {
  Judged j("acyclic po | rf as c\nflag ~empty (IF * W) \\ rf^-1 as f");
  const std::vector<bool> wanted{true};
  Exec x(3);
  x.add("IF", {0}).add("W", {1, 2}).edge("rf", 1, 0);
  // (0, 2) is a member; (0, 1) is not (rf orders it).
  CHECK(j.ev.may_raise_within(x.base, events(3, {0, 2}), wanted));
  CHECK_FALSE(j.ev.may_raise_within(x.base, events(3, {0, 1}), wanted));
  CHECK_FALSE(j.ev.may_raise_within(x.base, events(3, {0, 1}), std::vector<bool>{false}));
  // A failing persistent check leaves no branch to raise it.
  x.edge("po", 0, 1);
  CHECK_FALSE(j.ev.may_raise_within(x.base, events(3, {0, 1, 2}), wanted));
}

TEST_CASE("the shipped models' CMODX flags are local (RISC-V's through X+: its ppo subtracts rf)") {
  const std::string dir = std::string(XMCHECK_AXIOMS_TEST_DATA) + "/../../../../axioms";
  const std::vector<std::pair<const char*, const char*>> flags{
      {"arm64/aarch64.cat", "violates-CMODX-requirements"},
      {"x86/x86.cat", "unsynchronized-cross-modifying-code"},
      {"powerpc/ppc.cat", "violates-CMODX-requirements"},
      {"riscv/riscv.cat", "violates-CMODX-requirements"}};
  for (const auto& entry : flags) {  // no structured binding: clang 14 cannot capture one
    const std::string file = entry.first;
    const std::string flag = entry.second;
    const std::string path = dir + "/" + file;
    const Model m = load_model(path, {path.substr(0, path.rfind('/'))});
    const CompiledModel c = compile(m, {});
    Evaluator ev(c);
    const auto& names = ev.flag_names();
    const auto at = std::find(names.begin(), names.end(), flag);
    REQUIRE_MESSAGE(at != names.end(), file);
    CHECK_MESSAGE(ev.flag_is_local(static_cast<std::size_t>(at - names.begin())), file);
  }
}
