#include "witness_builder.hpp"

#include <map>

#include "base_bits.hpp"
#include "xmcheck/axioms/base.hpp"

namespace xmcheck::checker {
namespace {

/// The name an event is shown by: its first architecture set (DMB.ISH, IRET),
/// else its first core set outside `skip`; catalogue order decides only
/// among sets of the same kind.
std::string set_name(SetMask sets, const SetMask& skip) {
  sets &= ~skip;
  if (sets.none()) return {};
  std::size_t chosen = sets.first();
  bool found = false;
  sets.for_each([&](std::size_t set) {
    if (!found && !axioms::kBaseCatalogue[set].arch.empty()) {
      chosen = set;
      found = true;
    }
  });
  return std::string(axioms::kBaseCatalogue[chosen].name);
}

constexpr SetMask kGeneric = kSetR | kSetW | kSetM | kSetIW | kSetFW | kSetExp | kSetImp | kSetInstr |
                                   kSetIF | kSetA | kSetQ | kSetL | kSetX | kSetF | kSetB | kSetBCC |
                                   kSetCmodxRestricted | kSetExcEntry | kSetFault;

std::size_t rel_index(std::string_view name) { return *axioms::find_base(name); }

}  // namespace

WitnessEvent WitnessBuilder::describe(std::size_t id) const {
  using K = WitnessEvent::Kind;
  WitnessEvent w;
  const int proc = ex_.proc_of(id);
  auto access = [&](int loc, const Val& v) {
    w.location = loc;
    w.location_name = prog_.locs[static_cast<std::size_t>(loc)].name;
    w.prelude_location = prog_.locs[static_cast<std::size_t>(loc)].prelude;
    w.value = obs_.value_of(v);
  };
  if (proc < 0) {  // initial write of location `id`
    w.kind = K::InitialWrite;
    access(static_cast<int>(id), prog_.locs[id].init);
    return w;
  }
  const TraceEvent& e = ex_.trace(proc).events[id - static_cast<std::size_t>(ex_.offset(proc))];
  w.thread = proc;
  w.instance = e.instance;
  if (e.func >= 0 && static_cast<std::size_t>(e.func) < prog_.c_functions.size()) {
    w.function = prog_.c_functions[static_cast<std::size_t>(e.func)].name;
    w.prelude = prog_.c_functions[static_cast<std::size_t>(e.func)].prelude;
  }
  const auto& calls = ex_.trace(proc).calls;
  if (e.call >= 0 && static_cast<std::size_t>(e.call) < calls.size()) {
    const int f = calls[static_cast<std::size_t>(e.call)];
    w.call = e.call;
    if (f >= 0 && static_cast<std::size_t>(f) < prog_.c_functions.size()) {
      w.call_function = prog_.c_functions[static_cast<std::size_t>(f)].name;
      w.call_prelude = prog_.c_functions[static_cast<std::size_t>(f)].prelude;
    }
  }
  if (e.instr >= 0)
    w.instruction = std::make_shared<litmus::Instruction>(prog_.instrs[static_cast<std::size_t>(e.instr)]);
  switch (e.kind) {
    case EventKind::Read: w.kind = K::Read; access(e.loc, e.value); break;
    case EventKind::Write: w.kind = K::Write; access(e.loc, e.value); break;
    case EventKind::Fetch: w.kind = K::Fetch; access(e.loc, e.value); break;
    case EventKind::Fence:
      w.kind = K::Fence;
      w.set_name = set_name(e.sets, kGeneric);
      break;
    case EventKind::CacheOp:
      w.kind = K::CacheOp;
      w.set_name = set_name(e.sets, kGeneric);
      if (e.loc >= 0) {
        w.location = e.loc;
        w.location_name = prog_.locs[static_cast<std::size_t>(e.loc)].name;
      }
      break;
    case EventKind::Branch: w.kind = K::Branch; break;
    case EventKind::Fault:
      w.kind = K::Fault;
      w.fault_type = (e.sets & kSetUDF).any() ? "UndefinedInstruction"
                     : (e.sets & kSetSVC).any() ? "SupervisorCall" : "";
      break;
    case EventKind::ExcReturn: w.kind = K::ExcReturn; break;
    case EventKind::IpiSend: w.kind = K::IpiSend; w.target = e.target; break;
    case EventKind::IpiAck: w.kind = K::IpiAck; break;
    case EventKind::IrqEntry: w.kind = K::IrqEntry; break;
    case EventKind::IrqReturn: w.kind = K::IrqReturn; break;
  }
  e.sets.for_each([&](std::size_t set) {
    const axioms::EventClass cls = axioms::kBaseCatalogue[set].event_class;
    w.cache_maintenance |= cls == axioms::EventClass::CacheMaintenance;
    w.context_synchronizing |= cls == axioms::EventClass::ContextSync;
  });
  w.context_synchronizing |= e.kind == EventKind::Fault || e.kind == EventKind::ExcReturn;
  return w;
}

Witness WitnessBuilder::execution(const std::vector<std::vector<int>>& co,
                                  const std::vector<axioms::NamedPairs>& choice) const {
  Witness out;
  const std::size_t nloc = prog_.locs.size();
  const std::size_t n = ex_.num_events();
  // Initial writes of accessed locations first, then each thread in order.
  std::vector<bool> accessed(nloc, false);
  for (std::size_t id = nloc; id < n; ++id) {
    const int p = ex_.proc_of(id);
    const int loc = ex_.trace(p).events[id - static_cast<std::size_t>(ex_.offset(p))].loc;
    if (loc >= 0) accessed[static_cast<std::size_t>(loc)] = true;
  }
  std::vector<int> wid(n, -1);
  for (std::size_t id = 0; id < n; ++id) {
    if (id < nloc && !accessed[id]) continue;
    wid[id] = static_cast<int>(out.events.size());
    WitnessEvent e = describe(id);
    e.id = wid[id];
    out.events.push_back(std::move(e));
  }
  auto edge = [&](std::size_t a, std::size_t b, const std::string& rel) {
    if (wid[a] >= 0 && wid[b] >= 0) out.edges.push_back(WitnessEdge{wid[a], wid[b], rel});
  };
  // Program order and instances: consecutive events of a thread.
  for (std::size_t id = nloc; id + 1 < n; ++id) {
    if (ex_.proc_of(id) != ex_.proc_of(id + 1)) continue;
    const auto& t = ex_.trace(ex_.proc_of(id));
    const auto k = id - static_cast<std::size_t>(ex_.offset(ex_.proc_of(id)));
    edge(id, id + 1, t.events[k].instance == t.events[k + 1].instance ? "same-instance" : "po");
  }
  const auto& base = ex_.base();
  const auto& rf = base.relations[rel_index("rf")];
  for (const auto& [w, r] : rf.pairs()) edge(w, r, "rf");
  std::map<int, int> co_next;
  for (const auto& order : co)
    for (std::size_t i = 0; i + 1 < order.size(); ++i) {
      edge(static_cast<std::size_t>(order[i]), static_cast<std::size_t>(order[i + 1]), "co");
      co_next[order[i]] = order[i + 1];
    }
  for (const auto& [w, r] : rf.pairs())
    if (auto it = co_next.find(static_cast<int>(w)); it != co_next.end())
      edge(r, static_cast<std::size_t>(it->second), "fr");
  for (const char* name : {"addr", "data", "ctrl", "rmw", "ipi", "ipi-done"})
    for (const auto& [a, b] : base.relations[rel_index(name)].pairs()) edge(a, b, name);
  for (const auto& c : choice)
    for (const auto& [a, b] : c.pairs) edge(a, b, c.name);
  return out;
}

Explanation WitnessBuilder::explanation(const axioms::Violation& v) const {
  Explanation out;
  out.check = v.check;
  std::map<std::size_t, int> wid;
  for (auto id : v.events) {
    if (wid.count(id) != 0) continue;
    wid[id] = static_cast<int>(out.cycle.events.size());
    WitnessEvent e = describe(id);
    e.id = wid[id];
    out.cycle.events.push_back(std::move(e));
  }
  for (const auto& e : v.edges)
    for (const auto& label : e.labels) out.cycle.edges.push_back(WitnessEdge{wid.at(e.from), wid.at(e.to), label});
  for (const auto& c : v.choice)
    for (const auto& [a, b] : c.pairs)
      if (wid.count(a) != 0 && wid.count(b) != 0) out.choice.push_back(WitnessEdge{wid[a], wid[b], c.name});
  return out;
}

}  // namespace xmcheck::checker
