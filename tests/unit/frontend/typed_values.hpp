#pragma once
// Builds the checker's typed locations and values from herd's text, so that
// reporter tests can state their inputs as herd prints them.
#include <cctype>
#include <string>
#include <vector>

#include "xmcheck/checker/result.hpp"

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

}  // namespace xmcheck::test
