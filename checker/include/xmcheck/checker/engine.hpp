#pragma once
// Entry point of the checker: one litmus test + one model -> every allowed outcome.
#include <optional>
#include <string>
#include <vector>

#include "xmcheck/axioms/model.hpp"
#include "xmcheck/checker/limits.hpp"
#include "xmcheck/checker/lowering.hpp"
#include "xmcheck/checker/result.hpp"
#include "xmcheck/checker/session.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::checker {

/// How candidate skeletons are enumerated (docs/design.md, "Skeletons"). Both
/// visit the same skeletons; only the cost differs.
enum class SkeletonEngine {
  Auto,    ///< direct for small candidate spaces without IPIs, Z3 otherwise
  Solver,  ///< always Z3
  Direct,  ///< without a solver whenever the test has no IPIs (any size)
};

struct CheckOptions {
  /// How many times a backward jump may be taken per thread (herd's -unroll; default 2).
  int unroll = 2;
  /// Variants enabled on top of those the test's own header implies (CacheType=...).
  std::vector<std::string> variants;
  /// Keep one execution per reachable state (FinalState::witness).
  bool witnesses = false;
  /// Explain the states the condition asks about that the model forbids: for an
  /// `exists` or `~exists` condition, the states satisfying its proposition; for
  /// `forall`, those falsifying it (TestResult::explanations).
  bool explain = false;
  /// Enumerate final states rather than executions (the CLI's default): once
  /// a state is reached, the search excludes every other execution reaching
  /// it, then looks for the flags skipped executions raise (docs/design.md,
  /// "Exact flags"). States, verdict and flags are unchanged;
  /// `positive`/`negative` count states. With SkeletonEngine::Auto a small
  /// candidate space is enumerated whole (counts reduced to states).
  bool states_only = false;
  /// Exclude every skeleton sharing an inconsistent skeleton's refuted core of
  /// threads (docs/design.md, "Blocking by core"); the results do not change.
  bool block_by_core = true;
  /// Who enumerates skeletons; Auto uses Z3 when a solver rlimit is set.
  SkeletonEngine skeleton_engine = SkeletonEngine::Auto;
  /// Give up after this many seconds from the call (0 = no limit):
  /// TestResult::timed_out. Combined with limits.deadline (the earlier wins).
  double timeout_seconds = 0;
  /// Deadline, memory bound and solver limit (limits.hpp). Hitting one stops
  /// the search with TestResult::stop set (verdict Unknown), never a partial
  /// result passed off as complete.
  ResourceLimits limits;
  /// C tests: the architecture the test is lowered to and judged for (AArch64
  /// or X86_64; absent = the lowering's). Asm tests are always checked for
  /// their own architecture: a different target is a usage error.
  std::optional<litmus::ArchId> target;
  /// C tests: the target's lowering table (axioms/<arch>/<arch>.lower, loaded
  /// by the caller with load_lowering; must outlive the call). Required for C.
  const LoweringTable* lowering = nullptr;
};

/// Explores every candidate execution of `test` and keeps those `model` accepts.
/// Throws diag::UserError for tests the checker cannot give meaning to (undefined
/// labels, unsupported instruction semantics), with the offending position.
/// A limit of options.limits that is hit, Z3 answering `unknown` and a failed
/// allocation give a result with TestResult::stop set (never an exception).
[[nodiscard]] TestResult check(const litmus::LitmusTest& test, const axioms::Model& model,
                               const CheckOptions& options, Session& session);

/// The same with a session of its own (convenient for one-off checks and tests).
[[nodiscard]] TestResult check(const litmus::LitmusTest& test, const axioms::Model& model,
                               const CheckOptions& options);

/// Variants every model accepts because the checker itself implements them
/// (herd's `ifetch`, `self`, `fatal`; lower-case, sorted). The others are the
/// model's own: axioms::Model::variant_names().
[[nodiscard]] std::vector<std::string> builtin_variants();

}  // namespace xmcheck::checker
