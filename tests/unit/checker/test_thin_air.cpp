// Values out of thin air (checker/src/thin_air.hpp, value_cycles.hpp): which
// reads may return one, which paths survive it, and which skeletons are
// rejected before any model. The expectations are herd7's symbolic values:
// every read is a solver variable, reads-from adds "read = value written",
// a variable only a cycle of copies fixes stays free and is printed (S8),
// an equation herd cannot solve drops the candidate (herd/mem.ml,
// when_unsolved), and lib/symbValue.ml computes v + 0 = v, v | 0 = v,
// v ^ v = 0 and (v == v) = 1 on an unknown v.
#include <set>
#include <string>

#include "c_unfold_support.hpp"
#include "thin_air.hpp"
#include "value_cycles.hpp"
#include "xmcheck/checker/lowering.hpp"

namespace {

using namespace cktest;

const LoweringTable& plain_table() {
  static const LoweringTable t = parse_lowering(
      "READ_ONCE(*X) = R(X)\n"
      "WRITE_ONCE(*X, V) = W(X, V)\n"
      "arch lkmm\n",
      "plain.lower");
  return t;
}

UnfoldedC unfold_c(const char* text) { return unfold_c_with(text, plain_table(), "lkmm", true); }

bool may_read_thin_air(const UnfoldedC& x, const char* loc) {
  const auto& dom = x.u.domains.at(static_cast<std::size_t>(loc_id(x.c.prog, loc)));
  return std::find(dom.begin(), dom.end(), Val::thin_air()) != dom.end();
}

/// Each trace of `proc` as its events' values ("R0 W0", "RS WS": S thin air).
std::set<std::string> value_shapes(const UnfoldedC& x, int proc) {
  std::set<std::string> out;
  for (const auto& t : x.u.traces.at(static_cast<std::size_t>(proc))) {
    std::string s;
    for (const auto& e : t.events) {
      if (e.kind != EventKind::Read && e.kind != EventKind::Write) continue;
      s += s.empty() ? "" : " ";
      s += e.kind == EventKind::Read ? 'R' : 'W';
      s += e.value.is_thin_air() ? std::string("S") : std::to_string(e.value.v);
    }
    out.insert(s);
  }
  return out;
}

/// The trace of `proc` whose first event reads `v`.
int trace_reading(const UnfoldedC& x, int proc, Val v) {
  const auto& traces = x.u.traces.at(static_cast<std::size_t>(proc));
  for (std::size_t i = 0; i < traces.size(); ++i)
    if (traces[i].events.at(0).value == v) return static_cast<int>(i);
  FAIL("no trace of P" << proc << " reads that value");
  return -1;
}

/// Two threads of two events (read, then write), each read from the other
/// thread's write (`from_init`: from the initial write instead).
Skeleton crossed(const UnfoldedC& x, Val v, bool from_init = false) {
  Skeleton sk;
  sk.trace_of_proc = {trace_reading(x, 0, v), trace_reading(x, 1, v)};
  sk.rf_source = {{from_init ? EventRef{-1, 0} : EventRef{1, 1}, {}}, {from_init ? EventRef{-1, 1} : EventRef{0, 1}, {}}};
  return sk;
}

constexpr const char* kCopies = R"(C copies
{ }
P0(int *x, int *y) { int r1; r1 = *x; *y = r1; }
P1(int *x, int *y) { int r1; r1 = *y; *x = r1; }
exists (0:r1=1)
)";

}  // namespace

TEST_CASE("thin air: herd's simplifications on an unknown value, and nothing else") {
  const Val s = Val::thin_air();
  const Val zero = Val::integer(0);
  const Val one = Val::integer(1);
  CHECK(thin_air_result(ThinAirOp::Add, s, zero) == s);
  CHECK(thin_air_result(ThinAirOp::Add, zero, s) == s);
  CHECK(thin_air_result(ThinAirOp::Or, s, zero) == s);
  CHECK(thin_air_result(ThinAirOp::Xor, s, s) == zero);
  CHECK(thin_air_result(ThinAirOp::Eq, s, s) == one);
  CHECK(thin_air_result(ThinAirOp::Ne, s, s) == zero);
  CHECK_FALSE(thin_air_result(ThinAirOp::Add, s, one).has_value());
  CHECK_FALSE(thin_air_result(ThinAirOp::Eq, s, one).has_value());
  CHECK_FALSE(thin_air_result(ThinAirOp::Xor, s, zero).has_value());
  CHECK_FALSE(thin_air_result(ThinAirOp::Other, s, zero).has_value());  // herd has no v - 0 rule
  CHECK_FALSE(decided_equal(s, zero).has_value());
  CHECK(decided_equal(s, s) == true);
  CHECK(decided_equal(one, zero) == false);
  CHECK(Val::thin_air() < Val::integer(-5));  // herd sorts unknown values before constants
}

TEST_CASE("thin air: a cycle of copies may carry it, and each thread copies it") {
  const UnfoldedC x = unfold_c(kCopies);
  CHECK(may_read_thin_air(x, "x"));
  CHECK(may_read_thin_air(x, "y"));
  CHECK(value_shapes(x, 0) == std::set<std::string>{"R0 W0", "RS WS"});
  CHECK(value_shapes(x, 1) == std::set<std::string>{"R0 W0", "RS WS"});
}

TEST_CASE("thin air: not without the engine's option (asm tests, per-thread helpers)") {
  const UnfoldedC x = unfold_c_with(kCopies, plain_table(), "lkmm", false);
  CHECK_FALSE(may_read_thin_air(x, "x"));
  CHECK(value_shapes(x, 0) == std::set<std::string>{"R0 W0"});
}

TEST_CASE("thin air: no cycle, no thin air") {
  const UnfoldedC x = unfold_c(R"(C one-way
{ }
P0(int *x, int *y) { int r1; r1 = *x; *y = r1; }
P1(int *x) { *x = 1; }
exists (0:r1=1)
)");
  CHECK_FALSE(may_read_thin_air(x, "x"));
  CHECK_FALSE(may_read_thin_air(x, "y"));
}

TEST_CASE("thin air: a cycle through arithmetic or a test is no copy: the path is dropped") {
  // herd: y = x + 1 and x = y leave an equation it cannot solve; likewise the
  // branch's r1 == 1. The greatest fixpoint then leaves every domain concrete.
  for (const char* code : {"*y = r1 + 1;", "*y = r1 - 0;", "if (r1 == 1) *z = 1; *y = r1;", "*y = r1 & 0;"}) {
    const std::string text = std::string("C arith\n{ }\nP0(int *x, int *y, int *z) { int r1; r1 = *x; ") + code +
                             " }\nP1(int *x, int *y) { int r1; r1 = *y; *x = r1; }\nexists (0:r1=1)\n";
    CAPTURE(code);
    const UnfoldedC x = unfold_c(text.c_str());
    CHECK_FALSE(may_read_thin_air(x, "x"));
    CHECK_FALSE(may_read_thin_air(x, "y"));
  }
}

TEST_CASE("thin air: herd's identities keep the copy (v + 0, 0 | v, a register copy)") {
  for (const char* code : {"*y = r1 + 0;", "*y = 0 | r1;", "r2 = r1; *y = r2;"}) {
    const std::string text = std::string("C ident\n{ }\nP0(int *x, int *y) { int r1; int r2; r1 = *x; ") + code +
                             " }\nP1(int *x, int *y) { int r1; r1 = *y; *x = r1; }\nexists (0:r1=1)\n";
    CAPTURE(code);
    const UnfoldedC x = unfold_c(text.c_str());
    CHECK(may_read_thin_air(x, "x"));
    CHECK(value_shapes(x, 0).contains("RS WS"));
  }
}

TEST_CASE("value cycles: concrete values around a cycle of copies are rejected, thin air is not") {
  const UnfoldedC x = unfold_c(kCopies);
  CHECK(has_concrete_value_cycle(x.u, crossed(x, Val::integer(0))));
  CHECK_FALSE(has_concrete_value_cycle(x.u, crossed(x, Val::thin_air())));
  CHECK_FALSE(has_concrete_value_cycle(x.u, crossed(x, Val::integer(0), true)));
}

TEST_CASE("value cycles: v ^ v depends on no read's value (herd computes 0 before solving)") {
  const UnfoldedC x = unfold_c(R"(C xor
{ }
P0(int *x, int *y) { int r1; r1 = *x; *y = (r1 ^ r1) + 1; }
P1(int *x, int *y) { int r1; r1 = *y; *x = r1; }
exists (0:r1=1)
)");
  const int p0 = trace_reading(x, 0, Val::integer(1));
  const Trace& t = x.u.traces[0][static_cast<std::size_t>(p0)];
  CHECK(t.value_flow.empty());
  CHECK(t.data.size() == 1);  // herd's data dependency stays
  Skeleton sk = crossed(x, Val::integer(1));
  CHECK_FALSE(has_concrete_value_cycle(x.u, sk));  // y = 1 is a constant: x = 1 is justified
}
