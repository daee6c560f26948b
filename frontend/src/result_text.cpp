#include "xmcheck/frontend/result_text.hpp"

#include "xmcheck/litmus/printer.hpp"

namespace xmcheck::frontend {
namespace {

using checker::ObservedLocation;
using checker::StateValue;

litmus::Location fault_location(const ObservedLocation& loc) {
  litmus::Location out;
  out.kind = litmus::Location::Kind::Fault;
  out.thread = loc.thread;
  out.symbol = loc.symbol;
  out.label = loc.label;
  out.fault_type = loc.fault_type;
  return out;
}

}  // namespace

std::string location_text(const ObservedLocation& loc) {
  switch (loc.kind) {
    case ObservedLocation::Kind::Register: return std::to_string(loc.thread) + ":" + loc.reg;
    case ObservedLocation::Kind::Memory: return "[" + loc.symbol + "]";
    case ObservedLocation::Kind::Array: return loc.symbol;  // herd prints a whole array: t={1,3}
    case ObservedLocation::Kind::Fault: return litmus::to_string(fault_location(loc));
  }
  return {};
}

std::string value_text(const StateValue& value) {
  litmus::Value lv;
  switch (value.kind) {
    case StateValue::Kind::Int:
      return value.is_unsigned ? std::to_string(static_cast<std::uint64_t>(value.num)) : std::to_string(value.num);
    case StateValue::Kind::Address: return value.symbol;
    case StateValue::Kind::Code:
      if (value.label.empty()) return std::to_string(value.num);
      lv.kind = litmus::Value::Kind::Code;
      lv.code.thread = value.thread;
      lv.code.label = value.label;
      return litmus::to_string(lv);
    case StateValue::Kind::Instr:
      lv.kind = litmus::Value::Kind::Instr;
      lv.instr = value.instr;
      return litmus::to_string(lv);
    case StateValue::Kind::Fault: return value.fault_taken ? "Fault" : "~Fault";
    // herd names its unsolved variables S<n> after an internal counter; one
    // name serves all of xmcheck's (checker/src/thin_air.hpp).
    case StateValue::Kind::ThinAir: return "S0";
    case StateValue::Kind::Array: {
      std::string out = "{";
      for (std::size_t i = 0; i < value.elements.size(); ++i) {
        if (i > 0) out += ",";
        out += value_text(value.elements[i]);
      }
      return out + "}";
    }
  }
  return "?";
}

std::string value_text(const ObservedLocation& loc, const StateValue& value) {
  if (value.kind == StateValue::Kind::Fault) return (value.fault_taken ? "" : "~") + location_text(loc);
  return value_text(value);
}

std::vector<std::string> observed_texts(const checker::TestResult& result) {
  std::vector<std::string> out;
  out.reserve(result.observed.size());
  for (const auto& loc : result.observed) out.push_back(location_text(loc));
  return out;
}

std::vector<std::string> value_texts(const checker::TestResult& result, const std::vector<StateValue>& values) {
  std::vector<std::string> out;
  out.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    out.push_back(i < result.observed.size() ? value_text(result.observed[i], values[i]) : value_text(values[i]));
  return out;
}

namespace {

/// A value as an event shows it: instructions bare (`B .+4`, not `instr:"B .+4"`).
std::string event_value_text(const checker::WitnessEvent& e) {
  if (!e.value) return "?";
  if (e.value->kind == StateValue::Kind::Instr && e.value->instr) return litmus::to_string(*e.value->instr);
  return value_text(*e.value);
}

std::string access_text(const char* what, const checker::WitnessEvent& e) {
  return what + ("[" + e.location_name + "]=") + event_value_text(e);
}

}  // namespace

std::string condition_text(const checker::TestResult& result) { return litmus::to_string(result.condition); }

std::string event_kind_text(const checker::WitnessEvent& e) {
  using K = checker::WitnessEvent::Kind;
  switch (e.kind) {
    case K::InitialWrite: return "IW";
    case K::Read: return "R";
    case K::Write: return "W";
    case K::Fetch: return "IF";
    case K::Fence: return "F";
    case K::CacheOp: return e.set_name.empty() ? "CACHE" : e.set_name.substr(0, e.set_name.find('.'));  // DC.CVAU -> DC
    case K::Branch: return "B";
    case K::Fault: return "FAULT";
    case K::ExcReturn: return "ERET";
    case K::IpiSend:
    case K::IpiAck: return "IPI";
    case K::IrqEntry:
    case K::IrqReturn: return "IRQ";
  }
  return "?";
}

std::string event_text(const checker::WitnessEvent& e) {
  using K = checker::WitnessEvent::Kind;
  switch (e.kind) {
    case K::InitialWrite: return access_text("W", e);
    case K::Read: return access_text("R", e);
    case K::Write: return access_text("W", e);
    case K::Fetch: return access_text("IF", e);
    case K::Fence: return e.set_name.empty() ? "F" : e.set_name;
    case K::CacheOp:
      return (e.set_name.empty() ? event_kind_text(e) : e.set_name) +
             (e.location >= 0 ? "[" + e.location_name + "]" : "");
    case K::Branch: return "B";
    case K::Fault: return e.fault_type.empty() ? "FAULT" : "FAULT(" + e.fault_type + ")";
    case K::ExcReturn: return "ERET";
    case K::IpiSend: return "IPI-SEND(P" + std::to_string(e.target) + ")";
    case K::IpiAck: return "IPI-ACK";
    case K::IrqEntry: return "IRQ-ENTRY";
    case K::IrqReturn: return "IRQ-RETURN";
  }
  return "?";
}

std::string instruction_text(const checker::WitnessEvent& e) {
  return e.instruction ? litmus::to_string(*e.instruction) : "";
}

}  // namespace xmcheck::frontend
