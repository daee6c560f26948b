#pragma once
// Everything printed per test, in input order: the result (herd block, JSON
// element or JSON line), witnesses and explanations, DOT files, --stats lines,
// the --expect comparison, the progress bar; and each test's exit status
// (exit_codes.hpp). main.cpp only wires the run together.
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "xmcheck/frontend/cli.hpp"
#include "xmcheck/frontend/expect.hpp"
#include "xmcheck/frontend/expect_herd.hpp"
#include "xmcheck/frontend/progress.hpp"
#include "xmcheck/frontend/report_dot.hpp"
#include "xmcheck/frontend/runner.hpp"

namespace xmcheck::frontend {

class Reporter {
 public:
  /// Loads --expect (throws diag::UserError on a bad file). `total`: tests to run.
  Reporter(const Options& options, std::ostream& out, std::size_t total);

  /// Before the first test ("[" for --format json).
  void begin();
  /// Prints one outcome; returns its exit status (0 when checked and matching).
  [[nodiscard]] int report(const TestOutcome& outcome);
  /// After the last test: closes the JSON array, prints the --expect summary
  /// (stdout last line in herd format, stderr for json/jsonl). `complete` is
  /// false when the run stopped early (a model error): no summary then.
  void finish(bool complete);

 private:
  /// Records the outcome with --expect; returns the status it implies and sets
  /// the JSON status word and the stderr message (printed after the result).
  [[nodiscard]] int expect_status(const TestOutcome& outcome, int status,
                                  std::optional<std::string>& expect_json_status,
                                  std::string& expect_message);
  void diagnostic(const std::string& line);
  /// Why an incomplete result stopped, for its stderr warning ("timeout after 5 s").
  [[nodiscard]] std::string stop_text(const checker::TestResult& result) const;
  /// A C test checked for several architectures: one block (or JSON object)
  /// per architecture, preceded by `Arch NAME`; rows for the final table.
  [[nodiscard]] int report_per_arch(const TestOutcome& outcome);
  /// `arch`: herd's name from the test's header; `target`: the kernel name of
  /// the architecture judged (JSON "architecture" and "target").
  void print_result(const checker::TestResult& result, const std::string& path, const std::string& arch,
                    const std::string& target, double time_ms, const std::optional<std::string>& expect_json,
                    const std::string& expect_message);
  void print_stats(const std::string& label, const checker::TestResult& result, double time_ms);

  const Options& options_;
  std::ostream& out_;
  std::optional<ExpectChecker> tsv_;
  std::optional<HerdExpectChecker> herd_;
  std::optional<DotWriter> dot_;
  Progress progress_;
  std::size_t printed_ = 0;
  /// --arch all: test name -> architecture -> verdict, printed after the blocks.
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> arch_table_;
  bool finished_ = false;
};

/// The `--arch all` table: `Verdicts`, a header `test  x86  arm64`, one row per test.
[[nodiscard]] std::string format_arch_table(
    const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>>& rows);

/// The exit status of a failure kind (exit_codes.hpp).
[[nodiscard]] int exit_code_for(FailureKind kind);

}  // namespace xmcheck::frontend
