// herd7's concrete syntax for values, locations and conditions, so that
// xmcheck's output states and "Condition" lines compare textually with herd's
// (lib/constrGen.ml in herdtools7). Instructions print through their
// architecture's plug-in.
#include "xmcheck/litmus/printer.hpp"

#include "arch/arch_syntax.hpp"

namespace xmcheck::litmus {
namespace {

// Binding strength used to decide parentheses, as herd's ConstrGen.is_paren.
enum class Context : std::uint8_t { Top, And, Or, Implies };

bool needs_parens(Context above, Prop::Kind here) {
  switch (above) {
    case Context::Top: return false;
    case Context::Implies: return here != Prop::Kind::Implies;
    case Context::And: return here != Prop::Kind::And;
    case Context::Or: return here == Prop::Kind::Implies;
  }
  return false;
}

std::string atom(const Prop& p) {
  return to_string(p.loc) + "=" + (p.other ? to_string(*p.other) : to_string(p.value));
}

// herd: fault(P0:L0,x,UndefinedInstruction) in conditions, Fault(...) in states.
std::string fault_atom(const Location& loc, const std::string& keyword) {
  std::string s = keyword + "(P" + std::to_string(loc.thread);
  if (!loc.label.empty()) s += ":" + loc.label;
  if (!loc.symbol.empty()) s += "," + loc.symbol;
  if (!loc.fault_type.empty()) s += "," + loc.fault_type;
  return s + ")";
}

std::string prop_in(const Prop& p, Context above) {
  // And/Or hold a whole chain: printed as herd prints the nested binary form.
  auto binary = [&](Context here, const char* op) {
    std::string s;
    for (std::size_t i = 0; i < p.children.size(); ++i) {
      if (i > 0) s += op;
      s += prop_in(p.children[i], here);
    }
    return needs_parens(above, p.kind) ? "(" + s + ")" : s;
  };
  switch (p.kind) {
    case Prop::Kind::True: return "true";
    case Prop::Kind::False: return "false";
    case Prop::Kind::Eq: return atom(p);
    case Prop::Kind::Fault: return fault_atom(p.loc, "fault");
    case Prop::Kind::Ne: return "not (" + atom(p) + ")";  // herd reads `a!=v` as `not (a=v)`
    case Prop::Kind::Not: return "not (" + prop_in(p.children.at(0), Context::Top) + ")";
    case Prop::Kind::And: return binary(Context::And, " /\\ ");
    case Prop::Kind::Or: return binary(Context::Or, " \\/ ");
    case Prop::Kind::Implies: return binary(Context::Implies, " => ");
  }
  return {};
}

}  // namespace

std::string to_string(const Instruction& instr) {
  if (instr.arch == kCDialect) {  // xmcheck's C code values: INSN(n), INSN_UDF
    if (instr.operands.size() == 1) return instr.mnemonic + "(" + std::to_string(instr.operands[0].imm) + ")";
    return instr.mnemonic;
  }
  return internal::syntax(instr.arch).print(instr);
}

std::string to_string(const Value& value) {
  switch (value.kind) {
    case Value::Kind::Int: return std::to_string(value.num);
    case Value::Kind::Address: return value.alias ? "ALIAS(" + value.symbol + ")" : value.symbol;
    case Value::Kind::Code:
      return "label:\"P" + std::to_string(value.code.thread) + ":" + value.code.label + "\"";
    case Value::Kind::Instr: {
      if (!value.instr) return "instr:\"\"";
      const std::string text = to_string(*value.instr);
      return text == "NOP" || value.instr->arch == kCDialect ? text : "instr:\"" + text + "\"";
    }
  }
  return {};
}

std::string to_string(const Location& loc) {
  if (loc.kind == Location::Kind::Register) return std::to_string(loc.thread) + ":" + loc.reg;
  if (loc.kind == Location::Kind::Fault) return fault_atom(loc, "Fault");
  return "[" + loc.symbol + "]";
}

std::string to_string(const Prop& prop) { return "(" + prop_in(prop, Context::Top) + ")"; }

std::string to_string(const Condition& cond) {
  switch (cond.quantifier) {
    case Condition::Quantifier::Exists: return "exists " + to_string(cond.prop);
    case Condition::Quantifier::NotExists: return "~exists " + to_string(cond.prop);
    case Condition::Quantifier::Forall: return "forall " + to_string(cond.prop);
  }
  return {};
}

}  // namespace xmcheck::litmus
