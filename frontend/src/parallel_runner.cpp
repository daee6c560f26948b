#include "xmcheck/frontend/parallel_runner.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace xmcheck::frontend {
namespace {

/// What a worker leaves for the emitting thread: an outcome or the exception
/// (a ModelLoadError, or anything unexpected) that stops the run.
struct Slot {
  std::optional<TestOutcome> outcome;
  std::exception_ptr error;
};

}  // namespace

ParallelRunner::ParallelRunner(const Options& options, const ModelLocator& locator,
                               std::shared_ptr<spdlog::logger> log, unsigned jobs)
    : options_(options), locator_(locator), log_(std::move(log)), jobs_(std::max(jobs, 1U)) {
  runners_.push_back(std::make_unique<Runner>(options_, locator_, log_));
}

void ParallelRunner::preload_model() {
  // Worker 0 validates --model before any test; the others load it lazily (a
  // model is read-only once loaded, but each worker keeps its own copy).
  runners_.front()->preload_model();
}

void ParallelRunner::run(const std::vector<InputItem>& items,
                         const std::function<void(TestOutcome&)>& emit) {
  // A worker costs a solver context (some 17 MB): start no more than tests.
  const std::size_t workers = std::min<std::size_t>(jobs_, items.size());
  while (runners_.size() < workers) runners_.push_back(std::make_unique<Runner>(options_, locator_, log_));
  if (workers <= 1) {
    for (const auto& item : items) {
      TestOutcome outcome = runners_.front()->run(item);
      emit(outcome);
    }
    return;
  }

  std::vector<std::optional<Slot>> slots(items.size());
  std::mutex mutex;
  std::condition_variable filled;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};

  auto work = [&](Runner& runner) {
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= items.size() || stop.load()) return;
      Slot slot;
      try {
        slot.outcome = runner.run(items[i]);
      } catch (...) {
        slot.error = std::current_exception();
      }
      {
        const std::lock_guard lock(mutex);
        slots[i] = std::move(slot);
      }
      filled.notify_all();
    }
  };

  std::vector<std::thread> threads;
  // Joins the workers on every exit path, after telling them to stop.
  struct Joiner {
    std::vector<std::thread>& threads;
    std::atomic<bool>& stop;
    ~Joiner() {
      stop.store(true);
      for (auto& t : threads)
        if (t.joinable()) t.join();
    }
  } joiner{threads, stop};
  for (std::size_t w = 0; w < workers; ++w) threads.emplace_back(work, std::ref(*runners_[w]));

  for (std::size_t i = 0; i < items.size(); ++i) {
    Slot slot;
    {
      std::unique_lock lock(mutex);
      filled.wait(lock, [&] { return slots[i].has_value(); });
      slot = std::move(*slots[i]);
      slots[i].reset();
    }
    if (slot.error) std::rethrow_exception(slot.error);
    emit(*slot.outcome);
  }
}

}  // namespace xmcheck::frontend
