#pragma once
// Builds the checker's typed locations and values from herd's text, so that
// reporter tests can state their inputs as herd prints them.
#include <cctype>
#include <string>
#include <vector>

#include "xmcheck/checker/result.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::test {

/// "1:X0" (a register), "[x]" (a memory location) or "t" (an array).
inline checker::ObservedLocation loc(const std::string& text) {
  checker::ObservedLocation l;
  if (const auto colon = text.find(':'); colon != std::string::npos && std::isdigit(text[0])) {
    l.kind = checker::ObservedLocation::Kind::Register;
    l.thread = std::stoi(text.substr(0, colon));
    l.reg = text.substr(colon + 1);
  } else if (!text.empty() && text.front() == '[') {
    l.kind = checker::ObservedLocation::Kind::Memory;
    l.symbol = text.substr(1, text.size() - 2);
  } else {
    l.kind = checker::ObservedLocation::Kind::Array;
    l.symbol = text;
  }
  return l;
}

inline std::vector<checker::ObservedLocation> locs(const std::vector<std::string>& texts) {
  std::vector<checker::ObservedLocation> out;
  for (const auto& t : texts) out.push_back(loc(t));
  return out;
}

/// "1" (an integer), "label:\"P0:L1\"" (a labelled code address) or "x" (an address).
inline checker::StateValue val(const std::string& text) {
  checker::StateValue v;
  if (!text.empty() && (std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '-')) {
    v.num = std::stoll(text);
  } else if (text.rfind("label:\"P", 0) == 0) {
    const std::string inner = text.substr(8, text.size() - 9);  // 0:L1
    const auto colon = inner.find(':');
    v.kind = checker::StateValue::Kind::Code;
    v.thread = std::stoi(inner.substr(0, colon));
    v.label = inner.substr(colon + 1);
  } else {
    v.kind = checker::StateValue::Kind::Address;
    v.symbol = text;
  }
  return v;
}

inline std::vector<checker::StateValue> vals(const std::vector<std::string>& texts) {
  std::vector<checker::StateValue> out;
  for (const auto& t : texts) out.push_back(val(t));
  return out;
}

/// A condition as herd prints it, limited to what the reporter tests use:
/// `exists|~exists|forall (true|false|ATOM /\ ATOM ...)`, each atom `LOC=VALUE` with LOC
/// "1:X0" or "[x]" and VALUE an integer, `label:"P0:L1"` or a location name.
inline litmus::Condition condition(const std::string& text) {
  litmus::Condition c;
  const auto open = text.find(" (");
  const std::string q = text.substr(0, open);
  c.quantifier = q == "~exists"  ? litmus::Condition::Quantifier::NotExists
                 : q == "forall" ? litmus::Condition::Quantifier::Forall
                                 : litmus::Condition::Quantifier::Exists;
  const std::string body = text.substr(open + 2, text.size() - open - 3);
  if (body == "true" || body == "false") {
    c.prop.kind = body == "true" ? litmus::Prop::Kind::True : litmus::Prop::Kind::False;
    return c;
  }
  std::vector<litmus::Prop> atoms;
  std::size_t start = 0;
  while (true) {
    const auto end = body.find(" /\\ ", start);
    const std::string atom = body.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const auto eq = atom.find('=');
    const checker::ObservedLocation l = loc(atom.substr(0, eq));
    const checker::StateValue v = val(atom.substr(eq + 1));
    litmus::Prop p;
    p.kind = litmus::Prop::Kind::Eq;
    p.loc.kind = l.kind == checker::ObservedLocation::Kind::Register ? litmus::Location::Kind::Register
                                                                      : litmus::Location::Kind::Memory;
    p.loc.thread = l.thread;
    p.loc.reg = l.reg;
    p.loc.symbol = l.symbol;
    p.value.kind = v.kind == checker::StateValue::Kind::Code      ? litmus::Value::Kind::Code
                   : v.kind == checker::StateValue::Kind::Address ? litmus::Value::Kind::Address
                                                                  : litmus::Value::Kind::Int;
    p.value.num = v.num;
    p.value.symbol = v.symbol;
    p.value.code.thread = v.thread;
    p.value.code.label = v.label;
    atoms.push_back(std::move(p));
    if (end == std::string::npos) break;
    start = end + 4;
  }
  if (atoms.size() == 1) {
    c.prop = std::move(atoms[0]);
  } else {
    c.prop.kind = litmus::Prop::Kind::And;
    c.prop.children = std::move(atoms);
  }
  return c;
}

}  // namespace xmcheck::test
