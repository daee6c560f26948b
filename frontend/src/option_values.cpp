#include "xmcheck/frontend/option_values.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <string_view>
#include <thread>

#include <fmt/format.h>

namespace xmcheck::frontend {
namespace {

/// A whole-text finite double (from_chars: no locale, no leading blanks).
std::optional<double> parse_number(std::string_view text, std::string_view* rest) {
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end == text.data() || !std::isfinite(v)) return std::nullopt;
  *rest = text.substr(static_cast<std::size_t>(end - text.data()));
  return v;
}

std::optional<std::uint64_t> unit_multiplier(std::string_view unit) {
  std::string u(unit);
  for (auto& c : u) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (u.empty() || u == "b") return 1;
  static constexpr std::string_view kPrefixes = "kmgt";
  const auto at = kPrefixes.find(u.front());
  if (at == std::string_view::npos) return std::nullopt;
  const std::string_view suffix = std::string_view(u).substr(1);
  if (!(suffix.empty() || suffix == "b" || suffix == "ib")) return std::nullopt;
  return std::uint64_t{1} << (10 * (at + 1));
}

/// A cgroup limit file: a byte count, or "max" (none).
std::uint64_t cgroup_limit(const char* path) {
  std::ifstream in(path);
  std::string word;
  if (!(in >> word) || word == "max") return 0;
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), v);
  return ec == std::errc() && end == word.data() + word.size() ? v : 0;
}

}  // namespace

std::optional<double> parse_seconds(const std::string& text) {
  std::string_view rest;
  const auto v = parse_number(text, &rest);
  if (!v || !rest.empty() || *v < 0 || *v > kMaxTimeoutSeconds) return std::nullopt;
  return *v;
}

std::optional<std::uint64_t> parse_memory_size(const std::string& text) {
  std::string_view rest;
  const auto v = parse_number(text, &rest);
  if (!v || *v < 0) return std::nullopt;
  const auto unit = unit_multiplier(rest);
  if (!unit) return std::nullopt;
  const double bytes = std::floor(*v * static_cast<double>(*unit));
  if (bytes > static_cast<double>(kMaxMemoryBytes)) return std::nullopt;
  return static_cast<std::uint64_t>(bytes);
}

std::uint64_t available_memory_bytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page = ::sysconf(_SC_PAGESIZE);
  std::uint64_t out = pages > 0 && page > 0 ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page) : 0;
  for (const char* path : {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
    const std::uint64_t limit = cgroup_limit(path);
    // cgroup v1 says "no limit" with a huge number: keep the smaller one.
    if (limit > 0 && (out == 0 || limit < out)) out = limit;
  }
  return out;
}

std::uint64_t default_memory_limit() {
  const std::uint64_t available = available_memory_bytes();
  return static_cast<std::uint64_t>(static_cast<double>(available) * kDefaultMemoryFraction);
}

std::string format_bytes(std::uint64_t bytes) {
  static constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
  double v = static_cast<double>(bytes);
  std::size_t u = 0;
  while (v >= 1024 && u + 1 < std::size(kUnits)) {
    v /= 1024;
    ++u;
  }
  return fmt::format("{:.{}f} {}", v, (u == 0 || v == std::floor(v)) ? 0 : 1, kUnits[u]);
}

unsigned worker_count(int requested, std::size_t tests, unsigned hardware_threads) {
  const std::size_t hw = std::max(hardware_threads, 1U);
  const std::size_t wanted = requested > 0 ? static_cast<std::size_t>(requested) : hw;
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min({wanted, tests, hw})));
}

}  // namespace xmcheck::frontend
