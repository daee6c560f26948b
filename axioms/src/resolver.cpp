// Resolver: binds names (lexical scoping, later definitions shadow earlier ones,
// base names from the catalogue as the outermost scope), types every expression
// as set or relation, inlines function applications, and emits the node DAG.
// Its recursion, the DAG's depth and the nesting of includes are bounded by
// kModelNestingLimit: later passes recurse along the DAG.
#include "resolver.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <filesystem>
#include <utility>

#include "families.hpp"
#include "graph_builder.hpp"
#include "parser.hpp"
#include "source_files.hpp"
#include "xmcheck/axioms/base.hpp"
#include "xmcheck/axioms/limits.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/diag/nesting.hpp"

namespace xmcheck::axioms::detail {

namespace {

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

const char* type_name(bool rel) { return rel ? "relation" : "set"; }

[[noreturn]] void model_error(const SourceSpan& at, const std::string& msg) {
  throw UserError(ErrorKind::Model, at, msg);
}

[[noreturn]] void too_deep(const SourceSpan& at, const char* what) {
  model_error(at, diag::nested_too_deeply(what, kModelNestingLimit));
}

/// The largest `let rec` group whose set/relation types are searched for.
constexpr std::size_t kMaxTypedRecGroup = 8;

class Resolver {
 public:
  Resolver(Model::Impl& m, std::vector<std::string> search_dirs)
      : m_(m), g_(m.nodes), search_dirs_(std::move(search_dirs)) {}

  void run(const std::string& text, const std::string& file_name) { run_all({{text, file_name}}, false); }

  /// The files of one model in order (a herd `.bell` before its `.cat`), in
  /// one scope: later files see earlier files' names. With `herd_library`,
  /// the library's stdlib.cat is the outermost scope, as herd gives it to
  /// every model (used for herd's own model files, which rely on it).
  void run_all(const std::vector<std::pair<std::string, std::string>>& files, bool herd_library) {
    // Automatic loading of stdlib.cat for the shipped models changed their
    // results (golden tests), for a reason not yet found; they define what
    // they use, so only herd-format models (bell + cat) get it.
    Env env = herd_library ? standard_library() : Env{};
    for (const auto& [text, file_name] : files) {
      auto file = std::make_shared<const std::string>(file_name);
      programs_.push_back(std::make_unique<Program>(parse_program(text, file)));
      m_.title = programs_.back()->title;
      include_stack_.clear();
      if (std::filesystem::exists(file_name)) include_stack_.push_back(canonical_path(file_name));
      std::vector<std::string> defined;
      statements(programs_.back()->stmts, env, kNone, defined, file_name);
    }
  }

 private:
  /// Like herd, every model sees the definitions of the library's
  /// `stdlib.cat` (found in the model library, `<search dir>/lib`) as its
  /// outermost scope; the model's own definitions shadow them. They are not
  /// recorded as the model's names. Without a library, the scope is empty.
  Env standard_library() {
    auto found = find_library_file("stdlib.cat", search_dirs_);
    if (!found) return {};
    auto text = read_text_file(*found);
    if (!text) return {};
    auto file = std::make_shared<const std::string>(*found);
    programs_.push_back(std::make_unique<Program>(parse_program(*text, file)));
    Env env;
    std::vector<std::string> defined;
    recording_ = false;
    statements(programs_.back()->stmts, env, kNone, defined, *found);
    recording_ = true;
    return env;
  }

  // ------------------------------------------------------------ environment
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
  std::optional<Value> value_of(const Env& env, const std::string& name) {
    if (const Frame* f = lookup(env, name)) {
      if (f->is_fun) return std::nullopt;
      return f->value;
    }
    if (auto b = find_base(name)) {
      const bool rel = kBaseCatalogue[*b].arity == Arity::Relation;
      return Value{g_.leaf(rel ? Op::BaseRel : Op::BaseSet, rel, static_cast<std::uint32_t>(*b)), rel};
    }
    if (name == "id") return Value{g_.leaf(Op::Id, true), true};
    return std::nullopt;
  }

  // ------------------------------------------------------------ conditions
  std::uint32_t add_cond(Cond c) {
    m_.conds.push_back(std::move(c));
    return static_cast<std::uint32_t>(m_.conds.size() - 1);
  }
  std::uint32_t cond_of(const VarCond& v) {
    Cond c;
    switch (v.kind) {
      case VarCond::Kind::Name:
        c.kind = Cond::Kind::Name;
        c.name = v.name;
        std::transform(c.name.begin(), c.name.end(), c.name.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        break;
      case VarCond::Kind::Not:
        c.kind = Cond::Kind::Not;
        c.a = cond_of(*v.lhs);
        break;
      case VarCond::Kind::And:
      case VarCond::Kind::Or:
        c.kind = v.kind == VarCond::Kind::And ? Cond::Kind::And : Cond::Kind::Or;
        c.a = cond_of(*v.lhs);
        c.b = cond_of(*v.rhs);
        break;
    }
    return add_cond(std::move(c));
  }
  std::uint32_t and_guard(std::uint32_t guard, std::uint32_t c) {
    if (guard == kNone) return c;
    Cond n;
    n.kind = Cond::Kind::And;
    n.a = guard;
    n.b = c;
    return add_cond(std::move(n));
  }
  std::uint32_t not_cond(std::uint32_t c) {
    Cond n;
    n.kind = Cond::Kind::Not;
    n.a = c;
    return add_cond(std::move(n));
  }

  // ------------------------------------------------------------ expressions
  static bool is_universe(const Expr& e) { return e.kind == Expr::Kind::Universe; }

  /// Fails unless `v` is a set or a relation (not a set of relations).
  static Value plain(Value v, const Expr& e) {
    if (v.kind != Value::Kind::Plain)
      throw UserError(ErrorKind::Unsupported, e.span,
                      "unsupported construct 'set of relations' here (only as the argument of "
                      "'cross' in 'with NAME from cross(...)')");
    return v;
  }

  Value need(const Expr& e, const Env& env, bool rel, const char* what) {
    Value v = plain(resolve(e, env, rel ? Want::Rel : Want::Set), e);
    if (v.rel != rel)
      model_error(e.span, std::string(what) + " needs a " + type_name(rel) + ", but this is a " +
                              type_name(v.rel));
    return v;
  }

  Value same_type(const Expr& e, const Env& env, Want want, Op op, const char* sym) {
    Value a, b;
    if (is_universe(*e.a) && !is_universe(*e.b)) {
      b = plain(resolve(*e.b, env, want), *e.b);
      a = plain(resolve(*e.a, env, b.rel ? Want::Rel : Want::Set), *e.a);
    } else {
      a = plain(resolve(*e.a, env, want), *e.a);
      b = plain(resolve(*e.b, env, a.rel ? Want::Rel : Want::Set), *e.b);
    }
    if (a.rel != b.rel)
      model_error(e.b->span, std::string("'") + sym + "' needs operands of the same type, but the left is a " +
                                 type_name(a.rel) + " and the right a " + type_name(b.rel));
    return {g_.binary(op, a.rel, a.node, b.node), a.rel};
  }

  /// Fails at `at` when node `v` reaches deeper than the limit (definitions
  /// count: `let b = a ; po` is one level above `a`).
  Value bounded(Value v, const SourceSpan& at) const {
    if (g_.depth(v.node) > kModelNestingLimit) too_deep(at, "expression");
    return v;
  }

  /// Inlined function bodies add to the recursion of the expression calling them.
  Value resolve(const Expr& e, const Env& env, Want want) {
    const diag::NestingGuard level(depth_, kModelNestingLimit);
    if (level.too_deep()) too_deep(e.span, "expression");
    if (++steps_ > kModelResolveSteps)
      model_error(e.span, "model too large: resolving it takes more than " +
                              std::to_string(kModelResolveSteps) +
                              " steps (function applications expand at every use)");

    return bounded(resolve_node(e, env, want), e.span);
  }

  Value resolve_node(const Expr& e, const Env& env, Want want) {
    using K = Expr::Kind;
    switch (e.kind) {
      case K::Name: {
        if (auto v = value_of(env, e.name)) return *v;
        if (const Frame* f = lookup(env, e.name); f != nullptr && f->is_fun)
          model_error(e.span, "'" + e.name + "' is a function; apply it to arguments");
        if (e.name == "domain" || e.name == "range" || e.name == "orient" || e.name == "map" ||
            e.name == "cross")
          model_error(e.span, "'" + e.name + "' is a function; apply it to arguments");
        model_error(e.span, std::string("unknown ") + (want == Want::Set ? "set" : "relation") + " '" +
                                e.name + "'");
      }
      case K::Empty: return {g_.leaf(Op::EmptyRel, true), true};
      case K::EmptySet: return {g_.leaf(Op::EmptySet, false), false};
      case K::Universe:
        return want == Want::Rel ? Value{g_.leaf(Op::FullRel, true), true}
                                 : Value{g_.leaf(Op::FullSet, false), false};
      case K::Union: return same_type(e, env, want, Op::Union, "|");
      case K::Inter: return same_type(e, env, want, Op::Inter, "&");
      case K::Diff: return same_type(e, env, want, Op::Diff, "\\");
      case K::Seq: {
        const Value a = need(*e.a, env, true, "';'");
        const Value b = need(*e.b, env, true, "';'");
        return {g_.binary(Op::Seq, true, a.node, b.node), true};
      }
      case K::Cartesian: {
        const Value a = need(*e.a, env, false, "'*' (cartesian product)");
        const Value b = need(*e.b, env, false, "'*' (cartesian product)");
        return {g_.binary(Op::Cart, true, a.node, b.node), true};
      }
      case K::Plus: return {g_.unary(Op::Plus, true, need(*e.a, env, true, "'+'").node), true};
      case K::Star: return {g_.unary(Op::Star, true, need(*e.a, env, true, "'*' (closure)").node), true};
      case K::Opt: return {g_.unary(Op::Opt, true, need(*e.a, env, true, "'?'").node), true};
      case K::Inverse: return {g_.unary(Op::Inv, true, need(*e.a, env, true, "'^-1'").node), true};
      case K::Complement: {
        const Value a = plain(resolve(*e.a, env, want), *e.a);
        return {g_.unary(Op::Comp, a.rel, a.node), a.rel};
      }
      case K::ToId: return {g_.unary(Op::ToId, true, need(*e.a, env, false, "'[...]'").node), true};
      case K::App: return apply(e, env, want);
      case K::Tuple:
        throw UserError(ErrorKind::Unsupported, e.span, "unsupported construct 'tuple'");
      case K::If: {
        const std::uint32_t c = cond_of(*e.cond);
        const Value a = resolve(*e.a, env, want);
        const Value b = resolve(*e.b, env, a.rel ? Want::Rel : Want::Set);
        if (a.rel != b.rel)
          model_error(e.b->span, std::string("the branches of 'if' have different types: ") +
                                     type_name(a.rel) + " and " + type_name(b.rel));
        return {g_.add(Node{Op::If, a.rel, a.node, b.node, c}), a.rel};
      }
      case K::LetIn: {
        Env inner = bind_all(e.binds, env);
        return resolve(*e.a, inner, want);
      }
      case K::LetRecIn: {
        Env inner = let_rec(e.binds, e.span, env);
        return resolve(*e.a, inner, want);
      }
      case K::Try:
        // herd: the first expression, unless evaluating it fails (typically
        // a name the model's architecture does not define).
        try {
          return resolve(*e.a, env, want);
        } catch (const UserError&) {
          return resolve(*e.b, env, want);
        }
      case K::Add: return add_element(e, env);
      case K::ExplicitSet: return explicit_set(e, env);
    }
    XMCHECK_ASSERT(false, "unhandled expression kind");
  }

  Value apply(const Expr& e, const Env& env, Want want) {
    const Frame* f = lookup(env, e.name);
    if (f != nullptr && !f->is_fun) model_error(e.span, "'" + e.name + "' is not a function");
    if (f == nullptr) {
      if (e.name == "domain" || e.name == "range") {
        if (e.args.size() != 1)
          model_error(e.span, "'" + e.name + "' takes 1 argument, but " + std::to_string(e.args.size()) +
                                  " were given");
        const Value r = need(*e.args[0], env, true, ("'" + e.name + "'").c_str());
        return {g_.unary(e.name == "domain" ? Op::Domain : Op::Range, false, r.node), false};
      }
      if (e.name == "orient")
        model_error(e.span, "'orient' is only allowed in 'with NAME from orient(PAIRS, FIXED)'");
      if (e.name == "cross")
        model_error(e.span, "'cross' is only allowed in 'with NAME from cross(FAMILY)'");
      if (e.name == "map") return map(e, env);
      if (value_of(env, e.name)) model_error(e.span, "'" + e.name + "' is not a function");
      model_error(e.span, "unknown function '" + e.name + "'");
    }
    const LetBinding& def = *f->fun;
    if (e.curried)
      throw UserError(ErrorKind::Unsupported, e.span, "unsupported construct 'curried application'");
    if (def.params.size() != e.args.size())
      model_error(e.span, "'" + e.name + "' takes " + std::to_string(def.params.size()) +
                              " argument(s), but " + std::to_string(e.args.size()) + " were given");
    const diag::NestingGuard calls(app_depth_, 200);
    if (calls.too_deep()) model_error(e.span, "function applications nest too deeply");
    Env inner = f->fun_env;
    for (std::size_t i = 0; i < e.args.size(); ++i) {
      const Value v = resolve(*e.args[i], env, Want::Any);
      if (def.params[i] != "_") inner = bind_value(inner, def.params[i], v);
    }
    return resolve(*def.body, inner, want);
  }

  /// Simultaneous non-recursive bindings: every right-hand side sees `env`.
  Env bind_all(const std::vector<LetBinding>& binds, const Env& env) {
    Env out = env;
    for (const auto& b : binds) {
      if (b.is_function) {
        out = bind_fun(out, b, env);
      } else {
        out = bind_value(out, b.name, resolve(*b.body, env, Want::Any));
      }
    }
    return out;
  }

  // ------------------------------------------------------------ sets of relations
  /// `p ++ 0` with p the parameter of a `map` over a relation: p's single edge.
  Value add_element(const Expr& e, const Env& env) {
    const Value a = resolve(*e.a, env, Want::Any);
    const Value b = resolve(*e.b, env, Want::Rel);
    if (a.kind == Value::Kind::Pair && b.kind == Value::Kind::Plain && g_.at(b.node).op == Op::EmptyRel)
      return Value{a.node, true, Value::Kind::Edge};
    throw UserError(ErrorKind::Unsupported, e.span,
                    "unsupported construct '++' (only 'p ++ 0' for a pair p of a mapped relation)");
  }

  /// `{e1, ..., en}` of events bound by `map` over a set: their union.
  Value explicit_set(const Expr& e, const Env& env) {
    std::uint32_t out = kNone;
    for (const auto& x : e.args) {
      const Value v = resolve(*x, env, Want::Set);
      if (v.kind != Value::Kind::Plain || v.rel || g_.at(v.node).op != Op::EventVar)
        throw UserError(ErrorKind::Unsupported, x->span,
                        "unsupported construct 'explicit set' (only of events bound by 'map')");
      out = out == kNone ? v.node : g_.binary(Op::Union, false, out, v.node);
    }
    return {out, false};
  }

  /// `map f X` (or `map(f, X)`): f applied to each member of X, as far as
  /// `cross` can use the result (see Value).
  Value map(const Expr& e, const Env& env) {
    if (e.args.size() != 2 || e.args[0]->kind != Expr::Kind::Name)
      model_error(e.span, "'map' takes a function name and a set or relation");
    const Frame* f = lookup(env, e.args[0]->name);
    if (f == nullptr || !f->is_fun) model_error(e.args[0]->span, "'" + e.args[0]->name + "' is not a function");
    if (f->fun->params.size() != 1)
      model_error(e.args[0]->span, "'map' needs a function of one argument");
    const Value over = plain(resolve(*e.args[1], env, Want::Any), *e.args[1]);
    const std::string& param = f->fun->params[0];
    Value arg;
    if (over.rel) {
      arg = Value{over.node, true, Value::Kind::Pair};
    } else {
      arg = Value{g_.leaf(Op::EventVar, false, event_vars_++), false};
    }
    const Env inner = param == "_" ? f->fun_env : bind_value(f->fun_env, param, arg);
    const Value body = resolve(*f->fun->body, inner, Want::Any);
    if (over.rel && body.kind == Value::Kind::Edge && body.node == over.node)
      return Value{over.node, true, Value::Kind::Edges};
    if (!over.rel && body.kind == Value::Kind::Edges)
      return Value{body.node, true, Value::Kind::Family, arg.node, over.node};
    throw UserError(ErrorKind::Unsupported, e.span,
                    "unsupported construct 'map' (only 'map f R' with f p = p ++ 0, and 'map g S' "
                    "with g e = map f R(e))");
  }

  /// `with NAME from cross(FAMILY)`: one edge of R(e) for each e in S.
  Env with_cross(const Stmt& s, const Env& env, std::uint32_t guard) {
    const Expr& e = *s.expr;
    if (e.args.size() != 1)
      model_error(e.span, "'cross' takes 1 argument, but " + std::to_string(e.args.size()) + " were given");
    const Value fam = resolve(*e.args[0], env, Want::Any);
    if (fam.kind != Value::Kind::Family)
      throw UserError(ErrorKind::Unsupported, e.args[0]->span,
                      "unsupported construct 'cross' of anything but 'map g S' with g e = map f R(e)");
    const auto cols = column_family(g_, fam.node, fam.var, fam.set);
    if (!cols)
      throw UserError(ErrorKind::Unsupported, e.args[0]->span,
                      "unsupported construct 'cross' over relations R(e) that are not made of pairs ending at e");
    Item it;
    it.kind = Item::Kind::With;
    it.cross = true;
    it.guard = guard;
    it.span = s.span;
    it.name = s.name;
    it.node = g_.leaf(Op::WithVar, true, with_count_++);
    it.pairs = *cols;
    it.fixed = fam.set;
    m_.items.push_back(it);
    return bind_value(env, s.name, Value{it.node, true});
  }

  // ------------------------------------------------------------ tags
  /// herd names the event set of tag 'x after it with its first letter
  /// capitalised ('rcu-lock: Rcu-lock, 'ONCE: ONCE).
  static std::string tag_set_name(std::string tag) {
    if (!tag.empty()) tag[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(tag[0])));
    return tag;
  }

  /// `enum E = 'a || 'b`: each tag's set is the base set of that name (filled
  /// by whatever produces tagged events), or empty when the catalogue has no
  /// such set (no event can carry the tag).
  Env enum_decl(const Stmt& s, Env env, std::vector<std::string>& defined) {
    for (const auto& tag : s.tags) {
      const std::string name = tag_set_name(tag);
      const auto b = find_base(name);
      const bool is_set = b && kBaseCatalogue[*b].arity == Arity::Set;
      const std::uint32_t node = is_set ? g_.leaf(Op::BaseSet, false, static_cast<std::uint32_t>(*b))
                                        : g_.leaf(Op::EmptySet, false);
      env = bind_value(env, name, Value{node, false});
      defined.push_back(name);
      record_name(env, name);
    }
    enums_.emplace_back(s.name, s.tags);
    return env;
  }

  /// `instructions S[E]` only declares which events may carry E's tags: it
  /// checks that S is a set and E an enumeration.
  void instructions_decl(const Stmt& s, const Env& env) {
    const auto v = value_of(env, s.name);
    if (!v || v->rel || v->kind != Value::Kind::Plain) model_error(s.name_span, "unknown set '" + s.name + "'");
    const auto known = std::find_if(enums_.begin(), enums_.end(),
                                    [&](const auto& en) { return en.first == s.tags[0]; });
    if (known == enums_.end()) model_error(s.span, "unknown enumeration '" + s.tags[0] + "'");
  }

  // ------------------------------------------------------------ let rec
  std::optional<std::vector<Value>> try_rec(const std::vector<LetBinding>& binds, const Env& env,
                                            const std::vector<bool>& rel, const SourceSpan& span,
                                            std::uint32_t& group_out) {
    const auto gid = static_cast<std::uint32_t>(m_.groups.size());
    m_.groups.push_back(RecGroup{span, {}, {}});
    Env inner = env;
    std::vector<std::uint32_t> vars;
    for (std::size_t k = 0; k < binds.size(); ++k) {
      const std::uint32_t v = g_.add(Node{Op::RecVar, rel[k], static_cast<std::uint32_t>(k), kNone, gid});
      vars.push_back(v);
      inner = bind_value(inner, binds[k].name, Value{v, rel[k]});
    }
    std::vector<Value> bodies;
    for (std::size_t k = 0; k < binds.size(); ++k)
      bodies.push_back(resolve(*binds[k].body, inner, rel[k] ? Want::Rel : Want::Set));
    m_.groups[gid].vars = vars;
    for (const auto& b : bodies) m_.groups[gid].bodies.push_back(b.node);
    group_out = gid;
    for (std::size_t k = 0; k < binds.size(); ++k)
      if (bodies[k].rel != rel[k]) return std::nullopt;
    return bodies;
  }

  Env let_rec(const Stmt& s, const Env& env) { return let_rec(s.binds, s.span, env); }

  Env let_rec(const std::vector<LetBinding>& binds, const SourceSpan& span, const Env& env) {
    struct {
      const std::vector<LetBinding>& binds;
      const SourceSpan& span;
    } s{binds, span};
    for (const auto& b : s.binds)
      if (b.is_function)
        throw UserError(ErrorKind::Unsupported, b.span, "unsupported construct 'recursive function'");
    // Types are not declared: assume relations, then retry with what the bodies
    // say, then with sets; report the first failure if nothing is consistent.
    std::vector<std::vector<bool>> attempts{std::vector<bool>(s.binds.size(), true)};
    std::optional<UserError> first_error;
    for (std::size_t i = 0; i < attempts.size(); ++i) {
      std::uint32_t gid = 0;
      try {
        if (auto ok = try_rec(s.binds, env, attempts[i], s.span, gid)) {
          Env out = env;
          std::uint32_t deepest = 0;
          for (const auto b : m_.groups[gid].bodies) deepest = std::max(deepest, g_.depth(b));
          for (std::size_t k = 0; k < s.binds.size(); ++k) {
            const Node n{Op::RecOut, (*ok)[k].rel, static_cast<std::uint32_t>(k),
                         m_.groups[gid].vars[k], gid};
            const std::uint32_t id = g_.add(n);
            g_.deepen(id, 1 + deepest);  // the output is computed from the bodies
            out = bind_value(out, s.binds[k].name, bounded(Value{id, n.rel}, s.span));
          }
          return out;
        }
        std::vector<bool> found;
        for (auto b : m_.groups[gid].bodies) found.push_back(g_.at(b).rel);
        if (std::find(attempts.begin(), attempts.end(), found) == attempts.end()) attempts.push_back(found);
      } catch (const UserError& err) {
        if (!first_error) first_error = err;
        // A body failed under the assumed types (`[x]` of a relation x): try
        // every assignment of set/relation types, for
        // groups small enough (herd infers the types; the LKMM's rcu-rscs
        // mixes sets and relations in one group).
        if (attempts.size() == i + 1 && s.binds.size() <= kMaxTypedRecGroup) {
          const std::size_t k = s.binds.size();
          for (std::size_t mask = 1; mask < (std::size_t{1} << k); ++mask) {
            std::vector<bool> types(k);
            for (std::size_t b = 0; b < k; ++b) types[b] = ((mask >> b) & 1U) == 0;
            if (std::find(attempts.begin(), attempts.end(), types) == attempts.end()) attempts.push_back(types);
          }
        }
      }
    }
    if (first_error) throw *first_error;
    model_error(s.span, "cannot give consistent types to the definitions of this 'let rec'");
  }

  // ------------------------------------------------------------ statements
  /// Remembers what top-level `name` denotes now (functions are not recorded).
  void record_name(const Env& env, const std::string& name) {
    if (!recording_) return;
    if (const Frame* f = lookup(env, name); f != nullptr && !f->is_fun && f->value.kind == Value::Kind::Plain)
      m_.names.emplace_back(name, f->value.node);
  }

  std::string generated_name(const Stmt& s) const {
    const std::string base =
        std::filesystem::path(s.span.file_name()).filename().string();
    return (s.negated ? "~" : "") + s.test + "@" + base + ":" + std::to_string(s.span.begin.line);
  }

  void check(const Stmt& s, const Env& env, std::uint32_t guard) {
    const Value v = resolve(*s.expr, env, s.test == "empty" ? Want::Any : Want::Rel);
    if (s.test != "empty" && !v.rel)
      model_error(s.expr->span, "'" + s.test + "' needs a relation, but this is a set");
    Item it;
    it.kind = Item::Kind::Check;
    it.guard = guard;
    it.span = s.span;
    it.name = s.name.empty() ? generated_name(s) : s.name;
    it.test = s.test;
    it.test_kind = s.test == "empty"         ? Item::Test::Empty
                   : s.test == "irreflexive" ? Item::Test::Irreflexive
                                             : Item::Test::Acyclic;
    it.negated = s.negated;
    it.is_flag = s.is_flag;
    it.node = v.node;
    m_.items.push_back(std::move(it));
  }

  Env with(const Stmt& s, const Env& env, std::uint32_t guard) {
    const Expr& e = *s.expr;
    if (e.kind == Expr::Kind::App && e.name == "cross" && lookup(env, "cross") == nullptr)
      return with_cross(s, env, guard);
    if (e.kind != Expr::Kind::App || e.name != "orient" || lookup(env, "orient") != nullptr)
      throw UserError(ErrorKind::Unsupported, e.span,
                      "unsupported construct 'with ... from' other than orient(PAIRS, FIXED)");
    if (e.args.size() != 2)
      model_error(e.span, "'orient' takes 2 arguments, but " + std::to_string(e.args.size()) + " were given");
    const Value pairs = need(*e.args[0], env, true, "'orient'");
    const Value fixed = need(*e.args[1], env, true, "'orient'");
    Item it;
    it.kind = Item::Kind::With;
    it.guard = guard;
    it.span = s.span;
    it.name = s.name;
    it.node = g_.leaf(Op::WithVar, true, with_count_++);
    it.pairs = pairs.node;
    it.fixed = fixed.node;
    m_.items.push_back(it);
    return bind_value(env, s.name, Value{it.node, true});
  }

  void include(const Stmt& s, Env& env, std::uint32_t guard, std::vector<std::string>& defined,
               const std::string& current) {
    auto found = find_include(s.name, current, search_dirs_);
    if (!found) throw UserError(ErrorKind::Io, s.name_span, "cannot find included file '" + s.name + "'");
    const std::string canon = canonical_path(*found);
    if (std::find(include_stack_.begin(), include_stack_.end(), canon) != include_stack_.end())
      model_error(s.name_span, "include cycle: '" + s.name + "' is already being included");
    if (include_stack_.size() >= kModelNestingLimit) too_deep(s.name_span, "include");
    auto text = read_text_file(*found);
    if (!text) throw UserError(ErrorKind::Io, s.name_span, "cannot read included file '" + *found + "'");
    auto file = std::make_shared<const std::string>(*found);
    programs_.push_back(std::make_unique<Program>(parse_program(*text, file)));
    include_stack_.push_back(canon);
    statements(programs_.back()->stmts, env, guard, defined, *found);
    include_stack_.pop_back();
  }

  void if_variant(const Stmt& s, Env& env, std::uint32_t guard, std::vector<std::string>& defined,
                  const std::string& current) {
    const std::uint32_t c = cond_of(*s.cond);
    Env then_env = env, else_env = env;
    std::vector<std::string> names;
    statements(s.then_stmts, then_env, and_guard(guard, c), names, current);
    statements(s.else_stmts, else_env, and_guard(guard, not_cond(c)), names, current);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const auto& name : names) {
      const Frame* ft = lookup(then_env, name);
      const Frame* fe = lookup(else_env, name);
      if (ft == fe) continue;
      if ((ft != nullptr && ft->is_fun) || (fe != nullptr && fe->is_fun))
        throw UserError(ErrorKind::Unsupported, s.span,
                        "unsupported construct 'function defined under a variant condition' ('" + name + "')");
      const auto vt = value_of(then_env, name);
      const auto ve = value_of(else_env, name);
      if (!vt || !ve) continue;  // defined on one side only: unknown afterwards
      if (vt->rel != ve->rel)
        model_error(s.span, "'" + name + "' is a " + type_name(vt->rel) + " in one branch of this 'if' and a " +
                                type_name(ve->rel) + " in the other");
      const Value v{g_.add(Node{Op::If, vt->rel, vt->node, ve->node, c}), vt->rel};
      env = bind_value(env, name, bounded(v, s.span));
      defined.push_back(name);
      record_name(env, name);
    }
  }

  void statements(const StmtList& stmts, Env& env, std::uint32_t guard, std::vector<std::string>& defined,
                  const std::string& current) {
    for (const auto& s : stmts) {
      switch (s.kind) {
        case Stmt::Kind::Let:
          env = bind_all(s.binds, env);
          for (const auto& b : s.binds) {
            defined.push_back(b.name);
            record_name(env, b.name);
          }
          break;
        case Stmt::Kind::LetRec:
          env = let_rec(s, env);
          for (const auto& b : s.binds) {
            defined.push_back(b.name);
            record_name(env, b.name);
          }
          break;
        case Stmt::Kind::Check: check(s, env, guard); break;
        case Stmt::Kind::Include: include(s, env, guard, defined, current); break;
        case Stmt::Kind::With:
          env = with(s, env, guard);
          defined.push_back(s.name);
          record_name(env, s.name);
          break;
        case Stmt::Kind::IfVariant: if_variant(s, env, guard, defined, current); break;
        case Stmt::Kind::Enum: env = enum_decl(s, env, defined); break;
        case Stmt::Kind::Instructions: instructions_decl(s, env); break;
        case Stmt::Kind::Ignored: break;
      }
    }
  }

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

}  // namespace

std::shared_ptr<const Model::Impl> resolve_model(const std::string& text, const std::string& file_name,
                                                 const std::vector<std::string>& search_dirs) {
  auto impl = std::make_shared<Model::Impl>();
  impl->path = file_name;
  Resolver(*impl, search_dirs).run(text, file_name);
  return impl;
}

std::shared_ptr<const Model::Impl> resolve_model_files(
    const std::vector<std::pair<std::string, std::string>>& files, const std::vector<std::string>& search_dirs) {
  XMCHECK_ASSERT(!files.empty(), "a model needs at least one file");
  auto impl = std::make_shared<Model::Impl>();
  impl->path = files.back().second;
  Resolver(*impl, search_dirs).run_all(files, true);
  return impl;
}

}  // namespace xmcheck::axioms::detail
