#include "splitter.hpp"

#include <array>
#include <cctype>
#include <string_view>

#include "lexer.hpp"

namespace xmcheck::litmus::internal {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_space(char c) { return is_blank(c) || c == '\n' || c == '\f' || c == '\v'; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
// herd's metadata key: alpha (alpha|digit|'_'|'/'|'.'|'-')*
bool is_key_char(char c) { return is_alnum(c) || c == '_' || c == '/' || c == '.' || c == '-'; }
bool is_word_char(char c) { return is_alnum(c) || c == '_' || c == '.'; }

// Words that end the program table; herd's splitter stops at the same ones.
constexpr std::array<std::string_view, 8> kConstraintWords = {
    "exists", "forall", "final", "locations", "filter", "observed", "Observed", "cases"};

class Splitter {
 public:
  explicit Splitter(const SourceText& src) : src_(src), text_(src.text()), size_(text_.size()) {}

  Sections run() {
    Sections out;
    std::size_t at = read_header(out);
    at = read_preamble(out, at);
    at = read_init(out, at);
    read_program_and_constraints(out, at);
    return out;
  }

 private:
  std::size_t skip_blanks(std::size_t at) const {
    while (at < size_ && is_blank(text_[at])) ++at;
    return at;
  }
  std::size_t line_end(std::size_t at) const {
    while (at < size_ && text_[at] != '\n') ++at;
    return at;
  }

  // `ARCH NAME [(texname)] ["doc"] [;]` on the first non-blank line.
  std::size_t read_header(Sections& out) const {
    std::size_t at = 0;
    while (at < size_ && is_space(text_[at])) ++at;
    if (at >= size_) src_.fail(at, at, "empty litmus file: expected a header 'ARCH NAME'");
    const std::size_t arch_begin = at;
    while (at < size_ && (is_alnum(text_[at]) || text_[at] == '_')) ++at;
    if (at == arch_begin)
      src_.fail(at, at + 1, "expected architecture name at start of file");
    out.arch = text_.substr(arch_begin, at - arch_begin);
    out.arch_where = {arch_begin, at};
    at = skip_blanks(at);
    const std::size_t name_begin = at;
    while (at < size_ && !is_space(text_[at])) ++at;
    if (at == name_begin) src_.fail(at, at, "expected test name after '" + out.arch + "'");
    out.name = text_.substr(name_begin, at - name_begin);
    out.name_where = {name_begin, at};
    at = skip_blanks(at);
    if (at < size_ && text_[at] == '(' && !(at + 1 < size_ && text_[at + 1] == '*')) {
      // A LaTeX name `(texname)`: kept by herd for documentation only.
      const std::size_t close = text_.find(')', at);
      if (close == std::string::npos || close > line_end(at))
        src_.fail(at, at + 1, "expected ')' after test's alternative name");
      at = skip_blanks(close + 1);
    }
    if (at < size_ && text_[at] == '"') {
      const std::size_t end = skip_string(src_, at, size_);
      out.doc = text_.substr(at + 1, end - at - 2);
      at = skip_blanks(end);
    }
    if (at < size_ && text_[at] == ';') at = skip_blanks(at + 1);
    return at;
  }

  // Metadata lines, comments and the doc string, up to the opening brace.
  std::size_t read_preamble(Sections& out, std::size_t at) const {
    bool doc_seen = !out.doc.empty();
    while (true) {
      while (at < size_ && is_space(text_[at])) ++at;
      if (at >= size_) src_.fail(at, at, "unexpected end of file: expected init block '{'");
      const char c = text_[at];
      if (c == '{') return at;
      if (c == '(' && at + 1 < size_ && text_[at + 1] == '*') {
        at = skip_comment(src_, at, size_);
      } else if (c == '"') {
        const std::size_t end = skip_string(src_, at, size_);
        if (doc_seen) src_.fail(at, end, "more than one doc string");
        out.doc = text_.substr(at + 1, end - at - 2);
        doc_seen = true;
        at = end;
      } else if (is_alpha(c)) {
        at = read_meta_line(out, at);
      } else {
        src_.fail(at, at + 1,
                  std::string("unexpected '") + c + "' before init block: expected 'Key=Value' or '{'");
      }
    }
  }

  std::size_t read_meta_line(Sections& out, std::size_t at) const {
    const std::size_t key_begin = at;
    while (at < size_ && is_key_char(text_[at])) ++at;
    const std::size_t key_end = at;
    at = skip_blanks(at);
    if (at >= size_ || text_[at] != '=')
      src_.fail(key_begin, key_end,
                "unexpected '" + text_.substr(key_begin, key_end - key_begin) +
                    "' before init block: expected 'Key=Value' or '{'");
    const std::size_t value_begin = skip_blanks(at + 1);
    const std::size_t end = line_end(value_begin);
    std::size_t value_end = end;
    while (value_end > value_begin && is_blank(text_[value_end - 1])) --value_end;
    MetaEntry entry;
    entry.key = text_.substr(key_begin, key_end - key_begin);
    entry.value = text_.substr(value_begin, value_end - value_begin);
    entry.span = src_.span(key_begin, value_end);
    out.meta.push_back(std::move(entry));
    return end;
  }

  // `{ ... }` with nested braces (array initialisers), comments and strings.
  std::size_t read_init(Sections& out, std::size_t open) const {
    int depth = 0;
    std::size_t at = open + 1;
    while (at < size_) {
      const char c = text_[at];
      if (c == '(' && at + 1 < size_ && text_[at + 1] == '*') {
        at = skip_comment(src_, at, size_);
        continue;
      }
      if (c == '"') {
        at = skip_string(src_, at, size_);
        continue;
      }
      if (c == '{') ++depth;
      if (c == '}' && depth-- == 0) {
        out.init = {open + 1, at};
        return at + 1;
      }
      ++at;
    }
    src_.fail(size_, size_, "unexpected end of file in init block");
  }

  void read_program_and_constraints(Sections& out, std::size_t begin) const {
    if (out.arch == "C") return read_c_program_and_constraints(out, begin);
    std::size_t at = begin;
    while (at < size_) {
      const char c = text_[at];
      if (c == '(' && at + 1 < size_ && text_[at + 1] == '*') {
        at = skip_comment(src_, at, size_);
      } else if (c == '"') {
        at = skip_string(src_, at, size_);
      } else if (c == '~' && starts_word(skip_space(at + 1), "exists")) {
        break;
      } else if (is_alpha(c) || c == '_') {
        // Whole words only, so that a label such as `Lfinal` does not end the program.
        std::size_t end = at;
        while (end < size_ && is_word_char(text_[end])) ++end;
        if (is_constraint_word(std::string_view(text_).substr(at, end - at))) break;
        at = end;
      } else {
        ++at;
      }
    }
    out.program = {begin, at};
    out.constraints = {at, constraints_end(at)};
  }

  // herd's old test files may end with `<< ... >>` blocks (instructions for
  // the ppcmem tool): the constraints stop at a `<<` that starts a line.
  std::size_t constraints_end(std::size_t at) const {
    while (at < size_) {
      const char c = text_[at];
      if (c == '(' && at + 1 < size_ && text_[at + 1] == '*') {
        at = skip_comment(src_, at, size_);
      } else if (c == '"') {
        at = skip_string(src_, at, size_);
      } else if (c == '<' && at + 1 < size_ && text_[at + 1] == '<' && at_line_start(at)) {
        return at;
      } else {
        ++at;
      }
    }
    return size_;
  }

  // C programs: `//` and `/* */` comments, herd's `(* *)` only outside braces
  // (inside, `(*f)()` is C). The constraints start at a constraint word outside
  // braces and parentheses, or at one that begins a line and is followed by `(`
  // or `[` (so that a missing `}` is reported inside the program).
  void read_c_program_and_constraints(Sections& out, std::size_t begin) const {
    std::size_t at = begin;
    int braces = 0;
    int parens = 0;
    while (at < size_) {
      const char c = text_[at];
      const bool top = braces == 0 && parens == 0;
      if (c == '/' && at + 1 < size_ && text_[at + 1] == '/') {
        at = line_end(at);
      } else if (c == '/' && at + 1 < size_ && text_[at + 1] == '*') {
        const std::size_t close = text_.find("*/", at + 2);
        if (close == std::string::npos) src_.fail(at, at + 2, "unterminated comment");
        at = close + 2;
      } else if (braces == 0 && c == '(' && at + 1 < size_ && text_[at + 1] == '*') {
        at = skip_comment(src_, at, size_);
      } else if (c == '"') {
        at = skip_string(src_, at, size_);
      } else if (top && c == '~' && starts_word(skip_space(at + 1), "exists")) {
        break;
      } else if (is_alpha(c) || c == '_') {
        std::size_t end = at;
        while (end < size_ && is_word_char(text_[end])) ++end;
        if (is_constraint_word(std::string_view(text_).substr(at, end - at))) {
          const std::size_t after = skip_space(end);
          if (top || (at_line_start(at) && after < size_ && (text_[after] == '(' || text_[after] == '[')))
            break;
        }
        at = end;
      } else {
        if (c == '{') ++braces;
        if (c == '}' && braces > 0) --braces;
        if (c == '(') ++parens;
        if (c == ')' && parens > 0) --parens;
        ++at;
      }
    }
    out.program = {begin, at};
    out.constraints = {at, size_};
  }

  bool at_line_start(std::size_t at) const {
    while (at > 0 && is_blank(text_[at - 1])) --at;
    return at == 0 || text_[at - 1] == '\n';
  }

  std::size_t skip_space(std::size_t at) const {
    while (at < size_ && is_space(text_[at])) ++at;
    return at;
  }
  bool starts_word(std::size_t at, std::string_view word) const {
    if (std::string_view(text_).substr(at, word.size()) != word) return false;
    const std::size_t end = at + word.size();
    return end >= size_ || !is_word_char(text_[end]);
  }
  static bool is_constraint_word(std::string_view word) {
    for (auto w : kConstraintWords)
      if (w == word) return true;
    return false;
  }

  const SourceText& src_;
  const std::string& text_;
  std::size_t size_;
};

}  // namespace

Sections split_sections(const SourceText& src) { return Splitter(src).run(); }

}  // namespace xmcheck::litmus::internal
