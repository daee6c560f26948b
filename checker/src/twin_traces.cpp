#include "twin_traces.hpp"

#include <algorithm>
#include <optional>

#include "thread_verdicts.hpp"

namespace xmcheck::checker {
namespace {

/// The locations a trace names, in order of first mention (accesses and
/// address values).
std::vector<int> first_mentions(const Trace& t) {
  std::vector<int> order;
  const auto mention = [&](int loc) {
    if (loc >= 0 && std::find(order.begin(), order.end(), loc) == order.end()) order.push_back(loc);
  };
  for (const auto& ev : t.events) {
    mention(ev.loc);
    if (ev.value.kind == Val::Kind::Addr) mention(static_cast<int>(ev.value.v));
  }
  return order;
}

/// Everything the model can see of a trace, with locations renamed by first
/// mention: equal keys make twins.
std::vector<std::int64_t> canonical_key(const Program& prog, const Trace& t, const std::vector<int>& order) {
  const auto renamed = [&](int loc) -> std::int64_t {
    if (loc < 0) return -1;
    const auto it = std::find(order.begin(), order.end(), loc);
    return it == order.end() ? (std::int64_t{1} << 40) + loc : it - order.begin();
  };
  const auto value = [&](std::vector<std::int64_t>& key, const Val& v) {
    key.push_back(static_cast<std::int64_t>(v.kind));
    key.push_back(v.kind == Val::Kind::Addr ? renamed(static_cast<int>(v.v)) : static_cast<std::int64_t>(v.v));
  };
  std::vector<std::int64_t> key{static_cast<std::int64_t>(t.events.size())};
  for (const auto& ev : t.events) {
    key.insert(key.end(), {static_cast<std::int64_t>(ev.kind), ev.instance, ev.instr, renamed(ev.loc), ev.target,
                           ev.handler, ev.partner, ev.from_handler ? 1 : 0});
    value(key, ev.value);
    ev.sets.for_each([&](std::size_t s) { key.push_back(static_cast<std::int64_t>(s)); });
    key.push_back(-2);
  }
  for (const EdgeList* edges : {&t.addr, &t.data, &t.ctrl, &t.pick_addr, &t.pick_data, &t.pick_ctrl, &t.pick_basic,
                                &t.rmw}) {
    key.push_back(static_cast<std::int64_t>(edges->size()));
    for (const auto& [a, b] : *edges) key.insert(key.end(), {a, b});
  }
  for (int loc : order) {  // what the initial writes look like
    const Location& l = prog.locs[static_cast<std::size_t>(loc)];
    key.push_back(l.is_code ? 1 : 0);
    value(key, l.init);
  }
  return key;
}

}  // namespace

TwinTraces::TwinTraces(const Program& prog, const Unfolding& u) : nloc_(prog.locs.size()) {
  std::map<std::vector<std::int64_t>, std::size_t> classes;
  class_of_.resize(u.traces.size());
  first_access_.resize(u.traces.size());
  for (std::size_t p = 0; p < u.traces.size(); ++p)
    for (const Trace& t : u.traces[p]) {
      std::vector<int> order = first_mentions(t);
      const auto [it, fresh] = classes.try_emplace(canonical_key(prog, t, order), members_.size());
      if (fresh) members_.emplace_back();
      members_[it->second].emplace_back(static_cast<int>(p), static_cast<int>(class_of_[p].size()));
      class_of_[p].push_back(it->second);
      first_access_[p].push_back(std::move(order));
    }
}

std::vector<TwinTraces::Twin> TwinTraces::twins_of(int proc, int trace) const {
  std::vector<Twin> out;
  const auto p = static_cast<std::size_t>(proc);
  const auto t = static_cast<std::size_t>(trace);
  const std::vector<int>& mine = first_access_[p][t];
  for (const auto& [q, u] : members_[class_of_[p][t]]) {
    if (q == proc) continue;
    const std::vector<int>& theirs = first_access_[static_cast<std::size_t>(q)][static_cast<std::size_t>(u)];
    Twin twin{q, u, std::vector<int>(nloc_)};
    for (std::size_t l = 0; l < nloc_; ++l) twin.loc_map[l] = static_cast<int>(l);
    for (std::size_t k = 0; k < mine.size(); ++k) twin.loc_map[static_cast<std::size_t>(mine[k])] = theirs[k];
    out.push_back(std::move(twin));
  }
  return out;
}

namespace {

bool is_read(const TraceEvent& ev) { return ev.kind == EventKind::Read || ev.kind == EventKind::Fetch; }

/// `sk` with thread `twin.proc` running the twin of `m`'s trace and taking
/// over m's choices among m and `other` (-1: none); std::nullopt when they do
/// not carry over (a write of `other` read at a renamed location, an IPI of
/// `other` without a counterpart to the twin).
std::optional<Skeleton> move_thread(const Unfolding& u, const Skeleton& sk, int m, int other,
                                    const TwinTraces::Twin& twin) {
  const int q = twin.proc;
  const auto trace_of = [&](int p) -> const Trace& {
    return u.traces[static_cast<std::size_t>(p)][static_cast<std::size_t>(sk.trace_of_proc[static_cast<std::size_t>(p)])];
  };
  const Trace& from = trace_of(m);
  const Trace& to = u.traces[static_cast<std::size_t>(q)][static_cast<std::size_t>(twin.trace)];
  const EventRef outside{m, 0};  // m is left out of the moved core: a source there is outside it
  Skeleton out = sk;
  out.trace_of_proc[static_cast<std::size_t>(q)] = twin.trace;
  auto& rf = out.rf_source[static_cast<std::size_t>(q)];
  rf.assign(to.events.size(), EventRef{});
  for (std::size_t e = 0; e < from.events.size(); ++e) {
    if (!is_read(from.events[e])) continue;
    const EventRef src = sk.rf_source[static_cast<std::size_t>(m)][e];
    if (src.proc < 0) {
      rf[e] = EventRef{-1, twin.loc_map[static_cast<std::size_t>(src.index)]};
    } else if (src.proc == m) {
      rf[e] = EventRef{q, src.index};
    } else if (src.proc == other) {
      if (trace_of(other).events[static_cast<std::size_t>(src.index)].loc != to.events[e].loc) return std::nullopt;
      rf[e] = src;
    } else {
      rf[e] = outside;
    }
  }
  if (other >= 0) {
    const Trace& o = trace_of(other);
    for (std::size_t e = 0; e < o.events.size(); ++e) {
      if (!is_read(o.events[e])) continue;
      EventRef& src = out.rf_source[static_cast<std::size_t>(other)][e];
      if (src.proc == m) {
        if (to.events[static_cast<std::size_t>(src.index)].loc != o.events[e].loc) return std::nullopt;
        src = EventRef{q, src.index};
      } else if (src.proc == q) {
        src = outside;  // q's old trace is gone
      }
    }
  }
  // IPIs: those of m inside the core move to q; `other`'s sends to m become
  // its sends to q of the same rank.
  const auto sends_to = [&](const Trace& t, int target, int handler) {
    std::vector<int> sends;
    for (std::size_t e = 0; e < t.events.size(); ++e)
      if (t.events[e].kind == EventKind::IpiSend && t.events[e].target == target && t.events[e].handler == handler)
        sends.push_back(static_cast<int>(e));
    return sends;
  };
  out.ipi.clear();
  for (const auto& [send, entry] : sk.ipi) {
    const bool m_side = send.proc == m || entry.proc == m;
    if (!m_side) {
      if (send.proc != q && entry.proc != q) out.ipi.emplace_back(send, entry);
      continue;
    }
    if (send.proc == m && entry.proc == m) {
      out.ipi.emplace_back(EventRef{q, send.index}, EventRef{q, entry.index});
    } else if (send.proc == m && entry.proc == other) {
      out.ipi.emplace_back(EventRef{q, send.index}, entry);
    } else if (send.proc == other && entry.proc == m) {
      const Trace& o = trace_of(other);
      const int handler = o.events[static_cast<std::size_t>(send.index)].handler;
      const std::vector<int> to_m = sends_to(o, m, handler), to_q = sends_to(o, q, handler);
      const auto rank = std::find(to_m.begin(), to_m.end(), send.index) - to_m.begin();
      if (rank >= static_cast<std::ptrdiff_t>(to_q.size())) return std::nullopt;
      out.ipi.emplace_back(EventRef{other, to_q[static_cast<std::size_t>(rank)]}, EventRef{q, entry.index});
    }
  }
  return out;
}

}  // namespace

std::vector<std::pair<Skeleton, std::vector<bool>>> moved_cores(ThreadVerdicts& verdicts, const TwinTraces& twins,
                                                               const Skeleton& sk, const std::vector<bool>& core) {
  std::vector<std::pair<Skeleton, std::vector<bool>>> out;
  std::vector<int> members;
  for (std::size_t p = 0; p < core.size(); ++p)
    if (core[p]) members.push_back(static_cast<int>(p));
  if (members.empty() || members.size() > 2) return out;
  for (std::size_t i = 0; i < members.size(); ++i) {
    const int m = members[i];
    const int other = members.size() == 2 ? members[1 - i] : -1;
    for (const auto& twin : twins.twins_of(m, sk.trace_of_proc[static_cast<std::size_t>(m)])) {
      if (core[static_cast<std::size_t>(twin.proc)]) continue;
      std::optional<Skeleton> moved = move_thread(verdicts.unfolding(), sk, m, other, twin);
      if (!moved) continue;
      const bool refuted = other < 0 ? verdicts.of(*moved, twin.proc).refutes_all
                                     : verdicts.pair_refuted(*moved, std::min(other, twin.proc),
                                                             std::max(other, twin.proc));
      if (!refuted) continue;
      std::vector<bool> moved_core(core.size(), false);
      moved_core[static_cast<std::size_t>(twin.proc)] = true;
      if (other >= 0) moved_core[static_cast<std::size_t>(other)] = true;
      out.emplace_back(std::move(*moved), std::move(moved_core));
    }
  }
  return out;
}

}  // namespace xmcheck::checker
