#pragma once
// --expect with herd7 results instead of a TSV of verdicts. Each test is
// compared as tests/tools/run_conformance.sh does: the `Test NAME KIND` line,
// the `[Loop ]Ok|No` line, and the SET of state lines (order-insensitive);
// Witnesses / Observation / Hash / Time lines are not compared.
//
// Two sources:
//  - a FILE of herd7 output (one or more result blocks, e.g. `herd7 *.litmus >
//    FILE.expected`): a test is matched with the block of the same test name; a
//    test that xmcheck rejects is looked up by its file name without `.litmus`;
//  - a DIR: the test at DIR/REL is compared with DIR/REL.expected, and expected
//    to be rejected with a positioned error when DIR/REL.expected-failure exists
//    instead (herd's corpus layout: results next to the tests).
// Tests with no expected result are warned about and not counted.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "xmcheck/frontend/expect.hpp"
#include "xmcheck/checker/result.hpp"

namespace xmcheck::frontend {

/// The compared parts of one herd7 result block.
struct HerdBlock {
  std::string test_line;             ///< "Test NAME KIND"
  std::string verdict_line;          ///< "[Loop ]Ok|No|Undef"
  std::vector<std::string> states;   ///< sorted
};

/// Parses every block of herd7 output text (blocks start at `Test ` lines).
[[nodiscard]] std::vector<HerdBlock> parse_herd_blocks(const std::string& text);

/// The same parts of xmcheck's own result.
[[nodiscard]] HerdBlock herd_block_of(const checker::TestResult& result);

/// "" when equal, else the reasons ("verdict: got 'No', herd 'Ok'; states differ ...").
[[nodiscard]] std::string compare_herd_blocks(const HerdBlock& want, const HerdBlock& got);

class HerdExpectChecker {
 public:
  /// A FILE of herd output or a DIR of TEST.litmus.expected files. Throws
  /// diag::UserError (Io) when the file cannot be read, (Usage) when it holds no block.
  [[nodiscard]] static HerdExpectChecker load(const std::string& path);

  /// `result` is null when the test was rejected.
  ExpectRecord record(const std::string& test_path, const checker::TestResult* result,
                      bool positioned_error);

  [[nodiscard]] std::size_t passed() const { return passed_; }
  [[nodiscard]] std::size_t failed() const { return failed_; }
  [[nodiscard]] std::string summary() const;

 private:
  /// nullopt: no expectation; a block, or an empty test_line for "must fail".
  [[nodiscard]] std::optional<HerdBlock> expected_for(const std::string& test_path,
                                                      const checker::TestResult* result) const;

  std::string dir_;                          ///< DIR mode: canonical directory
  std::map<std::string, HerdBlock> blocks_;  ///< FILE mode: by test name
  std::size_t passed_ = 0;
  std::size_t failed_ = 0;
};

/// Whether --expect PATH is herd output: a directory, a name ending in
/// `.expected`, or `forced` (--expect-herd).
[[nodiscard]] bool is_herd_expectation(const std::string& path, bool forced);

}  // namespace xmcheck::frontend
