// Resolver methods for expressions, sets of relations, tags and let rec (see resolver.cpp).
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "families.hpp"
#include "resolver_impl.hpp"
#include "xmcheck/axioms/base.hpp"
#include "xmcheck/axioms/limits.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/diag/nesting.hpp"

namespace xmcheck::axioms::detail {

namespace {

/// The largest `let rec` group whose set/relation types are searched for.
constexpr std::size_t kMaxTypedRecGroup = 8;

}  // namespace

// ------------------------------------------------------------ expressions
Value Resolver::plain(Value v, const Expr& e) {
  if (v.kind != Value::Kind::Plain)
    throw UserError(ErrorKind::Unsupported, e.span,
                    "unsupported construct 'set of relations' here (only as the argument of "
                    "'cross' in 'with NAME from cross(...)')");
  return v;
}

Value Resolver::need(const Expr& e, const Env& env, bool rel, const char* what) {
  Value v = plain(resolve(e, env, rel ? Want::Rel : Want::Set), e);
  if (v.rel != rel)
    model_error(e.span, std::string(what) + " needs a " + type_name(rel) + ", but this is a " +
                            type_name(v.rel));
  return v;
}

Value Resolver::same_type(const Expr& e, const Env& env, Want want, Op op, const char* sym) {
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

Value Resolver::bounded(Value v, const SourceSpan& at) const {
  if (g_.depth(v.node) > kModelNestingLimit) too_deep(at, "expression");
  return v;
}

Value Resolver::resolve(const Expr& e, const Env& env, Want want) {
  const diag::NestingGuard level(depth_, kModelNestingLimit);
  if (level.too_deep()) too_deep(e.span, "expression");
  if (++steps_ > kModelResolveSteps)
    model_error(e.span, "model too large: resolving it takes more than " +
                            std::to_string(kModelResolveSteps) +
                            " steps (function applications expand at every use)");

  return bounded(resolve_node(e, env, want), e.span);
}

Value Resolver::resolve_node(const Expr& e, const Env& env, Want want) {
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

Value Resolver::apply(const Expr& e, const Env& env, Want want) {
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

Env Resolver::bind_all(const std::vector<LetBinding>& binds, const Env& env) {
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
Value Resolver::add_element(const Expr& e, const Env& env) {
  const Value a = resolve(*e.a, env, Want::Any);
  const Value b = resolve(*e.b, env, Want::Rel);
  if (a.kind == Value::Kind::Pair && b.kind == Value::Kind::Plain && g_.at(b.node).op == Op::EmptyRel)
    return Value{a.node, true, Value::Kind::Edge};
  throw UserError(ErrorKind::Unsupported, e.span,
                  "unsupported construct '++' (only 'p ++ 0' for a pair p of a mapped relation)");
}

Value Resolver::explicit_set(const Expr& e, const Env& env) {
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

Value Resolver::map(const Expr& e, const Env& env) {
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

Env Resolver::with_cross(const Stmt& s, const Env& env, std::uint32_t guard) {
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
std::string Resolver::tag_set_name(std::string tag) {
  if (!tag.empty()) tag[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(tag[0])));
  return tag;
}

Env Resolver::enum_decl(const Stmt& s, Env env, std::vector<std::string>& defined) {
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

void Resolver::instructions_decl(const Stmt& s, const Env& env) {
  const auto v = value_of(env, s.name);
  if (!v || v->rel || v->kind != Value::Kind::Plain) model_error(s.name_span, "unknown set '" + s.name + "'");
  const auto known = std::find_if(enums_.begin(), enums_.end(),
                                  [&](const auto& en) { return en.first == s.tags[0]; });
  if (known == enums_.end()) model_error(s.span, "unknown enumeration '" + s.tags[0] + "'");
}

// ------------------------------------------------------------ let rec
std::optional<std::vector<Value>> Resolver::try_rec(const std::vector<LetBinding>& binds, const Env& env,
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

Env Resolver::let_rec(const std::vector<LetBinding>& binds, const SourceSpan& span, const Env& env) {
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

}  // namespace xmcheck::axioms::detail
