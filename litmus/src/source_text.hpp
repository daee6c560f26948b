#pragma once
// The text of one litmus file plus the bookkeeping needed to turn byte offsets
// into 1-based line/column spans, so that every sub-parser can report errors at
// exact positions without tracking lines itself.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/diag/source_span.hpp"

namespace xmcheck::litmus::internal {

/// A half-open byte range [begin, end) of the source text.
struct Region {
  std::size_t begin = 0;
  std::size_t end = 0;
  [[nodiscard]] bool empty() const { return begin >= end; }
};

class SourceText {
 public:
  SourceText(std::string text, const std::string& file_name);

  [[nodiscard]] const std::string& text() const { return text_; }
  [[nodiscard]] const std::shared_ptr<const std::string>& file() const { return file_; }
  [[nodiscard]] std::size_t size() const { return text_.size(); }
  [[nodiscard]] std::string_view slice(Region r) const {
    return std::string_view(text_).substr(r.begin, r.end - r.begin);
  }

  /// 1-based line/column of a byte offset (offset == size() is the end of file).
  [[nodiscard]] diag::SourcePos pos_at(std::size_t offset) const;
  [[nodiscard]] diag::SourceSpan span(std::size_t begin, std::size_t end) const;
  [[nodiscard]] diag::SourceSpan span(Region r) const { return span(r.begin, r.end); }
  /// A span with the file name only (no position).
  [[nodiscard]] diag::SourceSpan file_span() const;

  /// Throws a UserError of kind Litmus at [begin, end).
  [[noreturn]] void fail(std::size_t begin, std::size_t end, const std::string& message) const;
  [[noreturn]] void fail(Region r, const std::string& message) const {
    fail(r.begin, r.end, message);
  }

 private:
  std::string text_;
  std::shared_ptr<const std::string> file_;
  std::vector<std::size_t> line_starts_;  ///< offset of the first byte of each line
};

/// Upper-cases ASCII letters (mnemonics, registers and keywords are case-insensitive).
[[nodiscard]] std::string to_upper(std::string_view s);

}  // namespace xmcheck::litmus::internal
