#pragma once
// The time limit of one check() call (CheckOptions::timeout_seconds). The
// search's loops poll it; when it has passed they throw TimedOut, which check()
// turns into TestResult::timed_out. No global state: each call owns its own.
#include <chrono>

namespace xmcheck::checker {

/// Thrown by Deadline::check() once the limit has passed.
struct TimedOut {};

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;
  /// `seconds` <= 0: no limit.
  explicit Deadline(double seconds) : active_(seconds > 0) {
    if (active_)
      at_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  }
  [[nodiscard]] bool active() const { return active_; }
  [[nodiscard]] bool passed() const { return active_ && Clock::now() >= at_; }
  void check() const {
    if (passed()) throw TimedOut{};
  }
  /// Milliseconds left (at least 1), for solvers that take a timeout.
  [[nodiscard]] unsigned remaining_ms() const {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(at_ - Clock::now()).count();
    return left < 1 ? 1U : static_cast<unsigned>(left);
  }

 private:
  bool active_ = false;
  Clock::time_point at_{};
};

}  // namespace xmcheck::checker
