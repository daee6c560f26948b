#include "xmcheck/frontend/report_witness.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <sstream>

#include "xmcheck/frontend/report_herd.hpp"
#include "xmcheck/frontend/result_text.hpp"

namespace xmcheck::frontend {
namespace {

using checker::Witness;
using checker::WitnessEdge;
using checker::WitnessEvent;

const WitnessEvent* find_event(const Witness& w, int id) {
  if (id >= 0 && static_cast<std::size_t>(id) < w.events.size() && w.events[id].id == id)
    return &w.events[static_cast<std::size_t>(id)];
  for (const auto& e : w.events)
    if (e.id == id) return &e;
  return nullptr;
}

std::string short_label(const WitnessEvent& e) { return "e" + std::to_string(e.id) + " " + event_text(e); }

}  // namespace

bool is_cache_maintenance(const WitnessEvent& e) { return e.cache_maintenance; }

bool is_context_synchronization(const WitnessEvent& e) { return e.context_synchronizing; }

std::string event_label(const Witness& witness, int id) {
  const WitnessEvent* e = find_event(witness, id);
  if (e == nullptr) return "e?" + std::to_string(id);
  // C tests: name the function (prelude or the test's own) the event comes from.
  return "e" + std::to_string(id) + ":" + event_text(*e) + (e->function.empty() ? "" : " [" + e->function + "]");
}

std::vector<EdgeGroup> group_edges(const Witness& witness) {
  std::map<std::string, std::vector<WitnessEdge>> by_relation;
  for (const auto& edge : witness.edges) {
    if (edge.relation == "po") continue;
    std::string group = edge.relation;
    if (group == "rf") {
      const WitnessEvent* target = find_event(witness, edge.to);
      if (target && target->kind == WitnessEvent::Kind::Fetch) group = "fetch";
    }
    by_relation[group].push_back(edge);
  }
  std::vector<EdgeGroup> groups;
  for (const char* first : {"rf", "fetch", "co", "fr"}) {
    if (auto it = by_relation.find(first); it != by_relation.end()) {
      groups.push_back({it->first, std::move(it->second)});
      by_relation.erase(it);
    }
  }
  for (auto& [relation, edges] : by_relation) groups.push_back({relation, std::move(edges)});
  for (auto& g : groups)
    std::stable_sort(g.edges.begin(), g.edges.end(), [](const WitnessEdge& a, const WitnessEdge& b) {
      return a.from != b.from ? a.from < b.from : a.to < b.to;
    });
  return groups;
}

std::string format_witness_lines(const Witness& witness) {
  if (witness.events.empty()) return "  | (no witness)\n";
  std::ostringstream out;
  // Threads in order, the initial writes (thread -1) first; events by program order.
  std::map<int, std::vector<const WitnessEvent*>> threads;
  for (const auto& e : witness.events) threads[e.thread].push_back(&e);
  for (auto& [thread, events] : threads) {
    std::stable_sort(events.begin(), events.end(), [](const WitnessEvent* a, const WitnessEvent* b) {
      return a->instance != b->instance ? a->instance < b->instance : a->id < b->id;
    });
    out << "  | " << (thread < 0 ? std::string("init") : "P" + std::to_string(thread)) << ":";
    for (std::size_t i = 0; i < events.size(); ++i)
      out << (i == 0 ? " " : ", ") << short_label(*events[i]);
    out << '\n';
  }
  for (const auto& group : group_edges(witness)) {
    out << "  | " << group.relation << ":";
    for (std::size_t i = 0; i < group.edges.size(); ++i)
      out << (i == 0 ? " " : ", ") << 'e' << group.edges[i].from << "->e" << group.edges[i].to;
    out << '\n';
  }
  for (const auto& [title, pick] :
       {std::pair{"cmo", &is_cache_maintenance}, std::pair{"cse", &is_context_synchronization}}) {
    std::string line;
    for (const auto& e : witness.events)
      if (pick(e)) line += (line.empty() ? " " : ", ") + short_label(e);
    if (!line.empty()) out << "  | " << title << ":" << line << '\n';
  }
  return out.str();
}

std::string format_cycle(const Witness& cycle) {
  // Parallel edges (several relations between the same two events) are one
  // step labelled "rel1|rel2" (relations in the order given).
  struct Step {
    int from, to;
    std::string relations;
  };
  std::vector<Step> steps;
  for (const auto& edge : cycle.edges) {
    auto it = std::find_if(steps.begin(), steps.end(), [&](const Step& s) {
      return s.from == edge.from && s.to == edge.to;
    });
    if (it == steps.end())
      steps.push_back({edge.from, edge.to, edge.relation});
    else
      it->relations += "|" + edge.relation;
  }
  if (steps.empty()) return "";
  // Follow the steps from the first one; a cycle uses each step exactly once.
  std::vector<bool> used(steps.size(), false);
  std::vector<std::size_t> order{0};
  used[0] = true;
  int at = steps[0].to;
  while (at != steps[0].from) {
    std::size_t k = 0;
    while (k < steps.size() && (used[k] || steps[k].from != at)) ++k;
    if (k == steps.size()) break;
    used[k] = true;
    order.push_back(k);
    at = steps[k].to;
  }
  const bool closed =
      at == steps[0].from && std::all_of(used.begin(), used.end(), [](bool u) { return u; });
  std::string text;
  if (closed) {
    text = event_label(cycle, steps[0].from);
    for (const std::size_t k : order)
      text += " -" + steps[k].relations + "-> " + event_label(cycle, steps[k].to);
    return text;
  }
  for (const auto& step : steps) {
    if (!text.empty()) text += "; ";
    text += event_label(cycle, step.from) + " -" + step.relations + "-> " +
            event_label(cycle, step.to);
  }
  return text;
}

std::string format_values(const checker::TestResult& result,
                          const std::vector<checker::StateValue>& values) {
  if (values.size() != result.observed.size()) {
    std::string line;  // defensive: the values alone
    for (const auto& v : value_texts(result, values)) line += (line.empty() ? "" : " ") + v + ";";
    return line;
  }
  return format_state(result, checker::FinalState{values, false, std::nullopt});
}

std::string format_explanations(const checker::TestResult& result) {
  if (result.explanations.empty()) return "";
  std::ostringstream out;
  for (const auto& ex : result.explanations) {
    out << "Explanation " << result.name << ' ' << format_values(result, ex.values) << '\n';
    out << "  check " << ex.check << '\n';
    const std::string cycle = format_cycle(ex.cycle);
    if (!cycle.empty()) out << "  cycle " << cycle << '\n';
  }
  out << '\n';
  return out.str();
}

}  // namespace xmcheck::frontend
