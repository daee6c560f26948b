#include "candidate_search.hpp"

#include <z3++.h>

#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {
namespace {

bool is_read(const TraceEvent& e) { return e.kind == EventKind::Read || e.kind == EventKind::Fetch; }

struct RfChoice {
  EventRef source;
  int src_trace = -1;  ///< trace index of the source (-1 for an initial write)
  z3::expr var;
};

struct ReadVars {
  int proc, trace, event;
  std::vector<RfChoice> choices;
};

/// A possible match of an IPI send with an interrupt entry of its target.
struct IpiMatch {
  int send_proc, send_trace, send_event;
  int entry_proc, entry_trace, entry_event;
  z3::expr var;
};

class Encoder {
 public:
  // QF_FD selects Z3's incremental SAT core with native cardinality constraints:
  // creating and querying it costs a fraction of the general SMT solver.
  Encoder(z3::context& ctx, const Program& prog, const Unfolding& u, const StateSlots* projection)
      : prog_(prog), u_(u), projection_(projection), ctx_(ctx), solver_(ctx_, "QF_FD") {
    // Compacting each model (Z3's default) costs ten times the check itself.
    z3::params p(ctx_);
    p.set("model.compact", false);
    solver_.set(p);
  }

  SearchStats run(const std::function<Blocking(const Skeleton&)>& visit, const Deadline* deadline) {
    declare_traces();
    declare_reads();
    declare_ipis();
    declare_final_writes();
    SearchStats stats;
    while (true) {
      ++stats.solver_calls;
      if (deadline != nullptr && deadline->active()) {
        deadline->check();
        z3::params p(ctx_);
        p.set("timeout", deadline->remaining_ms());
        solver_.set(p);
      }
      const z3::check_result res = solver_.check();
      if (res == z3::unknown && deadline != nullptr && deadline->active()) throw TimedOut{};
      if (res != z3::sat) break;
      const z3::model m = solver_.get_model();
      std::vector<Chosen> chosen;
      Skeleton sk = decode(m, chosen);
      ++stats.skeletons;
      const Blocking b = visit(sk);
      if (!b.core.empty()) ++stats.core_blocks;
      if (b.state) {
        block_state(*b.state);
      } else {
        block(chosen, b.core);
      }
    }
    return stats;
  }

 private:
  void declare_traces() {
    trace_vars_.resize(u_.traces.size());
    for (std::size_t p = 0; p < u_.traces.size(); ++p) {
      z3::expr_vector vs(ctx_);
      for (std::size_t i = 0; i < u_.traces[p].size(); ++i) {
        const std::string name = "t" + std::to_string(p) + "_" + std::to_string(i);
        trace_vars_[p].push_back(ctx_.bool_const(name.c_str()));
        vs.push_back(trace_vars_[p].back());
      }
      if (vs.empty()) {  // a thread with no feasible path: no execution at all
        solver_.add(ctx_.bool_val(false));
        continue;
      }
      solver_.add(z3::atleast(vs, 1));
      solver_.add(z3::atmost(vs, 1));
    }
  }

  void declare_reads() {
    for (std::size_t p = 0; p < u_.traces.size(); ++p)
      for (std::size_t i = 0; i < u_.traces[p].size(); ++i) {
        const Trace& t = u_.traces[p][i];
        for (std::size_t e = 0; e < t.events.size(); ++e)
          if (is_read(t.events[e]))
            declare_read(static_cast<int>(p), static_cast<int>(i), static_cast<int>(e));
      }
  }

  void declare_read(int p, int i, int e) {
    const TraceEvent& r = u_.traces[static_cast<std::size_t>(p)][static_cast<std::size_t>(i)]
                              .events[static_cast<std::size_t>(e)];
    const z3::expr active = trace_vars_[static_cast<std::size_t>(p)][static_cast<std::size_t>(i)];
    ReadVars rv{p, i, e, {}};
    auto add_choice = [&](EventRef src, int src_trace) {
      const std::string name = "rf" + std::to_string(reads_.size()) + "_" + std::to_string(rv.choices.size());
      z3::expr v = ctx_.bool_const(name.c_str());
      solver_.add(z3::implies(v, active));
      if (src_trace >= 0)
        solver_.add(z3::implies(v, trace_vars_[static_cast<std::size_t>(src.proc)]
                                               [static_cast<std::size_t>(src_trace)]));
      rv.choices.push_back(RfChoice{src, src_trace, v});
    };
    if (prog_.locs[static_cast<std::size_t>(r.loc)].init == r.value) add_choice(EventRef{-1, r.loc}, -1);
    for (std::size_t q = 0; q < u_.traces.size(); ++q)
      for (std::size_t j = 0; j < u_.traces[q].size(); ++j) {
        if (static_cast<int>(q) == p && static_cast<int>(j) != i) continue;  // one trace per thread
        const Trace& t = u_.traces[q][j];
        for (std::size_t w = 0; w < t.events.size(); ++w) {
          const TraceEvent& we = t.events[w];
          if (we.kind == EventKind::Write && we.loc == r.loc && we.value == r.value)
            add_choice(EventRef{static_cast<int>(q), static_cast<int>(w)}, static_cast<int>(j));
        }
      }
    z3::expr_vector vs(ctx_);
    for (const auto& c : rv.choices) vs.push_back(c.var);
    if (vs.empty()) {
      solver_.add(!active);
    } else {
      solver_.add(z3::implies(active, z3::atleast(vs, 1)));
      solver_.add(z3::atmost(vs, 1));
    }
    reads_.push_back(std::move(rv));
  }

  // Each active send is served by exactly one active interrupt entry of its
  // target CPU running its handler, and each active entry serves exactly one
  // send: an IPI is neither lost nor invented (a wait without its handler's
  // completion is no execution).
  void declare_ipis() {
    struct Ev {
      int proc, trace, event;
    };
    std::vector<Ev> sends, entries;
    for (std::size_t p = 0; p < u_.traces.size(); ++p)
      for (std::size_t i = 0; i < u_.traces[p].size(); ++i) {
        const auto& evs = u_.traces[p][i].events;
        for (std::size_t e = 0; e < evs.size(); ++e) {
          const Ev ev{static_cast<int>(p), static_cast<int>(i), static_cast<int>(e)};
          if (evs[e].kind == EventKind::IpiSend) sends.push_back(ev);
          if (evs[e].kind == EventKind::IrqEntry) entries.push_back(ev);
        }
      }
    if (sends.empty() && entries.empty()) return;
    const auto event = [&](const Ev& ev) -> const TraceEvent& {
      return u_.traces[static_cast<std::size_t>(ev.proc)][static_cast<std::size_t>(ev.trace)]
          .events[static_cast<std::size_t>(ev.event)];
    };
    const auto active = [&](const Ev& ev) {
      return trace_vars_[static_cast<std::size_t>(ev.proc)][static_cast<std::size_t>(ev.trace)];
    };
    std::vector<z3::expr_vector> per_entry;
    for (std::size_t k = 0; k < entries.size(); ++k) per_entry.emplace_back(ctx_);
    for (const auto& s : sends) {
      const TraceEvent& se = event(s);
      z3::expr_vector vs(ctx_);
      for (std::size_t k = 0; k < entries.size(); ++k) {
        const Ev& en = entries[k];
        if (en.proc != se.target || event(en).handler != se.handler) continue;
        const std::string name = "ipi" + std::to_string(matches_.size());
        z3::expr v = ctx_.bool_const(name.c_str());
        solver_.add(z3::implies(v, active(s)));
        solver_.add(z3::implies(v, active(en)));
        matches_.push_back(IpiMatch{s.proc, s.trace, s.event, en.proc, en.trace, en.event, v});
        vs.push_back(v);
        per_entry[k].push_back(v);
      }
      if (vs.empty()) {
        solver_.add(!active(s));
      } else {
        solver_.add(z3::implies(active(s), z3::atleast(vs, 1)));
        solver_.add(z3::atmost(vs, 1));
      }
    }
    for (std::size_t k = 0; k < entries.size(); ++k) {
      if (per_entry[k].empty()) {
        solver_.add(!active(entries[k]));
      } else {
        solver_.add(z3::implies(active(entries[k]), z3::atleast(per_entry[k], 1)));
        solver_.add(z3::atmost(per_entry[k], 1));
      }
    }
  }

  // Projection: each observed location's final write is one of its writes
  // in the active traces (the initial write included).
  void declare_final_writes() {
    if (projection_ == nullptr) return;
    final_writes_.resize(prog_.locs.size());
    for (const auto& slot : projection_->slots) {
      if (slot.loc < 0 || !final_writes_[static_cast<std::size_t>(slot.loc)].empty()) continue;
      auto& fws = final_writes_[static_cast<std::size_t>(slot.loc)];
      const auto add = [&](EventRef w, const Val& value, std::optional<z3::expr> active) {
        const std::string name = "fw" + std::to_string(slot.loc) + "_" + std::to_string(fws.size());
        z3::expr v = ctx_.bool_const(name.c_str());
        if (active) solver_.add(z3::implies(v, *active));
        fws.push_back(FinalWrite{w, value, v});
      };
      add(EventRef{-1, slot.loc}, prog_.locs[static_cast<std::size_t>(slot.loc)].init, std::nullopt);
      for (std::size_t q = 0; q < u_.traces.size(); ++q)
        for (std::size_t j = 0; j < u_.traces[q].size(); ++j) {
          const auto& evs = u_.traces[q][j].events;
          for (std::size_t w = 0; w < evs.size(); ++w)
            if (evs[w].kind == EventKind::Write && evs[w].loc == slot.loc)
              add(EventRef{static_cast<int>(q), static_cast<int>(w)}, evs[w].value, trace_vars_[q][j]);
        }
      z3::expr_vector vs(ctx_);
      for (const auto& f : fws) vs.push_back(f.var);
      solver_.add(z3::atleast(vs, 1));
      solver_.add(z3::atmost(vs, 1));
    }
  }

  // Excludes every skeleton whose final state is `values`: some slot differs.
  void block_state(const std::vector<Val>& values) {
    XMCHECK_ASSERT(projection_ != nullptr && values.size() == projection_->slots.size(),
                   "a state to block needs the projection's slots");
    z3::expr_vector lits(ctx_);
    for (std::size_t i = 0; i < values.size(); ++i) {
      const auto& slot = projection_->slots[i];
      if (slot.proc >= 0) {
        const auto& tv = trace_vars_[static_cast<std::size_t>(slot.proc)];
        for (std::size_t j = 0; j < tv.size(); ++j)
          if (!(slot.per_trace[j] == values[i])) lits.push_back(tv[j]);
      } else if (slot.loc >= 0) {
        for (const auto& f : final_writes_[static_cast<std::size_t>(slot.loc)])
          if (!(f.value == values[i])) lits.push_back(f.var);
      }
    }
    solver_.add(z3::mk_or(lits));  // no literal (all constants): the only state is found
  }

  static bool is_true(const z3::model& m, const z3::expr& v) {
    return m.eval(v, true).is_true();
  }

  /// A variable true in the current model: the thread it belongs to and, for
  /// an rf or IPI choice, the other thread it ties it to (-1: none).
  struct Chosen {
    int proc, other;
    z3::expr var;
    bool in_cores = true;  ///< false: a final-write choice, which no core depends on
  };

  Skeleton decode(const z3::model& m, std::vector<Chosen>& chosen) const {
    Skeleton sk;
    sk.trace_of_proc.assign(u_.traces.size(), -1);
    for (std::size_t p = 0; p < trace_vars_.size(); ++p)
      for (std::size_t i = 0; i < trace_vars_[p].size(); ++i)
        if (is_true(m, trace_vars_[p][i])) {
          sk.trace_of_proc[p] = static_cast<int>(i);
          chosen.push_back(Chosen{static_cast<int>(p), -1, trace_vars_[p][i]});
          break;
        }
    sk.rf_source.resize(u_.traces.size());
    for (std::size_t p = 0; p < u_.traces.size(); ++p) {
      XMCHECK_ASSERT(sk.trace_of_proc[p] >= 0, "solver model chose no trace");
      sk.rf_source[p].resize(u_.traces[p][static_cast<std::size_t>(sk.trace_of_proc[p])].events.size());
    }
    for (const auto& rv : reads_) {
      if (sk.trace_of_proc[static_cast<std::size_t>(rv.proc)] != rv.trace) continue;
      bool found = false;
      for (const auto& c : rv.choices)
        if (is_true(m, c.var)) {
          sk.rf_source[static_cast<std::size_t>(rv.proc)][static_cast<std::size_t>(rv.event)] = c.source;
          chosen.push_back(Chosen{rv.proc, c.source.proc, c.var});
          found = true;
          break;
        }
      XMCHECK_ASSERT(found, "an active read has no rf source in the solver model");
    }
    for (const auto& mt : matches_)
      if (is_true(m, mt.var)) {
        sk.ipi.emplace_back(EventRef{mt.send_proc, mt.send_event}, EventRef{mt.entry_proc, mt.entry_event});
        chosen.push_back(Chosen{mt.send_proc, mt.entry_proc, mt.var});
      }
    if (!final_writes_.empty()) sk.final_write.resize(final_writes_.size());
    for (std::size_t l = 0; l < final_writes_.size(); ++l)
      for (const auto& f : final_writes_[l])
        if (is_true(m, f.var)) {
          sk.final_write[l] = f.write;
          chosen.push_back(Chosen{f.write.proc, -1, f.var, false});
          break;
        }
    return sk;
  }

  // Excludes this skeleton (an empty core), or every skeleton that agrees with
  // it on the core threads' traces and the rf and IPI choices among them.
  void block(const std::vector<Chosen>& chosen, const std::vector<bool>& core) {
    const auto in_core = [&](int proc) { return core.empty() || proc < 0 || core[static_cast<std::size_t>(proc)]; };
    z3::expr_vector lits(ctx_);
    for (const auto& c : chosen)
      if ((core.empty() || c.in_cores) && in_core(c.proc) && in_core(c.other)) lits.push_back(!c.var);
    solver_.add(z3::mk_or(lits));
  }

  /// A candidate final write of an observed location.
  struct FinalWrite {
    EventRef write;
    Val value;
    z3::expr var;
  };

  const Program& prog_;
  const Unfolding& u_;
  const StateSlots* projection_;
  z3::context& ctx_;
  z3::solver solver_;
  std::vector<std::vector<z3::expr>> trace_vars_;
  std::vector<ReadVars> reads_;
  std::vector<IpiMatch> matches_;
  std::vector<std::vector<FinalWrite>> final_writes_;  ///< [loc]; empty without a projection
};

}  // namespace

struct SmtContext::Impl {
  z3::context ctx;
};

SmtContext::SmtContext() : impl_(std::make_unique<Impl>()) {}
SmtContext::~SmtContext() = default;

SearchStats enumerate_skeletons(SmtContext& smt, const Program& prog, const Unfolding& unfolding,
                                const std::function<Blocking(const Skeleton&)>& visit,
                                const Deadline* deadline, const StateSlots* projection) {
  try {
    Encoder enc(smt.impl().ctx, prog, unfolding, projection);
    return enc.run(visit, deadline);
  } catch (const z3::exception& ex) {
    throw diag::InternalError(std::string("z3: ") + ex.msg());
  }
}

}  // namespace xmcheck::checker
