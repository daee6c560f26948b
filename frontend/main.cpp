// xmcheck entry point: parse options, set up logging, check every input in
// order, and map outcomes and exceptions to the exit codes of exit_codes.hpp.
// This is the only file that decides an exit status.
#include <algorithm>
#include <exception>
#include <iostream>
#include <optional>

#include "frontend/cli.hpp"
#include "frontend/exit_codes.hpp"
#include "frontend/expect.hpp"
#include "frontend/inputs.hpp"
#include "frontend/logging.hpp"
#include "frontend/model_locator.hpp"
#include "frontend/report_herd.hpp"
#include "frontend/runner.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace fe = xmcheck::frontend;
namespace ec = xmcheck::frontend::exit_code;

namespace {

int code_for(fe::FailureKind kind) {
  switch (kind) {
    case fe::FailureKind::BadLitmus: return ec::kBadLitmus;
    case fe::FailureKind::BadModel: return ec::kBadModel;
    case fe::FailureKind::Unsupported: return ec::kUnsupported;
    case fe::FailureKind::Usage: return ec::kUsage;
    case fe::FailureKind::Internal: return ec::kInternal;
  }
  return ec::kInternal;
}

int code_for_model_error(const xmcheck::diag::UserError& e) {
  return e.kind() == xmcheck::diag::ErrorKind::Unsupported ? ec::kUnsupported : ec::kBadModel;
}

/// Checks every input; returns the exit status (max over tests, see exit_codes.hpp).
int run(const fe::Options& options) {
  auto log = fe::setup_logging(options.verbosity, options.quiet);
  std::optional<fe::ExpectChecker> expect;
  if (!options.expect.empty()) expect = fe::ExpectChecker::load(options.expect);

  fe::ModelLocator locator(options.model_path);
  log->debug("model directory: {}", locator.model_dir().string());
  fe::Runner runner(options, locator, log);
  runner.preload_model();

  int status = ec::kOk;
  for (const auto& item : fe::expand_inputs(options.inputs)) {
    const fe::TestOutcome outcome = runner.run(item);
    if (outcome.result)
      fe::print_herd(std::cout, *outcome.result);
    else
      fe::print_diagnostic(outcome.diagnostic);

    int test_status = outcome.failure ? code_for(*outcome.failure) : ec::kOk;
    if (expect) {
      fe::Decision decision;
      if (outcome.result) decision.verdict = fe::derive_verdict(*outcome.result);
      decision.positioned_error = outcome.positioned;
      const auto record = expect->record(outcome.path, decision);
      if (!record.message.empty()) fe::print_diagnostic(record.message);
      // A listed test is judged by the TSV alone (an expected `error` passes); an
      // unlisted one keeps its own status. Internal errors always stay 70.
      if (test_status != ec::kInternal && record.status != fe::ExpectRecord::Status::Unlisted)
        test_status = record.status == fe::ExpectRecord::Status::Fail ? ec::kExpectMismatch
                                                                       : ec::kOk;
    }
    status = std::max(status, test_status);
  }
  if (expect) std::cout << expect->summary() << '\n' << std::flush;
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const fe::CliOutcome cli = fe::parse_command_line(argc, argv);
    switch (cli.action) {
      case fe::CliOutcome::Action::Exit: return ec::kOk;
      case fe::CliOutcome::Action::UsageError: return ec::kUsage;
      case fe::CliOutcome::Action::Run: break;
    }
    return run(cli.options);
  } catch (const fe::ModelLoadError& e) {
    fe::print_diagnostic(e.error().formatted());
    return code_for_model_error(e.error());
  } catch (const xmcheck::diag::UserError& e) {
    // Only --expect parsing throws here (bad TSV: a usage problem).
    fe::print_diagnostic(e.formatted());
    return ec::kUsage;
  } catch (const xmcheck::diag::InternalError& e) {
    fe::print_diagnostic(std::string("xmcheck: internal error: ") + e.what());
    return ec::kInternal;
  } catch (const std::exception& e) {
    fe::print_diagnostic(std::string("xmcheck: internal error: ") + e.what());
    return ec::kInternal;
  } catch (...) {
    fe::print_diagnostic("xmcheck: internal error: unknown exception");
    return ec::kInternal;
  }
}
