#pragma once
// The budget of one check() call (CheckOptions::limits, ::timeout_seconds):
// a deadline and a bound on resident memory. Every loop of the search that
// can run long (unfolding per path, the encoder per trace and read, the
// skeleton loop per solver call, the coherence loop per candidate, cores,
// witnesses and explanations) polls check(); once a limit is hit it throws
// Stopped, which check() turns into TestResult::stop. No global state: each
// call owns its own budget.
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "xmcheck/checker/limits.hpp"
#include "xmcheck/checker/result.hpp"

namespace xmcheck::checker {

/// Thrown by Deadline::check() (and the solver) when the search must stop early.
struct Stopped {
  StopReason reason = StopReason::Timeout;
  std::string detail;
};

/// The process's resident memory in bytes (/proc/self/statm); 0 when unknown.
[[nodiscard]] inline std::uint64_t resident_bytes() {
  const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char buf[128];
  const ssize_t n = ::read(fd, buf, sizeof buf - 1);
  ::close(fd);
  if (n <= 0) return 0;
  buf[n] = '\0';
  char* end = nullptr;
  (void)std::strtoull(buf, &end, 10);                       // total program size
  const unsigned long long pages = std::strtoull(end, nullptr, 10);  // resident
  const long page = ::sysconf(_SC_PAGESIZE);
  return page > 0 ? pages * static_cast<std::uint64_t>(page) : 0;
}

class Deadline {
 public:
  using Clock = SteadyClock;

  /// `seconds` <= 0: no time limit (other than limits.deadline).
  explicit Deadline(double seconds) : Deadline(ResourceLimits{}, seconds) {}
  Deadline(const ResourceLimits& limits, double seconds)
      : at_(earlier(limits.deadline, deadline_after(seconds))),
        memory_bytes_(limits.memory_bytes),
        rlimit_(limits.solver_rlimit) {}

  /// Whether check() has anything to watch.
  [[nodiscard]] bool active() const { return at_.has_value() || memory_bytes_ > 0; }
  [[nodiscard]] bool has_time_limit() const { return at_.has_value(); }
  [[nodiscard]] bool passed() const { return at_ && Clock::now() >= *at_; }

  /// Throws Stopped once the deadline has passed or, polled at most every
  /// kMemoryPoll, resident memory exceeds the bound.
  void check() const {
    if (!active()) return;
    const auto now = Clock::now();
    if (at_ && now >= *at_) throw Stopped{StopReason::Timeout, {}};
    if (memory_bytes_ == 0 || now < next_memory_poll_) return;
    next_memory_poll_ = now + kMemoryPoll;
    if (memory_exceeded()) throw Stopped{StopReason::MemoryLimit, {}};
  }

  /// Whether resident memory is above the bound now (no throttling).
  [[nodiscard]] bool memory_exceeded() const {
    return memory_bytes_ > 0 && resident_bytes() > memory_bytes_;
  }

  /// Milliseconds left, in [1, UINT_MAX - 1] (Z3's "timeout" reads UINT_MAX as none).
  [[nodiscard]] unsigned remaining_ms() const {
    constexpr auto kMost = std::numeric_limits<unsigned>::max() - 1;
    if (!at_) return kMost;
    const auto now = Clock::now();
    if (now >= *at_) return 1;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*at_ - now).count();
    if (left < 1) return 1;
    return static_cast<std::uint64_t>(left) >= kMost ? kMost : static_cast<unsigned>(left);
  }

  /// The memory bound in MiB for the solver (0: none), at most UINT_MAX - 1.
  [[nodiscard]] unsigned solver_memory_mb() const {
    constexpr std::uint64_t kMost = std::numeric_limits<unsigned>::max() - 1;
    if (memory_bytes_ == 0) return 0;
    const std::uint64_t mb = memory_bytes_ >> 20;
    return static_cast<unsigned>(mb < 1 ? 1 : mb > kMost ? kMost : mb);
  }
  [[nodiscard]] std::uint64_t solver_rlimit() const { return rlimit_; }

 private:
  static constexpr std::chrono::milliseconds kMemoryPoll{10};  ///< reading statm costs a syscall

  std::optional<Clock::time_point> at_;
  std::uint64_t memory_bytes_ = 0;
  std::uint64_t rlimit_ = 0;
  mutable Clock::time_point next_memory_poll_{};
};

}  // namespace xmcheck::checker
