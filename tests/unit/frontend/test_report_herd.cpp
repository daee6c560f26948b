// report_herd must reproduce herd7's result block byte for byte (minus Hash).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "typed_values.hpp"
#include "xmcheck/frontend/report_herd.hpp"

namespace {

using xmcheck::checker::FinalState;
using xmcheck::checker::TestResult;
using Q = xmcheck::litmus::Condition::Quantifier;

TestResult make(std::string name, Q q, std::string cond, std::vector<std::string> observed,
                std::vector<std::vector<std::string>> states, std::uint64_t pos,
                std::uint64_t neg, bool ok, std::vector<std::string> flags = {}) {
  TestResult r;
  r.name = std::move(name);
  r.quantifier = q;
  r.condition = xmcheck::test::condition(cond);
  r.observed = xmcheck::test::locs(observed);
  for (auto& values : states) r.states.push_back(FinalState{xmcheck::test::vals(values), false, std::nullopt});
  r.positive = pos;
  r.negative = neg;
  r.validated = ok;
  r.flags = std::move(flags);
  return r;
}

/// The corpus file without its Hash line, or "" when the corpus is absent.
std::string corpus_expected(const std::string& rel) {
  std::ifstream in(std::filesystem::path(XMCHECK_CORPUS_DIR) / rel);
  if (!in) return "";
  std::string line, out;
  while (std::getline(in, line))
    if (line.rfind("Hash=", 0) != 0) out += line + "\n";
  return out;
}

void check_against(const TestResult& r, const std::string& rel, const std::string& embedded) {
  CHECK(xmcheck::frontend::format_herd(r) == embedded);
  const std::string from_corpus = corpus_expected(rel);
  if (from_corpus.empty()) {
    MESSAGE("corpus absent, skipped comparison with " << rel);
    return;
  }
  CHECK(xmcheck::frontend::format_herd(r) == from_corpus);
}

}  // namespace

TEST_CASE("~exists swaps the Witnesses counts but not the Observation ones (A002)") {
  const auto r = make("A002", Q::NotExists, "~exists (0:X2=0)", {"0:X2"}, {{"0"}, {"1"}}, 1, 1,
                      false);
  check_against(r, "herd-AArch64.self/A002.litmus.expected",
                "Test A002 Forbidden\nStates 2\n0:X2=0;\n0:X2=1;\nNo\nWitnesses\n"
                "Positive: 1 Negative: 1\nCondition ~exists (0:X2=0)\n"
                "Observation A002 Sometimes 1 1\n\n");
}

TEST_CASE("~exists validated (A001): Positive counts the negative executions") {
  const auto r = make("A001", Q::NotExists, "~exists (0:X2=1)", {"0:X2"}, {{"0"}}, 0, 1, true);
  check_against(r, "herd-AArch64.self/A001.litmus.expected",
                "Test A001 Forbidden\nStates 1\n0:X2=0;\nOk\nWitnesses\n"
                "Positive: 1 Negative: 0\nCondition ~exists (0:X2=1)\n"
                "Observation A001 Never 0 1\n\n");
}

TEST_CASE("flags and label values (S27)") {
  const auto r = make("S27", Q::Exists, "exists (0:X3=label:\"P0:L1\" /\\ 0:X6=2)",
                      {"0:X3", "0:X6"}, {{"0", "1"}, {"label:\"P0:L1\"", "2"}}, 1, 1, true,
                      {"violates-CMODX-requirements"});
  check_against(r, "herd-AArch64.self/S27.litmus.expected",
                "Test S27 Allowed\nStates 2\n0:X3=0; 0:X6=1;\n"
                "0:X3=label:\"P0:L1\"; 0:X6=2;\nOk\nWitnesses\nPositive: 1 Negative: 1\n"
                "Flag violates-CMODX-requirements\n"
                "Condition exists (0:X3=label:\"P0:L1\" /\\ 0:X6=2)\n"
                "Observation S27 Sometimes 1 1\n\n");
}

TEST_CASE("forall: Required, Always (S04)") {
  const auto r = make("S04", Q::Forall, "forall (0:X0=0)", {"0:X0"}, {{"0"}}, 1, 0, true);
  check_against(r, "herd-AArch64.self/S04.litmus.expected",
                "Test S04 Required\nStates 1\n0:X0=0;\nOk\nWitnesses\nPositive: 1 Negative: 0\n"
                "Condition forall (0:X0=0)\nObservation S04 Always 1 0\n\n");
}

TEST_CASE("memory locations and a long name (aarch64-ifetch DIC1.S-self)") {
  const auto r = make("DIC1.S-self+dmb.st+fault", Q::Exists, "exists (1:X2=2 /\\ [x]=1)",
                      {"1:X2", "[x]"}, {{"0", "1"}, {"2", "2"}}, 0, 2, false);
  check_against(r, "aarch64-ifetch/DIC1-IDC1/DIC1.S-self+dmb.st+fault.litmus.expected",
                "Test DIC1.S-self+dmb.st+fault Allowed\nStates 2\n1:X2=0; [x]=1;\n"
                "1:X2=2; [x]=2;\nNo\nWitnesses\nPositive: 0 Negative: 2\n"
                "Condition exists (1:X2=2 /\\ [x]=1)\n"
                "Observation DIC1.S-self+dmb.st+fault Never 0 2\n\n");
}

TEST_CASE("a flag with no validated condition (DIC1.MP.FF+dmb.st+cachesync)") {
  const auto r = make("DIC1.MP.FF+dmb.st+cachesync", Q::Exists,
                      "exists (1:X10=1 /\\ 1:X11=0)", {"1:X10", "1:X11"},
                      {{"0", "0"}, {"0", "1"}, {"1", "1"}}, 0, 9, false,
                      {"Assuming-no-two-modified-instructions-are-on-the-same-cache-line"});
  const std::string corpus =
      corpus_expected("aarch64-ifetch/DIC1-IDC1/DIC1.MP.FF+dmb.st+cachesync.litmus.expected");
  if (!corpus.empty()) CHECK(xmcheck::frontend::format_herd(r) == corpus);
  CHECK(xmcheck::frontend::format_herd(r).find(
            "Positive: 0 Negative: 9\nFlag Assuming-no-two-modified-instructions-are-on-the-"
            "same-cache-line\nCondition ") != std::string::npos);
}

TEST_CASE("Loop prefix, zero states") {
  auto r = make("T", Q::Exists, "exists (0:X0=1)", {"0:X0"}, {}, 0, 0, false);
  r.loop_bound_hit = true;
  CHECK(xmcheck::frontend::format_herd(r) ==
        "Test T Allowed\nStates 0\nLoop No\nWitnesses\nPositive: 0 Negative: 0\n"
        "Condition exists (0:X0=1)\nObservation T Never 0 0\n\n");
}

TEST_CASE("observation words") {
  using xmcheck::frontend::observation_word;
  CHECK(observation_word(0, 3) == "Never");
  CHECK(observation_word(2, 0) == "Always");
  CHECK(observation_word(2, 1) == "Sometimes");
  CHECK(observation_word(0, 0) == "Never");
}

TEST_CASE("a state over no location is an empty line (A013)") {
  const auto r = make("A013", Q::Forall, "forall (true)", {}, {{}}, 2, 0, true);
  check_against(r, "herd-AArch64.self/A013.litmus.expected",
                "Test A013 Required\nStates 1\n\nOk\nWitnesses\nPositive: 2 Negative: 0\n"
                "Condition forall (true)\nObservation A013 Always 2 0\n\n");
}
