// Lexer for the model language. Identifier rule follows herd7's cat lexer:
// an optional '_', a letter, then letters, digits, '_', '.', '-', and an
// optional trailing quote. "(* *)" comments nest; "//" and "#" start line comments.
#include "lexer.hpp"

#include <cctype>
#include <string_view>
#include <utility>

#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::axioms::detail {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_char(char c) { return is_alpha(c) || is_digit(c) || c == '_' || c == '.' || c == '-'; }

Tok keyword_or_var(std::string_view s) {
  struct Kw {
    std::string_view text;
    Tok tok;
  };
  static constexpr Kw kKeywords[] = {
      {"let", Tok::KwLet}, {"rec", Tok::KwRec}, {"and", Tok::KwAnd}, {"when", Tok::KwWhen},
      {"acyclic", Tok::KwAcyclic}, {"irreflexive", Tok::KwIrreflexive}, {"show", Tok::KwShow},
      {"unshow", Tok::KwUnshow}, {"empty", Tok::KwEmpty}, {"subset", Tok::KwSubset},
      {"as", Tok::KwAs}, {"fun", Tok::KwFun}, {"in", Tok::KwIn},
      {"undefined_unless", Tok::KwRequires}, {"flag", Tok::KwFlag}, {"assert", Tok::KwAssert},
      {"include", Tok::KwInclude}, {"variant", Tok::KwVariant}, {"begin", Tok::KwBegin},
      {"end", Tok::KwEnd}, {"procedure", Tok::KwProcedure}, {"call", Tok::KwCall},
      {"enum", Tok::KwEnum}, {"debug", Tok::KwDebug}, {"match", Tok::KwMatch},
      {"with", Tok::KwWith}, {"forall", Tok::KwForall}, {"from", Tok::KwFrom},
      {"do", Tok::KwDo}, {"try", Tok::KwTry}, {"if", Tok::KwIf}, {"then", Tok::KwThen},
      {"else", Tok::KwElse}, {"catdep", Tok::KwCatdep}, {"instructions", Tok::KwInstructions},
      {"default", Tok::KwDefault}, {"not", Tok::KwNot},
  };
  for (const auto& kw : kKeywords)
    if (kw.text == s) return kw.tok;
  return Tok::Var;
}

class Lexer {
 public:
  Lexer(const std::string& text, std::shared_ptr<const std::string> file)
      : text_(text), file_(std::move(file)) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    for (;;) {
      skip_blanks_and_comments();
      const diag::SourcePos start = pos();
      if (i_ >= text_.size()) {
        out.push_back(Token{Tok::Eof, "", span(start)});
        return out;
      }
      out.push_back(next(start));
    }
  }

 private:
  [[nodiscard]] diag::SourcePos pos() const { return {line_, col_}; }
  [[nodiscard]] diag::SourceSpan span(diag::SourcePos b) const { return {file_, b, pos()}; }
  [[nodiscard]] char peek(std::size_t k = 0) const {
    return i_ + k < text_.size() ? text_[i_ + k] : '\0';
  }
  void advance() {
    if (text_[i_] == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    ++i_;
  }
  [[noreturn]] void fail(diag::SourcePos p, const std::string& msg) const {
    throw diag::UserError(diag::ErrorKind::Model, diag::SourceSpan{file_, p, p}, msg);
  }

  void skip_blanks_and_comments() {
    for (;;) {
      const char c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
        advance();
      } else if ((c == '/' && peek(1) == '/') || c == '#') {
        while (i_ < text_.size() && peek() != '\n') advance();
      } else if (c == '(' && peek(1) == '*') {
        skip_comment();
      } else {
        return;
      }
    }
  }

  void skip_comment() {
    const diag::SourcePos start = pos();
    int depth = 0;
    while (i_ < text_.size()) {
      if (peek() == '(' && peek(1) == '*') {
        ++depth;
        advance();
        advance();
      } else if (peek() == '*' && peek(1) == ')') {
        --depth;
        advance();
        advance();
        if (depth == 0) return;
      } else {
        advance();
      }
    }
    fail(start, "unterminated comment");
  }

  Token simple(Tok t, std::size_t len, diag::SourcePos start) {
    std::string lexeme = text_.substr(i_, len);
    for (std::size_t k = 0; k < len; ++k) advance();
    return Token{t, std::move(lexeme), span(start)};
  }

  std::string read_name() {
    const std::size_t b = i_;
    if (peek() == '_') advance();
    advance();  // the letter
    while (is_name_char(peek())) advance();
    if (peek() == '\'') advance();
    return text_.substr(b, i_ - b);
  }

  Token next(diag::SourcePos start) {
    const char c = peek();
    const char d = peek(1);
    if (is_alpha(c) || (c == '_' && is_alpha(d))) {
      std::string name = read_name();
      const Tok t = keyword_or_var(name);
      return Token{t, std::move(name), span(start)};
    }
    switch (c) {
      case '(': return simple(Tok::LPar, 1, start);
      case ')': return simple(Tok::RPar, 1, start);
      case '{': return simple(Tok::LBrace, 1, start);
      case '}': return simple(Tok::RBrace, 1, start);
      case '[': return simple(Tok::LBrack, 1, start);
      case ']': return simple(Tok::RBrack, 1, start);
      case '_': return simple(Tok::Underscore, 1, start);
      case '0': return simple(Tok::Zero, 1, start);
      case '|': return d == '|' ? simple(Tok::BarBar, 2, start) : simple(Tok::Bar, 1, start);
      case '&': return d == '&' ? simple(Tok::AmpAmp, 2, start) : simple(Tok::Amp, 1, start);
      case '*': return simple(Tok::Star, 1, start);
      case '~': return simple(Tok::Tilde, 1, start);
      case '+': return d == '+' ? simple(Tok::PlusPlus, 2, start) : simple(Tok::Plus, 1, start);
      case '^': return simple(Tok::Hat, 1, start);
      case '\\': return simple(Tok::Backslash, 1, start);
      case '?': return simple(Tok::Question, 1, start);
      case '=': return simple(Tok::Equal, 1, start);
      case ';': return simple(Tok::Semi, 1, start);
      case ',': return simple(Tok::Comma, 1, start);
      case '-':
        if (d == '1') return simple(Tok::Inv, 2, start);
        if (d == '>') return simple(Tok::Arrow, 2, start);
        break;
      case '"': {
        advance();
        const std::size_t b = i_;
        while (i_ < text_.size() && peek() != '"') advance();
        if (i_ >= text_.size()) fail(start, "unterminated string");
        std::string s = text_.substr(b, i_ - b);
        advance();
        return Token{Tok::String, std::move(s), span(start)};
      }
      case '\'':
        if (is_alpha(d) || (d == '_' && is_alpha(peek(2)))) {
          advance();
          std::string name = read_name();
          return Token{Tok::Tag, std::move(name), span(start)};
        }
        break;
      default: break;
    }
    const auto uc = static_cast<unsigned char>(c);
    std::string shown = std::isprint(uc) != 0 ? std::string(1, c) : "\\x" + std::to_string(uc);
    fail(start, "unexpected character '" + shown + "'");
  }

  const std::string& text_;
  std::shared_ptr<const std::string> file_;
  std::size_t i_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t col_ = 1;
};

}  // namespace

std::vector<Token> lex(const std::string& text, const std::shared_ptr<const std::string>& file) {
  return Lexer(text, file).run();
}

const char* tok_name(Tok t) {
  switch (t) {
    case Tok::Eof: return "end of file";
    case Tok::Var: return "identifier";
    case Tok::String: return "string";
    case Tok::Tag: return "tag";
    case Tok::LPar: return "'('";
    case Tok::RPar: return "')'";
    case Tok::LBrace: return "'{'";
    case Tok::RBrace: return "'}'";
    case Tok::LBrack: return "'['";
    case Tok::RBrack: return "']'";
    case Tok::Underscore: return "'_'";
    case Tok::Zero: return "'0'";
    case Tok::Bar: return "'|'";
    case Tok::BarBar: return "'||'";
    case Tok::Amp: return "'&'";
    case Tok::AmpAmp: return "'&&'";
    case Tok::Star: return "'*'";
    case Tok::Tilde: return "'~'";
    case Tok::Plus: return "'+'";
    case Tok::PlusPlus: return "'++'";
    case Tok::Hat: return "'^'";
    case Tok::Inv: return "'-1'";
    case Tok::Backslash: return "'\\'";
    case Tok::Question: return "'?'";
    case Tok::Equal: return "'='";
    case Tok::Semi: return "';'";
    case Tok::Comma: return "','";
    case Tok::Arrow: return "'->'";
    default: return "keyword";
  }
}

}  // namespace xmcheck::axioms::detail
