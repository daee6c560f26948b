#include "condition_parser.hpp"

#include <string_view>

#include "state_syntax.hpp"
#include "xmcheck/diag/nesting.hpp"
#include "xmcheck/litmus/limits.hpp"

namespace xmcheck::litmus::internal {
namespace {

class ConstraintParser {
 public:
  ConstraintParser(const SourceText& src, const std::vector<Token>& tokens, ArchId arch)
      : src_(src), cur_(src, tokens, arch) {}

  Constraints run() {
    Constraints out;
    if (at_keyword("locations")) {
      cur_.next();
      out.locations = locations();
      cur_.accept(";");  // herd tolerates `locations [...];`
    }
    if (at_keyword("filter")) {
      cur_.next();
      out.filter = prop();
    }
    out.condition = condition();
    cur_.accept(";");
    if (!cur_.at_end()) cur_.fail_here("unexpected " + cur_.peek().describe() + " after condition");
    return out;
  }

  Prop prop_only() {
    Prop p = prop();
    if (!cur_.at_end()) cur_.fail_here("unexpected " + cur_.peek().describe() + " after proposition");
    return p;
  }

 private:
  // herd's constraint keywords are case-sensitive.
  [[nodiscard]] bool at_keyword(std::string_view word) const {
    return cur_.peek().is_ident() && cur_.peek().text == word;
  }

  std::vector<Location> locations() {
    cur_.expect("[", "after 'locations'");
    std::vector<Location> locs;
    while (!cur_.peek().is("]")) {
      if (!at_location(cur_)) cur_.fail_here("expected location, found " + cur_.peek().describe());
      locs.push_back(parse_location(cur_));
      if (!cur_.accept(";") && !cur_.peek().is("]"))
        cur_.fail_here("expected ';' or ']' in locations, found " + cur_.peek().describe());
    }
    cur_.next();
    return locs;
  }

  Condition condition() {
    Condition c;
    const Token& first = cur_.peek();
    const std::size_t begin = first.where.begin;
    if (cur_.at_end()) {
      // herd reads a missing condition as `forall (true)`.
      c.quantifier = Condition::Quantifier::Forall;
      c.prop.kind = Prop::Kind::True;
      c.prop.span = c.span = src_.span(begin, begin);
      return c;
    }
    if (first.is("~")) {
      cur_.next();
      if (!at_keyword("exists"))
        cur_.fail_here("expected 'exists' after '~', found " + cur_.peek().describe());
      cur_.next();
      c.quantifier = Condition::Quantifier::NotExists;
    } else if (at_keyword("exists")) {
      cur_.next();
      c.quantifier = Condition::Quantifier::Exists;
    } else if (at_keyword("forall")) {
      cur_.next();
      c.quantifier = Condition::Quantifier::Forall;
    } else if (at_keyword("final")) {
      cur_.next();
      c.quantifier = Condition::Quantifier::Exists;  // herd: `final P` means `exists P`
    } else if (first.is("(")) {
      c.quantifier = Condition::Quantifier::Exists;  // herd: a bare `(P)` means `exists (P)`
    } else {
      cur_.fail_here("expected 'exists', '~exists' or 'forall', found " + first.describe());
    }
    c.prop = prop();
    c.span = src_.span(begin, cur_.previous_end());
    return c;
  }

  Prop prop() { return disjunction(); }

  // `a /\ b /\ c` is one node with a child per term, so that a chain of any
  // length costs no recursion, here or in the passes that walk the condition.
  template <Prop (ConstraintParser::*Operand)()>
  Prop chain(Prop::Kind kind, std::string_view op) {
    Prop first = (this->*Operand)();
    if (!cur_.peek().is(op)) return first;
    Prop p;
    p.kind = kind;
    p.children.push_back(std::move(first));
    while (cur_.accept(op)) p.children.push_back((this->*Operand)());
    p.span = {p.children.front().span.file, p.children.front().span.begin, p.children.back().span.end};
    return p;
  }

  Prop disjunction() { return chain<&ConstraintParser::conjunction>(Prop::Kind::Or, "\\/"); }
  Prop conjunction() { return chain<&ConstraintParser::implication>(Prop::Kind::And, "/\\"); }

  // `a => b => c` is a => (b => c): each `=>` nests one level deeper.
  Prop implication() {
    Prop lhs = unary();
    if (!cur_.peek().is("=>")) return lhs;
    const diag::NestingGuard level(depth_, kLitmusNestingLimit);
    if (level.too_deep()) cur_.fail_here(diag::nested_too_deeply("condition", kLitmusNestingLimit));
    cur_.next();
    Prop p;
    p.kind = Prop::Kind::Implies;
    p.children.push_back(std::move(lhs));
    p.children.push_back(implication());
    p.span = {p.children[0].span.file, p.children[0].span.begin, p.children[1].span.end};
    return p;
  }

  // Parentheses and `~` nest: both come through here.
  Prop unary() {
    const Token& first = cur_.peek();
    const diag::NestingGuard level(depth_, kLitmusNestingLimit);
    if (level.too_deep()) cur_.fail_here(diag::nested_too_deeply("condition", kLitmusNestingLimit));
    if (first.is("~") || at_keyword("not")) {
      cur_.next();
      Prop p;
      p.kind = Prop::Kind::Not;
      p.children.push_back(unary());
      p.span = src_.span(first.where.begin, cur_.previous_end());
      return p;
    }
    return primary();
  }

  Prop primary() {
    const Token& first = cur_.peek();
    Prop p;
    if (first.is("(")) {
      cur_.next();
      p = prop();
      cur_.expect(")", "to close '('");
      return p;
    }
    if (at_keyword("true") || at_keyword("false")) {
      cur_.next();
      p.kind = first.text == "true" ? Prop::Kind::True : Prop::Kind::False;
      p.span = src_.span(first.where);
      return p;
    }
    if (at_fault(cur_)) {  // a fault atom is a proposition of its own
      p.kind = Prop::Kind::Fault;
      p.loc = parse_location(cur_);
      p.span = p.loc.span;
      return p;
    }
    if (!at_location(cur_)) cur_.fail_here("expected proposition, found " + first.describe());
    p.loc = parse_location(cur_);
    if (cur_.accept("=") || cur_.accept("=="))
      p.kind = Prop::Kind::Eq;
    else if (cur_.accept("!=") || cur_.accept("<>"))
      p.kind = Prop::Kind::Ne;
    else
      cur_.fail_here("expected '=' or '!=' after location, found " + cur_.peek().describe());
    // C tests have no code labels: `1:r2` there is thread 1's local r2.
    if (cur_.arch() == kCDialect && cur_.peek().kind == Token::Kind::Number && cur_.peek(1).is(":") &&
        cur_.peek(2).is_ident())
      p.other = parse_location(cur_);
    else
      p.value = parse_value(cur_);
    p.span = src_.span(first.where.begin, cur_.previous_end());
    return p;
  }

  const SourceText& src_;
  TokenCursor cur_;
  std::size_t depth_ = 0;  ///< levels of parentheses, `~` and `=>` now open
};

}  // namespace

Constraints parse_constraints(const SourceText& src, Region region, ArchId arch) {
  const std::vector<Token> tokens = tokenize(src, region, arch);
  return ConstraintParser(src, tokens, arch).run();
}

Prop parse_prop(const SourceText& src, Region region, ArchId arch) {
  const std::vector<Token> tokens = tokenize(src, region, arch);
  return ConstraintParser(src, tokens, arch).prop_only();
}

}  // namespace xmcheck::litmus::internal
