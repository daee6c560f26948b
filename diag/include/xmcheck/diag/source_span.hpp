#pragma once
// Source positions carried by every token and AST node, so that every user-facing
// error can read "file:line:col: error: ...".
#include <cstdint>
#include <memory>
#include <string>

namespace xmcheck::diag {

/// 1-based line and column; {0,0} means "no position" (e.g. a missing file).
struct SourcePos {
  std::uint32_t line = 0;
  std::uint32_t col = 0;
  friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

/// A half-open range of text in one file. The file name is shared between all
/// spans of one file so that copying a span stays cheap.
struct SourceSpan {
  std::shared_ptr<const std::string> file;
  SourcePos begin;
  SourcePos end;

  [[nodiscard]] const std::string& file_name() const {
    static const std::string unknown = "<unknown>";
    return file ? *file : unknown;
  }
  /// "file:line:col" (or just "file" when the span has no position).
  [[nodiscard]] std::string to_string() const {
    if (begin.line == 0) return file_name();
    return file_name() + ":" + std::to_string(begin.line) + ":" + std::to_string(begin.col);
  }
};

}  // namespace xmcheck::diag
