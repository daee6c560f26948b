// CheckOptions::witnesses and ::timeout_seconds: one execution per reachable
// state, its events and edges, determinism, opt-in, and the time limit.
#include <chrono>

#include "checker_test_support.hpp"
#include "explain_test_support.hpp"

using namespace cktest;

namespace {

const std::string kMp =
    "AArch64 MP\n{ 0:X1=x; 0:X3=y; 1:X1=x; 1:X3=y; }\n"
    " P0          | P1          ;\n"
    " MOV W0,#1   | LDR W0,[X3] ;\n"
    " STR W0,[X1] | DMB LD      ;\n"
    " DMB ST      | LDR W2,[X1] ;\n"
    " STR W0,[X3] |             ;\n"
    "exists (1:X0=1 /\\ 1:X2=0)\n";

CheckOptions with_witnesses() {
  CheckOptions o;
  o.witnesses = true;
  return o;
}

}  // namespace

TEST_CASE("witness: off by default, one per reachable state when asked") {
  const TestResult plain = run(kMp);
  for (const auto& s : plain.states) CHECK_FALSE(s.witness.has_value());
  CHECK(plain.explanations.empty());
  CHECK_FALSE(plain.timed_out);
  const TestResult r = run(kMp, with_witnesses());
  CHECK(states(r) == states(plain));
  for (const auto& s : r.states) CHECK(s.witness.has_value());
}

TEST_CASE("witness: events, texts and the edges of the execution reaching the state") {
  const TestResult r = run(kMp, with_witnesses());
  // The state 1:X0=1; 1:X2=1: P1 reads y=1 from P0 and then x=1 from P0.
  const FinalState* s = nullptr;
  for (const auto& st : r.states)
    if (texts(r, st.values) == std::vector<std::string>{"1", "1"}) s = &st;
  REQUIRE(s != nullptr);
  const Witness& w = *s->witness;
  // Initial writes of x and y, then P0's 3 events and P1's 3.
  CHECK(has_event(w, -1, "IW", "W[x]=0"));
  CHECK(has_event(w, -1, "IW", "W[y]=0"));
  CHECK(has_event(w, 0, "W", "W[x]=1"));
  CHECK(has_event(w, 0, "F", "DMB.ST"));
  CHECK(has_event(w, 1, "F", "DMB.LD"));
  CHECK(has_event(w, 1, "R", "R[y]=1"));
  CHECK(has_event(w, 1, "R", "R[x]=1"));
  CHECK(w.events.size() == 8);
  const WitnessEvent& wx = event(w, 0, "W[x]=1");
  CHECK(xmcheck::frontend::instruction_text(wx) == "STR W0,[X1]");
  CHECK(wx.instance == 1);
  for (std::size_t i = 0; i < w.events.size(); ++i) CHECK(w.events[i].id == static_cast<int>(i));
  CHECK(has_edge(w, event(w, 0, "W[x]=1"), event(w, 1, "R[x]=1"), "rf"));
  CHECK(has_edge(w, event(w, 0, "W[y]=1"), event(w, 1, "R[y]=1"), "rf"));
  CHECK(has_edge(w, event(w, -1, "W[x]=0"), event(w, 0, "W[x]=1"), "co"));
  // Program order: immediate successors only.
  CHECK(has_edge(w, event(w, 0, "W[x]=1"), event(w, 0, "DMB.ST"), "po"));
  CHECK(has_edge(w, event(w, 0, "DMB.ST"), event(w, 0, "W[y]=1"), "po"));
  CHECK_FALSE(has_edge(w, event(w, 0, "W[x]=1"), event(w, 0, "W[y]=1"), "po"));
  // The stale state 1:X0=0; 1:X2=0 reads y from the initial write: fr to P0's write.
  for (const auto& st : r.states)
    if (texts(r, st.values) == std::vector<std::string>{"0", "0"}) {
      const Witness& w0 = *st.witness;
      CHECK(has_edge(w0, event(w0, -1, "W[y]=0"), event(w0, 1, "R[y]=0"), "rf"));
      CHECK(has_edge(w0, event(w0, 1, "R[y]=0"), event(w0, 0, "W[y]=1"), "fr"));
    }
}

TEST_CASE("witness: fetches, their sources, cache maintenance and the IC-after choice") {
  const std::string t =
      "AArch64 MP.RF+dc-dsb-ic-dsb+ctrlisb\n"
      "{ 0:X0=NOP; 0:X1=P1:m0; 0:X2=1; 1:X2=0; 0:X3=z; 1:X3=z; 1:X9=0; }\n"
      "P0           | P1              ;\n"
      "STR W0,[X1]  |     LDR W2,[X3] ;\n"
      "DC CVAU,X1   |     CBNZ W2,l1  ;\n"
      "DSB ISH      | l1: ISB         ;\n"
      "IC IVAU,X1   | m0: B l0        ;\n"
      "DSB ISH      |     MOV W9,#1   ;\n"
      "STR W2,[X3]  | l0:             ;\n"
      "exists 1:X2=1 /\\ 1:X9=0\n";
  const TestResult r = run(t, with_witnesses());
  REQUIRE_FALSE(r.states.empty());
  const FinalState& s = r.states.back();  // 1:X2=1; 1:X9=1: the new NOP was fetched
  CHECK(texts(r, s.values) == std::vector<std::string>{"1", "1"});
  const Witness& w = *s.witness;
  CHECK(has_event(w, 0, "DC", "DC.CVAU[P1:m0]"));
  CHECK(has_event(w, 0, "IC", "IC.IVAU[P1:m0]"));
  CHECK(has_event(w, 1, "F", "ISB"));
  const WitnessEvent& fetch = event(w, 1, "IF[P1:m0]=NOP");
  CHECK(fetch.kind == WitnessEvent::Kind::Fetch);
  CHECK(xmcheck::frontend::instruction_text(fetch) == "NOP");
  CHECK(has_edge(w, event(w, 0, "W[P1:m0]=NOP"), fetch, "rf"));
  CHECK(has_edge(w, event(w, 0, "IC.IVAU[P1:m0]"), fetch, "IC-after"));
  CHECK(has_edge(w, event(w, 0, "DC.CVAU[P1:m0]"), event(w, 0, "W[P1:m0]=NOP"), "DC-after") ==
        false);  // the clean comes after the write it cleans
  CHECK(has_edge(w, event(w, 0, "W[P1:m0]=NOP"), event(w, 0, "DC.CVAU[P1:m0]"), "DC-after"));
}

TEST_CASE("witness: deterministic across runs and sessions") {
  Session shared;
  const TestResult a = check(parse(kMp), aarch64_model(), with_witnesses(), shared);
  (void)check(parse(kMp), aarch64_model(), {}, shared);  // leaves solver state behind
  const TestResult b = check(parse(kMp), aarch64_model(), with_witnesses(), shared);
  const TestResult c = run(kMp, with_witnesses());
  REQUIRE(a.states.size() == b.states.size());
  for (std::size_t i = 0; i < a.states.size(); ++i) {
    CHECK(render(*a.states[i].witness) == render(*b.states[i].witness));
    CHECK(render(*a.states[i].witness) == render(*c.states[i].witness));
  }
}

TEST_CASE("timeout: a tiny limit on a large search stops with timed_out") {
  // Four threads of four stores to x each: 16! coherence orders of x.
  std::string t = "AArch64 big\n{ 0:X1=x; 1:X1=x; 2:X1=x; 3:X1=x; }\n P0 | P1 | P2 | P3 ;\n";
  for (int i = 0; i < 4; ++i) {
    const std::string r = "W" + std::to_string(i + 2);
    t += " MOV " + r + ",#" + std::to_string(i + 1) + " | MOV " + r + ",#" + std::to_string(i + 5) + " | MOV " +
         r + ",#" + std::to_string(i + 9) + " | MOV " + r + ",#" + std::to_string(i + 13) + " ;\n";
  }
  for (int i = 0; i < 4; ++i) {
    const std::string st = "STR W" + std::to_string(i + 2) + ",[X1]";
    t += " " + st + " | " + st + " | " + st + " | " + st + " ;\n";
  }
  t += "exists [x]=1\n";
  CheckOptions o;
  o.timeout_seconds = 0.05;
  const auto start = std::chrono::steady_clock::now();
  const TestResult r = run(t, o);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(r.timed_out);
  CHECK(secs < 5.0);
  // A generous limit on a small test does not trigger.
  o.timeout_seconds = 60;
  CHECK_FALSE(run(kMp, o).timed_out);
}
