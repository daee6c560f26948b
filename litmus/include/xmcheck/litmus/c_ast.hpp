#pragma once
// The typed AST of herd7's C litmus dialect (Linux kernel memory model,
// tools/memory-model) plus xmcheck's code extension (litmus/README.md, "C
// dialect"). The parser knows no primitive: READ_ONCE, smp_mb, cmpxchg,
// flush_icache_range, INSN(n), ... are ordinary calls and identifiers that the
// checker resolves. Every node carries the span it was parsed from, so that the
// checker can report "file:line:col: error: unknown primitive 'foo'".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xmcheck/diag/source_span.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::litmus::c {

/// A C type as written: `int`, `unsigned long`, `atomic_t`, `spinlock_t`,
/// `code_t`, `struct foo`, `void`, with qualifiers, pointer depth and an
/// optional array size (`int a[2]` is base "int", array_size 2).
struct Type {
  std::string base;  ///< the type words without qualifiers, single-spaced: "unsigned long"
  int pointer_depth = 0;
  std::optional<std::size_t> array_size;
  bool is_const = false;     ///< `const` before the base (qualifiers after `*` are dropped)
  bool is_volatile = false;  ///< `volatile`
  bool is_atomic = false;    ///< C11 `_Atomic`
  diag::SourceSpan span;

  [[nodiscard]] bool is_pointer() const { return pointer_depth > 0; }
  /// "int", "int *", "spinlock_t **", "const int *" (no array suffix).
  [[nodiscard]] std::string to_string() const;
  friend bool operator==(const Type& a, const Type& b) {
    return a.base == b.base && a.pointer_depth == b.pointer_depth &&
           a.array_size == b.array_size && a.is_const == b.is_const &&
           a.is_volatile == b.is_volatile && a.is_atomic == b.is_atomic;
  }
};

enum class UnaryOp : std::uint8_t { Deref, AddressOf, Negate, Plus, LogicalNot, BitNot };
enum class BinaryOp : std::uint8_t {
  Mul, Div, Mod, Add, Sub, Shl, Shr, Lt, Le, Gt, Ge, Eq, Ne,
  BitAnd, BitXor, BitOr, LogicalAnd, LogicalOr,
};

/// "*", "&", "-", "+", "!", "~".
[[nodiscard]] std::string_view spelling(UnaryOp op);
/// "*", "/", ..., "==", "&&", "||".
[[nodiscard]] std::string_view spelling(BinaryOp op);

/// An expression. `operands` depends on `kind` (documented per enumerator);
/// the accessors below name the positions.
struct Expr {
  enum class Kind : std::uint8_t {
    IntLit,       ///< `value` (42, 0x10, 1UL; a sign is a Unary Negate)
    StringLit,    ///< `text` = the content without quotes
    Ident,        ///< `text` = the name (variable, function, primitive, INSN_UDF, ...)
    Unary,        ///< `unary_op` operands[0]
    Binary,       ///< operands[0] `binary_op` operands[1]
    Assign,       ///< operands[0] = operands[1]; `compound` set for `+=` etc. (op in binary_op)
    PreInc,       ///< ++operands[0]
    PreDec,       ///< --operands[0]
    PostInc,      ///< operands[0]++
    PostDec,      ///< operands[0]--
    Conditional,  ///< operands[0] ? operands[1] : operands[2]
    Call,         ///< operands[0] = callee (an Ident, or any expression: `(*f)()`), then the arguments
    Cast,         ///< (`type`) operands[0]
    Index,        ///< operands[0][operands[1]]
  };
  Kind kind = Kind::IntLit;
  std::int64_t value = 0;                  ///< IntLit
  std::string text;                        ///< Ident, StringLit
  UnaryOp unary_op = UnaryOp::Deref;       ///< Unary
  BinaryOp binary_op = BinaryOp::Add;      ///< Binary; Assign when `compound`
  bool compound = false;                   ///< Assign: `op=` rather than `=`
  Type type;                               ///< Cast
  std::vector<Expr> operands;
  diag::SourceSpan span;

  [[nodiscard]] bool is_ident(std::string_view name) const {
    return kind == Kind::Ident && text == name;
  }
  /// Call: the callee's name when it is a plain identifier (`READ_ONCE(...)`),
  /// "" for a call through an expression (`(*f)()`); "" if not a call.
  [[nodiscard]] std::string_view callee_name() const {
    return kind == Kind::Call && operands.at(0).kind == Kind::Ident
               ? std::string_view(operands[0].text)
               : std::string_view();
  }
  /// Call only.
  [[nodiscard]] const Expr& callee() const { return operands.at(0); }
  [[nodiscard]] std::size_t arg_count() const { return operands.empty() ? 0 : operands.size() - 1; }
  [[nodiscard]] const Expr& arg(std::size_t i) const { return operands.at(i + 1); }
};

/// One declarator of a declaration: `int *r0 = READ_ONCE(*x)` or the `r1` of `int r0, r1;`.
struct Decl {
  Type type;  ///< this declarator's full type (`int a, *b;` gives "int" and "int *")
  std::string name;
  std::optional<Expr> init;
  diag::SourceSpan name_span;
  diag::SourceSpan span;  ///< from the type to the end of the initializer
};

struct Stmt {
  enum class Kind : std::uint8_t {
    Expr,      ///< `expr;`
    Decl,      ///< `decls` (one per declarator, in order)
    Block,     ///< `{ children }`
    If,        ///< if (`expr`) children[0] [else children[1]]
    While,     ///< while (`expr`) children[0]
    DoWhile,   ///< do children[0] while (`expr`);
    For,       ///< for (children[0]; [`expr`]; [`step`]) children[1]; children[0] is Empty, Expr or Decl
    Break,
    Continue,
    Return,    ///< return [`expr`];
    Empty,     ///< `;`
  };
  Kind kind = Kind::Empty;
  std::optional<c::Expr> expr;  ///< see Kind
  std::optional<c::Expr> step;  ///< For: the third clause
  std::vector<c::Decl> decls;   ///< Decl
  std::vector<Stmt> children;   ///< see Kind
  diag::SourceSpan span;

  [[nodiscard]] const Stmt& then_branch() const { return children.at(0); }
  [[nodiscard]] const Stmt* else_branch() const {
    return children.size() > 1 ? &children[1] : nullptr;
  }
  /// While, DoWhile, For: the loop body.
  [[nodiscard]] const Stmt& loop_body() const { return children.back(); }
  /// For: the first clause.
  [[nodiscard]] const Stmt& for_init() const { return children.at(0); }
};

struct Param {
  Type type;
  std::string name;
  diag::SourceSpan span;
};

/// A top-level function definition: a thread `P0(int *x) {...}` or any other
/// function (interrupt/IPI handlers, helpers such as a `membarrier` prelude).
struct Function {
  std::optional<Type> return_type;  ///< absent when omitted (only threads may omit it)
  std::string name;
  int proc = -1;  ///< n for the thread Pn, -1 for other functions
  std::vector<Param> params;
  Stmt body;  ///< Kind::Block
  diag::SourceSpan name_span;
  diag::SourceSpan span;  ///< from the return type (or name) to the closing brace

  [[nodiscard]] bool is_thread() const { return proc >= 0; }
};

/// One entry of the init block with its C type. `entry` is also in
/// LitmusTest::init (same order); `entry.type` is `type->to_string()`.
struct InitDecl {
  std::optional<Type> type;  ///< absent for the untyped shorthand `x=1;`
  InitEntry entry;
};

struct CProgram {
  std::vector<Function> threads;    ///< P0, P1, ... : threads[i].proc == i
  std::vector<Function> functions;  ///< every other function, in source order
  std::vector<InitDecl> init;

  /// A non-thread function by name, or nullptr.
  [[nodiscard]] const Function* find_function(std::string_view name) const {
    for (const auto& f : functions)
      if (f.name == name) return &f;
    return nullptr;
  }
};

/// A readable rendering for messages and tests: C syntax in which every
/// operand that is not a primary or postfix expression is parenthesised
/// (except both sides of an assignment): `r0 = READ_ONCE(*x)`,
/// `r = a + (b * c)`, `(*f)()`, `(int **)p`, `-(a + 1)`, `*p = &x`.
[[nodiscard]] std::string to_string(const Expr& e);

}  // namespace xmcheck::litmus::c
