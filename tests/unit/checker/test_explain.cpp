// CheckOptions::explain: for the states a condition asks about that the model
// forbids, the failing check and a cycle whose edges really are in the named
// relations of a candidate execution (re-derived here, independently of the
// explainer, by enumerating the candidates and evaluating those relations).
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "checker_test_support.hpp"
#include "execution.hpp"
#include "explain_test_support.hpp"
#include "observation.hpp"
#include "witness_builder.hpp"

using namespace cktest;

namespace {

CheckOptions explaining() {
  CheckOptions o;
  o.explain = true;
  return o;
}

std::string event_key(const WitnessEvent& e) {
  return "P" + std::to_string(e.thread) + "." + std::to_string(e.instance) + " " + xmcheck::frontend::event_kind_text(e) + " " +
         xmcheck::frontend::event_text(e);
}

/// The variants check() turns on for `test` (ifetch, CacheType).
axioms::VariantSet variants_of(const litmus::LitmusTest& test) {
  axioms::VariantSet vs;
  vs.enable("ifetch");
  for (const auto& m : test.meta)
    if (m.key == "CacheType") {
      if (m.value.find("DIC") != std::string::npos) {
        vs.enable("DIC");
        vs.enable("IDC");
      }
      if (m.value.find("IDC") != std::string::npos) vs.enable("IDC");
    }
  return vs;
}

/// Every (relation, from, to) among `relations` in any branch of any candidate
/// execution of `test`, events named by event_key().
std::set<std::tuple<std::string, std::string, std::string>> candidate_edges(
    const litmus::LitmusTest& test, const std::set<std::string>& relations) {
  Program prog = lower(test);
  Observation obs(test, prog);
  const Unfolding u = unfold(prog, 2);
  const axioms::CompiledModel cm = axioms::compile(aarch64_model(), variants_of(test));
  axioms::Evaluator ev(cm);
  std::set<std::tuple<std::string, std::string, std::string>> out;
  for (const Skeleton& sk : all_skeletons(prog, u)) {
    Execution ex(prog, u, sk);
    std::vector<std::vector<int>> co = ex.writes_per_loc();
    for (auto& w : co) std::sort(w.begin() + 1, w.end());
    const WitnessBuilder wb(prog, obs, ex);
    std::function<void(std::size_t)> rec = [&](std::size_t l) {
      if (l < co.size()) {
        do rec(l + 1);
        while (std::next_permutation(co[l].begin() + 1, co[l].end()));
        return;
      }
      const auto& base = ex.with_coherence(co);
      for (const auto& rel : relations)
        for (const auto& branch : ev.relation_values(base, rel))
          for (const auto& [a, b] : branch)
            out.emplace(rel, event_key(wb.describe(a)), event_key(wb.describe(b)));
    };
    rec(0);
  }
  return out;
}

/// Checks that every edge of every explanation of `r` is in a candidate of `test`.
void check_edges_exist(const litmus::LitmusTest& test, const TestResult& r) {
  std::set<std::string> rels;
  for (const auto& e : r.explanations)
    for (const auto& edge : e.cycle.edges) rels.insert(edge.relation);
  const auto edges = candidate_edges(test, rels);
  for (const auto& e : r.explanations)
    for (const auto& edge : e.cycle.edges) {
      const std::string a = event_key(e.cycle.events.at(static_cast<std::size_t>(edge.from)));
      const std::string b = event_key(e.cycle.events.at(static_cast<std::size_t>(edge.to)));
      INFO(r.name << ": " << a << " -" << edge.relation << "-> " << b);
      CHECK(edges.count({edge.relation, a, b}) == 1);
    }
}

bool is_model_check(const std::string& name) {
  for (const auto& c : aarch64_model().checks())
    if (c.name == name) return true;
  return false;
}

std::string describe(const Explanation& e) {
  std::string out = e.check + ":";
  for (const auto& v : e.values) out += " " + xmcheck::frontend::value_text(v);
  out += "\n" + render(e.cycle);
  for (const auto& c : e.choice) out += "choice " + std::to_string(c.from) + " -" + c.relation + "-> " +
                                        std::to_string(c.to) + "\n";
  return out;
}

const std::string kStaleFetch =
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

}  // namespace

TEST_CASE("explain: a stale fetch after full cache maintenance is forbidden by a cycle through IC-after") {
  const TestResult r = run(kStaleFetch, explaining());
  CHECK_FALSE(r.validated);
  REQUIRE(r.explanations.size() == 1);
  const Explanation& e = r.explanations[0];
  INFO(describe(e));
  CHECK(texts(r, e.values) == std::vector<std::string>{"1", "0"});
  CHECK(e.check == "external");
  CHECK(is_model_check(e.check));
  bool via_fetch = false;
  for (const auto& edge : e.cycle.edges)
    via_fetch |= edge.relation == "IC-after" || edge.relation == "fetch-ob" ||
                 e.cycle.events[static_cast<std::size_t>(edge.from)].kind == WitnessEvent::Kind::Fetch;
  CHECK(via_fetch);
  // Hops are consecutive in cycle order and the cycle closes.
  std::set<std::pair<int, int>> hops;
  for (const auto& edge : e.cycle.edges) hops.emplace(edge.from, edge.to);
  const int n = static_cast<int>(e.cycle.events.size());
  CHECK(static_cast<int>(hops.size()) == n);
  for (int i = 0; i < n; ++i) CHECK(hops.count({i, (i + 1) % n}) == 1);
  check_edges_exist(parse(kStaleFetch), r);
}

TEST_CASE("explain: MP with barriers names the check and a cycle of real edges") {
  const std::string mp =
      "AArch64 MP+dmb.st+dmb.ld\n{ 0:X1=x; 0:X3=y; 1:X1=x; 1:X3=y; }\n"
      " P0          | P1          ;\n"
      " MOV W0,#1   | LDR W0,[X3] ;\n"
      " STR W0,[X1] | DMB LD      ;\n"
      " DMB ST      | LDR W2,[X1] ;\n"
      " STR W0,[X3] |             ;\n"
      "exists (1:X0=1 /\\ 1:X2=0)\n";
  const TestResult r = run(mp, explaining());
  REQUIRE(r.explanations.size() == 1);
  const Explanation& e = r.explanations[0];
  INFO(describe(e));
  CHECK(e.check == "external");
  CHECK(e.cycle.events.size() == 4);  // W x, W y, R y, R x
  CHECK(has_edge(e.cycle, event(e.cycle, 0, "W[y]=1"), event(e.cycle, 1, "R[y]=1"), "rf"));
  CHECK(has_edge(e.cycle, event(e.cycle, 1, "R[x]=0"), event(e.cycle, 0, "W[x]=1"), "fr"));
  CHECK(has_edge(e.cycle, event(e.cycle, 0, "W[x]=1"), event(e.cycle, 0, "W[y]=1"), "bar-ob"));
  check_edges_exist(parse(mp), r);
}

TEST_CASE("explain: reachable states are not explained; unproducible ones say no-candidate") {
  const std::string mp =
      "AArch64 MP\n{ 0:X1=x; 0:X3=y; 1:X1=x; 1:X3=y; }\n"
      " P0          | P1          ;\n"
      " MOV W0,#1   | LDR W0,[X3] ;\n"
      " STR W0,[X1] | LDR W2,[X1] ;\n"
      " STR W0,[X3] |             ;\n";
  CHECK(run(mp + "exists (1:X0=1 /\\ 1:X2=0)\n", explaining()).explanations.empty());
  const TestResult none = run(mp + "exists (1:X0=5)\n", explaining());
  REQUIRE(none.explanations.size() == 1);
  CHECK(none.explanations[0].check == "no-candidate");
  CHECK(none.explanations[0].values.empty());
  CHECK(none.explanations[0].cycle.events.empty());
  // forall: the falsifying states are the ones asked about.
  const TestResult all = run(mp + "forall (1:X0=0 \\/ 1:X0=1)\n", explaining());
  CHECK(all.validated);
  REQUIRE(all.explanations.size() == 1);
  CHECK(all.explanations[0].check == "no-candidate");
}

TEST_CASE("explain: every Forbidden test of the aarch64-ifetch corpus") {
  namespace fs = std::filesystem;
  const fs::path corpus = fs::path(XMCHECK_TEST_MODEL_DIR) / ".." / ".." / "shared" / "corpus" / "aarch64-ifetch";
  if (!fs::exists(corpus / "expected.tsv")) {
    MESSAGE("corpus " << corpus.string() << " not found (../shared is not part of the repository): skipped");
    return;
  }
  std::ifstream tsv(corpus / "expected.tsv");
  std::string line;
  int forbidden = 0, checked = 0, no_candidate = 0;
  while (std::getline(tsv, line)) {
    std::istringstream fields(line);
    std::string name, verdict;
    std::getline(fields, name, '\t');
    std::getline(fields, verdict, '\t');
    if (verdict != "Forbidden") continue;
    ++forbidden;
    std::ifstream in(corpus / name);
    std::stringstream text;
    text << in.rdbuf();
    const litmus::LitmusTest test = litmus::parse_string(text.str(), name);
    const TestResult r = check(test, aarch64_model(), explaining());
    INFO(name);
    CHECK(r.validated == (r.quantifier == litmus::Condition::Quantifier::NotExists));
    // Every Forbidden test: an explanation naming a check of the model, unless
    // the program itself cannot produce the state (then only "no-candidate").
    bool named = false, unproducible = false;
    for (const auto& e : r.explanations) {
      named |= is_model_check(e.check);
      unproducible |= e.check == "no-candidate";
    }
    CHECK(named != unproducible);
    if (unproducible) {
      ++no_candidate;
      CHECK(r.explanations.size() == 1);
      continue;
    }
    ++checked;
    check_edges_exist(test, r);
  }
  MESSAGE(forbidden << " Forbidden tests explained (" << no_candidate
                    << " unproducible by the program), edges re-derived for " << checked);
  CHECK(forbidden > 0);
}

