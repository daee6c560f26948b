#pragma once
// Abstract syntax of the model language, with source spans on every node.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "xmcheck/diag/source_span.hpp"

namespace xmcheck::axioms::detail {

/// A variant condition: `"V"`, `not c`, `c && c`, `c || c`.
struct VarCond {
  enum class Kind { Name, Not, And, Or } kind = Kind::Name;
  std::string name;  ///< for Name
  std::unique_ptr<VarCond> lhs, rhs;  ///< Not uses lhs
  std::size_t height = 1;  ///< levels of this tree (the parser bounds it)
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct LetBinding;

struct Expr {
  enum class Kind {
    Name,      ///< name
    Empty,     ///< 0 (relation)
    EmptySet,  ///< {}
    Universe,  ///< _ (set or relation, by context)
    Union, Inter, Diff, Seq, Cartesian,  ///< binary: a, b
    Plus, Star, Opt, Inverse, Complement, ToId,  ///< unary: a
    App,    ///< name(args): name, args
    Tuple,  ///< (e1, e2, ...): args (legal only as function arguments)
    If,     ///< if cond then a else b
    LetIn,  ///< let bindings in a
    LetRecIn,     ///< let rec bindings in a
    Try,          ///< try a with b: a, or b when a does not resolve
    Add,          ///< a ++ b: add element a to the set (or relation) b
    ExplicitSet,  ///< {e1, ..., en}: args
  } kind = Kind::Name;
  diag::SourceSpan span;
  std::string name;
  ExprPtr a, b;
  std::vector<ExprPtr> args;
  bool curried = false;  ///< App: `f a b` (one argument per juxtaposed operand)
  std::unique_ptr<VarCond> cond;
  std::vector<LetBinding> binds;  ///< for LetIn
  std::size_t height = 1;  ///< levels of this tree (the parser bounds it)
};

/// `x = e` or `f(p1, ..., pn) = e` (is_function).
struct LetBinding {
  diag::SourceSpan span;
  std::string name;
  bool is_function = false;
  std::vector<std::string> params;  ///< "_" for an anonymous parameter
  ExprPtr body;
};

struct Stmt;
using StmtList = std::vector<Stmt>;

struct Stmt {
  enum class Kind { Let, LetRec, Check, Include, With, IfVariant, Enum, Instructions, Ignored } kind = Kind::Ignored;
  diag::SourceSpan span;
  std::vector<LetBinding> binds;  ///< Let / LetRec
  // Check
  std::string test;  ///< "acyclic", "irreflexive", "empty"
  bool negated = false;
  bool is_flag = false;
  std::string name;  ///< check name (empty if none), include file, with variable
  diag::SourceSpan name_span;
  ExprPtr expr;  ///< check expression / with source
  /// Enum: the tags (without the quote); Instructions: the one enum name.
  /// `name` is the enum's name / the event set the instructions refine.
  std::vector<std::string> tags;
  // IfVariant
  std::unique_ptr<VarCond> cond;
  StmtList then_stmts, else_stmts;
};

struct Program {
  std::string title;
  StmtList stmts;
};

}  // namespace xmcheck::axioms::detail
