#pragma once
// Tokens of the model language (a subset of herd7's cat lexical syntax).
#include <memory>
#include <string>
#include <vector>

#include "xmcheck/diag/source_span.hpp"

namespace xmcheck::axioms::detail {

enum class Tok {
  Eof,
  Var,     ///< identifier (text holds it)
  String,  ///< "..." (text holds the contents)
  Tag,     ///< 'name (unsupported in our subset; lexed to report it)
  // punctuation and operators
  LPar, RPar, LBrace, RBrace, LBrack, RBrack,
  Underscore, Zero, Bar, BarBar, Amp, AmpAmp, Star, Tilde, Plus, PlusPlus, Hat, Inv,
  Backslash, Question, Equal, Semi, Comma, Arrow,
  // keywords
  KwLet, KwRec, KwAnd, KwWhen, KwAcyclic, KwIrreflexive, KwShow, KwUnshow, KwEmpty,
  KwSubset, KwAs, KwFun, KwIn, KwRequires, KwFlag, KwAssert, KwInclude, KwVariant,
  KwBegin, KwEnd, KwProcedure, KwCall, KwEnum, KwDebug, KwMatch, KwWith, KwForall,
  KwFrom, KwDo, KwTry, KwIf, KwThen, KwElse, KwCatdep, KwInstructions, KwDefault, KwNot,
};

struct Token {
  Tok kind = Tok::Eof;
  std::string text;  ///< identifier / string contents / the lexeme
  diag::SourceSpan span;
};

/// Splits `text` into tokens (ending with Eof). Throws diag::UserError (Model)
/// on an unterminated comment or string, or a character outside the language.
[[nodiscard]] std::vector<Token> lex(const std::string& text,
                                     const std::shared_ptr<const std::string>& file);

/// A human-readable spelling of a token kind, for "expected ..." messages.
[[nodiscard]] const char* tok_name(Tok t);

}  // namespace xmcheck::axioms::detail
