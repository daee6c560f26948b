#include "frontend/reporter.hpp"

#include <cstdio>
#include <ostream>

#include <fmt/format.h>

#include "frontend/exit_codes.hpp"
#include "frontend/logging.hpp"
#include "frontend/report_herd.hpp"
#include "frontend/report_json.hpp"
#include "frontend/report_witness.hpp"

namespace xmcheck::frontend {
namespace ec = exit_code;

int exit_code_for(FailureKind kind) {
  switch (kind) {
    case FailureKind::BadLitmus: return ec::kBadLitmus;
    case FailureKind::BadModel: return ec::kBadModel;
    case FailureKind::Unsupported: return ec::kUnsupported;
    case FailureKind::Usage: return ec::kUsage;
    case FailureKind::Internal: return ec::kInternal;
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
  if (!options.dot_dir.empty()) dot_.emplace(options.dot_dir, options.png);
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
    if (outcome.result && !outcome.result->timed_out)
      decision.verdict = derive_verdict(*outcome.result);
    decision.timed_out = outcome.result && outcome.result->timed_out;
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

int Reporter::report(const TestOutcome& outcome) {
  int status = ec::kOk;
  if (outcome.failure) {
    status = exit_code_for(*outcome.failure);
    diagnostic(outcome.diagnostic);
  } else if (outcome.result->timed_out) {
    status = ec::kInconclusive;
    diagnostic(outcome.path + ": warning: timeout after " + fmt::format("{:g}", options_.timeout) +
               " s: states may be missing, verdict Unknown");
  }
  if (options_.stats && outcome.result) {
    const auto& st = outcome.result->stats;
    progress_.clear();
    // Printed directly: statistics must reach stderr even under -q.
    std::fflush(stdout);
    std::fprintf(stderr,
                 "stats %s: %.3f ms, %llu traces, %llu skeletons, %llu solver calls, %llu "
                 "candidates\n",
                 outcome.path.c_str(), outcome.time_ms, static_cast<unsigned long long>(st.traces),
                 static_cast<unsigned long long>(st.skeletons),
                 static_cast<unsigned long long>(st.solver_calls),
                 static_cast<unsigned long long>(st.candidates));
  }
  const int own_status = status;
  std::optional<std::string> expect_json;
  std::string expect_message;
  status = expect_status(outcome, status, expect_json, expect_message);

  if (options_.format == OutputFormat::Herd) {
    if (outcome.result) {
      out_ << format_herd(*outcome.result, options_.witness);
      if (options_.explain) out_ << format_explanations(*outcome.result);
    }
  } else {
    std::optional<Json> expect;
    if (expect_json) {
      expect = Json{{"status", *expect_json}};
      if (!expect_message.empty()) (*expect)["message"] = expect_message;
    }
    Json object;
    if (outcome.result) {
      JsonTestInfo info{outcome.path, outcome.arch, options_.stats, outcome.time_ms, expect};
      object = result_to_json(*outcome.result, info);
    } else {
      object = error_to_json(outcome.path, outcome.diagnostic, own_status, expect);
    }
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
  out_.flush();
  if (!complete || (!tsv_ && !herd_)) return;
  const std::string summary = tsv_ ? tsv_->summary() : herd_->summary();
  if (options_.format == OutputFormat::Herd)
    out_ << summary << '\n' << std::flush;
  else
    print_diagnostic(summary);
}

}  // namespace xmcheck::frontend
