#pragma once
// The typed error hierarchy shared by every module. User mistakes throw UserError
// (with a span); our own mistakes fail XMCHECK_ASSERT, which throws InternalError.
// Only the frontend turns these into exit codes.
#include <stdexcept>
#include <string>
#include <utility>

#include "xmcheck/diag/source_span.hpp"

namespace xmcheck::diag {

/// What kind of user mistake an error reports; the frontend maps each kind to a
/// documented exit code (frontend/exit_codes.hpp).
enum class ErrorKind {
  Io,           ///< a file cannot be read
  Litmus,       ///< malformed litmus test
  Model,        ///< malformed or ill-typed model file
  Unsupported,  ///< well-formed input using something xmcheck does not implement
  Usage,        ///< contradictory or invalid options
};

class UserError : public std::runtime_error {
 public:
  UserError(ErrorKind kind, SourceSpan span, const std::string& message)
      : std::runtime_error(message), kind_(kind), span_(std::move(span)) {}

  [[nodiscard]] ErrorKind kind() const { return kind_; }
  [[nodiscard]] const SourceSpan& span() const { return span_; }
  /// "file:line:col: error: message", the one line printed on stderr.
  [[nodiscard]] std::string formatted() const {
    return span_.to_string() + ": error: " + what();
  }

 private:
  ErrorKind kind_;
  SourceSpan span_;
};

/// A violated invariant of xmcheck itself (never the user's fault).
class InternalError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

[[noreturn]] inline void fail_invariant(const char* cond, const char* reason, const char* file,
                                        int line) {
  throw InternalError(std::string(file) + ":" + std::to_string(line) +
                      ": invariant failed: " + cond + " (" + reason + ")");
}

}  // namespace xmcheck::diag

/// Always-on invariant check (release builds included).
#define XMCHECK_ASSERT(cond, reason)                                            \
  do {                                                                          \
    if (!(cond)) ::xmcheck::diag::fail_invariant(#cond, reason, __FILE__, __LINE__); \
  } while (false)
