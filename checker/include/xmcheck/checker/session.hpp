#pragma once
// Resources reused across the tests of one run on one worker: the SMT context
// (creating one costs more than checking a typical litmus test) and models
// compiled per variant set. Not thread-safe: one Session per worker thread.
#include <memory>

namespace xmcheck::checker {

class Session {
 public:
  Session();
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  Session(Session&&) noexcept;
  Session& operator=(Session&&) noexcept;

  struct Impl;
  [[nodiscard]] Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace xmcheck::checker
