#pragma once
// -j N: checks the tests of a run on N worker threads, each with a Runner of its
// own (its own checker::Session, hence its own Z3 context, and its own model
// cache), and hands the outcomes back IN INPUT ORDER on the calling thread, so
// that everything printed is byte-identical to a -j 1 run.
//
// A ModelLoadError stops the run at the test that raised it, after the outcomes
// of the tests before it were handed back (as -j 1 would do); the workers stop
// taking new tests and are joined before it propagates.
#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include <spdlog/logger.h>

#include "xmcheck/frontend/cli.hpp"
#include "xmcheck/frontend/inputs.hpp"
#include "xmcheck/frontend/model_locator.hpp"
#include "xmcheck/frontend/runner.hpp"

namespace xmcheck::frontend {

class ParallelRunner {
 public:
  /// At most `jobs` >= 1 worker threads (1: everything runs on the calling
  /// thread). Workers, each with a solver context of its own, are started by
  /// run() and never more than it has tests.
  ParallelRunner(const Options& options, const ModelLocator& locator,
                 std::shared_ptr<spdlog::logger> log, unsigned jobs);

  /// Loads --model once before any test and checks --variant (throws
  /// ModelLoadError, diag::UserError).
  void preload_model();

  /// Checks every item; calls `emit(outcome)` for each, in the order of `items`.
  void run(const std::vector<InputItem>& items, const std::function<void(TestOutcome&)>& emit);

  /// How many workers (Runners) exist now; for tests.
  [[nodiscard]] std::size_t started() const { return runners_.size(); }

 private:
  const Options& options_;
  const ModelLocator& locator_;
  std::shared_ptr<spdlog::logger> log_;
  unsigned jobs_;
  std::vector<std::unique_ptr<Runner>> runners_;  ///< one per started worker; the first always exists
};

}  // namespace xmcheck::frontend
