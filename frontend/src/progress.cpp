#include "xmcheck/frontend/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace xmcheck::frontend {

Progress::Progress(std::size_t total, bool wanted)
    : total_(total), enabled_(wanted && total > 1 && ::isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() { clear(); }

void Progress::step(const std::string& path) {
  ++done_;
  if (!enabled_) return;
  constexpr std::size_t kWidth = 30;
  const std::size_t filled = total_ == 0 ? kWidth : done_ * kWidth / total_;
  std::string bar(filled, '=');
  if (filled < kWidth) bar += '>' + std::string(kWidth - filled - 1, ' ');
  std::string name = path;
  if (name.size() > 40) name = "..." + name.substr(name.size() - 37);
  std::fflush(stdout);
  std::fprintf(stderr, "\r\033[K[%s] %zu/%zu %s", bar.c_str(), done_, total_, name.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::clear() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace xmcheck::frontend
