#include "xmcheck/frontend/expect.hpp"

#include <filesystem>
#include <fstream>
#include <memory>
#include <system_error>
#include <utility>

#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::frontend {
namespace fs = std::filesystem;
using Quantifier = litmus::Condition::Quantifier;

std::string to_string(Verdict v) {
  switch (v) {
    case Verdict::Allowed: return "Allowed";
    case Verdict::Forbidden: return "Forbidden";
    case Verdict::Required: return "Required";
    case Verdict::Error: return "error";
  }
  return "error";
}

std::optional<Verdict> parse_verdict(const std::string& text) {
  for (Verdict v : {Verdict::Allowed, Verdict::Forbidden, Verdict::Required, Verdict::Error})
    if (text == to_string(v)) return v;
  return std::nullopt;
}

Verdict derive_verdict(const checker::TestResult& r) {
  switch (r.quantifier) {
    case Quantifier::Exists: return r.validated ? Verdict::Allowed : Verdict::Forbidden;
    case Quantifier::NotExists: return r.validated ? Verdict::Forbidden : Verdict::Allowed;
    case Quantifier::Forall: return r.validated ? Verdict::Required : Verdict::Forbidden;
  }
  return Verdict::Error;
}

namespace {

diag::UserError tsv_error(const std::shared_ptr<const std::string>& file, std::uint32_t line,
                          std::uint32_t col, diag::ErrorKind kind, const std::string& msg) {
  diag::SourceSpan span{file, {line, col}, {line, col}};
  return diag::UserError(kind, span, msg);
}

std::string canonical_string(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return (ec ? fs::absolute(p) : c).lexically_normal().generic_string();
}

}  // namespace

ExpectChecker ExpectChecker::load(const std::string& tsv_path) {
  const auto file = std::make_shared<const std::string>(tsv_path);
  std::ifstream in(tsv_path);
  if (!in) throw tsv_error(file, 0, 0, diag::ErrorKind::Io, "cannot open file");
  std::map<std::string, Verdict> expected;
  std::string line;
  std::uint32_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    if (lineno == 1 && line == "test\tverdict") continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos || tab == 0)
      throw tsv_error(file, lineno, 1, diag::ErrorKind::Usage,
                      "expected `test<TAB>verdict`");
    const auto verdict = parse_verdict(line.substr(tab + 1));
    if (!verdict)
      throw tsv_error(file, lineno, static_cast<std::uint32_t>(tab + 2), diag::ErrorKind::Usage,
                      "unknown verdict `" + line.substr(tab + 1) +
                          "` (expected Allowed, Forbidden, Required or error)");
    const std::string test = fs::path(line.substr(0, tab)).lexically_normal().generic_string();
    if (!expected.emplace(test, *verdict).second)
      throw tsv_error(file, lineno, 1, diag::ErrorKind::Usage,
                      "duplicate entry for `" + test + "`");
  }
  return ExpectChecker(canonical_string(fs::path(tsv_path).parent_path().empty()
                                            ? fs::path(".")
                                            : fs::path(tsv_path).parent_path()),
                       std::move(expected));
}

ExpectChecker::ExpectChecker(std::string base_dir, std::map<std::string, Verdict> expected)
    : base_dir_(std::move(base_dir)), expected_(std::move(expected)) {}

std::string ExpectChecker::key_of(const std::string& test_path) const {
  return fs::path(canonical_string(test_path)).lexically_relative(base_dir_).generic_string();
}

ExpectRecord ExpectChecker::record(const std::string& test_path, const Decision& decision) {
  const std::string key = key_of(test_path);
  const auto it = expected_.find(key);
  if (it == expected_.end())
    return {ExpectRecord::Status::Unlisted, test_path + ": warning: no expected verdict for `" +
                                                key + "`; not counted"};
  const Verdict want = it->second;
  const bool pass = want == Verdict::Error ? (!decision.verdict && decision.positioned_error)
                                           : (decision.verdict && *decision.verdict == want);
  if (pass) {
    ++passed_;
    return {ExpectRecord::Status::Pass, ""};
  }
  ++failed_;
  std::string got = decision.timed_out          ? "Unknown (timeout)"
                    : !decision.unknown.empty() ? "Unknown (" + decision.unknown + ")"
                    : decision.verdict          ? to_string(*decision.verdict)
                    : decision.positioned_error ? "error"
                                                : "error (unpositioned)";
  return {ExpectRecord::Status::Fail,
          test_path + ": mismatch: expected " + to_string(want) + ", got " + got};
}

std::string ExpectChecker::summary() const {
  return std::to_string(passed_) + " passed, " + std::to_string(failed_) + " failed";
}

}  // namespace xmcheck::frontend
