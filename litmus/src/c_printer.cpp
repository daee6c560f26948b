// c::to_string(Expr): C syntax, operands that are not primary or postfix
// expressions parenthesised, for messages and tests.
#include "xmcheck/litmus/c_ast.hpp"

namespace xmcheck::litmus::c {
namespace {

bool is_postfix(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::IntLit:
    case Expr::Kind::StringLit:
    case Expr::Kind::Ident:
    case Expr::Kind::Call:
    case Expr::Kind::Index:
    case Expr::Kind::PostInc:
    case Expr::Kind::PostDec: return true;
    default: return false;
  }
}

std::string wrap(const Expr& e) { return is_postfix(e) ? to_string(e) : "(" + to_string(e) + ")"; }

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

std::string to_string(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::IntLit: return std::to_string(e.value);
    case Expr::Kind::StringLit: return quoted(e.text);
    case Expr::Kind::Ident: return e.text;
    case Expr::Kind::Unary: return std::string(spelling(e.unary_op)) + wrap(e.operands.at(0));
    case Expr::Kind::Binary:
      return wrap(e.operands.at(0)) + " " + std::string(spelling(e.binary_op)) + " " +
             wrap(e.operands.at(1));
    case Expr::Kind::Assign:
      return to_string(e.operands.at(0)) + " " +
             (e.compound ? std::string(spelling(e.binary_op)) : "") + "= " +
             (e.operands.at(1).kind == Expr::Kind::Assign ? wrap(e.operands[1])
                                                          : to_string(e.operands[1]));
    case Expr::Kind::PreInc: return "++" + wrap(e.operands.at(0));
    case Expr::Kind::PreDec: return "--" + wrap(e.operands.at(0));
    case Expr::Kind::PostInc: return wrap(e.operands.at(0)) + "++";
    case Expr::Kind::PostDec: return wrap(e.operands.at(0)) + "--";
    case Expr::Kind::Conditional:
      return wrap(e.operands.at(0)) + " ? " + wrap(e.operands.at(1)) + " : " + wrap(e.operands.at(2));
    case Expr::Kind::Call: {
      std::string s = wrap(e.operands.at(0)) + "(";
      for (std::size_t i = 1; i < e.operands.size(); ++i)
        s += (i > 1 ? ", " : "") + to_string(e.operands[i]);
      return s + ")";
    }
    case Expr::Kind::Cast: return "(" + e.type.to_string() + ")" + wrap(e.operands.at(0));
    case Expr::Kind::Index: return wrap(e.operands.at(0)) + "[" + to_string(e.operands.at(1)) + "]";
  }
  return {};
}

}  // namespace xmcheck::litmus::c
