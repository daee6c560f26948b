// C expressions: assignment, ?:, binary operators by precedence climbing,
// unary operators and casts, postfix calls/subscripts/increments, primaries.
// Nesting is bounded (kCNestingLimit): recursive levels by a NestingGuard,
// trees that loops build (`1 + 1 + ...` is left-nested) by their height.
#include <algorithm>
#include <array>
#include <string_view>

#include "c_parser.hpp"
#include "xmcheck/diag/nesting.hpp"

namespace xmcheck::litmus::internal {
namespace {

struct BinaryInfo {
  std::string_view text;
  c::BinaryOp op;
  int level;  ///< higher binds tighter
};

constexpr std::array<BinaryInfo, 18> kBinary = {{
    {"||", c::BinaryOp::LogicalOr, 1}, {"&&", c::BinaryOp::LogicalAnd, 2},
    {"|", c::BinaryOp::BitOr, 3},      {"^", c::BinaryOp::BitXor, 4},
    {"&", c::BinaryOp::BitAnd, 5},     {"==", c::BinaryOp::Eq, 6},
    {"!=", c::BinaryOp::Ne, 6},        {"<", c::BinaryOp::Lt, 7},
    {"<=", c::BinaryOp::Le, 7},        {">", c::BinaryOp::Gt, 7},
    {">=", c::BinaryOp::Ge, 7},        {"<<", c::BinaryOp::Shl, 8},
    {">>", c::BinaryOp::Shr, 8},       {"+", c::BinaryOp::Add, 9},
    {"-", c::BinaryOp::Sub, 9},        {"*", c::BinaryOp::Mul, 10},
    {"/", c::BinaryOp::Div, 10},       {"%", c::BinaryOp::Mod, 10},
}};

const BinaryInfo* binary_info(const Token& tok) {
  if (tok.kind != Token::Kind::Punct) return nullptr;
  for (const auto& b : kBinary)
    if (b.text == tok.text) return &b;
  return nullptr;
}

struct AssignOp {
  bool found = false;     ///< the token is an assignment operator
  bool compound = false;  ///< `op=` rather than `=`
  c::BinaryOp op = c::BinaryOp::Add;
};

// `=` or a compound assignment `+=` (with its operator).
AssignOp assignment_op(const Token& tok) {
  AssignOp out;
  if (tok.kind != Token::Kind::Punct) return out;
  if (tok.text == "=") {
    out.found = true;
    return out;
  }
  if (tok.text.size() >= 2 && tok.text.back() == '=' && tok.text != "==" && tok.text != "!=" &&
      tok.text != "<=" && tok.text != ">=") {
    for (const auto& b : kBinary) {
      if (b.text == std::string_view(tok.text).substr(0, tok.text.size() - 1)) {
        out.found = out.compound = true;
        out.op = b.op;
      }
    }
  }
  return out;
}

bool is_assignable(const c::Expr& e) {
  return e.kind == c::Expr::Kind::Ident || e.kind == c::Expr::Kind::Index ||
         (e.kind == c::Expr::Kind::Unary && e.unary_op == c::UnaryOp::Deref);
}

// Operands are moved in, never copied: an initializer list would deep-copy
// them, which made parsing a long operator chain quadratic.
c::Expr node(c::Expr::Kind kind, std::vector<c::Expr> operands) {
  c::Expr e;
  e.kind = kind;
  e.operands = std::move(operands);
  return e;
}

c::Expr node(c::Expr::Kind kind, c::Expr operand) {
  std::vector<c::Expr> operands;
  operands.push_back(std::move(operand));
  return node(kind, std::move(operands));
}

c::Expr node(c::Expr::Kind kind, c::Expr lhs, c::Expr rhs) {
  std::vector<c::Expr> operands;
  operands.reserve(2);
  operands.push_back(std::move(lhs));
  operands.push_back(std::move(rhs));
  return node(kind, std::move(operands));
}

/// The height of `e` (a leaf has 1), counted up to `cap` levels: the walk
/// never goes deeper than the nesting the parser already allowed.
std::size_t height(const c::Expr& e, std::size_t cap) {
  std::size_t below = 0;
  if (cap > 1)
    for (const auto& o : e.operands) below = std::max(below, height(o, cap - 1));
  return 1 + below;
}

constexpr const char* kExpression = "expression";

}  // namespace

c::Expr CParser::expression() { return assignment(); }

void CParser::check_height(std::size_t h, const Token& at) const {
  if (depth_ + h > kCNestingLimit)
    cur_.fail_at(at, diag::nested_too_deeply(kExpression, kCNestingLimit));
}

c::Expr CParser::assignment() {
  const Token& first = cur_.peek();
  c::Expr lhs = conditional();
  const AssignOp op = assignment_op(cur_.peek());
  if (!op.found) return lhs;
  const Token& op_tok = cur_.next();
  if (!is_assignable(lhs))
    src_.fail(first.where.begin, op_tok.where.begin,
              "left operand of '" + op_tok.text + "' is not assignable");
  const diag::NestingGuard level(depth_, kCNestingLimit);  // `a = b = ...` nests to the right
  if (level.too_deep()) cur_.fail_at(op_tok, diag::nested_too_deeply(kExpression, kCNestingLimit));
  c::Expr rhs = assignment();
  c::Expr e = node(c::Expr::Kind::Assign, std::move(lhs), std::move(rhs));
  e.compound = op.compound;
  e.binary_op = op.op;
  e.span = span_from(first.where.begin);
  return e;
}

c::Expr CParser::conditional() {
  const std::size_t begin = cur_.peek().where.begin;
  c::Expr cond = binary(1);
  if (!cur_.peek().is("?")) return cond;
  const diag::NestingGuard level(depth_, kCNestingLimit);  // `a ? b : c ? ...` nests to the right
  if (level.too_deep()) cur_.fail_here(diag::nested_too_deeply(kExpression, kCNestingLimit));
  cur_.next();
  std::vector<c::Expr> operands;
  operands.reserve(3);
  operands.push_back(std::move(cond));
  operands.push_back(expression());
  cur_.expect(":", "in conditional expression");
  operands.push_back(conditional());
  c::Expr e = node(c::Expr::Kind::Conditional, std::move(operands));
  e.span = span_from(begin);
  return e;
}

c::Expr CParser::binary(int min_level) {
  const std::size_t begin = cur_.peek().where.begin;
  c::Expr lhs = unary();
  const std::size_t cap = kCNestingLimit + 1;
  std::size_t lhs_height = 0;  // measured at the first operator only
  while (const BinaryInfo* info = binary_info(cur_.peek())) {
    if (info->level < min_level) break;
    const Token& op = cur_.next();
    if (lhs_height == 0) lhs_height = height(lhs, cap);
    c::Expr rhs = binary(info->level + 1);  // left-associative: a loop, not recursion
    lhs_height = 1 + std::max(lhs_height, height(rhs, cap));
    check_height(lhs_height, op);
    lhs = node(c::Expr::Kind::Binary, std::move(lhs), std::move(rhs));
    lhs.binary_op = info->op;
    lhs.span = span_from(begin);
  }
  return lhs;
}

bool CParser::at_cast() const {
  return cur_.peek().is("(") && cur_.peek(1).is_ident() && is_c_type_word(cur_.peek(1).text);
}

c::Expr CParser::unary() {
  const Token& first = cur_.peek();
  const std::size_t begin = first.where.begin;
  const diag::NestingGuard level(depth_, kCNestingLimit);
  if (level.too_deep()) cur_.fail_here(diag::nested_too_deeply(kExpression, kCNestingLimit));
  static constexpr std::array<std::pair<std::string_view, c::UnaryOp>, 6> kUnary = {{
      {"*", c::UnaryOp::Deref}, {"&", c::UnaryOp::AddressOf}, {"-", c::UnaryOp::Negate},
      {"+", c::UnaryOp::Plus}, {"!", c::UnaryOp::LogicalNot}, {"~", c::UnaryOp::BitNot},
  }};
  for (const auto& [text, op] : kUnary) {
    if (first.is(text)) {
      cur_.next();
      c::Expr e = node(c::Expr::Kind::Unary, unary());
      e.unary_op = op;
      e.span = span_from(begin);
      return e;
    }
  }
  if (first.is("++") || first.is("--")) {
    cur_.next();
    c::Expr operand = unary();
    if (!is_assignable(operand))
      src_.fail(begin, cur_.previous_end(), "operand of '" + first.text + "' is not assignable");
    c::Expr e = node(first.is("++") ? c::Expr::Kind::PreInc : c::Expr::Kind::PreDec,
                     std::move(operand));
    e.span = span_from(begin);
    return e;
  }
  if (at_cast()) {
    cur_.next();
    c::Type type = parse_c_type_name(cur_);
    cur_.expect(")", "after type in cast");
    c::Expr e = node(c::Expr::Kind::Cast, unary());
    e.type = std::move(type);
    e.span = span_from(begin);
    return e;
  }
  return postfix();
}

c::Expr CParser::postfix() {
  const std::size_t begin = cur_.peek().where.begin;
  c::Expr e = primary();
  const std::size_t cap = kCNestingLimit + 1;
  std::size_t e_height = 0;  // measured at the first postfix operator only
  while (true) {
    const Token& tok = cur_.peek();
    const bool is_postfix = tok.is("(") || tok.is("[") || tok.is("++") || tok.is("--");
    if (is_postfix && e_height == 0) e_height = height(e, cap);
    if (tok.is("(")) {
      cur_.next();
      std::vector<c::Expr> operands;
      operands.push_back(std::move(e));
      if (!cur_.peek().is(")")) {
        do {
          operands.push_back(expression());
          e_height = std::max(e_height, height(operands.back(), cap));
        } while (cur_.accept(","));
      }
      if (!cur_.peek().is(")"))
        cur_.fail_here("expected ',' or ')' in call arguments, found " + cur_.peek().describe());
      cur_.next();
      e = node(c::Expr::Kind::Call, std::move(operands));
    } else if (tok.is("[")) {
      cur_.next();
      c::Expr index = expression();
      cur_.expect("]", "after array index");
      e_height = std::max(e_height, height(index, cap));
      e = node(c::Expr::Kind::Index, std::move(e), std::move(index));
    } else if (tok.is("++") || tok.is("--")) {
      if (!is_assignable(e))
        src_.fail(begin, tok.where.begin, "operand of '" + tok.text + "' is not assignable");
      cur_.next();
      e = node(tok.is("++") ? c::Expr::Kind::PostInc : c::Expr::Kind::PostDec, std::move(e));
    } else if (tok.is(".") || tok.is("->")) {
      throw diag::UserError(diag::ErrorKind::Unsupported, src_.span(tok.where),
                            "member access '" + tok.text + "' is not supported");
    } else {
      return e;
    }
    check_height(++e_height, tok);
    e.span = span_from(begin);
  }
}

c::Expr CParser::primary() {
  const Token& tok = cur_.peek();
  c::Expr e;
  if (tok.kind == Token::Kind::Number) {
    cur_.next();
    e.kind = c::Expr::Kind::IntLit;
    e.value = tok.number;
    e.span = src_.span(tok.where);
    return e;
  }
  if (tok.kind == Token::Kind::String) {
    e.kind = c::Expr::Kind::StringLit;
    while (cur_.peek().kind == Token::Kind::String) e.text += cur_.next().text;  // "a" "b"
    e.span = span_from(tok.where.begin);
    return e;
  }
  if (tok.is_ident()) {
    if (tok.text == "sizeof")
      throw diag::UserError(diag::ErrorKind::Unsupported, src_.span(tok.where),
                            "'sizeof' is not supported");
    if (is_c_keyword(tok.text) || is_c_type_word(tok.text))
      cur_.fail_here("expected expression, found " + std::string(is_c_keyword(tok.text) ? "keyword " : "type ") +
                     tok.describe());
    cur_.next();
    e.kind = c::Expr::Kind::Ident;
    e.text = tok.text;
    e.span = src_.span(tok.where);
    return e;
  }
  if (tok.is("(")) {
    cur_.next();
    e = expression();
    cur_.expect(")", "to close '('");
    return e;
  }
  cur_.fail_here("expected expression, found " + tok.describe());
}

}  // namespace xmcheck::litmus::internal
