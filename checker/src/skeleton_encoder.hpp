#pragma once
// The solver side of the skeleton search (docs/design.md, "How a test is
// explored"): one Boolean per trace, per rf choice and per IPI match, the
// constraints that make a model a skeleton, and the clauses that block what
// has been visited. Used by candidate_search.cpp only.
#include <z3++.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "candidate_search.hpp"
#include "ipi_balance.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker::encoder {


inline bool is_read(const TraceEvent& e) { return e.kind == EventKind::Read || e.kind == EventKind::Fetch; }

struct RfChoice {
  EventRef source;
  /// Solver variable; none when the source is the read's only one (then the
  /// read's trace alone decides it, and blocking clauses need no literal).
  std::optional<z3::expr> var;
};

/// One read (or fetch) of a thread, shared by every trace that performs it at
/// the same event index, location and value: its rf choice is encoded once,
/// not once per trace (the solver's cost per model grows with its variables).
struct ReadVars {
  int proc, event;
  std::vector<int> traces;  ///< traces of `proc` with this read, ascending
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
  /// `allow_hangs`: the deadlock search (enumerate_deadlock_skeletons).
  /// `refuted`: traces excluded up front (enumerate_skeletons).
  Encoder(z3::context& ctx, BalanceCache& balance, const Program& prog, const Unfolding& u,
          const StateSlots* projection, const Deadline& deadline, bool allow_hangs = false,
          const std::vector<std::vector<bool>>* refuted = nullptr)
      : prog_(prog), u_(u), projection_(projection), deadline_(deadline), allow_hangs_(allow_hangs), ctx_(ctx),
        solver_(ctx_, "QF_FD"), balance_(balance), refuted_(refuted) {
    // Compacting each model (Z3's default) costs ten times the check itself.
    z3::params p(ctx_);
    p.set("model.compact", false);
    // The memory bound also caps Z3's own allocations: a solver call that
    // would exceed it fails instead of running the machine out of memory.
    if (const unsigned mb = deadline_.solver_memory_mb(); mb > 0) p.set("max_memory", mb);
    if (const auto r = deadline_.solver_rlimit(); r > 0)
      p.set("rlimit", static_cast<unsigned>(std::min<std::uint64_t>(r, std::numeric_limits<unsigned>::max())));
    solver_.set(p);
  }

  /// Enumerates until the solver answers unsat; `stats` is kept up to date
  /// so that it is accurate when the search stops early (Stopped).
  void run(const std::function<Blocking(const Skeleton&)>& visit, SearchStats& stats) {
    declare_traces();
    if (refuted_ != nullptr)
      for (std::size_t p = 0; p < refuted_->size(); ++p)
        for (std::size_t t = 0; t < (*refuted_)[p].size(); ++t)
          if ((*refuted_)[p][t]) solver_.add(!trace_vars_[p][t]);
    declare_ipis();  // first: it may show that no choice of traces balances the IPIs
    if (unbalanced_) return;
    declare_reads();
    declare_final_writes();
    while (true) {
      deadline_.check();
      if (deadline_.has_time_limit()) {
        z3::params p(ctx_);
        p.set("timeout", deadline_.remaining_ms());
        solver_.set(p);
      }
      ++stats.solver_calls;
      const z3::check_result res = solver_.check();
      if (res == z3::unknown) throw why_unknown();
      if (res == z3::unsat) break;
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
        for (const auto& core : b.more_cores) block(chosen, core);
      }
      for (const auto& [other, core] : b.elsewhere)
        if (auto clause = clause_for(other, core)) solver_.add(*clause);
    }
  }

 private:
  /// Z3 answered `unknown`: the enumeration cannot go on, and stopping it must
  /// not pass for its end. Says which limit (if any) made the solver give up.
  [[nodiscard]] Stopped why_unknown() const {
    const std::string reason = solver_.reason_unknown();
    if (deadline_.passed() || (deadline_.has_time_limit() && (reason == "timeout" || reason == "canceled")))
      return Stopped{StopReason::Timeout, reason};
    if (deadline_.memory_exceeded() || reason.find("memory") != std::string::npos)
      return Stopped{StopReason::MemoryLimit, reason};
    if (reason.empty() || reason == "no reason given")  // what Z3 4.8's SAT core says at its rlimit
      return Stopped{StopReason::SolverUnknown,
                     deadline_.solver_rlimit() > 0 ? "no reason given; a solver rlimit is set" : "no reason given"};
    return Stopped{StopReason::SolverUnknown, reason};
  }

  void declare_traces() {
    trace_vars_.resize(u_.traces.size());
    for (std::size_t p = 0; p < u_.traces.size(); ++p) {
      z3::expr_vector vs(ctx_);
      for (std::size_t i = 0; i < u_.traces[p].size(); ++i) {
        if (i % kPollEvery == 0) deadline_.check();
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
    if (allow_hangs_) require_a_hang();
  }

  // The deadlock search looks only for executions in which some wait hangs.
  void require_a_hang() {
    z3::expr_vector hung(ctx_);
    for (std::size_t p = 0; p < u_.traces.size(); ++p)
      for (std::size_t i = 0; i < u_.traces[p].size(); ++i)
        if (!u_.traces[p][i].hung_sends.empty()) hung.push_back(trace_vars_[p][i]);
    solver_.add(z3::mk_or(hung));  // none: unsat, no deadlock
  }

  /// Some trace of `cpu` ending with interrupts masked is active: an IPI
  /// pending when it ends is never taken.
  z3::expr ends_masked(int cpu) const {
    z3::expr_vector vs(ctx_);
    if (cpu >= 0 && static_cast<std::size_t>(cpu) < u_.traces.size())
      for (std::size_t i = 0; i < u_.traces[static_cast<std::size_t>(cpu)].size(); ++i)
        if (u_.traces[static_cast<std::size_t>(cpu)][i].irqs_masked_at_end)
          vs.push_back(trace_vars_[static_cast<std::size_t>(cpu)][i]);
    return z3::mk_or(vs);
  }

  void declare_reads() {
    index_writes();
    for (std::size_t p = 0; p < u_.traces.size(); ++p) {
      std::map<std::tuple<int, EventKind, int, Val>, std::vector<int>> groups;  // (event, kind, loc, value) -> traces
      for (std::size_t i = 0; i < u_.traces[p].size(); ++i) {
        if (i % kPollEvery == 0) deadline_.check();
        const auto& evs = u_.traces[p][i].events;
        for (std::size_t e = 0; e < evs.size(); ++e)
          if (is_read(evs[e]))
            groups[{static_cast<int>(e), evs[e].kind, evs[e].loc, evs[e].value}].push_back(static_cast<int>(i));
      }
      for (const auto& [key, traces] : groups) declare_read(static_cast<int>(p), std::get<0>(key), traces);
    }
  }

  /// The writes of every thread by (location, value), then by event index:
  /// the traces that make them (ascending), and once asked for, the solver's
  /// "one of them is active" (shared by every read of that value).
  struct Writes {
    std::vector<int> traces;
    std::optional<z3::expr> any;
  };
  void index_writes() {
    writes_.assign(u_.traces.size(), {});
    for (std::size_t q = 0; q < u_.traces.size(); ++q)
      for (std::size_t j = 0; j < u_.traces[q].size(); ++j) {
        if (j % kPollEvery == 0) deadline_.check();
        const auto& evs = u_.traces[q][j].events;
        for (std::size_t w = 0; w < evs.size(); ++w)
          if (evs[w].kind == EventKind::Write)
            writes_[q][{evs[w].loc, evs[w].value}][static_cast<int>(w)].traces.push_back(static_cast<int>(j));
      }
  }

  z3::expr any_trace(int q, const std::vector<int>& traces) const {
    z3::expr_vector vs(ctx_);
    for (int j : traces) vs.push_back(trace_vars_[static_cast<std::size_t>(q)][static_cast<std::size_t>(j)]);
    return z3::mk_or(vs);
  }

  void declare_read(int p, int e, const std::vector<int>& traces) {
    const TraceEvent& r = u_.traces[static_cast<std::size_t>(p)][static_cast<std::size_t>(traces.front())]
                              .events[static_cast<std::size_t>(e)];
    const z3::expr active = any_trace(p, traces);
    // Candidate sources, each with the condition under which it exists.
    std::vector<std::pair<EventRef, std::optional<z3::expr>>> sources;
    if (prog_.locs[static_cast<std::size_t>(r.loc)].init == r.value) sources.emplace_back(EventRef{-1, r.loc}, std::nullopt);
    for (std::size_t q = 0; q < u_.traces.size(); ++q) {
      const auto found = writes_[q].find({r.loc, r.value});
      if (found == writes_[q].end()) continue;
      for (auto& [w, by] : found->second) {
        deadline_.check();
        const EventRef src{static_cast<int>(q), w};
        if (static_cast<int>(q) == p) {  // own writes: only in the traces that perform the read
          std::vector<int> js;
          std::set_intersection(by.traces.begin(), by.traces.end(), traces.begin(), traces.end(), std::back_inserter(js));
          const auto write_index = static_cast<std::size_t>(w);  // a lambda cannot capture a binding (clang 14)
          std::erase_if(js, [&](int j) {
            return !may_read_own_write(u_.traces[static_cast<std::size_t>(p)][static_cast<std::size_t>(j)],
                                       static_cast<std::size_t>(e), write_index);
          });
          if (!js.empty()) sources.emplace_back(src, any_trace(p, js));
        } else {
          if (!by.any) by.any = any_trace(static_cast<int>(q), by.traces);
          sources.emplace_back(src, *by.any);
        }
      }
    }
    ReadVars rv{p, e, traces, {}};
    if (sources.empty()) {
      solver_.add(!active);
    } else if (sources.size() == 1) {
      if (sources.front().second) solver_.add(z3::implies(active, *sources.front().second));
      rv.choices.push_back(RfChoice{sources.front().first, std::nullopt});
    } else {
      z3::expr_vector vs(ctx_);
      for (const auto& [src, exists] : sources) {
        const std::string name = "rf" + std::to_string(reads_.size()) + "_" + std::to_string(rv.choices.size());
        z3::expr v = ctx_.bool_const(name.c_str());
        solver_.add(z3::implies(v, active));
        if (exists) solver_.add(z3::implies(v, *exists));
        rv.choices.push_back(RfChoice{src, v});
        vs.push_back(v);
      }
      solver_.add(z3::implies(active, z3::atleast(vs, 1)));
      solver_.add(z3::atmost(vs, 1));
    }
    reads_.push_back(std::move(rv));
  }

  // Each active send is served by exactly one active interrupt entry of its
  // target CPU running its handler, and each active entry serves exactly one
  // send: an IPI is neither lost nor invented (a wait without its handler's
  // completion is no execution). The deadlock search relaxes one thing: a
  // send that a hung wait awaits may stay unserved if its target's trace ends
  // with interrupts masked (then it never takes it), and a hung wait must
  // have such a send (else it would complete).
  void declare_ipis() {
    struct Ev {
      int proc, trace, event;
    };
    std::vector<Ev> sends, entries;
    for (std::size_t p = 0; p < u_.traces.size(); ++p)
      for (std::size_t i = 0; i < u_.traces[p].size(); ++i) {
        if (i % kPollEvery == 0) deadline_.check();
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
    const auto awaited_by_hang = [&](const Ev& ev) {
      const auto& hung = u_.traces[static_cast<std::size_t>(ev.proc)][static_cast<std::size_t>(ev.trace)].hung_sends;
      return allow_hangs_ && std::find(hung.begin(), hung.end(), ev.event) != hung.end();
    };
    // Counts first: traces no choice balances need no matching variables.
    declare_ipi_counts();
    if (unbalanced_) return;
    const auto dropped = [&](const Ev& ev) {
      return excluded_.count({ev.proc, ev.trace}) != 0;
    };
    sends.erase(std::remove_if(sends.begin(), sends.end(), dropped), sends.end());
    entries.erase(std::remove_if(entries.begin(), entries.end(), dropped), entries.end());
    std::vector<z3::expr_vector> per_entry;
    for (std::size_t k = 0; k < entries.size(); ++k) per_entry.emplace_back(ctx_);
    std::map<std::pair<int, int>, z3::expr_vector> unserved_by_trace;  // hung (proc, trace) -> !served(s)
    for (const auto& s : sends) {
      deadline_.check();
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
      if (awaited_by_hang(s)) {
        const z3::expr served = z3::mk_or(vs);
        solver_.add(z3::implies(active(s) && !served, ends_masked(se.target)));
        if (!vs.empty()) solver_.add(z3::atmost(vs, 1));
        unserved_by_trace.try_emplace({s.proc, s.trace}, ctx_).first->second.push_back(!served);
      } else if (vs.empty()) {
        solver_.add(!active(s));
      } else {
        solver_.add(z3::implies(active(s), z3::atleast(vs, 1)));
        solver_.add(z3::atmost(vs, 1));
      }
    }
    for (const auto& [trace, unserved] : unserved_by_trace)
      solver_.add(z3::implies(trace_vars_[static_cast<std::size_t>(trace.first)][static_cast<std::size_t>(trace.second)],
                              z3::mk_or(unserved)));
    for (std::size_t k = 0; k < entries.size(); ++k) {
      if (per_entry[k].empty()) {
        solver_.add(!active(entries[k]));
      } else {
        solver_.add(z3::implies(active(entries[k]), z3::atleast(per_entry[k], 1)));
        solver_.add(z3::atmost(per_entry[k], 1));
      }
    }
  }

  /// Implied by the matching, but stated as counts: for each CPU and handler,
  /// the interrupts its trace takes equal the sends the other traces make (at
  /// least, when a hung wait may leave sends unserved). Without it, refuting
  /// a choice with more sends than entries (an IPI chain cut by --unroll) is
  /// a pigeonhole problem for the solver. Traces are grouped by signature
  /// (ipi_balance.hpp); groups that no choice balances are excluded (their
  /// traces need no matching variables: excluded_), the others get one
  /// variable each and a pseudo-Boolean count constraint per key.
  void declare_ipi_counts() {
    const IpiSignatures sigs = ipi_signatures(u_, allow_hangs_, deadline_);
    const std::size_t nkeys = sigs.keys;
    std::vector<std::map<IpiSignature, z3::expr_vector>> groups(u_.traces.size());  // signature -> trace variables
    std::vector<std::set<IpiSignature>> distinct(u_.traces.size());
    for (std::size_t p = 0; p < u_.traces.size(); ++p)
      for (std::size_t i = 0; i < u_.traces[p].size(); ++i) {
        const IpiSignature& sig = sigs.of_trace[p][i];
        groups[p].try_emplace(sig, ctx_).first->second.push_back(trace_vars_[p][i]);
        distinct[p].insert(sig);
      }
    if (std::none_of(sigs.may_hang.begin(), sigs.may_hang.end(), [](bool b) { return b; })) {
      if (const auto& kept = balance_.kept(distinct, deadline_)) {
        for (std::size_t p = 0; p < u_.traces.size(); ++p) {
          if ((*kept)[p].empty()) {  // no choice of this CPU balances: nothing to find
            unbalanced_ = true;
            return;
          }
          for (std::size_t i = 0; i < u_.traces[p].size(); ++i)
            if ((*kept)[p].count(sigs.of_trace[p][i]) == 0) {
              solver_.add(!trace_vars_[p][i]);
              excluded_.insert({static_cast<int>(p), static_cast<int>(i)});
            }
          for (auto it = groups[p].begin(); it != groups[p].end();)
            it = (*kept)[p].count(it->first) == 0 ? groups[p].erase(it) : std::next(it);
        }
      }
    }
    std::vector<z3::expr_vector> terms;
    std::vector<std::vector<int>> coeffs(nkeys);
    std::vector<int> constant(nkeys, 0);
    for (std::size_t k = 0; k < nkeys; ++k) terms.emplace_back(ctx_);
    for (std::size_t p = 0; p < u_.traces.size(); ++p) {
      if (groups[p].size() == 1) {  // every trace of p counts the same: a constant
        const auto& sig = groups[p].begin()->first;
        for (std::size_t k = 0; k < nkeys; ++k) constant[k] += sig[k];
        continue;
      }
      int g = 0;
      for (const auto& [sig, vars] : groups[p]) {
        deadline_.check();
        const std::string name = "ipigroup" + std::to_string(p) + "_" + std::to_string(g++);
        const z3::expr chosen = ctx_.bool_const(name.c_str());
        solver_.add(chosen == z3::mk_or(vars));
        for (std::size_t k = 0; k < nkeys; ++k)
          if (sig[k] != 0) {
            terms[k].push_back(chosen);
            coeffs[k].push_back(sig[k]);
          }
      }
    }
    for (std::size_t k = 0; k < nkeys; ++k) {
      // sum(coeffs . groups) + constant == 0 (>= 0 when sends may stay unserved)
      if (terms[k].empty()) {
        if (sigs.may_hang[k] ? constant[k] < 0 : constant[k] != 0) solver_.add(ctx_.bool_val(false));
        continue;
      }
      solver_.add(sigs.may_hang[k] ? z3::pbge(terms[k], coeffs[k].data(), -constant[k])
                                   : z3::pbeq(terms[k], coeffs[k].data(), -constant[k]));
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
          if (j % kPollEvery == 0) deadline_.check();
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

  // A variable's value straight from the model's table: cheaper than
  // evaluating it, which builds an evaluator per call. A variable the model
  // leaves unassigned is false (what model completion would choose).
  static bool is_true(const z3::model& m, const z3::expr& v) {
    const Z3_ast value = Z3_model_get_const_interp(m.ctx(), m, v.decl());
    return value != nullptr && Z3_get_bool_value(m.ctx(), value) == Z3_L_TRUE;
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
      for (std::size_t i = 0; i < trace_vars_[p].size(); ++i) {
        if (i % kPollEvery == 0) deadline_.check();
        if (is_true(m, trace_vars_[p][i])) {
          sk.trace_of_proc[p] = static_cast<int>(i);
          chosen.push_back(Chosen{static_cast<int>(p), -1, trace_vars_[p][i]});
          break;
        }
      }
    sk.rf_source.resize(u_.traces.size());
    for (std::size_t p = 0; p < u_.traces.size(); ++p) {
      XMCHECK_ASSERT(sk.trace_of_proc[p] >= 0, "solver model chose no trace");
      sk.rf_source[p].resize(u_.traces[p][static_cast<std::size_t>(sk.trace_of_proc[p])].events.size());
    }
    for (const auto& rv : reads_) {
      if (!std::binary_search(rv.traces.begin(), rv.traces.end(), sk.trace_of_proc[static_cast<std::size_t>(rv.proc)]))
        continue;
      deadline_.check();
      bool found = false;
      for (const auto& c : rv.choices)
        if (!c.var || is_true(m, *c.var)) {
          sk.rf_source[static_cast<std::size_t>(rv.proc)][static_cast<std::size_t>(rv.event)] = c.source;
          if (c.var) chosen.push_back(Chosen{rv.proc, c.source.proc, *c.var});
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

  /// block()'s clause for `core` of a skeleton the solver has not shown
  /// (Blocking::elsewhere); std::nullopt when some choice in it has no
  /// literal: no skeleton makes it, so there is nothing to block.
  [[nodiscard]] std::optional<z3::expr> clause_for(const Skeleton& sk, const std::vector<bool>& core) const {
    const auto in = [&](int proc) { return proc < 0 || core[static_cast<std::size_t>(proc)]; };
    const auto trace = [&](int proc) { return sk.trace_of_proc[static_cast<std::size_t>(proc)]; };
    z3::expr_vector lits(ctx_);
    for (std::size_t p = 0; p < core.size(); ++p)
      if (core[p]) lits.push_back(!trace_vars_[p][static_cast<std::size_t>(sk.trace_of_proc[p])]);
    for (const auto& rv : reads_) {
      if (!core[static_cast<std::size_t>(rv.proc)] ||
          !std::binary_search(rv.traces.begin(), rv.traces.end(), trace(rv.proc)))
        continue;
      const EventRef src = sk.rf_source[static_cast<std::size_t>(rv.proc)][static_cast<std::size_t>(rv.event)];
      if (!in(src.proc)) continue;
      const auto c = std::find_if(rv.choices.begin(), rv.choices.end(), [&](const RfChoice& rc) { return rc.source == src; });
      if (c == rv.choices.end()) return std::nullopt;
      if (c->var) lits.push_back(!*c->var);
    }
    for (const auto& pair : sk.ipi) {
      const EventRef send = pair.first, entry = pair.second;  // (lambdas cannot capture bindings in C++20 clang 14)
      if (!in(send.proc) || !in(entry.proc)) continue;
      const auto mt = std::find_if(matches_.begin(), matches_.end(), [&](const IpiMatch& x) {
        return x.send_proc == send.proc && x.send_trace == trace(send.proc) && x.send_event == send.index &&
               x.entry_proc == entry.proc && x.entry_trace == trace(entry.proc) && x.entry_event == entry.index;
      });
      if (mt == matches_.end()) return std::nullopt;
      lits.push_back(!mt->var);
    }
    return z3::mk_or(lits);
  }

  /// A candidate final write of an observed location.
  struct FinalWrite {
    EventRef write;
    Val value;
    z3::expr var;
  };

  /// Loops over traces poll the budget once per this many iterations.
  static constexpr std::size_t kPollEvery = 64;

  const Program& prog_;
  const Unfolding& u_;
  const StateSlots* projection_;
  const Deadline& deadline_;
  const bool allow_hangs_;
  z3::context& ctx_;
  z3::solver solver_;
  BalanceCache& balance_;
  const std::vector<std::vector<bool>>* refuted_;  ///< excluded traces, or none
  bool unbalanced_ = false;  ///< no choice of traces balances IPI sends and entries: no skeleton
  std::set<std::pair<int, int>> excluded_;  ///< (proc, trace) that no choice balances (declare_ipi_counts)
  std::vector<std::vector<z3::expr>> trace_vars_;
  std::vector<ReadVars> reads_;
  std::vector<std::map<std::pair<int, Val>, std::map<int, Writes>>> writes_;  ///< [proc]: index_writes()
  std::vector<IpiMatch> matches_;
  std::vector<std::vector<FinalWrite>> final_writes_;  ///< [loc]; empty without a projection
};

}  // namespace xmcheck::checker::encoder
