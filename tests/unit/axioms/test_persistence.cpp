// Persistence analysis (persistence.cpp) and Evaluator::refutes_extensions():
// which checks stay violated when a sub-execution grows, and the evaluation
// that uses only those.
#include "helpers.hpp"

using namespace axtest;

namespace {

bool can_refute(const std::string& text) {
  const CompiledModel m = compile(load(text), {});
  Evaluator ev(m);
  return ev.can_refute_extensions();
}

bool refutes(const std::string& text, const Exec& x) {
  const CompiledModel m = compile(load(text), {});
  Evaluator ev(m);
  return ev.refutes_extensions(x.base);
}

/// Events 0 -> 1 -> 0: a cycle through po one way and rf the other.
Exec po_rf_cycle() {
  Exec x(2);
  x.edge("po", 0, 1).edge("rf", 1, 0);
  return x;
}

}  // namespace

TEST_CASE("a cycle of growing relations refutes every extension") {
  CHECK(can_refute("acyclic po | rf as c"));
  CHECK(refutes("acyclic po | rf as c", po_rf_cycle()));
  CHECK_FALSE(refutes("acyclic po | rf as c", Exec(2)));
}

TEST_CASE("a check over a complement or difference of a growing relation does not persist") {
  // ~rf shrinks when rf gains edges from left-out threads: its violation may vanish.
  Exec x(2);
  x.edge("po", 0, 1);
  CHECK_FALSE(refutes("acyclic po | (~rf & ext) as c", x));
  CHECK_FALSE(refutes("empty po \\ rf as c", x));
  // ... but the plain evaluation still fails it.
  CHECK_FALSE(run("empty po \\ rf as c", x).consistent);
  // Subtracting a stable relation is fine.
  CHECK(refutes("empty po \\ loc as c", x));
}

TEST_CASE("negated checks, flags and the final-write set do not persist") {
  Exec x(2);
  x.add("FW", {0}).add("W", {0});
  CHECK_FALSE(refutes("~empty rf as c", x));  // violated here, not necessarily later
  CHECK_FALSE(refutes("empty FW as c", x));
  CHECK(refutes("empty W as c", x));
  CHECK_FALSE(refutes("flag ~empty W as f", x));
}

TEST_CASE("a sequence of stable relations is stable only through a thread-local step") {
  // (loc; loc) may pass through a left-out event: it only grows, so
  // subtracting it is not allowed; (po; po) stays within threads of S.
  Exec x(2);
  x.edge("po", 0, 1).edge("loc", 0, 1);
  CHECK(refutes("empty loc \\ (po; po) as c", x));
  CHECK_FALSE(refutes("empty loc \\ (loc; loc) as c", x));
}

TEST_CASE("orient enumerations of growing arguments persist; others disable refutation") {
  CHECK(can_refute("with o from orient(loc, po)\nacyclic o | rf as c"));
  CHECK_FALSE(can_refute("with o from orient(loc, ~rf)\nacyclic o | rf as c"));
  // Every orientation of the pair closes a cycle with rf: refuted.
  Exec x(2);
  x.edge("loc", 0, 1).edge("loc", 1, 0).edge("rf", 0, 1).edge("rf", 1, 0);
  CHECK(refutes("with o from orient(loc, po)\nacyclic o | rf as c", x));
  // One orientation passes when rf goes one way only.
  Exec y(2);
  y.edge("loc", 0, 1).edge("loc", 1, 0).edge("rf", 0, 1);
  CHECK_FALSE(refutes("with o from orient(loc, po)\nacyclic o | rf as c", y));
}

TEST_CASE("the shipped architecture models can refute extensions under every variant") {
  // The checker's core blocking depends on it (the IPI benchmark needs it).
  const std::string dir = std::string(XMCHECK_AXIOMS_TEST_DATA) + "/../../../../axioms";
  for (const char* file : {"arm64/aarch64.cat", "x86/x86.cat", "x86/x86-tso.cat"}) {
    const std::string path = dir + "/" + file;
    const Model m = load_model(path, {path.substr(0, path.rfind('/'))});
    for (const auto& vs : std::vector<std::vector<std::string>>{{}, {"DIC", "IDC"}, {"ExS"}, {"ExS", "EIS", "EOS"}}) {
      const CompiledModel c = compile(m, VariantSet(vs));  // must outlive the evaluator
      Evaluator ev(c);
      CHECK_MESSAGE(ev.can_refute_extensions(), file);
    }
  }
}
