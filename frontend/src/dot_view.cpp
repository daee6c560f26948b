#include "xmcheck/frontend/dot_view.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "xmcheck/frontend/report_witness.hpp"
#include "xmcheck/frontend/result_text.hpp"

namespace xmcheck::frontend {
namespace {

using checker::Witness;
using checker::WitnessEdge;
using checker::WitnessEvent;
using K = WitnessEvent::Kind;

/// Events of a thread in program order, the initial writes (thread -1) first.
std::map<int, std::vector<const WitnessEvent*>> by_thread(const Witness& w) {
  std::map<int, std::vector<const WitnessEvent*>> threads;
  for (const auto& e : w.events) threads[e.thread].push_back(&e);
  for (auto& entry : threads)
    std::stable_sort(entry.second.begin(), entry.second.end(), [](const WitnessEvent* a, const WitnessEvent* b) {
      return a->instance != b->instance ? a->instance < b->instance : a->id < b->id;
    });
  return threads;
}

std::string event_node_label(const WitnessEvent& e) {
  std::string label = "e" + std::to_string(e.id) + ": " + event_text(e);
  if (const std::string instr = instruction_text(e); !instr.empty()) label += "\n" + instr;
  return label;
}

/// What the protocol is made of: always drawn, even inside a prelude call.
bool protocol_event(const WitnessEvent& e) {
  return e.kind == K::IpiSend || e.kind == K::IpiAck || e.kind == K::IrqEntry || e.kind == K::IrqReturn ||
         e.context_synchronizing;
}

enum class Show : std::uint8_t { Drawn, Folded, Dropped };

Show show_of(const WitnessEvent& e) {
  if (e.prelude_location && e.kind == K::InitialWrite) return Show::Dropped;
  if (e.kind == K::Branch) return Show::Dropped;  // ctrl edges start at the reads
  if (e.call < 0 || !e.call_prelude || protocol_event(e)) return Show::Drawn;
  // A prelude call's own work; its accesses to the test's variables stay.
  const bool access = e.kind == K::Read || e.kind == K::Write || e.kind == K::Fetch;
  return access && !e.prelude_location ? Show::Drawn : Show::Folded;
}

/// One folded run of a call: its events' texts, at most three.
std::string fold_label(const std::vector<const WitnessEvent*>& run) {
  // The function doing the work tells calls of one entry point apart
  // (membarrier(): registration or barrier).
  const WitnessEvent& first = *run.front();
  std::string label = first.function != first.call_function ? "[" + first.function + "]\n" : "";
  for (std::size_t i = 0; i < run.size() && i < 3; ++i) label += (i == 0 ? "" : "\n") + event_text(*run[i]);
  if (run.size() > 3) label += "\n+" + std::to_string(run.size() - 3) + " more";
  return label;
}

std::string call_label(const WitnessEvent& e) {
  const bool interrupt = e.kind == K::IrqEntry || e.kind == K::IrqReturn;
  return e.call_function + "()" + (interrupt ? " interrupt" : "");
}

/// ctrl edges reach every later event: keep, per source, the first target
/// drawn in program order (the others follow it by po).
std::vector<DotEdge> first_ctrl_only(std::vector<DotEdge> edges, const std::map<std::string, std::size_t>& order) {
  std::map<std::string, std::string> first;  // source -> first target
  for (const auto& e : edges) {
    if (e.relation != "ctrl") continue;
    auto it = first.find(e.from);
    if (it == first.end() || order.at(e.to) < order.at(it->second)) first[e.from] = e.to;
  }
  std::erase_if(edges, [&](const DotEdge& e) { return e.relation == "ctrl" && first.at(e.from) != e.to; });
  return edges;
}

}  // namespace

bool is_c(const Witness& w) {
  // C tests' events come from the interpreter, not from instructions.
  return std::any_of(w.events.begin(), w.events.end(),
                     [](const WitnessEvent& e) { return e.thread >= 0 && !e.instruction; });
}

DotView make_dot_view(const Witness& w, bool detail) {
  DotView view;
  const bool c = is_c(w);
  std::map<int, std::string> key_of;  // drawn events -> node key
  std::map<std::string, std::size_t> order;
  std::map<std::pair<int, int>, int> call_box;  // (thread, call) -> DotView::calls index
  for (const auto& entry : by_thread(w)) {
    const auto& events = entry.second;
    std::vector<const WitnessEvent*> run;  // folded events not yet emitted
    auto box_of = [&](const WitnessEvent& e) {
      if (!c || e.call < 0) return -1;
      const auto k = std::make_pair(e.thread, e.call);
      auto it = call_box.find(k);
      if (it != call_box.end()) return it->second;
      view.calls.push_back(DotCall{e.thread, call_label(e)});
      return call_box[k] = static_cast<int>(view.calls.size()) - 1;
    };
    auto flush = [&]() {
      if (run.empty()) return;
      const std::string key = "f" + std::to_string(run.front()->id);
      view.nodes.push_back(DotNode{key, run.front()->thread, fold_label(run), box_of(*run.front())});
      order[key] = view.nodes.size();
      run.clear();
    };
    for (const WitnessEvent* e : events) {
      const Show s = c && !detail ? show_of(*e) : Show::Drawn;
      if (s == Show::Dropped) continue;
      if (s == Show::Folded) {
        if (!run.empty() && run.back()->call != e->call) flush();
        run.push_back(e);
        continue;
      }
      flush();
      std::string label = event_node_label(*e);
      if (c && !e->function.empty() && e->function != e->call_function) label += "\n[" + e->function + "]";
      const std::string key = "e" + std::to_string(e->id);
      view.nodes.push_back(DotNode{key, e->thread, label, box_of(*e)});
      key_of[e->id] = key;
      order[key] = view.nodes.size();
    }
    flush();
  }
  // Edges between drawn events: an edge into folded or dropped events is
  // the prelude's business.
  Witness kept;
  kept.events = w.events;
  for (const auto& e : w.edges)
    if (key_of.count(e.from) != 0 && key_of.count(e.to) != 0) kept.edges.push_back(e);
  for (const auto& group : group_edges(kept))
    for (const auto& e : group.edges) view.edges.push_back(DotEdge{key_of[e.from], key_of[e.to], group.relation});
  if (c && !detail) view.edges = first_ctrl_only(std::move(view.edges), order);
  return view;
}

}  // namespace xmcheck::frontend
