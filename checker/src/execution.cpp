#include "execution.hpp"

#include <algorithm>

#include "base_bits.hpp"
#include "path_runner.hpp"
#include "semantics/arch_semantics.hpp"
#include "xmcheck/axioms/base.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {
namespace {

// Resolved at compile time: these lookups run for every candidate.
consteval std::size_t rel_index(std::string_view name) {
  const auto idx = axioms::find_base(name);
  if (!idx || axioms::kBaseCatalogue[*idx].arity != axioms::Arity::Relation)
    throw "checker fills a relation missing from the catalogue";
  return *idx;
}

}  // namespace

Execution::Execution(const Program& prog, const Unfolding& u, const Skeleton& sk)
    : Execution(prog, u, sk, std::vector<bool>(u.traces.size(), true)) {}

Execution::Execution(const Program& prog, const Unfolding& u, const Skeleton& sk, const std::vector<bool>& keep)
    : observed_(prog.observed_memory ? &*prog.observed_memory : nullptr) {
  const std::size_t nloc = prog.locs.size();
  std::size_t n = nloc;
  static const Trace kLeftOut{};
  for (std::size_t p = 0; p < u.traces.size(); ++p) {
    traces_.push_back(keep[p] ? &u.traces[p][static_cast<std::size_t>(sk.trace_of_proc[p])] : &kLeftOut);
    offset_.push_back(static_cast<int>(n));
    n += traces_.back()->events.size();
  }
  base_ = axioms::BaseValues(n);
  proc_of_.assign(n, -1);
  values_.assign(n, Val{});
  writes_.assign(nloc, {});

  const ArchSemantics& arch = semantics(prog.arch);
  const auto is_restricted = [&](const Val& v) {
    return v.kind == Val::Kind::Instr && arch.cmodx_restricted(prog.instrs[static_cast<std::size_t>(v.v)]);
  };
  // Initial writes.
  for (std::size_t l = 0; l < nloc; ++l) {
    SetMask sets = kSetW | kSetM | kSetIW | kSetExp;  // herd: initial writes are explicit
    if (prog.locs[l].is_code) sets |= kSetInstr;
    if (prog.locs[l].is_code && is_restricted(prog.locs[l].init)) sets |= kSetCmodxRestricted;
    add_sets(l, sets);
    values_[l] = prog.locs[l].init;
    writes_[l].push_back(static_cast<int>(l));
  }
  // Thread events.
  for (std::size_t p = 0; p < traces_.size(); ++p) {
    const Trace& t = *traces_[p];
    for (std::size_t e = 0; e < t.events.size(); ++e) {
      const std::size_t id = static_cast<std::size_t>(offset_[p]) + e;
      const TraceEvent& ev = t.events[e];
      SetMask sets = ev.sets;
      if ((sets & kSetInstr).any() && is_restricted(ev.value)) sets |= kSetCmodxRestricted;
      add_sets(id, sets);
      proc_of_[id] = static_cast<int>(p);
      values_[id] = ev.value;
      if (ev.kind == EventKind::Write) writes_[static_cast<std::size_t>(ev.loc)].push_back(static_cast<int>(id));
    }
  }
  // Skeleton-invariant relations.
  auto& po = base_.relations[rel_index("po")];
  auto& loc = base_.relations[rel_index("loc")];
  auto& in = base_.relations[rel_index("int")];
  auto& ext = base_.relations[rel_index("ext")];
  auto& si = base_.relations[rel_index("same-instance")];
  auto& rf = base_.relations[rel_index("rf")];
  // Accesses whose values are equal (herd's different-values is the rest;
  // the LKMM matches SRCU lock and unlock by it).
  auto& same_value = base_.relations[rel_index("same-value")];
  std::vector<int> loc_of(n, -1), inst_of(n, -1);
  for (std::size_t l = 0; l < nloc; ++l) loc_of[l] = static_cast<int>(l);
  for (std::size_t p = 0; p < traces_.size(); ++p)
    for (std::size_t e = 0; e < traces_[p]->events.size(); ++e) {
      const std::size_t id = static_cast<std::size_t>(offset_[p]) + e;
      loc_of[id] = traces_[p]->events[e].loc;
      inst_of[id] = traces_[p]->events[e].instance;
    }
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = 0; b < n; ++b) {
      const bool same_proc = proc_of_[a] == proc_of_[b];
      if (same_proc) in.insert(a, b); else ext.insert(a, b);
      if (loc_of[a] >= 0 && loc_of[a] == loc_of[b]) loc.insert(a, b);
      if (loc_of[a] >= 0 && loc_of[b] >= 0 && values_[a] == values_[b]) same_value.insert(a, b);
      if (proc_of_[a] >= 0 && same_proc) {
        if (inst_of[a] < inst_of[b]) po.insert(a, b);
        if (inst_of[a] == inst_of[b]) si.insert(a, b);
      }
      if (proc_of_[a] < 0 && a == b) si.insert(a, b);
    }
  const std::size_t pick_dep = rel_index("pick-dep");
  for (std::size_t p = 0; p < traces_.size(); ++p) {
    const Trace& t = *traces_[p];
    add_edges(rel_index("addr"), t.addr, offset_[p]);
    add_edges(rel_index("data"), t.data, offset_[p]);
    add_edges(rel_index("ctrl"), t.ctrl, offset_[p]);
    add_edges(rel_index("pick-addr"), t.pick_addr, offset_[p]);
    add_edges(rel_index("pick-data"), t.pick_data, offset_[p]);
    add_edges(rel_index("pick-ctrl"), t.pick_ctrl, offset_[p]);
    add_edges(pick_dep, t.pick_addr, offset_[p]);
    add_edges(pick_dep, t.pick_data, offset_[p]);
    add_edges(pick_dep, t.pick_ctrl, offset_[p]);
    add_edges(pick_dep, t.pick_basic, offset_[p]);
    add_edges(rel_index("rmw"), t.rmw, offset_[p]);
    for (std::size_t e = 0; e < t.events.size(); ++e) {
      const auto kind = t.events[e].kind;
      if (kind != EventKind::Read && kind != EventKind::Fetch) continue;
      const EventRef src = sk.rf_source[p][e];
      if (src.proc >= 0 && !keep[static_cast<std::size_t>(src.proc)]) continue;
      const int from = src.proc < 0 ? src.index : offset_[static_cast<std::size_t>(src.proc)] + src.index;
      rf.insert(static_cast<std::size_t>(from), static_cast<std::size_t>(offset_[p]) + e);
    }
  }
  base_.relations[pick_dep] -= si;
  // IPIs: send -> the entry that serves it; with wait, that interrupt's return
  // -> the sender's wait.
  auto& ipi = base_.relations[rel_index("ipi")];
  auto& ipi_done = base_.relations[rel_index("ipi-done")];
  for (const auto& [send, entry] : sk.ipi) {
    if (!keep[static_cast<std::size_t>(send.proc)] || !keep[static_cast<std::size_t>(entry.proc)]) continue;
    const auto gid = [&](const EventRef& r, int index) {
      return static_cast<std::size_t>(offset_[static_cast<std::size_t>(r.proc)] + index);
    };
    ipi.insert(gid(send, send.index), gid(entry, entry.index));
    const int ack = traces_[static_cast<std::size_t>(send.proc)]->events[static_cast<std::size_t>(send.index)].partner;
    const int ret = traces_[static_cast<std::size_t>(entry.proc)]->events[static_cast<std::size_t>(entry.index)].partner;
    if (ack >= 0 && ret >= 0) ipi_done.insert(gid(entry, ret), gid(send, ack));
  }
}

void Execution::add_sets(std::size_t id, SetMask sets) {
  sets.for_each([&](std::size_t set) { base_.sets[set].insert(id); });
}

void Execution::add_edges(std::size_t rel, const EdgeList& edges, int offset) {
  auto& r = base_.relations[rel];
  for (const auto& [a, b] : edges) r.insert(static_cast<std::size_t>(offset + a), static_cast<std::size_t>(offset + b));
}

const axioms::BaseValues& Execution::with_coherence(const std::vector<std::vector<int>>& co) {
  auto& corel = base_.relations[rel_index("co")];
  auto& fw = base_.sets[kSetFW.first()];
  // Cleared in place: this runs once per candidate.
  if (corel.size() == base_.num_events) corel.clear(); else corel = axioms::Relation(base_.num_events);
  if (fw.size() == base_.num_events) fw.clear(); else fw = axioms::EventSet(base_.num_events);
  for (std::size_t l = 0; l < co.size(); ++l) {
    const auto& order = co[l];
    for (std::size_t i = 0; i < order.size(); ++i)
      for (std::size_t j = i + 1; j < order.size(); ++j)
        corel.insert(static_cast<std::size_t>(order[i]), static_cast<std::size_t>(order[j]));
    if (!order.empty() && (observed_ == nullptr || (*observed_)[l])) fw.insert(static_cast<std::size_t>(order.back()));
  }
  return base_;
}

bool for_each_coherence(const std::vector<std::vector<int>>& writes,
                        const std::function<bool(const std::vector<std::vector<int>>&)>& visit,
                        const std::function<bool(std::size_t, const std::vector<int>&)>& allowed) {
  std::vector<std::vector<int>> co = writes;
  for (auto& w : co) std::sort(w.begin() + 1, w.end());
  std::function<bool(std::size_t)> rec = [&](std::size_t l) {
    if (l == co.size()) return visit(co);
    do {
      if (allowed && co[l].size() > 2 && !allowed(l, co[l])) continue;
      if (!rec(l + 1)) return false;
    } while (std::next_permutation(co[l].begin() + 1, co[l].end()));
    return true;
  };
  return rec(0);
}

}  // namespace xmcheck::checker
