// --format json|jsonl rendering, witness/explanation text and DOT output.
#include <doctest/doctest.h>

#include <string>

#include "typed_values.hpp"
#include "xmcheck/frontend/report_dot.hpp"
#include "xmcheck/frontend/report_herd.hpp"
#include "xmcheck/frontend/report_json.hpp"
#include "xmcheck/frontend/report_witness.hpp"

using namespace xmcheck::frontend;
using xmcheck::checker::Explanation;
using xmcheck::checker::FinalState;
using xmcheck::checker::TestResult;
using xmcheck::checker::StateValue;
using xmcheck::checker::Witness;
using xmcheck::checker::WitnessEvent;
using Q = xmcheck::litmus::Condition::Quantifier;

namespace {

/// A two-thread MP-like witness: init write, P0 write, P1 read.
Witness small_witness() {
  Witness w;
  using K = WitnessEvent::Kind;
  auto event = [](int id, int thread, int instance, K kind) {
    WitnessEvent e;
    e.id = id;
    e.thread = thread;
    e.instance = instance;
    e.kind = kind;
    return e;
  };
  auto access = [&](int id, int thread, int instance, K kind, int loc, const std::string& name,
                    StateValue v) {
    WitnessEvent e = event(id, thread, instance, kind);
    e.location = loc;
    e.location_name = name;
    e.value = std::move(v);
    return e;
  };
  StateValue nop;  // an instruction value that prints as NOP in any syntax
  nop.kind = StateValue::Kind::Instr;
  auto instr = std::make_shared<xmcheck::litmus::Instruction>();
  instr->arch = xmcheck::litmus::kCDialect;
  instr->mnemonic = "NOP";
  nop.instr = instr;
  WitnessEvent isb = event(3, 1, 1, K::Fence);
  isb.set_name = "ISB";
  isb.context_synchronizing = true;
  WitnessEvent ic = event(5, 0, 1, K::CacheOp);
  ic.set_name = "IC.IVAU";
  ic.location = 1;
  ic.location_name = "P1:L0";
  ic.cache_maintenance = true;
  w.events = {access(0, -1, 0, K::InitialWrite, 0, "x", StateValue::integer(0)),
              access(1, 0, 0, K::Write, 0, "x", StateValue::integer(1)),
              access(2, 1, 0, K::Read, 0, "x", StateValue::integer(0)),
              isb,
              access(4, 1, 2, K::Fetch, 1, "P1:L0", nop),
              ic};
  w.edges = {{2, 3, "po"}, {0, 2, "rf"}, {0, 4, "rf"}, {0, 1, "co"}, {2, 1, "fr"}};
  return w;
}

TestResult sample(Q q = Q::Exists) {
  TestResult r;
  r.name = "MP";
  r.quantifier = q;
  r.condition = xmcheck::test::condition("exists (1:X0=0)");
  r.observed = xmcheck::test::locs({"1:X0", "[x]"});
  r.states = {FinalState{xmcheck::test::vals({"0", "1"}), true, small_witness()},
              FinalState{xmcheck::test::vals({"1", "1"}), false, std::nullopt}};
  r.positive = 1;
  r.negative = 1;
  r.validated = true;
  r.variants = {"ifetch"};
  r.model = "AArch64 ifetch";
  r.flags = {"CMODX"};
  return r;
}

}  // namespace

TEST_CASE("a checked test becomes one JSON object with keys in the documented order") {
  const Json j = result_to_json(sample(), {"t/MP.litmus", "AArch64", "arm64", false, 12.5, std::nullopt});
  std::vector<std::string> keys;
  for (const auto& item : j.items()) keys.push_back(item.key());
  CHECK(keys == std::vector<std::string>{"file", "name", "architecture", "target", "model", "variants",
                                         "condition", "observed", "states", "result", "loop",
                                         "validated", "verdict", "kind", "positive", "negative",
                                         "observation", "flags", "undefined_behaviour", "deadlocks", "explanations",
                                         "timed_out"});
  CHECK(j["deadlocks"] == Json::array());  // always present
  CHECK(j["architecture"] == "AArch64");
  CHECK(j["target"] == "arm64");
  CHECK(j["condition"]["quantifier"] == "exists");
  CHECK(j["states"][0]["values"]["1:X0"] == "0");
  CHECK(j["states"][0]["values"]["[x]"] == "1");
  CHECK(j["states"][0]["satisfies_condition"] == true);
  CHECK(j["states"][0]["witness"]["events"].size() == 6);
  CHECK(j["states"][0]["witness"]["edges"][1] == Json{{"from", 0}, {"to", 2}, {"relation", "rf"}});
  CHECK_FALSE(j["states"][1].contains("witness"));
  CHECK(j["result"] == "Ok");
  CHECK(j["verdict"] == "Allowed");
  CHECK(j["observation"] == "Sometimes");
  CHECK_FALSE(j.contains("stats"));  // deterministic without --stats
}

TEST_CASE("the verdict follows the quantifier and Ok/No; a timeout is Unknown") {
  auto r = sample(Q::NotExists);
  CHECK(verdict_word(r) == "Forbidden");
  r.validated = false;
  CHECK(verdict_word(r) == "Allowed");
  r.quantifier = Q::Forall;
  CHECK(verdict_word(r) == "Forbidden");
  r.validated = true;
  CHECK(verdict_word(r) == "Required");
  // An Allowed reached only by undefined (CMODX-flagged) executions says so
  // in the table; other verdicts and JSON's verdict keep their word.
  r.quantifier = Q::Exists;
  r.asked_state_undefined = true;
  CHECK(verdict_word(r) == "Allowed");
  CHECK(table_verdict_word(r) == "Allowed (CMODX violated)");
  CHECK(result_to_json(r, {"t/MP.litmus", "AArch64", "arm64", false, 1.0, std::nullopt})["undefined_behaviour"] == true);
  r.validated = false;
  CHECK(table_verdict_word(r) == "Forbidden");
  r.quantifier = Q::Forall;
  // A wait that can hang is marked beside any verdict.
  r.deadlocks = {xmcheck::checker::Deadlock{0, 1, "h"}};
  CHECK(verdict_word(r) == "Forbidden");
  CHECK(table_verdict_word(r) == "Forbidden (deadlock)");
  CHECK(result_to_json(r, {"t/D.litmus", "C", "x86", false, 1.0, std::nullopt})["deadlocks"] ==
        Json::array({Json{{"waiter", 0}, {"target", 1}, {"handler", "h"}}}));
  CHECK(format_herd(r).find("\nDeadlock P0 waits for P1 (h, interrupts masked)\nCondition ") != std::string::npos);
  r.quantifier = Q::Exists;
  r.validated = true;
  r.asked_state_undefined = true;
  CHECK(table_verdict_word(r) == "Allowed (CMODX violated, deadlock)");
  r.deadlocks.clear();
  r.quantifier = Q::Forall;
  r.validated = true;
  r.asked_state_undefined = false;
  r.timed_out = true;
  CHECK(verdict_word(r) == "Unknown");
  CHECK(result_word(r) == "Unknown");
  CHECK(format_herd(r).find("\nUnknown\nWitnesses\n") != std::string::npos);
}

TEST_CASE("--stats adds a stats object; an expect record is kept") {
  const Json expect = Json{{"status", "pass"}};
  const Json j = result_to_json(sample(), {"t/MP.litmus", "AArch64", "arm64", true, 1.23456, expect});
  CHECK(j["stats"]["time_ms"] == doctest::Approx(1.235));
  CHECK(j["stats"].contains("solver_calls"));
  CHECK(j["expect"]["status"] == "pass");
}

TEST_CASE("a rejected test is an object with the positioned error") {
  const Json j = error_to_json("bad.litmus", "bad.litmus:3:7: error: unknown instruction", 2,
                               std::nullopt);
  CHECK(j.dump() ==
        R"({"file":"bad.litmus","error":"bad.litmus:3:7: error: unknown instruction","exit_code":2})");
}

TEST_CASE("array elements are indented by two spaces; jsonl is one line") {
  const Json j = Json{{"a", 1}, {"b", Json::array({1, 2})}};
  CHECK(format_json_element(j) == "  {\n    \"a\": 1,\n    \"b\": [\n      1,\n      2\n    ]\n  }");
  CHECK(format_json_line(j) == R"({"a":1,"b":[1,2]})");
}

TEST_CASE("witness lines: threads in order, po implied, fetch split from rf, cmo and cse") {
  CHECK(format_witness_lines(small_witness()) ==
        "  | init: e0 W[x]=0\n"
        "  | P0: e1 W[x]=1, e5 IC.IVAU[P1:L0]\n"
        "  | P1: e2 R[x]=0, e3 ISB, e4 IF[P1:L0]=NOP\n"
        "  | rf: e0->e2\n"
        "  | fetch: e0->e4\n"
        "  | co: e0->e1\n"
        "  | fr: e2->e1\n"
        "  | cmo: e5 IC.IVAU[P1:L0]\n"
        "  | cse: e3 ISB\n");
  CHECK(format_witness_lines(Witness{}) == "  | (no witness)\n");
}

TEST_CASE("a cycle is printed from its first edge; parallel edges merge; else edge by edge") {
  Witness w = small_witness();
  w.edges = {{1, 2, "rfe"}, {2, 1, "fr"}, {1, 2, "ob"}};
  CHECK(format_cycle(w) == "e1:W[x]=1 -rfe|ob-> e2:R[x]=0 -fr-> e1:W[x]=1");
  w.edges = {{0, 1, "co"}, {2, 3, "po"}};
  CHECK(format_cycle(w) == "e0:W[x]=0 -co-> e1:W[x]=1; e2:R[x]=0 -po-> e3:ISB");
}

TEST_CASE("--explain text follows the result block") {
  auto r = sample();
  Explanation ex;
  ex.values = xmcheck::test::vals({"0", "1"});
  ex.check = "external";
  ex.cycle = small_witness();
  ex.cycle.edges = {{0, 2, "rf"}, {2, 0, "fr"}};
  r.explanations = {ex};
  CHECK(format_explanations(r) ==
        "Explanation MP 1:X0=0; [x]=1;\n  check external\n"
        "  cycle e0:W[x]=0 -rf-> e2:R[x]=0 -fr-> e0:W[x]=0\n\n");
  const Json j = result_to_json(r, {"MP.litmus", "AArch64", "arm64", false, 0, std::nullopt});
  CHECK(j["explanations"][0]["check"] == "external");
  CHECK(j["explanations"][0]["text"] == "e0:W[x]=0 -rf-> e2:R[x]=0 -fr-> e0:W[x]=0");
}

TEST_CASE("DOT: one cluster per state and per thread, escaped labels, unique file stems") {
  const std::string dot = format_dot(sample());
  CHECK(dot.rfind("digraph \"MP\" {\n", 0) == 0);
  CHECK(dot.find("subgraph \"cluster_s1\"") != std::string::npos);
  CHECK(dot.find("subgraph \"cluster_s1P1\"") != std::string::npos);
  CHECK(dot.find("s1e0 -> s1e4 [label=\"fetch\", color=purple") != std::string::npos);
  CHECK(dot.find("s1e2 -> s1e3 [label=\"po\"") != std::string::npos);
  CHECK(dot.find("s2none [label=\"(no witness)\"") != std::string::npos);
  CHECK(dot.find("\"Test MP Allowed\\nexists (1:X0=0)\\nmodel: AArch64 ifetch\"") !=
        std::string::npos);
  DotWriter writer("/tmp/xmcheck-unit-dot", false);
  CHECK(writer.stem_for("MP+dmb.st") == "MP+dmb.st");
  CHECK(writer.stem_for("MP+dmb.st") == "MP+dmb.st.2");
  CHECK(writer.stem_for("a/b c") == "a_b_c");
}
