#pragma once
// --expect FILE.tsv: expected verdicts per test, and the comparison with what
// xmcheck decided.
//
// The TSV has lines `test<TAB>verdict`; a first line `test<TAB>verdict` is a
// header and skipped; blank lines and lines starting with `#` are ignored.
// `test` is a path relative to the TSV's directory (e.g. `DIC0-IDC0/foo.litmus`);
// `verdict` is Allowed | Forbidden | Required | error.
//
// Verdict of a checked test (the mapping herd7's results follow in the corpus):
//   exists:  Ok -> Allowed,  No -> Forbidden
//   ~exists: Ok -> Forbidden, No -> Allowed
//   forall:  Ok -> Required, No -> Forbidden
// A test expected as `error` passes when xmcheck rejected it with a positioned
// (file:line:col) error.
#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "xmcheck/checker/result.hpp"

namespace xmcheck::frontend {

enum class Verdict { Allowed, Forbidden, Required, Error };

[[nodiscard]] std::string to_string(Verdict v);
[[nodiscard]] std::optional<Verdict> parse_verdict(const std::string& text);
[[nodiscard]] Verdict derive_verdict(const checker::TestResult& result);

/// What xmcheck decided about one test.
struct Decision {
  std::optional<Verdict> verdict;  ///< set when the test was checked
  bool positioned_error = false;   ///< rejected with a file:line:col error
  bool timed_out = false;          ///< checked, but --timeout expired (verdict Unknown)
  std::string unknown{};           ///< checked, but the search stopped early: why (verdict Unknown)
};

struct ExpectRecord {
  enum class Status { Pass, Fail, Unlisted };
  Status status = Status::Unlisted;
  std::string message;  ///< for Fail and Unlisted: one line for stderr
};

class ExpectChecker {
 public:
  /// Reads the TSV. Throws diag::UserError (kind Usage, positioned) on a bad line,
  /// kind Io when the file cannot be read.
  [[nodiscard]] static ExpectChecker load(const std::string& tsv_path);

  /// Compares one test (path as xmcheck received it) and counts the result.
  ExpectRecord record(const std::string& test_path, const Decision& decision);

  [[nodiscard]] std::size_t passed() const { return passed_; }
  [[nodiscard]] std::size_t failed() const { return failed_; }
  /// "N passed, M failed"
  [[nodiscard]] std::string summary() const;

 private:
  ExpectChecker(std::string base_dir, std::map<std::string, Verdict> expected);
  [[nodiscard]] std::string key_of(const std::string& test_path) const;

  std::string base_dir_;
  std::map<std::string, Verdict> expected_;
  std::size_t passed_ = 0;
  std::size_t failed_ = 0;
};

}  // namespace xmcheck::frontend
