#pragma once
// Checks one input: parse the litmus test, pick and load its model (cached per
// model file for the whole run), run the checker. Turns per-test exceptions into
// a TestOutcome; decides no exit code (main.cpp does).
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include <spdlog/logger.h>

#include "xmcheck/frontend/cli.hpp"
#include "xmcheck/frontend/herd_config.hpp"
#include "xmcheck/frontend/inputs.hpp"
#include "xmcheck/frontend/model_locator.hpp"
#include "xmcheck/axioms/model.hpp"
#include "xmcheck/checker/engine.hpp"
#include "xmcheck/checker/lowering.hpp"
#include "xmcheck/checker/result.hpp"
#include "xmcheck/checker/session.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::frontend {

/// Why a test was not checked. Inconclusive: it ran out of memory outside the
/// checker's search (e.g. while parsing), which counts as an Unknown verdict.
enum class FailureKind { BadLitmus, BadModel, Unsupported, Usage, Internal, Inconclusive };

/// A C test's check for one target architecture (--arch).
struct ArchOutcome {
  std::string arch;                           ///< "x86", "arm64"
  std::optional<checker::TestResult> result;  ///< set when checked
  std::optional<FailureKind> failure;         ///< set otherwise
  std::string diagnostic;
  bool positioned = false;
  double time_ms = 0;
};

struct TestOutcome {
  std::string path;
  std::optional<checker::TestResult> result;  ///< set when the test was checked
  std::optional<FailureKind> failure;         ///< set otherwise
  std::string diagnostic;    ///< the one stderr line, "file:line:col: error: message"
  bool positioned = false;   ///< the diagnostic carries a line:col position
  std::string arch;          ///< the test's architecture as written ("AArch64"), when parsed
  double time_ms = 0;        ///< wall-clock time of the check (--stats)
  /// C tests: one entry per target architecture (x86 first); `result` is then
  /// unset and `failure` is set only when the test could not be parsed.
  std::vector<ArchOutcome> per_arch;
};

/// A model could not be found or loaded: the whole run stops.
class ModelLoadError : public std::runtime_error {
 public:
  explicit ModelLoadError(diag::UserError error)
      : std::runtime_error(error.what()), error_(std::move(error)) {}
  [[nodiscard]] const diag::UserError& error() const { return error_; }

 private:
  diag::UserError error_;
};

class Runner {
 public:
  Runner(Options options, ModelLocator locator, std::shared_ptr<spdlog::logger> log);

  /// Loads --model, if given, before any test is read, and checks the
  /// --variant names against the models the run may use (variant_check.hpp).
  /// Throws ModelLoadError, or diag::UserError (Usage) for an unknown variant.
  void preload_model();

  /// Checks one input. Throws ModelLoadError only; everything else is an outcome.
  [[nodiscard]] TestOutcome run(const InputItem& item);

 private:
  [[nodiscard]] const axioms::Model& model_for(const litmus::LitmusTest& test);
  [[nodiscard]] const axioms::Model& model_for_arch(litmus::ArchId arch, const diag::SourceSpan& span,
                                                    const std::string& arch_name);
  [[nodiscard]] const checker::LoweringTable& lowering_for(litmus::ArchId arch);
  /// The files of a target whose model is the user's (--lkmm DIR), nullopt
  /// for the architectures; a usage error at `span` without the directory.
  [[nodiscard]] std::optional<HerdModelFiles> user_model_files(litmus::ArchId arch, const diag::SourceSpan& span);
  /// Warns (stderr) for each architecture reaching a state the reference
  /// target (one whose model is the user's: --lkmm) forbids.
  void warn_beyond_reference(const std::string& path, const std::vector<litmus::ArchId>& targets,
                             const TestOutcome& out) const;
  /// The options of one check; `limits` bound the whole test (every architecture).
  [[nodiscard]] checker::CheckOptions check_options(const checker::ResourceLimits& limits) const;
  [[nodiscard]] TestOutcome run_c(const InputItem& item, const litmus::LitmusTest& test,
                                  const checker::ResourceLimits& limits);
  void check_variants();
  [[nodiscard]] const axioms::Model& load(const std::string& path);

  Options options_;
  ModelLocator locator_;
  checker::Session session_;  ///< SMT context and compiled models, reused across tests
  std::shared_ptr<spdlog::logger> log_;
  std::map<std::string, axioms::Model> models_;  ///< by resolved path
  std::map<litmus::ArchId, checker::LoweringTable> lowerings_;  ///< C tests: per target
  std::map<litmus::ArchId, HerdModelFiles> user_files_;  ///< targets with user model files (--lkmm)
};

}  // namespace xmcheck::frontend
