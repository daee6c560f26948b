// The checker's main loop (docs/design.md): lower, unfold, let Z3 enumerate
// skeletons, enumerate coherence orders, judge each candidate with the model,
// and collect the final states of the consistent ones.
#include "xmcheck/checker/engine.hpp"

#include <algorithm>
#include <map>
#include <new>
#include <optional>
#include <set>

#include "base_bits.hpp"
#include "c_interpreter.hpp"
#include "c_program.hpp"
#include "candidate_search.hpp"
#include "core_finder.hpp"
#include "deadlock_search.hpp"
#include "direct_search.hpp"
#include "session_impl.hpp"
#include "deadline.hpp"
#include "execution.hpp"
#include "explainer.hpp"
#include "flag_completion.hpp"
#include "semantics/arch_semantics.hpp"
#include "thread_verdicts.hpp"
#include "lower.hpp"
#include "observation.hpp"
#include "unfold.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {
namespace {

/// Variants a test's own header asks for: Variant= and the lines its
/// architecture gives meaning to (arm64's CacheType=, DIC implying IDC).
axioms::VariantSet test_variants(const litmus::LitmusTest& test, const ArchSemantics& arch,
                                 const CheckOptions& options) {
  axioms::VariantSet vs(options.variants);
  vs.enable("ifetch");  // xmcheck always models instruction fetch
  diag::SourceSpan where{std::make_shared<const std::string>("--variant"), {}, {}};
  for (const auto& m : test.meta) {
    if (m.key == "Variant") where = m.span;
    std::string word;
    auto flush = [&] {
      if (word.empty()) return;
      std::string u = word;
      for (auto& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (m.key == "Variant") {
        if (u == "MIXED")  // accesses of several sizes to one location: not modelled
          throw diag::UserError(diag::ErrorKind::Unsupported, m.span,
                                "variant 'mixed' (mixed-size accesses) is not supported");
        vs.enable(word);
      } else {
        arch.header_variant(m, word, vs);
      }
      word.clear();
    };
    if (m.key != "Variant" && !arch.header_key(m.key)) continue;
    for (char c : m.value) {
      if (c == ' ' || c == ',' || c == '\t') flush(); else word.push_back(c);
    }
    flush();
  }
  arch.check_variants(vs, where);
  return vs;
}

struct Collected {
  std::map<std::vector<Val>, bool> states;  ///< final values -> satisfies condition
  std::set<std::string> flags;
  std::uint64_t positive = 0, negative = 0;
  std::uint64_t positive_defined = 0;  ///< positive executions raising no undefined-behaviour flag
  std::uint64_t candidates = 0;
  std::set<Deadlock> deadlocks;
};

/// In C tests a thread none of whose paths finishes within the unrolling bound
/// waits forever: that is a fault of the test (or of the bound), not an outcome.
void reject_endless_loops(const Unfolding& u, int unroll) {
  for (std::size_t p = 0; p < u.traces.size(); ++p)
    if (u.traces[p].empty() && u.cut_at[p].file)
      throw diag::UserError(diag::ErrorKind::Litmus, u.cut_at[p],
                            "loop of P" + std::to_string(p) + " does not terminate within --unroll " +
                                std::to_string(unroll) + " iterations on any path");
}

void reject_delayed_errors(const Execution& ex, int procs) {
  for (int p = 0; p < procs; ++p) {
    const Trace& t = ex.trace(p);
    if (!t.delayed_error.empty())
      throw diag::UserError(diag::ErrorKind::Litmus, t.delayed_error_span, t.delayed_error);
  }
}

/// Projection (CheckOptions::states_only): how each final value is decided, in
/// Observation::final_values() order. None when a trace carries an error that only a
/// consistent execution reveals: every such execution must then be seen.
std::optional<StateSlots> state_slots(const Observation& obs, const Unfolding& u) {
  for (const auto& traces : u.traces)
    for (const auto& t : traces)
      if (!t.delayed_error.empty()) return std::nullopt;
  StateSlots out;
  for (const auto& l : obs.locations()) {
    if (l.is_fault || l.is_register) {
      StateSlots::Slot s;
      s.proc = l.proc;
      for (const auto& t : u.traces[static_cast<std::size_t>(l.proc)])
        s.per_trace.push_back(l.is_fault ? Observation::fault_value(l, t.faults)
                                         : t.final_regs[static_cast<std::size_t>(l.reg)]);
      out.slots.push_back(std::move(s));
    } else if (l.loc >= 0) {
      for (int i = 0; i < l.count; ++i) out.slots.push_back(StateSlots::Slot{-1, {}, l.loc + i});
    } else {
      out.slots.emplace_back();
    }
  }
  return out;
}

/// Whether coherence `co` ends, at each observed location, with the final
/// write the skeleton chose.
bool ends_with_final_writes(const Execution& ex, const Skeleton& sk, const std::vector<std::vector<int>>& co) {
  for (std::size_t l = 0; l < sk.final_write.size(); ++l) {
    if (!sk.final_write[l]) continue;
    const EventRef w = *sk.final_write[l];
    const int id = w.proc < 0 ? w.index : ex.offset(w.proc) + w.index;
    if (co[l].back() != id) return false;
  }
  return true;
}

/// Asm tests: lower() for their own architecture. C tests: lower_c() for the
/// target of `options`, whose lowering table must be given.
/// The base sets no candidate of the test can fill: those of no event of any
/// trace, nor of the events every execution adds (initial writes, final
/// writes, CMODX-restricted code). The model is compiled with them empty.
std::vector<std::size_t> absent_base_sets(const Unfolding& u) {
  SetMask present = kSetW | kSetM | kSetIW | kSetExp | kSetInstr | kSetCmodxRestricted | kSetFW;
  for (const auto* groups : {&u.traces, &u.hung_traces})
    for (const auto& traces : *groups)
      for (const Trace& t : traces)
        for (const TraceEvent& e : t.events) present |= e.sets;
  std::vector<std::size_t> absent;
  for (std::size_t i = 0; i < axioms::kBaseCount; ++i)
    if (axioms::kBaseCatalogue[i].arity == axioms::Arity::Set && !(present & SetMask::of(i)).any())
      absent.push_back(i);
  return absent;
}

CLowered lower_for_target(const litmus::LitmusTest& test, const CheckOptions& options) {
  CLowered out;
  if (test.arch != litmus::kCDialect) {
    if (options.target && *options.target != test.arch)
      throw diag::UserError(diag::ErrorKind::Usage, test.header_span,
                            "a " + test.arch_name + " test cannot be checked for another architecture");
    out.prog = lower(test);
    return out;
  }
  if (options.lowering == nullptr)
    throw diag::UserError(diag::ErrorKind::Usage, test.header_span,
                          "a C test needs a target architecture and its lowering (--arch)");
  if (options.target && *options.target != options.lowering->arch)
    throw diag::UserError(diag::ErrorKind::Usage, test.header_span,
                          "the lowering " + options.lowering->path + " is not for the target architecture");
  return lower_c(test, options.lowering->arch, options.lowering->prelude.get(), &options.lowering->constants);
}

}  // namespace

TestResult check(const litmus::LitmusTest& test, const axioms::Model& model, const CheckOptions& options) {
  Session session;
  return check(test, model, options, session);
}

namespace {

/// Everything a check builds, kept outside the search so that a search that
/// stops early (Stopped, std::bad_alloc) still reports what it found.
struct SearchState {
  std::optional<CLowered> lowered;
  std::optional<Observation> obs;
  std::optional<axioms::VariantSet> variants;
  axioms::Evaluator* judge = nullptr;
  Unfolding unfolding;
  std::optional<Explainer> extras;
  Collected got;
  SearchStats stats;
  std::uint64_t released_traces = 0;  ///< traces freed after a memory stop (still counted)
  bool counts_states = false;  ///< CheckOptions::states_only: Positive/Negative count states
};

void search(const litmus::LitmusTest& test, const axioms::Model& model, const CheckOptions& options,
            Session& session, const Deadline& deadline, SearchState& st) {
  deadline.check();  // the caller's deadline covers its own work (parsing) too
  st.lowered.emplace(lower_for_target(test, options));
  Program& prog = st.lowered->prog;
  const Observation& obs = st.obs.emplace(test, prog);
  const ArchSemantics& arch = semantics(prog.arch);
  st.variants.emplace(test_variants(test, arch, options));
  Unfolding& unfolding = st.unfolding;
  Collected& got = st.got;
  deadline.check();
  if (test.arch == litmus::kCDialect) {
    const LoweringTable& table = *options.lowering;
    const CLowered& lowered = *st.lowered;
    unfold_into(unfolding, prog, options.unroll, &deadline,
                [&](int proc, const std::vector<std::vector<Val>>& domains, ChoiceCursor& cursor, int unroll,
                    const IrqBudget& budget, Trace& trace) {
                  return run_c_path(lowered, table, proc, domains, cursor, unroll, budget, trace);
                },
                // herd's C semantics reads symbolic values: a constant of the
                // code may be read wherever a load-buffering cycle justifies it.
                table.ctrl_within_branches ? c_integer_literals(*lowered.source) : std::vector<Val>{},
                /*thin_air_reads=*/true);
    reject_endless_loops(unfolding, options.unroll);
  } else {
    unfold_into(unfolding, prog, options.unroll, &deadline);
  }
  // The model compiled for this test's events: base sets no trace can fill
  // are empty (absent_base_sets).
  axioms::Evaluator& judge = session.impl().evaluator_for(model, *st.variants, absent_base_sets(unfolding));
  st.judge = &judge;
  Explainer& extras = st.extras.emplace(options, test.condition.quantifier, prog, obs, unfolding, judge);
  // Explanations need the inconsistent candidates themselves: no cores then.
  const bool use_cores = options.block_by_core && !extras.wants_inconsistent();
  // A small candidate space is enumerated whole even for states only: that
  // costs less than the projection's final-write choices (which would leave
  // the direct search for Z3) and the flag searches; the counts are then
  // reduced to states (docs/design.md, "Outcome projection"). A forced
  // skeleton engine keeps the projection (tests of it).
  st.counts_states = options.states_only;
  const bool whole = options.states_only && options.skeleton_engine == SkeletonEngine::Auto &&
                     direct_search_fits(prog, unfolding, nullptr);
  const std::optional<StateSlots> projection =
      options.states_only && !whole ? state_slots(obs, unfolding) : std::nullopt;
  ThreadVerdicts verdicts(prog, unfolding, judge, deadline);  // remembered across the searches below
  // Traces the filter rejects on their own (`filter (0:r2=0 /\ ...)`): no
  // candidate containing one is shown, counted or flagged.
  const std::vector<std::vector<bool>> filtered = obs.traces_failing_filter(unfolding.traces);
  const auto visit = [&](const Skeleton& sk) {
    deadline.check();
    if (has_trace_of(sk, filtered)) return Blocking{};  // the direct search visits them
    if (use_cores)
      if (auto b = blocked_by_small_core(verdicts, sk)) return *b;
    Execution ex(prog, unfolding, sk);
    const LocalCoherence local(verdicts, sk, !extras.wants_inconsistent());
    std::optional<std::vector<Val>> reached;  // projection: the skeleton's state
    local.for_each(ex, [&](const std::vector<std::vector<int>>& co) {
      if (projection && !ends_with_final_writes(ex, sk, co)) return true;
      deadline.check();
      ++got.candidates;
      const axioms::Verdict v = judge(ex.with_coherence(co));
      if (!v.consistent) {
        if (!extras.wants_inconsistent()) return true;
        const std::vector<Val> finals = obs.final_values(ex, co);
        if (obs.passes_filter(finals)) extras.inconsistent(obs.shown_values(finals), obs.satisfies(finals), sk, co);
        return true;
      }
      reject_delayed_errors(ex, prog.num_procs());
      const std::vector<Val> finals = obs.final_values(ex, co);
      reached = finals;
      if (!obs.passes_filter(finals)) return !projection;
      const bool sat = obs.satisfies(finals);
      got.states.emplace(obs.shown_values(finals), sat);  // a filter-only location is no part of it
      (sat ? got.positive : got.negative) += 1;
      got.flags.insert(v.flags.begin(), v.flags.end());
      if (sat && std::none_of(v.flags_in_every_branch.begin(), v.flags_in_every_branch.end(),
                              [&](const std::string& f) { return arch.flag_means_undefined(f); }))
        ++got.positive_defined;
      if (extras.active()) extras.consistent(obs.shown_values(finals), sat, sk, co);
      return !projection;  // one execution per state is enough
    });
    Blocking b;
    if (reached) {
      if (projection) b.state = std::move(reached);
    } else if (use_cores) {
      b.core = find_core(prog, unfolding, sk, judge, deadline, local);
    }
    return b;
  };
  // Traces their thread alone refutes whatever it reads, and the filter's: out before the search.
  const std::vector<std::vector<bool>> refuted =
      excluded_traces(use_cores ? verdicts.refuted_traces() : std::vector<std::vector<bool>>{}, filtered);
  (void)enumerate_skeletons(session.impl().smt, prog, unfolding, visit, &deadline,
                            projection ? &*projection : nullptr, &st.stats, options.skeleton_engine,
                            refuted.empty() ? nullptr : &refuted);
  // One execution per state was judged: look for the flags others may raise.
  if (projection) {
    complete_flags(session.impl().smt, verdicts, obs, options.skeleton_engine, options.block_by_core, got.flags,
                   st.stats);
    // Every positive state found was undefined: is some execution not?
    if (got.positive > 0 && got.positive_defined == 0 &&
        find_defined_positive(session.impl().smt, verdicts, obs, options.skeleton_engine, options.block_by_core, [&](const std::string& f) { return arch.flag_means_undefined(f); },
                              st.stats))
      got.positive_defined = 1;
  }
  if (test.arch == litmus::kCDialect)
    for (const auto& [waiter, target, handler] :
         find_deadlocks(session.impl().smt, prog, unfolding, judge, deadline, options.block_by_core, st.stats))
      got.deadlocks.insert(
          Deadlock{waiter, target, st.lowered->functions.at(static_cast<std::size_t>(handler))->name});
}

/// The result of a search, complete or stopped (then with what it found).
TestResult result_of(const litmus::LitmusTest& test, const SearchState& st) {
  TestResult r;
  r.name = test.name;
  r.quantifier = test.condition.quantifier;
  r.condition = test.condition;
  const Collected& got = st.got;
  if (st.obs) {
    const Observation& obs = *st.obs;
    for (const auto& l : obs.shown_locations()) {
      if (l.is_fault && r.first_fault_observed > r.observed.size()) r.first_fault_observed = r.observed.size();
      r.observed.push_back(l.shown);
    }
    for (const auto& [vals, sat] : got.states) {
      FinalState s;
      s.satisfies_condition = sat;
      for (const auto& l : obs.shown_locations()) s.values.push_back(obs.state_value(l, vals));
      r.states.push_back(std::move(s));
    }
  }
  r.flags.assign(got.flags.begin(), got.flags.end());
  r.positive = got.positive;
  r.negative = got.negative;
  if (st.counts_states) {  // a whole enumeration counted executions
    r.positive = static_cast<std::uint64_t>(
        std::count_if(got.states.begin(), got.states.end(), [](const auto& s) { return s.second; }));
    r.negative = got.states.size() - r.positive;
  }
  r.asked_state_undefined = got.positive > 0 && got.positive_defined == 0;
  r.deadlocks.assign(got.deadlocks.begin(), got.deadlocks.end());
  using Q = litmus::Condition::Quantifier;
  switch (r.quantifier) {
    case Q::Exists: r.validated = got.positive > 0; break;
    case Q::NotExists: r.validated = got.positive == 0; break;
    case Q::Forall: r.validated = got.negative == 0; break;
  }
  r.loop_bound_hit = st.unfolding.loop_cut;
  r.stats.solver_calls = st.stats.solver_calls;
  r.stats.skeletons = st.stats.skeletons;
  r.stats.core_blocks = st.stats.core_blocks;
  r.stats.candidates = got.candidates;
  r.stats.traces = st.released_traces;
  for (const auto& t : st.unfolding.traces) r.stats.traces += t.size();
  if (st.variants) r.variants = st.variants->names();
  return r;
}

/// Records an early stop: the verdict becomes Unknown.
void mark_stopped(TestResult& r, const Stopped& stop) {
  r.stop = stop.reason;
  r.stop_detail = stop.detail;
  r.timed_out = stop.reason == StopReason::Timeout;
}

}  // namespace

TestResult check(const litmus::LitmusTest& test, const axioms::Model& model, const CheckOptions& options,
                 Session& session) {
  const Deadline deadline(options.limits, options.timeout_seconds);
  SearchState st;
  std::optional<Stopped> stop;
  try {
    search(test, model, options, session, deadline, st);
  } catch (const Stopped& s) {
    stop = s;
  } catch (const std::bad_alloc&) {
    stop = Stopped{StopReason::OutOfMemory, "std::bad_alloc"};
  }
  if (stop && (stop->reason == StopReason::MemoryLimit || stop->reason == StopReason::OutOfMemory)) {
    // Give back what the search holds before building the result, and start
    // the next test with a fresh solver context.
    for (auto& t : st.unfolding.traces) {
      st.released_traces += t.size();
      std::vector<Trace>().swap(t);
    }
    std::vector<std::vector<Trace>>().swap(st.unfolding.hung_traces);
    st.extras.reset();
    session.impl().smt.reset();
  }
  TestResult r = result_of(test, st);
  if (stop) {
    mark_stopped(r, *stop);
    return r;
  }
  if (st.extras && st.extras->active()) {
    std::vector<std::vector<Val>> reached;
    for (const auto& entry : st.got.states) reached.push_back(entry.first);
    try {
      st.extras->finish(r, reached, deadline);
    } catch (const Stopped& s) {
      mark_stopped(r, s);
    } catch (const std::bad_alloc&) {
      mark_stopped(r, Stopped{StopReason::OutOfMemory, "std::bad_alloc"});
    }
  }
  return r;
}

std::vector<std::string> builtin_variants() { return {"fatal", "ifetch", "self"}; }

}  // namespace xmcheck::checker
