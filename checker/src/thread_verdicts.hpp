#pragma once
// What one or two threads tell about a skeleton (docs/design.md, "Threads
// alone and in pairs"): the sub-execution of a thread depends only on its
// trace and on the rf and IPI choices inside it, and many skeletons share
// those. Judged once per search and remembered, its verdict gives two things:
// - the orders of the thread's own writes that it refutes (LocalCoherence
//   skips every coherence order containing one);
// - whether it refutes every order: then the thread alone is a core, and
//   every skeleton sharing its choices is blocked without judging the rest.
// Pairs of threads that communicate (one writes what the other accesses, or
// one interrupts the other) are judged and remembered the same way: the
// usual core of a many-CPU protocol is the patcher and one CPU.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "candidate_search.hpp"
#include "deadline.hpp"
#include "twin_traces.hpp"
#include "xmcheck/axioms/model.hpp"

namespace xmcheck::checker {

class ThreadVerdicts {
 public:
  struct Verdict {
    bool refutes_all = false;  ///< every order of the thread's writes fails a persistent check
    /// [loc] -> the orders of the thread's writes (trace indices) refuted
    /// whatever the other threads do; only for locations it writes twice.
    std::vector<std::vector<std::vector<int>>> refuted_orders;
  };

  /// `judge` and the program stay the same for the object's life (one search
  /// session of one test): verdicts are remembered across skeletons.
  ThreadVerdicts(const Program& prog, const Unfolding& u, axioms::Evaluator& judge, const Deadline& deadline);

  /// Whether the model can refute sub-executions at all (else nothing is).
  [[nodiscard]] bool active() const;
  /// The verdict on thread `proc` of `sk`, alone.
  const Verdict& of(const Skeleton& sk, int proc);
  /// Whether the sub-execution of threads `p` and `q` of `sk` fails a
  /// persistent check under every coherence order.
  bool pair_refuted(const Skeleton& sk, int p, int q);

  [[nodiscard]] const Program& program() const { return prog_; }
  [[nodiscard]] const Unfolding& unfolding() const { return u_; }
  [[nodiscard]] axioms::Evaluator& judge() const { return judge_; }
  [[nodiscard]] const Deadline& deadline() const { return deadline_; }
  /// Whether trace `trace` of `proc` alone is refuted whatever its reads
  /// read (each source it may have: initial, its own writes, another
  /// thread's); false when that is more than kMaxSourceCombos choices.
  /// Twin traces with the same choices share one judgement: their
  /// sub-executions are isomorphic (docs/design.md, "Whole traces").
  bool trace_refuted(int proc, int trace);
  /// trace_refuted() for every trace of every thread, [proc][trace]; empty
  /// below kThreadsAloneFrom threads (enumerate_skeletons' `refuted_traces`).
  std::vector<std::vector<bool>> refuted_traces();
  static constexpr std::size_t kMaxSourceCombos = 64;
  /// The threads' twin traces (built on first use).
  const TwinTraces& twins();

 private:
  Verdict judge_alone(const Skeleton& sk, int proc);

  const Program& prog_;
  const Unfolding& u_;
  axioms::Evaluator& judge_;
  const Deadline& deadline_;
  /// key: proc, trace, then each read's source inside the thread (or none)
  /// and the IPIs from the thread to itself.
  std::map<std::vector<int>, Verdict> cache_;
  std::map<std::vector<int>, bool> pairs_;  ///< the same for two threads
  std::unique_ptr<TwinTraces> twins_;
  std::map<std::pair<int, int>, bool> whole_traces_;  ///< trace_refuted()
  /// trace_refuted() per twin class: class, then per read whether another
  /// thread writes its location and value (the one choice twins may not share)
  std::map<std::vector<std::size_t>, bool> whole_classes_;
  std::map<std::pair<int, Val>, std::set<int>> writers_;  ///< (location, value) -> threads writing it
};

/// From this many threads, a skeleton's threads are judged alone and in
/// communicating pairs before the skeleton itself: each costs a fraction of
/// the whole, and most skeletons of many-CPU tests fail on one thread (an
/// interrupt point its trace cannot have) or on the patcher and one CPU.
/// Smaller tests find the same cores by dropping threads (find_core).
constexpr std::size_t kThreadsAloneFrom = 5;

/// Blocks `sk` by every thread that alone refutes each order of its writes,
/// else by every communicating pair that does (one core each); std::nullopt
/// when there is none, and always below kThreadsAloneFrom threads.
[[nodiscard]] std::optional<Blocking> blocked_by_small_core(ThreadVerdicts& verdicts, const Skeleton& sk);

}  // namespace xmcheck::checker
