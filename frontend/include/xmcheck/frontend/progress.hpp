#pragma once
// The progress bar of suite runs: one line on stderr, redrawn in place
// ("[=====>      ] 12/209 path"), only when stderr is a terminal and not -q.
// Cleared before any diagnostic is printed and at the end of the run; stdout is
// never touched.
#include <cstddef>
#include <string>

namespace xmcheck::frontend {

class Progress {
 public:
  /// Enabled when `wanted` and stderr is a terminal (isatty), and total > 1.
  Progress(std::size_t total, bool wanted);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// One more test done.
  void step(const std::string& path);
  /// Erases the bar (before a diagnostic line); the next step redraws it.
  void clear();
  [[nodiscard]] bool enabled() const { return enabled_; }

 private:
  std::size_t total_;
  std::size_t done_ = 0;
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace xmcheck::frontend
