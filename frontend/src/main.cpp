// xmcheck entry point: parse options, set up logging, check every input in
// order, and map outcomes and exceptions to the exit codes of exit_codes.hpp.
// This is the only file that decides an exit status.
#include <algorithm>
#include <exception>
#include <iostream>
#include <thread>

#include "xmcheck/frontend/cli.hpp"
#include "xmcheck/frontend/exit_codes.hpp"
#include "xmcheck/frontend/inputs.hpp"
#include "xmcheck/frontend/list_base.hpp"
#include "xmcheck/frontend/logging.hpp"
#include "xmcheck/frontend/model_locator.hpp"
#include "xmcheck/frontend/option_values.hpp"
#include "xmcheck/frontend/parallel_runner.hpp"
#include "xmcheck/frontend/report_dot.hpp"
#include "xmcheck/frontend/reporter.hpp"
#include "xmcheck/frontend/runner.hpp"
#include "xmcheck/frontend/shard.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace fe = xmcheck::frontend;
namespace ec = xmcheck::frontend::exit_code;

namespace {

int code_for_model_error(const xmcheck::diag::UserError& e) {
  return e.kind() == xmcheck::diag::ErrorKind::Unsupported ? ec::kUnsupported : ec::kBadModel;
}

/// Checks every input; returns the exit status (max over tests, see exit_codes.hpp).
int run(const fe::Options& options) {
  auto log = fe::setup_logging(options.verbosity, options.quiet);
  // --dot: an unwritable directory is a usage error before any test runs.
  if (!options.dot_dir.empty())
    if (const std::string error = fe::prepare_dot_dir(options.dot_dir); !error.empty()) {
      fe::print_diagnostic(error);
      return ec::kUsage;
    }
  const auto items = fe::select_shard(fe::expand_inputs(options.inputs), options.shard_index,
                                      options.shard_count);
  fe::Reporter reporter(options, std::cout, items.size());

  fe::ModelLocator locator(options.model_path);
  log->debug("model directory: {}", locator.model_dir().string());
  const unsigned jobs = fe::worker_count(options.jobs, items.size(), std::thread::hardware_concurrency());
  log->debug("{} tests, {} worker(s)", items.size(), jobs);
  fe::ParallelRunner runner(options, locator, log, jobs);

  int status = ec::kOk;
  reporter.begin();
  try {
    runner.preload_model();
    runner.run(items, [&](fe::TestOutcome& outcome) {
      status = std::max(status, reporter.report(outcome));
    });
  } catch (...) {
    reporter.finish(false);  // keeps --format json output a complete array
    throw;
  }
  reporter.finish(true);
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
    if (cli.options.list_base) {
      std::cout << (cli.options.format == fe::OutputFormat::Herd ? fe::base_catalogue_markdown()
                                                                 : fe::base_catalogue_json());
      return ec::kOk;
    }
    return run(cli.options);
  } catch (const fe::ModelLoadError& e) {
    fe::print_diagnostic(e.error().formatted());
    return code_for_model_error(e.error());
  } catch (const xmcheck::diag::UserError& e) {
    // A bad --expect file (TSV or herd output) or an unknown --variant: usage problems.
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
