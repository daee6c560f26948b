#pragma once
// Bounds the recursion that input drives. Parsers descend once per nesting
// level of the text (parentheses, blocks, prefix operators), and later passes
// walk the trees they build, so a deep enough input would overflow the stack;
// each language documents a nesting limit (xmcheck/litmus/limits.hpp,
// xmcheck/axioms/limits.hpp) and reports a positioned error past it.
#include <cstddef>
#include <string>
#include <string_view>

namespace xmcheck::diag {

/// One level of a recursive descent: increments `depth` for its lifetime (also
/// when a parse error unwinds through it). The caller reports the error when
/// too_deep(), where it knows the position.
class NestingGuard {
 public:
  NestingGuard(std::size_t& depth, std::size_t limit) : depth_(depth) {
    ++depth_;
    too_deep_ = depth_ > limit;
  }
  ~NestingGuard() { --depth_; }
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;

  [[nodiscard]] bool too_deep() const { return too_deep_; }

 private:
  std::size_t& depth_;
  bool too_deep_ = false;
};

/// The message of every nesting-limit error: "WHAT nested too deeply (limit N)".
[[nodiscard]] inline std::string nested_too_deeply(std::string_view what, std::size_t limit) {
  return std::string(what) + " nested too deeply (limit " + std::to_string(limit) + ")";
}

}  // namespace xmcheck::diag
