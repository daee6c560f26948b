// ChoiceCursor: replaying a path with successive cursors visits every choice
// sequence exactly once, in lexicographic order, including paths whose later
// choice points depend on earlier choices.
#include <set>

#include "checker_test_support.hpp"
#include "path_runner.hpp"

using namespace cktest;

namespace {

/// Runs `path` (which makes choices on the cursor) until the cursor is exhausted.
template <class Path>
std::vector<std::vector<int>> all_sequences(Path path) {
  std::vector<std::vector<int>> out;
  ChoiceCursor c;
  do {
    out.push_back(path(c));
  } while (c.advance());
  return out;
}

}  // namespace

TEST_CASE("ChoiceCursor: arities 2 then 3 give 6 sequences, each once, in order") {
  const auto seqs = all_sequences([](ChoiceCursor& c) {
    const int a = c.choose(2);
    const int b = c.choose(3);
    return std::vector<int>{a, b};
  });
  const std::vector<std::vector<int>> want = {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}};
  CHECK(seqs == want);
}

TEST_CASE("ChoiceCursor: a path with no choice points runs once") {
  int runs = 0;
  const auto seqs = all_sequences([&](ChoiceCursor&) {
    ++runs;
    return std::vector<int>{};
  });
  CHECK(runs == 1);
  CHECK(seqs.size() == 1);
}

TEST_CASE("ChoiceCursor: single-option choices do not multiply paths") {
  const auto seqs = all_sequences([](ChoiceCursor& c) {
    return std::vector<int>{c.choose(1), c.choose(1), c.choose(1)};
  });
  CHECK(seqs == std::vector<std::vector<int>>{{0, 0, 0}});
}

TEST_CASE("ChoiceCursor: later choice points may depend on earlier choices") {
  // Option 0 of the first choice leads to a 2-way choice, option 1 ends the path,
  // option 2 leads to a 3-way then a 2-way choice: 2 + 1 + 6 = 9 paths.
  const auto seqs = all_sequences([](ChoiceCursor& c) {
    std::vector<int> s{c.choose(3)};
    if (s[0] == 0) s.push_back(c.choose(2));
    if (s[0] == 2) {
      s.push_back(c.choose(3));
      s.push_back(c.choose(2));
    }
    return s;
  });
  CHECK(seqs.size() == 9);
  const std::set<std::vector<int>> unique(seqs.begin(), seqs.end());
  CHECK(unique.size() == 9);
  CHECK(seqs.front() == std::vector<int>{0, 0});
  CHECK(seqs[1] == std::vector<int>{0, 1});
  CHECK(seqs[2] == std::vector<int>{1});
  CHECK(seqs.back() == std::vector<int>{2, 2, 1});
}

TEST_CASE("ChoiceCursor: rewind replays the same choices") {
  ChoiceCursor c;
  CHECK(c.choose(2) == 0);
  CHECK(c.choose(4) == 0);
  REQUIRE(c.advance());
  CHECK(c.choose(2) == 0);
  CHECK(c.choose(4) == 1);
  c.rewind();
  CHECK(c.choose(2) == 0);
  CHECK(c.choose(4) == 1);
}

TEST_CASE("ChoiceCursor: 2x2x2 choices yield all 8 bit patterns") {
  std::set<int> patterns;
  const auto seqs = all_sequences([&](ChoiceCursor& c) {
    const int v = c.choose(2) * 4 + c.choose(2) * 2 + c.choose(2);
    patterns.insert(v);
    return std::vector<int>{v};
  });
  CHECK(seqs.size() == 8);
  CHECK(patterns.size() == 8);
}
