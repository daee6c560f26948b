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
  Encoder(z3::context& ctx, const Program& prog, const Unfolding& u)
      : prog_(prog), u_(u), ctx_(ctx), solver_(ctx_, "QF_FD") {}

  SearchStats run(const std::function<void(const Skeleton&)>& visit, const Deadline* deadline) {
    declare_traces();
    declare_reads();
    declare_ipis();
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
      Skeleton sk = decode(m);
      ++stats.skeletons;
      visit(sk);
      block(m);
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

  static bool is_true(const z3::model& m, const z3::expr& v) {
    return m.eval(v, true).is_true();
  }

  Skeleton decode(const z3::model& m) const {
    Skeleton sk;
    sk.trace_of_proc.assign(u_.traces.size(), -1);
    for (std::size_t p = 0; p < trace_vars_.size(); ++p)
      for (std::size_t i = 0; i < trace_vars_[p].size(); ++i)
        if (is_true(m, trace_vars_[p][i])) sk.trace_of_proc[p] = static_cast<int>(i);
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
          found = true;
        }
      XMCHECK_ASSERT(found, "an active read has no rf source in the solver model");
    }
    for (const auto& mt : matches_)
      if (is_true(m, mt.var))
        sk.ipi.emplace_back(EventRef{mt.send_proc, mt.send_event}, EventRef{mt.entry_proc, mt.entry_event});
    return sk;
  }

  // Excludes exactly this skeleton: its traces and the rf choices of its reads.
  void block(const z3::model& m) {
    z3::expr_vector lits(ctx_);
    for (const auto& tv : trace_vars_)
      for (const auto& v : tv)
        if (is_true(m, v)) lits.push_back(!v);
    for (const auto& rv : reads_)
      for (const auto& c : rv.choices)
        if (is_true(m, c.var)) lits.push_back(!c.var);
    for (const auto& mt : matches_)
      if (is_true(m, mt.var)) lits.push_back(!mt.var);
    solver_.add(z3::mk_or(lits));
  }

  const Program& prog_;
  const Unfolding& u_;
  z3::context& ctx_;
  z3::solver solver_;
  std::vector<std::vector<z3::expr>> trace_vars_;
  std::vector<ReadVars> reads_;
  std::vector<IpiMatch> matches_;
};

}  // namespace

struct SmtContext::Impl {
  z3::context ctx;
};

SmtContext::SmtContext() : impl_(std::make_unique<Impl>()) {}
SmtContext::~SmtContext() = default;

SearchStats enumerate_skeletons(SmtContext& smt, const Program& prog, const Unfolding& unfolding,
                                const std::function<void(const Skeleton&)>& visit,
                                const Deadline* deadline) {
  try {
    Encoder enc(smt.impl().ctx, prog, unfolding);
    return enc.run(visit, deadline);
  } catch (const z3::exception& ex) {
    throw diag::InternalError(std::string("z3: ") + ex.msg());
  }
}

}  // namespace xmcheck::checker
