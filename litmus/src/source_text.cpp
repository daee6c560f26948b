#include "source_text.hpp"

#include <algorithm>
#include <cctype>

namespace xmcheck::litmus::internal {

SourceText::SourceText(std::string text, const std::string& file_name)
    : text_(std::move(text)), file_(std::make_shared<const std::string>(file_name)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

diag::SourcePos SourceText::pos_at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  // The last line start not after `offset`.
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  return {static_cast<std::uint32_t>(line_index + 1),
          static_cast<std::uint32_t>(offset - line_starts_[line_index] + 1)};
}

diag::SourceSpan SourceText::span(std::size_t begin, std::size_t end) const {
  return {file_, pos_at(begin), pos_at(std::max(begin, end))};
}

diag::SourceSpan SourceText::file_span() const { return {file_, {}, {}}; }

void SourceText::fail(std::size_t begin, std::size_t end, const std::string& message) const {
  throw diag::UserError(diag::ErrorKind::Litmus, span(begin, end), message);
}

std::string to_upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace xmcheck::litmus::internal
