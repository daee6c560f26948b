#pragma once
// The resources one check may use (CheckOptions::limits): an absolute
// deadline, so that a caller can bound everything it does for a test (parse,
// every architecture of a C test) with one clock; a bound on the process's
// resident memory; and a Z3 resource limit, which exists to make the solver
// give up on purpose in tests. A search that hits one of them stops with
// TestResult::stop set; it never passes for a complete answer.
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>

namespace xmcheck::checker {

using SteadyClock = std::chrono::steady_clock;

struct ResourceLimits {
  /// Stop once this time has passed (none: no time limit).
  std::optional<SteadyClock::time_point> deadline;
  /// Stop once the process's resident memory exceeds this many bytes (0: no
  /// limit); also caps the solver's own allocations.
  std::uint64_t memory_bytes = 0;
  /// Z3's `rlimit` for each solver call (0: none): for tests that need the
  /// solver to answer `unknown`.
  std::uint64_t solver_rlimit = 0;
};

/// `now + seconds`, saturating at the clock's range (never overflowing);
/// nullopt when `seconds` is not a positive number (no limit).
[[nodiscard]] inline std::optional<SteadyClock::time_point> deadline_after(
    double seconds, SteadyClock::time_point now = SteadyClock::now()) {
  if (!(seconds > 0)) return std::nullopt;  // also NaN
  using Ns = SteadyClock::duration;
  const auto room = now.time_since_epoch().count() >= 0 ? SteadyClock::time_point::max() - now
                                                         : Ns::max();
  const double room_seconds = std::chrono::duration<double>(room).count();
  if (seconds >= room_seconds) return SteadyClock::time_point::max();
  return now + std::chrono::duration_cast<Ns>(std::chrono::duration<double>(seconds));
}

/// The earlier of two optional deadlines.
[[nodiscard]] inline std::optional<SteadyClock::time_point> earlier(
    std::optional<SteadyClock::time_point> a, std::optional<SteadyClock::time_point> b) {
  if (!a) return b;
  if (!b) return a;
  return *a < *b ? a : b;
}

}  // namespace xmcheck::checker
