#include "flag_completion.hpp"

#include <algorithm>

#include "core_finder.hpp"
#include "execution.hpp"

namespace xmcheck::checker {
namespace {

/// Thrown by a target's visitor once no flag is left to look for.
struct NothingWanted {};
/// Thrown when the targets' refutations fail too often (a model whose
/// checks mostly do not persist, such as RISC-V's): one search judging
/// whole skeletons then costs less than a search per target.
struct TargetsDoNotPay {};
/// Skeletons blocked alone by the target searches before TargetsDoNotPay.
constexpr std::size_t kAloneBudget = 64;

using Ends = axioms::Evaluator::FlagEnds;

void merge(Ends& into, const Ends& more) {
  if (into.sides.empty()) {
    into = more;
    return;
  }
  for (std::size_t f = 0; f < into.sides.size(); ++f) {
    for (std::size_t k = 0; k < into.sides[f].size(); ++k)
      for (std::size_t side = 0; side < 2; ++side)
        into.sides[f][k][side] = into.sides[f][k][side] || more.sides[f][k][side];
    into.anchored[f] = into.anchored[f] || more.anchored[f];
    for (std::size_t k = 0; k < into.needs[f].size(); ++k)
      for (std::size_t j = 0; j < into.needs[f][k].size(); ++j)
        into.needs[f][k][j] = into.needs[f][k][j] || more.needs[f][k][j];
  }
}

axioms::EventSet events_of(const Execution& ex, const std::vector<bool>& procs) {
  axioms::EventSet out(ex.num_events());
  for (std::size_t e = 0; e < ex.num_events(); ++e) {
    const int p = ex.proc_of(e);
    if (p < 0 || procs[static_cast<std::size_t>(p)]) out.insert(e);
  }
  return out;
}

/// The rectangle sides met by each thread's events, over every trace of it
/// ([proc]), and by the initial writes (last entry). Sides are stable sets:
/// one trace alone answers for every execution in which it runs.
std::vector<Ends> ends_per_thread(const Program& prog, const Unfolding& u, axioms::Evaluator& judge,
                                  const Deadline& deadline) {
  const std::size_t procs = u.traces.size();
  std::vector<Ends> out(procs + 1);
  Skeleton sk;
  sk.trace_of_proc.assign(procs, 0);
  sk.rf_source.resize(procs);
  std::vector<bool> keep(procs, false);
  {
    Execution iw(prog, u, sk, keep);
    out[procs] = judge.flag_ends(iw.with_coherence(iw.writes_per_loc()), events_of(iw, keep));
  }
  for (std::size_t p = 0; p < procs; ++p) {
    keep.assign(procs, false);
    keep[p] = true;
    for (std::size_t t = 0; t < u.traces[p].size(); ++t) {
      if (deadline.active()) deadline.check();
      const Trace& trace = u.traces[p][t];
      sk.trace_of_proc[p] = static_cast<int>(t);
      sk.rf_source[p].assign(trace.events.size(), EventRef{});
      for (std::size_t e = 0; e < trace.events.size(); ++e)  // sides do not depend on rf
        if (trace.events[e].loc >= 0) sk.rf_source[p][e] = EventRef{-1, trace.events[e].loc};
      Execution one(prog, u, sk, keep);
      std::vector<bool> just_p(procs, false);
      just_p[p] = true;
      axioms::EventSet mine = events_of(one, just_p);
      for (std::size_t e = 0; e < one.num_events(); ++e)
        if (one.proc_of(e) < 0) mine.erase(e);
      // Stable sets may still depend on coherence (restricted to these writes).
      for_each_coherence(one.writes_per_loc(), [&](const std::vector<std::vector<int>>& co) {
        merge(out[p], judge.flag_ends(one.with_coherence(co), mine));
        return true;
      });
    }
    sk.trace_of_proc[p] = 0;
    sk.rf_source[p].clear();
  }
  return out;
}

/// Whether a member of a wanted flag's X may join the sides of `a` and `b`
/// (the same index twice: within one thread).
/// `everywhere`: the ends of every thread and the initial writes merged, for
/// the needed sets (each must have an event somewhere).
bool may_join(const Ends& a, const Ends& b, const Ends& everywhere, const std::vector<bool>& wanted,
              const axioms::Evaluator& judge, bool pairs_only) {
  for (std::size_t f = 0; f < wanted.size(); ++f) {
    if (!wanted[f] || a.sides.empty() || b.sides.empty()) continue;
    if (pairs_only && judge.flag_has_members(f)) continue;  // a set's member lies in one thread
    for (std::size_t k = 0; k < a.sides[f].size(); ++k) {
      const auto& needs = everywhere.needs[f][k];
      if (std::find(needs.begin(), needs.end(), false) != needs.end()) continue;  // no member anywhere
      if ((a.sides[f][k][0] && b.sides[f][k][1]) || (b.sides[f][k][0] && a.sides[f][k][1])) return true;
    }
  }
  return false;
}

/// The thread sets to search (docs/design.md, "Exact flags"): every pair of
/// threads whose sides may join, each thread not in such a pair whose sides
/// may join its own or the initial writes', and the initial writes alone when
/// nothing else is searched; each with every thread that has an event of a
/// wanted flag's anchor sets. Each includes the initial writes.
std::vector<std::vector<bool>> targets(const std::vector<Ends>& ends, const std::vector<bool>& wanted,
                                       const axioms::Evaluator& judge) {
  const std::size_t procs = ends.size() - 1;
  const Ends& iw = ends[procs];
  Ends everywhere;
  for (const auto& e : ends) merge(everywhere, e);
  std::vector<bool> anchors(procs, false);
  for (std::size_t p = 0; p < procs; ++p)
    for (std::size_t f = 0; f < wanted.size(); ++f)
      if (wanted[f] && !ends[p].anchored.empty() && ends[p].anchored[f]) anchors[p] = true;
  std::set<std::vector<bool>> out;
  std::vector<bool> paired(procs, false);
  const auto add = [&](std::vector<bool> w) {
    for (std::size_t p = 0; p < procs; ++p) w[p] = w[p] || anchors[p];
    out.insert(std::move(w));
  };
  for (std::size_t i = 0; i < procs; ++i)
    for (std::size_t j = i + 1; j < procs; ++j)
      if (may_join(ends[i], ends[j], everywhere, wanted, judge, true)) {
        std::vector<bool> w(procs, false);
        w[i] = w[j] = true;
        paired[i] = paired[j] = true;
        add(std::move(w));
      }
  for (std::size_t i = 0; i < procs; ++i)
    if (!paired[i] && (may_join(ends[i], ends[i], everywhere, wanted, judge, false) ||
                       may_join(ends[i], iw, everywhere, wanted, judge, false))) {
      std::vector<bool> w(procs, false);
      w[i] = true;
      add(std::move(w));
    }
  if (out.empty() && may_join(iw, iw, everywhere, wanted, judge, false)) add(std::vector<bool>(procs, false));
  return {out.begin(), out.end()};
}

class FlagSearch {
 public:
  FlagSearch(ThreadVerdicts& verdicts, const Observation& obs, std::set<std::string>& flags, bool use_cores)
      : prog_(verdicts.program()),
        u_(verdicts.unfolding()),
        obs_(obs),
        judge_(verdicts.judge()),
        deadline_(verdicts.deadline()),
        verdicts_(verdicts),
        flags_(flags),
        use_cores_(use_cores) {
    const auto& names = judge_.flag_names();
    wanted_.assign(names.size(), false);
    for (std::size_t f = 0; f < names.size(); ++f) wanted_[f] = flags.count(names[f]) == 0;
  }

  [[nodiscard]] bool anything_wanted() const { return std::find(wanted_.begin(), wanted_.end(), true) != wanted_.end(); }
  /// From now on, judge whole skeletons (one target of every thread).
  void give_up_targets() { whole_only_ = true; }

  [[nodiscard]] bool all_local() const {
    if (!use_cores_ || whole_only_) return false;
    for (std::size_t f = 0; f < wanted_.size(); ++f)
      if (wanted_[f] && !judge_.flag_is_local(f)) return false;
    return true;
  }
  [[nodiscard]] const std::vector<bool>& wanted() const { return wanted_; }

  /// One skeleton of the search for target `w` (all threads: no decomposition).
  Blocking visit(const Skeleton& sk, const std::vector<bool>& w) {
    deadline_.check();
    const bool whole = std::all_of(w.begin(), w.end(), [](bool b) { return b; });
    const bool local = all_local();
    if (use_cores_)
      if (auto b = blocked_by_small_core(verdicts_, sk)) return *b;
    const LocalCoherence orders(verdicts_, sk);
    // Most skeletons: the target's threads alone already show no member.
    if (local && !whole && judge_.can_refute_extensions() && refuted(sk, w, w, orders)) return Blocking::by_core(w);
    const bool consistent = judge_all(sk, orders);
    if (!anything_wanted()) throw NothingWanted{};
    if (!local) {  // exact for this skeleton only, or an inconsistency core
      if (consistent || !use_cores_) return {};
      return Blocking::by_core(find_core(prog_, u_, sk, judge_, deadline_, orders));
    }
    const std::vector<bool> all(w.size(), true);
    if (!refuted(sk, all, w, orders)) {  // e.g. raised, but the filter drops it
      if (++blocked_alone_ > kAloneBudget) throw TargetsDoNotPay{};
      return {};
    }
    if (!judge_.can_refute_extensions()) return {};
    // A sub-execution without all of W refutes only by failing persistent
    // checks (no member anywhere): then it may leave W's threads out too.
    return Blocking::by_core(minimal_core(std::vector<bool>(w.size(), false), all,
                                          [&](const std::vector<bool>& keep) { return refuted(sk, keep, w, orders); }));
  }

 private:
  /// Judges every candidate of the skeleton; records the flags of consistent
  /// ones that pass the filter. Whether any was consistent.
  bool judge_all(const Skeleton& sk, const LocalCoherence& orders) {
    Execution ex(prog_, u_, sk);
    bool any = false;
    orders.for_each(ex, [&](const std::vector<std::vector<int>>& co) {
      deadline_.check();
      const axioms::Verdict v = judge_(ex.with_coherence(co));
      if (!v.consistent) return true;
      any = true;
      if (!obs_.passes_filter(obs_.final_values(ex, co))) return true;
      for (const auto& f : v.flags) {
        flags_.insert(f);
        const auto& names = judge_.flag_names();
        wanted_[static_cast<std::size_t>(std::lower_bound(names.begin(), names.end(), f) - names.begin())] = false;
      }
      return anything_wanted();
    });
    return any;
  }

  /// No coherence order of the sub-execution on `keep` has a branch passing
  /// every persistent check with a wanted flag's member among the events of
  /// `w` (when `keep` lacks some of `w`: with no passing branch at all).
  bool refuted(const Skeleton& sk, const std::vector<bool>& keep, const std::vector<bool>& w,
               const LocalCoherence& orders) {
    Execution sub(prog_, u_, sk, keep);
    bool keeps_w = true;
    for (std::size_t p = 0; p < w.size(); ++p) keeps_w = keeps_w && (!w[p] || keep[p]);
    const axioms::EventSet within = events_of(sub, w);
    return orders.for_each(sub, [&](const std::vector<std::vector<int>>& co) {
      if (deadline_.active()) deadline_.check();
      const axioms::BaseValues& base = sub.with_coherence(co);
      return keeps_w ? !judge_.may_raise_within(base, within, wanted_) : judge_.refutes_extensions(base);
    });
  }

  const Program& prog_;
  const Unfolding& u_;
  const Observation& obs_;
  axioms::Evaluator& judge_;
  const Deadline& deadline_;
  ThreadVerdicts& verdicts_;
  std::set<std::string>& flags_;
  std::vector<bool> wanted_;
  bool use_cores_;
  bool whole_only_ = false;
  std::size_t blocked_alone_ = 0;
};

}  // namespace

void complete_flags(SmtContext& smt, ThreadVerdicts& verdicts, const Observation& obs, SkeletonEngine engine,
                    bool use_cores, std::set<std::string>& flags, SearchStats& stats) {
  const Program& prog = verdicts.program();
  const Unfolding& u = verdicts.unfolding();
  axioms::Evaluator& judge = verdicts.judge();
  const Deadline& deadline = verdicts.deadline();
  FlagSearch search(verdicts, obs, flags, use_cores);
  if (!search.anything_wanted() || u.traces.empty()) return;
  std::vector<std::vector<bool>> sets;
  if (search.all_local()) {
    sets = targets(ends_per_thread(prog, u, judge, deadline), search.wanted(), judge);
  } else {
    sets.emplace_back(u.traces.size(), true);
  }
  // A flag counts only on executions that pass the filter: the traces it
  // rejects alone are out, as are those their thread alone refutes.
  const std::vector<std::vector<bool>> filtered = obs.traces_failing_filter(u.traces);
  const std::vector<std::vector<bool>> refuted =
      excluded_traces(use_cores ? verdicts.refuted_traces() : std::vector<std::vector<bool>>{}, filtered);
  const auto run = [&](const std::vector<bool>& w) {
    const auto visit = [&](const Skeleton& sk) { return has_trace_of(sk, filtered) ? Blocking{} : search.visit(sk, w); };
    (void)enumerate_skeletons(smt, prog, u, visit, &deadline,
                              nullptr, &stats, engine, refuted.empty() ? nullptr : &refuted);
  };
  try {
    try {
      for (const auto& w : sets) run(w);
    } catch (const TargetsDoNotPay&) {
      search.give_up_targets();
      run(std::vector<bool>(u.traces.size(), true));
    }
  } catch (const NothingWanted&) {
  }
}

bool find_defined_positive(SmtContext& smt, ThreadVerdicts& verdicts, const Observation& obs, SkeletonEngine engine,
                           bool use_cores, const std::function<bool(const std::string&)>& undefined,
                           SearchStats& stats) {
  const Program& prog = verdicts.program();
  const Unfolding& u = verdicts.unfolding();
  axioms::Evaluator& judge = verdicts.judge();
  const Deadline& deadline = verdicts.deadline();
  const std::vector<std::vector<bool>> filtered = obs.traces_failing_filter(u.traces);
  const std::vector<std::vector<bool>> refuted =
      excluded_traces(use_cores ? verdicts.refuted_traces() : std::vector<std::vector<bool>>{}, filtered);
  try {
    (void)enumerate_skeletons(
        smt, prog, u,
        [&](const Skeleton& sk) {
          deadline.check();
          if (has_trace_of(sk, filtered)) return Blocking{};
          if (use_cores)
            if (auto b = blocked_by_small_core(verdicts, sk)) return *b;
          Execution ex(prog, u, sk);
          const LocalCoherence orders(verdicts, sk);
          bool consistent = false;
          orders.for_each(ex, [&](const std::vector<std::vector<int>>& co) {
            deadline.check();
            const axioms::Verdict v = judge(ex.with_coherence(co));
            if (!v.consistent) return true;
            consistent = true;
            const std::vector<Val> finals = obs.final_values(ex, co);
            if (!obs.passes_filter(finals) || !obs.satisfies(finals)) return true;
            if (std::none_of(v.flags_in_every_branch.begin(), v.flags_in_every_branch.end(), undefined))
              throw NothingWanted{};  // found one
            return true;
          });
          if (consistent || !use_cores) return Blocking{};
          return Blocking::by_core(find_core(prog, u, sk, judge, deadline, orders));
        },
        &deadline, nullptr, &stats, engine, refuted.empty() ? nullptr : &refuted);
  } catch (const NothingWanted&) {
    return true;
  }
  return false;
}

}  // namespace xmcheck::checker
