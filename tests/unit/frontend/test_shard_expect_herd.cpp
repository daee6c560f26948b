// --shard partition and --expect with herd7 results.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "typed_values.hpp"
#include "xmcheck/frontend/cli.hpp"
#include "xmcheck/frontend/expect_herd.hpp"
#include "xmcheck/frontend/report_herd.hpp"
#include "xmcheck/frontend/shard.hpp"

namespace fs = std::filesystem;
using namespace xmcheck::frontend;

TEST_CASE("--shard I/N parses 1-based shards only") {
  CHECK(parse_shard("1/3") == std::pair{1, 3});
  CHECK(parse_shard("3/3") == std::pair{3, 3});
  CHECK_FALSE(parse_shard("0/3"));
  CHECK_FALSE(parse_shard("4/3"));
  CHECK_FALSE(parse_shard("1/0"));
  CHECK_FALSE(parse_shard("1-3"));
  CHECK_FALSE(parse_shard("a/3"));
  CHECK_FALSE(parse_shard("1/3x"));
}

TEST_CASE("N shards cover every input exactly once, round-robin") {
  for (int total : {0, 1, 2, 7, 10}) {
    std::vector<InputItem> items;
    for (int k = 0; k < total; ++k) items.push_back({"t" + std::to_string(k), std::nullopt});
    for (int n : {1, 2, 3, 5}) {
      std::multiset<std::string> seen;
      for (int i = 1; i <= n; ++i)
        for (const auto& item : select_shard(items, i, n)) seen.insert(item.path);
      CHECK(seen.size() == static_cast<std::size_t>(total));
      for (const auto& item : items) CHECK(seen.count(item.path) == 1);
    }
  }
  std::vector<InputItem> items{{"a", {}}, {"b", {}}, {"c", {}}, {"d", {}}};
  const auto second = select_shard(items, 2, 3);
  REQUIRE(second.size() == 1);
  CHECK(second[0].path == "b");
  CHECK(select_shard(items, 0, 0).size() == 4);
}

namespace {

const char* kHerd =
    "Test MP Allowed\nStates 2\n1:X0=1;\n1:X0=0;\nOk\nWitnesses\nPositive: 1 Negative: 1\n"
    "Condition exists (1:X0=0)\nObservation MP Sometimes 1 1\nTime MP 0.01\nHash=abc\n\n"
    "Test LB Forbidden\nStates 1\n\nLoop No\nWitnesses\nPositive: 0 Negative: 1\n"
    "Condition ~exists (true)\nObservation LB Never 0 1\n\n";

xmcheck::checker::TestResult mp(bool ok, std::vector<std::string> states) {
  xmcheck::checker::TestResult r;
  r.name = "MP";
  r.condition = xmcheck::test::condition("exists (1:X0=0)");
  r.observed = xmcheck::test::locs({"1:X0"});
  for (auto& s : states) r.states.push_back({xmcheck::test::vals({s}), false, std::nullopt});
  r.validated = ok;
  return r;
}

}  // namespace

TEST_CASE("herd7 blocks: Test line, verdict line, sorted states (empty state lines too)") {
  const auto blocks = parse_herd_blocks(kHerd);
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].test_line == "Test MP Allowed");
  CHECK(blocks[0].verdict_line == "Ok");
  CHECK(blocks[0].states == std::vector<std::string>{"1:X0=0;", "1:X0=1;"});
  CHECK(blocks[1].verdict_line == "Loop No");
  CHECK(blocks[1].states == std::vector<std::string>{""});
}

TEST_CASE("xmcheck's result is compared with the herd block: verdict and state set") {
  const auto want = parse_herd_blocks(kHerd)[0];
  CHECK(compare_herd_blocks(want, herd_block_of(mp(true, {"0", "1"}))).empty());
  CHECK(compare_herd_blocks(want, herd_block_of(mp(false, {"1"}))) ==
        "verdict: got 'No', herd 'Ok'; states differ (herd only: '1:X0=0;')");
}

TEST_CASE("--expect FILE.expected matches blocks by test name; DIR looks next to the tests") {
  const fs::path dir = fs::temp_directory_path() / "xmcheck-unit-expect-herd";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "all.expected") << kHerd;
  std::ofstream(dir / "sub" / "MP.litmus.expected") << kHerd;
  std::ofstream(dir / "sub" / "Bad.litmus.expected-failure") << "Warning: ...\n";

  CHECK(is_herd_expectation((dir / "all.expected").string(), false));
  CHECK(is_herd_expectation(dir.string(), false));
  CHECK_FALSE(is_herd_expectation("verdicts.tsv", false));
  CHECK(is_herd_expectation("herd-output.txt", true));

  auto file = HerdExpectChecker::load((dir / "all.expected").string());
  const auto good = mp(true, {"1", "0"});
  CHECK(file.record("x/MP.litmus", &good, false).status == ExpectRecord::Status::Pass);
  const auto bad = mp(false, {"1", "0"});
  CHECK(file.record("x/MP.litmus", &bad, false).status == ExpectRecord::Status::Fail);
  CHECK(file.record("x/LB.litmus", nullptr, true).status == ExpectRecord::Status::Fail);
  CHECK(file.record("x/Other.litmus", nullptr, true).status == ExpectRecord::Status::Unlisted);
  CHECK(file.summary() == "1 passed, 2 failed");

  auto tree = HerdExpectChecker::load(dir.string());
  CHECK(tree.record((dir / "sub" / "MP.litmus").string(), &good, false).status ==
        ExpectRecord::Status::Pass);
  CHECK(tree.record((dir / "sub" / "Bad.litmus").string(), nullptr, true).status ==
        ExpectRecord::Status::Pass);
  CHECK(tree.record((dir / "sub" / "Bad.litmus").string(), nullptr, false).status ==
        ExpectRecord::Status::Fail);
  CHECK(tree.record((dir / "sub" / "None.litmus").string(), &good, false).status ==
        ExpectRecord::Status::Unlisted);
  CHECK(tree.record("/elsewhere/MP.litmus", &good, false).status ==
        ExpectRecord::Status::Unlisted);
  fs::remove_all(dir);
}
