#include "xmcheck/frontend/report_json.hpp"

#include <cmath>
#include <cstddef>

#include "xmcheck/frontend/expect.hpp"
#include "xmcheck/frontend/report_herd.hpp"
#include "xmcheck/frontend/report_witness.hpp"
#include "xmcheck/frontend/result_text.hpp"

namespace xmcheck::frontend {
namespace {

using Quantifier = litmus::Condition::Quantifier;

std::string quantifier_text(Quantifier q) {
  switch (q) {
    case Quantifier::Exists: return "exists";
    case Quantifier::NotExists: return "~exists";
    case Quantifier::Forall: return "forall";
  }
  return "exists";
}

Json values_object(const checker::TestResult& r, const std::vector<checker::StateValue>& values) {
  Json object = Json::object();
  for (std::size_t i = 0; i < values.size() && i < r.observed.size(); ++i)
    object[location_text(r.observed[i])] = value_text(r.observed[i], values[i]);
  return object;
}

Json strings(const std::vector<std::string>& items) {
  Json array = Json::array();
  for (const auto& s : items) array.push_back(s);
  return array;
}

}  // namespace

std::string result_word(const checker::TestResult& r) {
  return r.unknown() ? "Unknown" : r.validated ? "Ok" : "No";
}

std::string verdict_word(const checker::TestResult& r) {
  return r.unknown() ? "Unknown" : to_string(derive_verdict(r));
}

std::string table_verdict_word(const checker::TestResult& r) {
  const std::string word = verdict_word(r);
  std::string notes;
  if (word == "Allowed" && r.asked_state_undefined) notes = "CMODX violated";
  if (!r.deadlocks.empty()) notes += notes.empty() ? "deadlock" : ", deadlock";
  // Nothing reached a final state within the bound (an endless loop or IPI
  // chain): the verdict says nothing about longer executions.
  if (r.loop_bound_hit && r.states.empty() && r.stop == checker::StopReason::None)
    notes += notes.empty() ? "every execution cut by --unroll" : ", every execution cut by --unroll";
  return notes.empty() ? word : word + " (" + notes + ")";
}

std::string stop_word(const checker::TestResult& r) {
  using checker::StopReason;
  if (r.timed_out) return "timeout";
  switch (r.stop) {
    case StopReason::None: return "";
    case StopReason::Timeout: return "timeout";
    case StopReason::MemoryLimit: return "memory-limit";
    case StopReason::OutOfMemory: return "out-of-memory";
    case StopReason::SolverUnknown: return "solver-unknown";
  }
  return "";
}

Json witness_to_json(const checker::Witness& w) {
  Json events = Json::array();
  for (const auto& e : w.events) {
    Json event;
    event["id"] = e.id;
    event["thread"] = e.thread;
    event["instance"] = e.instance;
    event["kind"] = event_kind_text(e);
    event["text"] = event_text(e);
    event["instruction"] = instruction_text(e);
    if (!e.function.empty()) event["function"] = e.function;  // C tests: the function that made it
    events.push_back(std::move(event));
  }
  Json edges = Json::array();
  for (const auto& e : w.edges) {
    Json edge;
    edge["from"] = e.from;
    edge["to"] = e.to;
    edge["relation"] = e.relation;
    edges.push_back(std::move(edge));
  }
  Json out;
  out["events"] = std::move(events);
  out["edges"] = std::move(edges);
  return out;
}

Json result_to_json(const checker::TestResult& r, const JsonTestInfo& info) {
  Json out;
  out["file"] = info.file;
  out["name"] = r.name;
  out["architecture"] = info.architecture;
  out["target"] = info.target;
  out["model"] = r.model;
  out["variants"] = strings(r.variants);
  out["condition"] = Json{{"quantifier", quantifier_text(r.quantifier)}, {"text", condition_text(r)}};
  out["observed"] = strings(observed_texts(r));
  Json states = Json::array();
  for (const auto& s : r.states) {
    Json state;
    state["values"] = values_object(r, s.values);
    state["satisfies_condition"] = s.satisfies_condition;
    if (s.witness) state["witness"] = witness_to_json(*s.witness);
    states.push_back(std::move(state));
  }
  out["states"] = std::move(states);
  out["result"] = result_word(r);
  out["loop"] = r.loop_bound_hit;
  out["validated"] = r.validated;
  out["verdict"] = verdict_word(r);
  out["kind"] = quantifier_kind(r.quantifier);
  out["positive"] = r.positive;
  out["negative"] = r.negative;
  out["observation"] = r.unknown() ? "Unknown" : observation_word(r.positive, r.negative);
  out["flags"] = strings(r.flags);
  out["undefined_behaviour"] = r.asked_state_undefined;
  Json deadlocks = Json::array();
  for (const auto& d : r.deadlocks)
    deadlocks.push_back(Json{{"waiter", d.waiter}, {"target", d.target}, {"handler", d.handler}});
  out["deadlocks"] = std::move(deadlocks);
  Json explanations = Json::array();
  for (const auto& ex : r.explanations) {
    Json e;
    e["values"] = values_object(r, ex.values);
    e["check"] = ex.check;
    e["cycle"] = witness_to_json(ex.cycle);
    e["text"] = format_cycle(ex.cycle);
    explanations.push_back(std::move(e));
  }
  out["explanations"] = std::move(explanations);
  out["timed_out"] = r.timed_out;
  if (r.unknown()) {
    out["unknown_reason"] = stop_word(r);
    if (!r.stop_detail.empty()) out["unknown_detail"] = r.stop_detail;
  }
  if (info.expect) out["expect"] = *info.expect;
  if (info.with_stats) {
    Json stats;
    stats["time_ms"] = std::round(info.time_ms * 1000.0) / 1000.0;
    stats["traces"] = r.stats.traces;
    stats["skeletons"] = r.stats.skeletons;
    stats["solver_calls"] = r.stats.solver_calls;
    stats["candidates"] = r.stats.candidates;
    stats["core_blocks"] = r.stats.core_blocks;
    out["stats"] = std::move(stats);
  }
  return out;
}

Json error_to_json(const std::string& file, const std::string& diagnostic, int exit_code,
                   const std::optional<Json>& expect) {
  Json out;
  out["file"] = file;
  out["error"] = diagnostic;
  out["exit_code"] = exit_code;
  if (expect) out["expect"] = *expect;
  return out;
}

std::string format_json_element(const Json& object) {
  const std::string text = object.dump(2, ' ', false, Json::error_handler_t::replace);
  std::string out = "  ";
  for (const char c : text) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

std::string format_json_line(const Json& object) { return object.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace xmcheck::frontend
