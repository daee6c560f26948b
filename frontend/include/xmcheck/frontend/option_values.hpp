#pragma once
// Values of the resource options (--timeout, --memory-limit, -j): parsing
// with documented bounds, so that no later arithmetic can overflow, and the
// defaults derived from the machine.
#include <cstdint>
#include <optional>
#include <string>

namespace xmcheck::frontend {

/// The largest --timeout: about 11.6 days. Far beyond any useful check, and
/// small enough that every conversion (nanoseconds for the clock, unsigned
/// milliseconds for Z3) stays exact.
inline constexpr double kMaxTimeoutSeconds = 1e6;

/// The largest --memory-limit: 1 PiB.
inline constexpr std::uint64_t kMaxMemoryBytes = std::uint64_t{1} << 50;

/// The default --memory-limit is this fraction of the memory available to the
/// process (physical memory, or the cgroup's limit when lower): the rest is
/// left to the system and other programs.
inline constexpr double kDefaultMemoryFraction = 0.75;

/// A --timeout value: a finite decimal number of seconds in [0,
/// kMaxTimeoutSeconds] (0: no limit). nullopt otherwise (nan, inf, negative,
/// too large, trailing text).
[[nodiscard]] std::optional<double> parse_seconds(const std::string& text);

/// A --memory-limit value: a finite number, optionally followed by a unit
/// K, M, G, T (powers of 1024; "KiB", "KB", "k" ... too; none: bytes), in
/// [0, kMaxMemoryBytes]; 0 means no limit. nullopt otherwise.
[[nodiscard]] std::optional<std::uint64_t> parse_memory_size(const std::string& text);

/// Memory available to this process: physical memory, lowered to the cgroup
/// (v2 memory.max, v1 memory.limit_in_bytes) limit if there is one; 0 if unknown.
[[nodiscard]] std::uint64_t available_memory_bytes();

/// The default --memory-limit: kDefaultMemoryFraction of available_memory_bytes()
/// (0, no limit, when that is unknown).
[[nodiscard]] std::uint64_t default_memory_limit();

/// "8 GiB", "512 MiB", "1.5 GiB", "100 B": for messages.
[[nodiscard]] std::string format_bytes(std::uint64_t bytes);

/// Workers for -j `requested` (0: one per hardware thread) over `tests` tests
/// on a machine with `hardware_threads` (0: unknown, taken as 1): never more
/// than the tests, nor than the hardware threads (checks are CPU-bound, each
/// worker costs a solver context), and at least 1.
[[nodiscard]] unsigned worker_count(int requested, std::size_t tests, unsigned hardware_threads);

}  // namespace xmcheck::frontend
