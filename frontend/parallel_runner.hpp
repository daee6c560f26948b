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

#include "frontend/cli.hpp"
#include "frontend/inputs.hpp"
#include "frontend/model_locator.hpp"
#include "frontend/runner.hpp"

namespace xmcheck::frontend {

class ParallelRunner {
 public:
  /// `jobs` >= 1 worker threads (1: everything runs on the calling thread).
  ParallelRunner(const Options& options, const ModelLocator& locator,
                 std::shared_ptr<spdlog::logger> log, unsigned jobs);

  /// Loads --model once before any test (throws ModelLoadError).
  void preload_model();

  /// Checks every item; calls `emit(outcome)` for each, in the order of `items`.
  void run(const std::vector<InputItem>& items, const std::function<void(TestOutcome&)>& emit);

  /// The worker count for -j N (0 = hardware threads, at least 1).
  [[nodiscard]] static unsigned effective_jobs(int requested);

 private:
  std::vector<std::unique_ptr<Runner>> runners_;  ///< one per worker
};

}  // namespace xmcheck::frontend
