#include "xmcheck/frontend/reporter.hpp"

#include "xmcheck/litmus/arch.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>

#include <fmt/format.h>

#include "xmcheck/frontend/exit_codes.hpp"
#include "xmcheck/frontend/logging.hpp"
#include "xmcheck/frontend/option_values.hpp"
#include "xmcheck/frontend/report_herd.hpp"
#include "xmcheck/frontend/report_json.hpp"
#include "xmcheck/frontend/report_witness.hpp"

namespace xmcheck::frontend {
namespace ec = exit_code;

std::string format_arch_table(
    const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>>& rows) {
  std::vector<std::string> archs;
  std::vector<std::size_t> widths;  // per column: "Forbidden", or a longer word in it
  std::size_t width = 4;  // "test": the header is lower-case, no line of the table starts with "Test "
  for (const auto& [test, cells] : rows) {
    width = std::max(width, test.size());
    for (const auto& cell : cells) {
      auto it = std::find(archs.begin(), archs.end(), cell.first);
      if (it == archs.end()) {
        archs.push_back(cell.first);
        widths.push_back(9);
        it = archs.end() - 1;
      }
      auto& w = widths[static_cast<std::size_t>(it - archs.begin())];
      w = std::max({w, cell.first.size(), cell.second.size()});
    }
  }
  std::string out = fmt::format("Verdicts\n{:<{}}", "test", width);
  for (std::size_t i = 0; i < archs.size(); ++i) out += fmt::format("  {:<{}}", archs[i], widths[i]);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += '\n';
  for (const auto& [test, cells] : rows) {
    std::string line = fmt::format("{:<{}}", test, width);
    for (std::size_t i = 0; i < archs.size(); ++i) {
      std::string word = "-";
      for (const auto& cell : cells)
        if (cell.first == archs[i]) word = cell.second;
      line += fmt::format("  {:<{}}", word, widths[i]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + '\n';
  }
  return out;
}

int exit_code_for(FailureKind kind) {
  switch (kind) {
    case FailureKind::BadLitmus: return ec::kBadLitmus;
    case FailureKind::BadModel: return ec::kBadModel;
    case FailureKind::Unsupported: return ec::kUnsupported;
    case FailureKind::Usage: return ec::kUsage;
    case FailureKind::Internal: return ec::kInternal;
    case FailureKind::Inconclusive: return ec::kInconclusive;
  }
  return ec::kInternal;
}

Reporter::Reporter(const Options& options, std::ostream& out, std::size_t total)
    : options_(options), out_(out), progress_(total, !options.quiet) {
  if (!options.expect.empty()) {
    if (is_herd_expectation(options.expect, options.expect_herd))
      herd_ = HerdExpectChecker::load(options.expect);
    else
      tsv_ = ExpectChecker::load(options.expect);
  }
  if (!options.dot_dir.empty()) dot_.emplace(options.dot_dir, options.png, options.dot_detail);
}

std::string Reporter::stop_text(const checker::TestResult& r) const {
  using checker::StopReason;
  const std::string detail = r.stop_detail.empty() ? "" : " (" + r.stop_detail + ")";
  if (r.timed_out || r.stop == StopReason::Timeout)
    return "timeout after " + fmt::format("{:g}", options_.timeout) + " s";
  switch (r.stop) {
    case StopReason::MemoryLimit: return "memory limit " + format_bytes(options_.memory_limit) + " exceeded" + detail;
    case StopReason::OutOfMemory: return "out of memory" + detail;
    case StopReason::SolverUnknown: return "the solver answered unknown" + detail;
    case StopReason::None:
    case StopReason::Timeout: break;
  }
  return "search stopped early";
}

void Reporter::diagnostic(const std::string& line) {
  progress_.clear();
  print_diagnostic(line);
}

void Reporter::begin() {
  if (options_.format == OutputFormat::Json) out_ << "[\n";
}

int Reporter::expect_status(const TestOutcome& outcome, int status,
                            std::optional<std::string>& json_status, std::string& message) {
  if (!tsv_ && !herd_) return status;
  ExpectRecord record;
  if (tsv_) {
    Decision decision;
    if (outcome.result && !outcome.result->unknown())
      decision.verdict = derive_verdict(*outcome.result);
    decision.timed_out = outcome.result && outcome.result->timed_out;
    if (outcome.result && outcome.result->unknown()) decision.unknown = stop_word(*outcome.result);
    decision.positioned_error = outcome.positioned;
    record = tsv_->record(outcome.path, decision);
  } else {
    record = herd_->record(outcome.path, outcome.result ? &*outcome.result : nullptr,
                           outcome.positioned);
  }
  message = record.message;
  switch (record.status) {
    case ExpectRecord::Status::Pass: json_status = "pass"; break;
    case ExpectRecord::Status::Fail: json_status = "fail"; break;
    case ExpectRecord::Status::Unlisted: json_status = "unlisted"; break;
  }
  // A listed test is judged by the expectation alone (an expected `error` passes);
  // an unlisted one keeps its own status. Internal errors always stay 70.
  if (status == ec::kInternal || record.status == ExpectRecord::Status::Unlisted) return status;
  return record.status == ExpectRecord::Status::Fail ? ec::kExpectMismatch : ec::kOk;
}

void Reporter::print_stats(const std::string& label, const checker::TestResult& result, double time_ms) {
  const auto& st = result.stats;
  progress_.clear();
  // Printed directly: statistics must reach stderr even under -q.
  std::fflush(stdout);
  std::fprintf(stderr,
               "stats %s: %.3f ms, %llu traces, %llu skeletons, %llu solver calls, %llu "
               "candidates, %llu core blocks\n",
               label.c_str(), time_ms, static_cast<unsigned long long>(st.traces),
               static_cast<unsigned long long>(st.skeletons),
               static_cast<unsigned long long>(st.solver_calls),
               static_cast<unsigned long long>(st.candidates),
               static_cast<unsigned long long>(st.core_blocks));
}

void Reporter::print_result(const checker::TestResult& result, const std::string& path,
                            const std::string& arch, const std::string& target, double time_ms,
                            const std::optional<std::string>& expect_json,
                            const std::string& expect_message) {
  if (options_.format == OutputFormat::Herd) {
    out_ << format_herd(result, options_.witness);
    if (options_.explain) out_ << format_explanations(result);
    return;
  }
  std::optional<Json> expect;
  if (expect_json) {
    expect = Json{{"status", *expect_json}};
    if (!expect_message.empty()) (*expect)["message"] = expect_message;
  }
  JsonTestInfo info{path, arch, target, options_.stats, time_ms, expect};
  const Json object = result_to_json(result, info);
  if (options_.format == OutputFormat::Json)
    out_ << (printed_ == 0 ? "" : ",\n") << format_json_element(object);
  else
    out_ << format_json_line(object) << '\n';
  ++printed_;
}

int Reporter::report_per_arch(const TestOutcome& outcome) {
  int status = ec::kOk;
  // --expect judges the first architecture checked (docs/cli.md, "--arch").
  TestOutcome first;
  first.path = outcome.path;
  for (const auto& one : outcome.per_arch) {
    if (one.result) {
      first.result = one.result;
      break;
    }
    first.failure = one.failure;
    first.positioned = one.positioned;
  }
  std::vector<std::pair<std::string, std::string>> row;
  std::string name = outcome.path;
  std::vector<std::string> said;  // the same error on several architectures is said once
  for (const auto& one : outcome.per_arch) {
    int own = ec::kOk;
    if (one.failure) {
      own = exit_code_for(*one.failure);
      if (std::find(said.begin(), said.end(), one.diagnostic) == said.end()) {
        diagnostic(one.diagnostic);
        said.push_back(one.diagnostic);
      }
      row.emplace_back(one.arch, "error");
    } else {
      name = one.result->name;
      row.emplace_back(one.arch, table_verdict_word(*one.result));
      if (one.result->unknown()) {
        own = ec::kInconclusive;
        diagnostic(outcome.path + ": warning: " + stop_text(*one.result) + " for " + one.arch +
                   ": states may be missing, verdict Unknown");
      }
      if (options_.stats) print_stats(outcome.path + " [" + one.arch + "]", *one.result, one.time_ms);
    }
    status = std::max(status, own);
  }
  std::optional<std::string> expect_json;
  std::string expect_message;
  status = expect_status(first, status, expect_json, expect_message);
  for (const auto& one : outcome.per_arch) {
    if (!one.result) {
      if (options_.format == OutputFormat::Herd) continue;
      const Json object = error_to_json(outcome.path, one.diagnostic, exit_code_for(*one.failure), std::nullopt);
      out_ << (options_.format == OutputFormat::Json ? (printed_ == 0 ? "" : ",\n") + format_json_element(object)
                                                     : format_json_line(object) + "\n");
      ++printed_;
      continue;
    }
    if (options_.format == OutputFormat::Herd) out_ << "Arch " << one.arch << '\n';
    print_result(*one.result, outcome.path, outcome.arch, one.arch, one.time_ms, expect_json, expect_message);
  }
  out_.flush();
  if (!expect_message.empty()) diagnostic(expect_message);
  if (dot_)
    for (const auto& one : outcome.per_arch)
      if (one.result)
        if (const std::string error = dot_->write(*one.result); !error.empty()) diagnostic(error);
  // A test rejected on every architecture has said so on stderr; the table lists
  // tests with at least one result.
  const bool any_result = std::any_of(outcome.per_arch.begin(), outcome.per_arch.end(),
                                      [](const auto& one) { return !one.failure; });
  if (outcome.per_arch.size() > 1 && any_result) arch_table_.emplace_back(name, std::move(row));
  progress_.step(outcome.path);
  return status;
}

int Reporter::report(const TestOutcome& outcome) {
  if (!outcome.per_arch.empty()) return report_per_arch(outcome);
  int status = ec::kOk;
  if (outcome.failure) {
    status = exit_code_for(*outcome.failure);
    diagnostic(outcome.diagnostic);
  } else if (outcome.result->unknown()) {
    status = ec::kInconclusive;
    diagnostic(outcome.path + ": warning: " + stop_text(*outcome.result) +
               ": states may be missing, verdict Unknown");
  }
  if (options_.stats && outcome.result) print_stats(outcome.path, *outcome.result, outcome.time_ms);
  const int own_status = status;
  std::optional<std::string> expect_json;
  std::string expect_message;
  status = expect_status(outcome, status, expect_json, expect_message);

  if (outcome.result) {
    const auto own = litmus::arch_by_herd_name(outcome.arch);
    print_result(*outcome.result, outcome.path, outcome.arch, own ? std::string(litmus::arch_names(*own).id) : "",
                 outcome.time_ms, expect_json, expect_message);
  } else if (options_.format != OutputFormat::Herd) {
    std::optional<Json> expect;
    if (expect_json) {
      expect = Json{{"status", *expect_json}};
      if (!expect_message.empty()) (*expect)["message"] = expect_message;
    }
    const Json object = error_to_json(outcome.path, outcome.diagnostic, own_status, expect);
    if (options_.format == OutputFormat::Json)
      out_ << (printed_ == 0 ? "" : ",\n") << format_json_element(object);
    else
      out_ << format_json_line(object) << '\n';
    ++printed_;
  }
  out_.flush();
  if (!expect_message.empty()) diagnostic(expect_message);
  if (dot_ && outcome.result)
    if (const std::string error = dot_->write(*outcome.result); !error.empty()) diagnostic(error);
  progress_.step(outcome.path);
  return status;
}

void Reporter::finish(bool complete) {
  if (finished_) return;
  finished_ = true;
  progress_.clear();
  if (options_.format == OutputFormat::Json) out_ << (printed_ == 0 ? "]\n" : "\n]\n");
  if (options_.format == OutputFormat::Herd && !arch_table_.empty()) out_ << format_arch_table(arch_table_);
  out_.flush();
  if (!complete || (!tsv_ && !herd_)) return;
  const std::string summary = tsv_ ? tsv_->summary() : herd_->summary();
  if (options_.format == OutputFormat::Herd)
    out_ << summary << '\n' << std::flush;
  else
    print_diagnostic(summary);
}

}  // namespace xmcheck::frontend
