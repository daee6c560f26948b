// Interrupts and IPIs of the C dialect: the interrupt budget, the traces that
// take interrupts, and the search's matching of IPI sends with interrupt
// entries (every active send served by exactly one entry of its target running
// its handler, every active entry serving exactly one send).
#include <set>

#include "candidate_search.hpp"
#include "c_unfold_support.hpp"
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

using Unfolded = UnfoldedC;

Unfolded unfold_c(const char* text) { return unfold_c_with(text, arm64_table(), "arm64"); }

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

namespace {

// Deadlocks (docs/c-dialect.md, "Deadlocks"): P0 waits for h on P1, which
// ends with its interrupts masked.
const char* const kMaskedTarget = R"(C masked-target
{ int x = 0; int y = 0; }
void h(void) { WRITE_ONCE(x, 1); }
P0(int *x) { int r0; smp_call_function_single(1, h, 1); r0 = READ_ONCE(*x); }
P1(int *y) { local_irq_disable(); WRITE_ONCE(*y, 1); }
exists (0:r0=0)
)";

TestResult check_arm64(const std::string& text) {
  CheckOptions opts;
  opts.target = *litmus::arch_by_id("arm64");
  opts.lowering = &arm64_table();
  return check(parse(text), aarch64_model(), opts);
}

std::vector<Deadlock> deadlocks_of(const std::string& text) { return check_arm64(text).deadlocks; }

}  // namespace

TEST_CASE("deadlocks: a wait may hang, a trace records whether it ends with interrupts masked") {
  const Unfolded x = unfold_c(kMaskedTarget);
  // P0's ordinary traces wait (then read 0 or 1); its hung trace stops after the send.
  REQUIRE(x.u.traces[0].size() == 2);
  for (const auto& t : x.u.traces[0]) {
    CHECK(shape(t) == "SAR");
    CHECK(t.hung_sends.empty());
  }
  REQUIRE(x.u.hung_traces[0].size() == 1);
  CHECK(shape(x.u.hung_traces[0][0]) == "S");
  CHECK(x.u.hung_traces[0][0].hung_sends == std::vector<int>{0});
  CHECK_FALSE(x.u.hung_traces[0][0].irqs_masked_at_end);  // it spins with interrupts enabled
  // P1 takes h before masking, or never: both end masked.
  for (const auto& t : x.u.traces[1]) CHECK(t.irqs_masked_at_end);
  CHECK(x.u.hung_traces[1].empty());
}

TEST_CASE("deadlocks: the search leaves a hung wait's send unserved only for a masked target") {
  const Unfolded x = unfold_c(kMaskedTarget);
  Unfolding all = x.u;
  all.traces[0].push_back(x.u.hung_traces[0][0]);
  SmtContext smt;
  const Deadline unlimited(0);
  std::size_t skeletons = 0;
  (void)enumerate_deadlock_skeletons(smt, x.c.prog, all, [&](const Skeleton& sk) {
    ++skeletons;
    CHECK(sk.trace_of_proc[0] == 2);  // always the hung trace
    CHECK(sk.ipi.empty());            // its send unserved...
    const Trace& target = all.traces[1][static_cast<std::size_t>(sk.trace_of_proc[1])];
    CHECK(target.irqs_masked_at_end);
    CHECK(shape(target) == "W");      // ... so P1 took no interrupt
    return Blocking{};
  }, unlimited);
  CHECK(skeletons == 1);
}

TEST_CASE("deadlocks: reported beside the states of the executions that complete") {
  const TestResult r = check_arm64(kMaskedTarget);
  CHECK(r.deadlocks == std::vector<Deadlock>{Deadlock{0, 1, "h"}});
  // The ordinary result is unchanged: P1 served h before masking.
  CHECK(r.states.size() == 1);
  CHECK_FALSE(r.validated);
}

TEST_CASE("deadlocks: none when the target re-enables interrupts or the sender does not wait") {
  CHECK(deadlocks_of(R"(C reenabled
{ int x = 0; int y = 0; }
void h(void) { WRITE_ONCE(x, 1); }
P0(int *x) { int r0; smp_call_function_single(1, h, 1); r0 = READ_ONCE(*x); }
P1(int *y) { local_irq_disable(); WRITE_ONCE(*y, 1); local_irq_enable(); }
exists (0:r0=0)
)").empty());
  CHECK(deadlocks_of(R"(C nowait
{ int x = 0; int y = 0; }
void h(void) { WRITE_ONCE(x, 1); }
P0(int *x) { int r0; smp_call_function_single(1, h, 0); r0 = READ_ONCE(*x); }
P1(int *y) { WRITE_ONCE(*y, 1); local_irq_disable(); }
exists (0:r0=0)
)").empty());
}

TEST_CASE("deadlocks: only executions that exist count") {
  // P1 masks only after reading a flag P0 writes after its wait: a hung P0
  // never writes it, so P1 then ends with interrupts enabled.
  CHECK(deadlocks_of(R"(C flag-after-wait
{ int flag = 0; }
void h(void) { }
P0(int *flag) { smp_call_function_single(1, h, 1); WRITE_ONCE(*flag, 1); }
P1(int *flag) { int r; r = READ_ONCE(*flag); if (r == 1) { local_irq_disable(); } }
exists (1:r=1)
)").empty());
  // Written before the send, the flag can be read and the wait hangs.
  CHECK(deadlocks_of(R"(C flag-before-wait
{ int flag = 0; }
void h(void) { }
P0(int *flag) { WRITE_ONCE(*flag, 1); smp_call_function_single(1, h, 1); }
P1(int *flag) { int r; r = READ_ONCE(*flag); if (r == 1) { local_irq_disable(); } }
exists (1:r=1)
)") == std::vector<Deadlock>{Deadlock{0, 1, "h"}});
  // P1 masks only on message passing's forbidden outcome (full barriers on
  // both sides): the model rejects every such execution.
  CHECK(deadlocks_of(R"(C mp-forbidden
{ int x = 0; int y = 0; }
void h(void) { }
P0(int *x, int *y) { WRITE_ONCE(*x, 1); smp_mb(); WRITE_ONCE(*y, 1); smp_call_function_single(1, h, 1); }
P1(int *x, int *y) { int r1; int r2; r1 = READ_ONCE(*y); smp_mb(); r2 = READ_ONCE(*x); if (r1 == 1 && r2 == 0) { local_irq_disable(); } }
exists (1:r1=1 /\ 1:r2=0)
)").empty());
}

TEST_CASE("deadlocks: two CPUs waiting for each other with interrupts masked") {
  // kernel/smp.c warns (WARN_ON_ONCE(irqs_disabled())) because of exactly this.
  CHECK(deadlocks_of(R"(C cross
{ int x = 0; }
void h(void) { }
P0(int *x) { local_irq_disable(); smp_call_function_single(1, h, 1); local_irq_enable(); WRITE_ONCE(*x, 1); }
P1(void) { local_irq_disable(); smp_call_function_single(0, h, 1); local_irq_enable(); }
exists (x=1)
)") == std::vector<Deadlock>{Deadlock{0, 1, "h"}, Deadlock{1, 0, "h"}});
}

TEST_CASE("deadlocks: a broadcast waits only for the targets that end masked") {
  // smp_call_function: P1 re-enables its interrupts, P2 does not.
  CHECK(deadlocks_of(R"(C broadcast
{ int x = 0; }
void h(void) { }
P0(void) { smp_call_function(h, 1); }
P1(int *x) { local_irq_disable(); WRITE_ONCE(*x, 1); local_irq_enable(); }
P2(int *x) { local_irq_disable(); WRITE_ONCE(*x, 2); }
exists (x=1)
)") == std::vector<Deadlock>{Deadlock{0, 2, "h"}});
  // kick_all_cpus_sync (the prelude's smp_call_function(do_nothing, 1)).
  CHECK(deadlocks_of(R"(C kick
{ int x = 0; }
P0(void) { kick_all_cpus_sync(); }
P1(int *x) { local_irq_disable(); WRITE_ONCE(*x, 1); }
exists (x=1)
)") == std::vector<Deadlock>{Deadlock{0, 1, "do_nothing"}});
}

/// Handlers that IPI each other without waiting: a chain without end.
const char* const kPingPong = R"(C pingpong
{ int n = 0; }
void pong(void) { smp_call_function_single(0, ping, 0); }
void ping(void) { smp_call_function_single(1, pong, 0); }
P0(void) { smp_call_function_single(1, pong, 0); }
P1(void) { }
exists (n=0)
)";

TEST_CASE("IPI chains: a handler's send counts towards its target's budget, bounded by --unroll") {
  const Unfolded relay = unfold_c(R"(C relay
{ int z = 0; }
void work(void) { WRITE_ONCE(z, 1); }
void relay(void) { smp_call_function_single(2, work, 0); }
P0(void) { smp_call_function_single(1, relay, 1); }
P1(void) { }
P2(void) { }
exists (z=1)
)");
  const int work = relay.c.find_function("work");
  REQUIRE(work >= 0);
  CHECK(relay.u.irq_budget.at(2).at(work) == 1);  // P1 relays P0's one IPI
  CHECK_FALSE(relay.u.loop_cut);
  bool relayed = false;
  for (const auto& t : relay.u.traces[1])
    for (const auto& e : t.events)
      if (e.kind == EventKind::IpiSend) {
        CHECK(e.from_handler);
        CHECK(e.target == 2);
        relayed = true;
      }
  CHECK(relayed);
  // A ping-pong never ends: the chain stops at the bound (2), and says so.
  const Unfolded pingpong = unfold_c(kPingPong);
  const int ping = pingpong.c.find_function("ping");
  const int pong = pingpong.c.find_function("pong");
  CHECK(pingpong.u.irq_budget.at(0).at(ping) == 2);
  CHECK(pingpong.u.irq_budget.at(1).at(pong) == 3);  // P0's own send and two chained
  CHECK(pingpong.u.loop_cut);
}

TEST_CASE("IPI chains: no choice balances an endless ping-pong, so there is no execution and no solver call") {
  const TestResult r = check_arm64(kPingPong);
  CHECK(r.states.empty());
  CHECK(r.loop_bound_hit);
  CHECK(r.stats.solver_calls == 0);
}

TEST_CASE("nested interrupts: only a handler that enables interrupts is interrupted") {
  const char* const text = R"(C nested
{ int cnt = 0; }
void inc(void) { int r; r = READ_ONCE(cnt); local_irq_enable(); WRITE_ONCE(cnt, r + 1); }
P0(void) { smp_call_function_single(2, inc, 1); }
P1(void) { smp_call_function_single(2, inc, 1); }
P2(void) { }
exists (cnt=1)
)";
  const Unfolded x = unfold_c(text);
  std::set<std::string> shapes;
  for (const auto& t : x.u.traces[2]) shapes.insert(shape(t));
  CHECK(shapes.contains("IRIRWJWJ"));  // the second entry inside the first handler
  CHECK(check_arm64(text).validated);  // an update is lost
  std::string masked(text);
  masked.erase(masked.find(" local_irq_enable();"), std::string(" local_irq_enable();").size());
  const Unfolded y = unfold_c(masked.c_str());
  for (const auto& t : y.u.traces[2]) CHECK(shape(t).find("IRI") == std::string::npos);
  CHECK_FALSE(check_arm64(masked.c_str()).validated);
}
