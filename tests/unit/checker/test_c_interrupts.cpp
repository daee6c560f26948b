// Interrupts and IPIs of the C dialect: the interrupt budget, the traces that
// take interrupts, and the search's matching of IPI sends with interrupt
// entries (every active send served by exactly one entry of its target running
// its handler, every active entry serving exactly one send).
#include <set>

#include "c_interpreter.hpp"
#include "c_program.hpp"
#include "candidate_search.hpp"
#include "checker_test_support.hpp"
#include "unfold.hpp"
#include "xmcheck/checker/lowering.hpp"

namespace {

using namespace cktest;

const LoweringTable& arm64_table() {
  static const LoweringTable t = load_lowering(std::string(XMCHECK_TEST_MODEL_DIR) + "/arm64/arm64.lower");
  return t;
}

const char* const kTwoSenders = R"(C two-senders
{ int cnt = 0; }
void inc(void) { WRITE_ONCE(cnt, 1); }
void other(void) { }
P0(void) { smp_call_function_single(2, inc, 1); }
P1(void) { smp_call_function_single(2, inc, 0); }
P2(int *cnt) { int r; r = READ_ONCE(*cnt); }
exists (2:r=0)
)";

struct Unfolded {
  litmus::LitmusTest test;
  CLowered c;
  Unfolding u;
};

Unfolded unfold_c(const char* text) {
  Unfolded out{parse(text), {}, {}};
  const LoweringTable& t = arm64_table();
  out.c = lower_c(out.test, *litmus::arch_by_id("arm64"), t.prelude.get(), &t.constants);
  out.u = unfold(out.c.prog, 2, nullptr,
                 [&](int proc, const std::vector<std::vector<Val>>& domains, ChoiceCursor& cursor, int unroll,
                     const IrqBudget& budget, Trace& trace) {
                   return run_c_path(out.c, t, proc, domains, cursor, unroll, budget, trace);
                 });
  return out;
}

}  // namespace

TEST_CASE("interrupt budget: the sends other threads can make to each CPU") {
  const Unfolded x = unfold_c(kTwoSenders);
  const int inc = x.c.find_function("inc");
  REQUIRE(inc >= 0);
  CHECK(x.u.irq_budget.at(2).at(inc) == 2);
  CHECK(x.u.irq_budget.at(0).empty());
  CHECK(x.u.irq_budget.at(1).empty());
  // P2: no interrupt, or one or two, before or after its read; every entry
  // is followed by the handler's write and the return.
  std::set<std::string> shapes;
  for (const auto& t : x.u.traces[2]) shapes.insert(shape(t));
  CHECK(shapes.contains("R"));
  CHECK(shapes.contains("IWJR"));
  CHECK(shapes.contains("RIWJ"));
  CHECK(shapes.contains("IWJIWJR"));
  CHECK(shapes.contains("IWJRIWJ"));
  // Senders: P0 waits (send, then ack), P1 does not.
  REQUIRE(x.u.traces[0].size() == 1);
  CHECK(shape(x.u.traces[0][0]) == "SA");
  CHECK(x.u.traces[0][0].events[0].target == 2);
  CHECK(x.u.traces[0][0].events[0].handler == inc);
  CHECK(x.u.traces[0][0].events[0].partner == 1);
  CHECK(shape(x.u.traces[1][0]) == "S");
  CHECK(x.u.traces[1][0].events[0].partner == -1);
}

TEST_CASE("IPI matching: each send served by exactly one entry and each entry by one send") {
  const Unfolded x = unfold_c(kTwoSenders);
  SmtContext smt;
  std::size_t skeletons = 0;
  std::set<std::string> p2_shapes;
  (void)enumerate_skeletons(smt, x.c.prog, x.u, [&](const Skeleton& sk) {
    ++skeletons;
    const Trace& target = x.u.traces[2][static_cast<std::size_t>(sk.trace_of_proc[2])];
    p2_shapes.insert(shape(target));
    REQUIRE(sk.ipi.size() == 2);  // both senders always send: two interrupts taken
    std::set<int> entries;
    std::set<int> senders;
    for (const auto& [send, entry] : sk.ipi) {
      const Trace& st = x.u.traces[static_cast<std::size_t>(send.proc)][static_cast<std::size_t>(sk.trace_of_proc[static_cast<std::size_t>(send.proc)])];
      const TraceEvent& se = st.events[static_cast<std::size_t>(send.index)];
      const TraceEvent& ee = target.events[static_cast<std::size_t>(entry.index)];
      CHECK(se.kind == EventKind::IpiSend);
      CHECK(ee.kind == EventKind::IrqEntry);
      CHECK(entry.proc == se.target);
      CHECK(ee.handler == se.handler);
      entries.insert(entry.index);
      senders.insert(send.proc);
    }
    CHECK(entries.size() == 2);
    CHECK(senders == std::set<int>{0, 1});
    return Blocking{};
  });
  // Traces of P2 with fewer than two interrupts are never chosen; the two
  // entries of a chosen trace are matched both ways round.
  for (const auto& s : p2_shapes) CHECK(std::count(s.begin(), s.end(), 'I') == 2);
  CHECK(p2_shapes.size() == 3);  // IWJIWJR, IWJRIWJ, RIWJIWJ
  CHECK(skeletons >= 3 * 2);  // each shape with both matchings (and the read's sources)
}
