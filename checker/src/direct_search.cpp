#include "direct_search.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {
namespace {

bool is_read(const TraceEvent& e) { return e.kind == EventKind::Read || e.kind == EventKind::Fetch; }

/// Multiplies saturating at `cap + 1`, so that a product over the limit stays over it.
std::size_t times_capped(std::size_t a, std::size_t b, std::size_t cap) {
  if (a == 0 || b == 0) return 0;
  if (a > (cap + 1) / b) return cap + 1;
  return std::min(a * b, cap + 1);
}

/// The choices of one trace tuple: every read's candidate sources and every
/// observed location's candidate final writes, in a fixed order (the
/// initial write first, then threads and events in order).
struct TupleChoices {
  struct ReadChoice {
    int proc, event;
    std::vector<EventRef> sources;
  };
  struct FinalChoice {
    int loc;
    std::vector<std::pair<EventRef, Val>> writes;
  };
  std::vector<ReadChoice> reads;
  std::vector<FinalChoice> finals;

  /// Every read has a source (a location always has its initial write).
  [[nodiscard]] bool feasible() const {
    return std::none_of(reads.begin(), reads.end(), [](const ReadChoice& r) { return r.sources.empty(); });
  }

  [[nodiscard]] std::size_t count(std::size_t cap) const {
    std::size_t n = 1;
    for (const auto& r : reads) n = times_capped(n, r.sources.size(), cap);
    for (const auto& f : finals) n = times_capped(n, f.writes.size(), cap);
    return n;
  }
};

/// The locations a projection decides by their final write, each once.
std::vector<int> projected_locations(const Program& prog, const StateSlots* projection) {
  std::vector<int> locs;
  if (projection == nullptr) return locs;
  std::vector<bool> seen(prog.locs.size(), false);
  for (const auto& slot : projection->slots)
    if (slot.loc >= 0 && !seen[static_cast<std::size_t>(slot.loc)]) {
      seen[static_cast<std::size_t>(slot.loc)] = true;
      locs.push_back(slot.loc);
    }
  return locs;
}

TupleChoices choices_of(const Program& prog, const Unfolding& u, const std::vector<int>& tuple,
                        const std::vector<int>& final_locs) {
  TupleChoices c;
  const auto trace = [&](std::size_t p) -> const Trace& {
    return u.traces[p][static_cast<std::size_t>(tuple[p])];
  };
  for (std::size_t p = 0; p < tuple.size(); ++p) {
    const auto& evs = trace(p).events;
    for (std::size_t e = 0; e < evs.size(); ++e) {
      if (!is_read(evs[e])) continue;
      TupleChoices::ReadChoice rc{static_cast<int>(p), static_cast<int>(e), {}};
      if (prog.locs[static_cast<std::size_t>(evs[e].loc)].init == evs[e].value) rc.sources.push_back(EventRef{-1, evs[e].loc});
      for (std::size_t q = 0; q < tuple.size(); ++q) {
        const auto& ws = trace(q).events;
        for (std::size_t w = 0; w < ws.size(); ++w)
          if (ws[w].kind == EventKind::Write && ws[w].loc == evs[e].loc && ws[w].value == evs[e].value &&
              (q != p || may_read_own_write(trace(p), e, w)))
            rc.sources.push_back(EventRef{static_cast<int>(q), static_cast<int>(w)});
      }
      c.reads.push_back(std::move(rc));
    }
  }
  for (const int loc : final_locs) {
    TupleChoices::FinalChoice fc{loc, {{EventRef{-1, loc}, prog.locs[static_cast<std::size_t>(loc)].init}}};
    for (std::size_t q = 0; q < tuple.size(); ++q) {
      const auto& ws = trace(q).events;
      for (std::size_t w = 0; w < ws.size(); ++w)
        if (ws[w].kind == EventKind::Write && ws[w].loc == loc)
          fc.writes.emplace_back(EventRef{static_cast<int>(q), static_cast<int>(w)}, ws[w].value);
    }
    c.finals.push_back(std::move(fc));
  }
  return c;
}

/// Calls `f(tuple)` for every combination of one trace per thread, in
/// odometer order (the last thread varies fastest); stops when `f` returns false.
template <typename F>
void for_each_tuple(const Unfolding& u, F&& f) {
  const std::size_t procs = u.traces.size();
  for (const auto& ts : u.traces)
    if (ts.empty()) return;
  std::vector<int> tuple(procs, 0);
  while (true) {
    if (!f(tuple)) return;
    std::size_t p = procs;
    while (p > 0) {
      --p;
      if (++tuple[p] < static_cast<int>(u.traces[p].size())) break;
      tuple[p] = 0;
      if (p == 0) return;
    }
    if (procs == 0) return;
  }
}

/// A refuted core (Blocking::core): the traces of its threads and the rf
/// choices among them. A skeleton that agrees on all of it is inconsistent.
struct Core {
  std::vector<std::pair<int, int>> traces;                  ///< (proc, trace)
  std::vector<std::pair<std::pair<int, int>, EventRef>> rf;  ///< ((proc, event), source)

  [[nodiscard]] bool covers(const Skeleton& sk) const {
    for (const auto& [p, t] : traces)
      if (sk.trace_of_proc[static_cast<std::size_t>(p)] != t) return false;
    for (const auto& [read, src] : rf)
      if (!(sk.rf_source[static_cast<std::size_t>(read.first)][static_cast<std::size_t>(read.second)] == src))
        return false;
    return true;
  }
};

/// Mirrors the solver's core clause (candidate_search.cpp, block()): the
/// traces of the core threads and the rf choices whose reader and source
/// (the initial write counts as inside) are both in the core.
Core core_of(const Skeleton& sk, const TupleChoices& c, const std::vector<bool>& core) {
  Core k;
  for (std::size_t p = 0; p < core.size(); ++p)
    if (core[p]) k.traces.emplace_back(static_cast<int>(p), sk.trace_of_proc[p]);
  for (const auto& r : c.reads) {
    const EventRef src = sk.rf_source[static_cast<std::size_t>(r.proc)][static_cast<std::size_t>(r.event)];
    if (core[static_cast<std::size_t>(r.proc)] && (src.proc < 0 || core[static_cast<std::size_t>(src.proc)]))
      k.rf.push_back({{r.proc, r.event}, src});
  }
  return k;
}

/// The projected state of a skeleton, for the slots a state block compares
/// (constant slots are std::nullopt: equal in every skeleton).
std::vector<std::optional<Val>> projected_state(const StateSlots& projection, const Skeleton& sk,
                                                const TupleChoices& c, const std::vector<std::size_t>& final_pick) {
  std::vector<std::optional<Val>> out;
  out.reserve(projection.slots.size());
  for (const auto& slot : projection.slots) {
    if (slot.proc >= 0) {
      out.emplace_back(slot.per_trace[static_cast<std::size_t>(sk.trace_of_proc[static_cast<std::size_t>(slot.proc)])]);
    } else if (slot.loc >= 0) {
      std::optional<Val> v;
      for (std::size_t i = 0; i < c.finals.size(); ++i)
        if (c.finals[i].loc == slot.loc) v = c.finals[i].writes[final_pick[i]].second;
      XMCHECK_ASSERT(v.has_value(), "a projected location has no final-write choice");
      out.push_back(v);
    } else {
      out.emplace_back(std::nullopt);
    }
  }
  return out;
}

/// The values of a projected state at the slots that tell states apart (a
/// constant slot is equal in every skeleton): the key of a blocked state.
std::vector<Val> state_key(const std::vector<std::optional<Val>>& state) {
  std::vector<Val> key;
  key.reserve(state.size());
  for (const auto& v : state)
    if (v) key.push_back(*v);
  return key;
}

std::vector<Val> state_key(const StateSlots& projection, const std::vector<Val>& blocked) {
  std::vector<Val> key;
  key.reserve(blocked.size());
  for (std::size_t i = 0; i < blocked.size(); ++i)
    if (projection.slots[i].proc >= 0 || projection.slots[i].loc >= 0) key.push_back(blocked[i]);
  return key;
}

bool has_ipi_events(const Unfolding& u) {
  for (const auto& ts : u.traces)
    for (const auto& t : ts)
      for (const auto& e : t.events)
        if (e.kind == EventKind::IpiSend || e.kind == EventKind::IrqEntry) return true;
  return false;
}

}  // namespace

bool direct_search_fits(const Program& prog, const Unfolding& u, const StateSlots* projection, std::size_t limit) {
  if (has_ipi_events(u)) return false;
  std::size_t tuples = 1;
  for (const auto& ts : u.traces) tuples = times_capped(tuples, ts.size(), limit);
  if (tuples > limit) return false;
  const std::vector<int> final_locs = projected_locations(prog, projection);
  std::size_t total = 0;
  for_each_tuple(u, [&](const std::vector<int>& tuple) {
    total = std::min(total + choices_of(prog, u, tuple, final_locs).count(limit), limit + 1);
    return total <= limit;
  });
  return total <= limit;
}

void enumerate_directly(const Program& prog, const Unfolding& u, const std::function<Blocking(const Skeleton&)>& visit,
                        const Deadline& deadline, const StateSlots* projection, SearchStats& stats) {
  const std::vector<int> final_locs = projected_locations(prog, projection);
  std::vector<Core> cores;
  std::set<std::vector<Val>> states;  ///< state_key of each blocked state (thousands in large searches)
  for_each_tuple(u, [&](const std::vector<int>& tuple) {
    deadline.check();
    const TupleChoices c = choices_of(prog, u, tuple, final_locs);
    if (!c.feasible()) return true;  // some read has no source: no skeleton
    Skeleton sk;
    sk.trace_of_proc = tuple;
    sk.rf_source.resize(tuple.size());
    for (std::size_t p = 0; p < tuple.size(); ++p)
      sk.rf_source[p].resize(u.traces[p][static_cast<std::size_t>(tuple[p])].events.size());
    if (projection != nullptr) sk.final_write.resize(prog.locs.size());
    std::vector<std::size_t> rf_pick(c.reads.size(), 0);
    std::vector<std::size_t> final_pick(c.finals.size(), 0);
    while (true) {
      for (std::size_t i = 0; i < c.reads.size(); ++i)
        sk.rf_source[static_cast<std::size_t>(c.reads[i].proc)][static_cast<std::size_t>(c.reads[i].event)] =
            c.reads[i].sources[rf_pick[i]];
      for (std::size_t i = 0; i < c.finals.size(); ++i)
        sk.final_write[static_cast<std::size_t>(c.finals[i].loc)] = c.finals[i].writes[final_pick[i]].first;
      const bool blocked_by_core = std::any_of(cores.begin(), cores.end(), [&](const Core& k) { return k.covers(sk); });
      bool blocked = blocked_by_core;
      if (!blocked && projection != nullptr) {
        blocked = states.contains(state_key(projected_state(*projection, sk, c, final_pick)));
      }
      if (!blocked) {
        deadline.check();
        ++stats.skeletons;
        Blocking b = visit(sk);
        if (b.state) {
          XMCHECK_ASSERT(projection != nullptr && b.state->size() == projection->slots.size(),
                         "a state to block needs the projection's slots");
          states.insert(state_key(*projection, *b.state));
        } else if (!b.core.empty()) {
          ++stats.core_blocks;
          cores.push_back(core_of(sk, c, b.core));
          for (const auto& core : b.more_cores) cores.push_back(core_of(sk, c, core));
        }
      }
      // Next combination: final writes vary fastest, then reads backwards.
      std::size_t i = c.finals.size();
      bool advanced = false;
      while (i > 0 && !advanced) {
        --i;
        if (++final_pick[i] < c.finals[i].writes.size()) advanced = true;
        else final_pick[i] = 0;
      }
      i = c.reads.size();
      while (i > 0 && !advanced) {
        --i;
        if (++rf_pick[i] < c.reads[i].sources.size()) advanced = true;
        else rf_pick[i] = 0;
      }
      if (!advanced) break;
    }
    return true;
  });
}

}  // namespace xmcheck::checker
