#pragma once
// The Resolver class and its value and scope types (private to the resolver's .cpp files).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ast.hpp"
#include "graph_builder.hpp"
#include "ir.hpp"
#include "xmcheck/axioms/limits.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/diag/nesting.hpp"

namespace xmcheck::axioms::detail {

using diag::ErrorKind;
using diag::SourceSpan;
using diag::UserError;

enum class Want { Any, Set, Rel };

/// What an expression denotes. Besides sets and relations (Plain), herd's
/// sets of relations exist only in the shapes `cross` can enumerate: the
/// parameter of `map` over a relation (Pair), `p ++ 0` (Edge: its single-edge
/// relation), `map f R` (Edges: the single edges of relation `node`) and
/// `map g S` with g e = Edges(R(e)) (Family: `node` is R(e) with e the
/// EventVar `var`, `set` is S).
struct Value {
  std::uint32_t node = kNone;
  bool rel = true;
  enum class Kind { Plain, Pair, Edge, Edges, Family } kind = Kind::Plain;
  std::uint32_t var = kNone;
  std::uint32_t set = kNone;
};

struct Frame;
using Env = std::shared_ptr<const Frame>;

struct Frame {
  std::string name;
  bool is_fun = false;
  Value value;
  const LetBinding* fun = nullptr;  ///< for functions: the definition
  Env fun_env;                      ///< ... and the scope it closes over
  Env parent;
};

inline const char* type_name(bool rel) { return rel ? "relation" : "set"; }

[[noreturn]] inline void model_error(const SourceSpan& at, const std::string& msg) {
  throw UserError(ErrorKind::Model, at, msg);
}

[[noreturn]] inline void too_deep(const SourceSpan& at, const char* what) {
  model_error(at, diag::nested_too_deeply(what, kModelNestingLimit));
}

class Resolver {
 public:
  Resolver(Model::Impl& m, std::vector<std::string> search_dirs)
      : m_(m), g_(m.nodes), search_dirs_(std::move(search_dirs)) {}

  void run(const std::string& text, const std::string& file_name) { run_all({{text, file_name}}, false); }

  /// The files of one model in order (a herd `.bell` before its `.cat`), in
  /// one scope: later files see earlier files' names. With `herd_library`,
  /// the library's stdlib.cat is the outermost scope, as herd gives it to
  /// every model (used for herd's own model files, which rely on it).
  void run_all(const std::vector<std::pair<std::string, std::string>>& files, bool herd_library);

 private:
  /// Like herd, every model sees the definitions of the library's
  /// `stdlib.cat` (found in the model library, `<search dir>/lib`) as its
  /// outermost scope; the model's own definitions shadow them. They are not
  /// recorded as the model's names. Without a library, the scope is empty.
  Env standard_library();

  // ------------------------------------------------------------ environment (resolver.cpp)
  static const Frame* lookup(const Env& env, const std::string& name) {
    for (const Frame* f = env.get(); f != nullptr; f = f->parent.get())
      if (f->name == name) return f;
    return nullptr;
  }
  static Env bind_value(Env env, const std::string& name, Value v) {
    auto f = std::make_shared<Frame>();
    f->name = name;
    f->value = v;
    f->parent = std::move(env);
    return f;
  }
  static Env bind_fun(Env env, const LetBinding& def, Env closure) {
    auto f = std::make_shared<Frame>();
    f->name = def.name;
    f->is_fun = true;
    f->fun = &def;
    f->fun_env = std::move(closure);
    f->parent = std::move(env);
    return f;
  }
  /// The value of a name that is not a function: bound, base, or `id`.
  std::optional<Value> value_of(const Env& env, const std::string& name);

  // ------------------------------------------------------------ conditions (resolver.cpp)
  std::uint32_t add_cond(Cond c);
  std::uint32_t cond_of(const VarCond& v);
  std::uint32_t and_guard(std::uint32_t guard, std::uint32_t c);
  std::uint32_t not_cond(std::uint32_t c);

  // ------------------------------------------------------------ expressions (resolver_expressions.cpp)
  static bool is_universe(const Expr& e) { return e.kind == Expr::Kind::Universe; }

  /// Fails unless `v` is a set or a relation (not a set of relations).
  static Value plain(Value v, const Expr& e);

  Value need(const Expr& e, const Env& env, bool rel, const char* what);

  Value same_type(const Expr& e, const Env& env, Want want, Op op, const char* sym);

  /// Fails at `at` when node `v` reaches deeper than the limit (definitions
  /// count: `let b = a ; po` is one level above `a`).
  Value bounded(Value v, const SourceSpan& at) const;

  /// Inlined function bodies add to the recursion of the expression calling them.
  Value resolve(const Expr& e, const Env& env, Want want);

  Value resolve_node(const Expr& e, const Env& env, Want want);

  Value apply(const Expr& e, const Env& env, Want want);

  /// Simultaneous non-recursive bindings: every right-hand side sees `env`.
  Env bind_all(const std::vector<LetBinding>& binds, const Env& env);

  // ------------------------------------------------------------ sets of relations (resolver_expressions.cpp)
  /// `p ++ 0` with p the parameter of a `map` over a relation: p's single edge.
  Value add_element(const Expr& e, const Env& env);

  /// `{e1, ..., en}` of events bound by `map` over a set: their union.
  Value explicit_set(const Expr& e, const Env& env);

  /// `map f X` (or `map(f, X)`): f applied to each member of X, as far as
  /// `cross` can use the result (see Value).
  Value map(const Expr& e, const Env& env);

  /// `with NAME from cross(FAMILY)`: one edge of R(e) for each e in S.
  Env with_cross(const Stmt& s, const Env& env, std::uint32_t guard);

  // ------------------------------------------------------------ tags (resolver_expressions.cpp)
  /// herd names the event set of tag 'x after it with its first letter
  /// capitalised ('rcu-lock: Rcu-lock, 'ONCE: ONCE).
  static std::string tag_set_name(std::string tag);

  /// `enum E = 'a || 'b`: each tag's set is the base set of that name (filled
  /// by whatever produces tagged events), or empty when the catalogue has no
  /// such set (no event can carry the tag).
  Env enum_decl(const Stmt& s, Env env, std::vector<std::string>& defined);

  /// `instructions S[E]` only declares which events may carry E's tags: it
  /// checks that S is a set and E an enumeration.
  void instructions_decl(const Stmt& s, const Env& env);

  // ------------------------------------------------------------ let rec (resolver_expressions.cpp)
  std::optional<std::vector<Value>> try_rec(const std::vector<LetBinding>& binds, const Env& env,
                                            const std::vector<bool>& rel, const SourceSpan& span,
                                            std::uint32_t& group_out);

  Env let_rec(const Stmt& s, const Env& env) { return let_rec(s.binds, s.span, env); }

  Env let_rec(const std::vector<LetBinding>& binds, const SourceSpan& span, const Env& env);

  // ------------------------------------------------------------ statements (resolver.cpp)
  /// Remembers what top-level `name` denotes now (functions are not recorded).
  void record_name(const Env& env, const std::string& name);

  std::string generated_name(const Stmt& s) const;

  void check(const Stmt& s, const Env& env, std::uint32_t guard);

  Env with(const Stmt& s, const Env& env, std::uint32_t guard);

  void include(const Stmt& s, Env& env, std::uint32_t guard, std::vector<std::string>& defined,
               const std::string& current);

  void if_variant(const Stmt& s, Env& env, std::uint32_t guard, std::vector<std::string>& defined,
                  const std::string& current);

  void statements(const StmtList& stmts, Env& env, std::uint32_t guard, std::vector<std::string>& defined,
                  const std::string& current);

  Model::Impl& m_;
  GraphBuilder g_;
  std::vector<std::string> search_dirs_;
  std::vector<std::unique_ptr<Program>> programs_;
  std::vector<std::string> include_stack_;
  std::uint32_t with_count_ = 0;
  std::uint32_t event_vars_ = 0;  ///< EventVar nodes made by `map` over sets
  bool recording_ = true;         ///< record top-level names (not while in stdlib.cat)
  std::vector<std::pair<std::string, std::vector<std::string>>> enums_;
  std::size_t depth_ = 0;      ///< nested resolve() calls now open
  std::size_t app_depth_ = 0;  ///< nested function applications now open
  std::size_t steps_ = 0;      ///< resolve() calls so far (kModelResolveSteps)
};

}  // namespace xmcheck::axioms::detail
