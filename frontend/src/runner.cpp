#include "xmcheck/frontend/runner.hpp"

#include "xmcheck/checker/targets.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <new>
#include <utility>

#include "xmcheck/frontend/result_text.hpp"
#include "xmcheck/frontend/variant_check.hpp"
#include "xmcheck/checker/engine.hpp"
#include "xmcheck/checker/limits.hpp"
#include "xmcheck/litmus/parser.hpp"

namespace xmcheck::frontend {
namespace {

FailureKind failure_kind(diag::ErrorKind kind) {
  switch (kind) {
    case diag::ErrorKind::Io:
    case diag::ErrorKind::Litmus: return FailureKind::BadLitmus;
    case diag::ErrorKind::Model: return FailureKind::BadModel;
    case diag::ErrorKind::Unsupported: return FailureKind::Unsupported;
    case diag::ErrorKind::Usage: return FailureKind::Usage;
  }
  return FailureKind::Internal;
}

TestOutcome user_failure(const std::string& path, const diag::UserError& e) {
  TestOutcome out;
  out.path = path;
  out.failure = failure_kind(e.kind());
  out.diagnostic = e.formatted();
  out.positioned = e.span().begin.line != 0;
  return out;
}

TestOutcome internal_failure(const std::string& path, const std::string& what) {
  TestOutcome out;
  out.path = path;
  out.failure = FailureKind::Internal;
  out.diagnostic = path + ": internal error: " + what;
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& item : items) s += (s.empty() ? "" : ", ") + item;
  return s.empty() ? "(none)" : s;
}

}  // namespace

Runner::Runner(Options options, ModelLocator locator, std::shared_ptr<spdlog::logger> log)
    : options_(std::move(options)), locator_(std::move(locator)), log_(std::move(log)) {}

void Runner::preload_model() {
  if (!options_.model.empty()) {
    const auto path = locator_.resolve(options_.model);
    if (!path) {
      diag::SourceSpan span{std::make_shared<const std::string>(options_.model), {}, {}};
      throw ModelLoadError(diag::UserError(
          diag::ErrorKind::Model, span,
          "cannot open model file (also searched: " + join(locator_.search_dirs()) + ")"));
    }
    (void)load(*path);
  }
  if (!options_.variants.empty()) check_variants();
}

void Runner::check_variants() {
  // The models the run may use: --model, else the default model of every
  // architecture --arch allows (asm tests are refused for the others).
  std::vector<std::string> names;
  if (!options_.model.empty()) {
    names.push_back(options_.model);
  } else {
    for (std::size_t i = 0; i < litmus::architectures().size(); ++i) {
      const auto arch = static_cast<litmus::ArchId>(i);
      if (options_.arch.empty() || options_.arch == "all" || litmus::arch_by_id(options_.arch) == arch)
        names.push_back(ModelLocator::default_model_name(arch));
    }
  }
  std::vector<ModelVariants> known;
  for (const auto& name : names) {
    const auto path = locator_.resolve(name);
    if (!path) continue;  // a test that needs it will say so
    try {
      known.push_back({std::filesystem::path(*path).filename().string(), load(*path).variant_names()});
    } catch (const ModelLoadError&) {
      // Reported, in input order, by the first test that needs this model.
    }
  }
  if (known.empty()) return;
  check_variant_names(options_.variants, known, checker::builtin_variants());
}

const axioms::Model& Runner::load(const std::string& path) {
  if (const auto it = models_.find(path); it != models_.end()) return it->second;
  log_->debug("loading model {} (search path: {})", path, join(locator_.search_dirs()));
  try {
    return models_.emplace(path, axioms::load_model(path, locator_.search_dirs())).first->second;
  } catch (const diag::UserError& e) {
    throw ModelLoadError(e);
  }
}

const axioms::Model& Runner::model_for(const litmus::LitmusTest& test) {
  return model_for_arch(test.arch, test.header_span, test.arch_name);
}

const axioms::Model& Runner::model_for_arch(litmus::ArchId arch, const diag::SourceSpan& span,
                                            const std::string& arch_name) {
  if (const auto files = user_model_files(arch, span)) {
    if (const auto it = models_.find(files->model); it != models_.end()) return it->second;
    log_->debug("loading model {} with {}", files->model, files->bell);
    try {
      std::vector<std::string> dirs{std::filesystem::path(files->model).parent_path().string()};
      for (const auto& d : locator_.search_dirs()) dirs.push_back(d);  // the model library (stdlib.cat)
      return models_.emplace(files->model, axioms::load_herd_model(files->bell, files->model, dirs))
          .first->second;
    } catch (const diag::UserError& e) {
      throw ModelLoadError(e);
    }
  }
  if (!options_.model.empty()) {
    const auto path = locator_.resolve(options_.model);
    XMCHECK_ASSERT(path.has_value(), "--model was resolved by preload_model");
    return load(*path);
  }
  const std::string name = ModelLocator::default_model_name(arch);
  const auto path = locator_.resolve(name);
  if (name.empty() || !path) {
    throw ModelLoadError(diag::UserError(
        diag::ErrorKind::Model, span,
        "no model for architecture " + arch_name +
            (name.empty() ? std::string() : " (" + name + " not found in " +
                                                join(locator_.search_dirs()) + ")") +
            "; use --model or --model-path"));
  }
  return load(*path);
}

std::optional<HerdModelFiles> Runner::user_model_files(litmus::ArchId arch, const diag::SourceSpan& span) {
  const std::string option = checker::user_model_option(arch);
  if (option.empty()) return std::nullopt;
  const auto dir = options_.user_model_dirs.find(option);
  if (dir == options_.user_model_dirs.end() || dir->second.empty())
    throw diag::UserError(diag::ErrorKind::Usage, span,
                          "the " + checker::lowering_arch_name(arch) + " target needs its model directory: --" +
                              option + " DIR (a kernel's tools/memory-model)");
  if (const auto it = user_files_.find(arch); it != user_files_.end()) return it->second;
  try {
    return user_files_
        .emplace(arch, read_herd_config(dir->second, checker::herd_config_file(arch),
                                        checker::user_lowering_file(arch), checker::default_model_name(arch)))
        .first->second;
  } catch (const diag::UserError& e) {
    throw ModelLoadError(e);
  }
}

const checker::LoweringTable& Runner::lowering_for(litmus::ArchId arch) {
  if (const auto it = lowerings_.find(arch); it != lowerings_.end()) return it->second;
  if (const auto files = user_model_files(arch, {})) {
    try {
      return lowerings_.emplace(arch, checker::load_lowering(files->macros)).first->second;
    } catch (const diag::UserError& e) {
      throw ModelLoadError(e);
    }
  }
  const std::string name = checker::lowering_file_name(arch);
  const auto path = locator_.resolve(name);
  if (!path) {
    diag::SourceSpan span{std::make_shared<const std::string>(name), {}, {}};
    throw ModelLoadError(diag::UserError(diag::ErrorKind::Model, span,
                                         "cannot open lowering file (searched: " +
                                             join(locator_.search_dirs()) + ")"));
  }
  try {
    return lowerings_.emplace(arch, checker::load_lowering(*path)).first->second;
  } catch (const diag::UserError& e) {
    throw ModelLoadError(e);
  }
}

checker::CheckOptions Runner::check_options(const checker::ResourceLimits& limits) const {
  checker::CheckOptions check_options;
  check_options.unroll = options_.unroll;
  // Witnesses, drawings and explanations show each state's smallest execution:
  // they count executions unless --states-only asks otherwise.
  const bool wants_smallest = options_.witness || !options_.dot_dir.empty() || options_.explain;
  check_options.states_only = options_.states_only || (!options_.count_executions && !wants_smallest);
  check_options.block_by_core = !options_.no_core_blocking;
  check_options.skeleton_engine = options_.skeleton_search;
  check_options.variants = options_.variants;
  check_options.witnesses = options_.witness || !options_.dot_dir.empty();
  check_options.explain = options_.explain;
  check_options.limits = limits;
  return check_options;
}

TestOutcome Runner::run_c(const InputItem& item, const litmus::LitmusTest& test,
                          const checker::ResourceLimits& limits) {
  TestOutcome out;
  out.path = item.path;
  out.arch = test.arch_name;
  // A header line `Arch=arm64` (or `Arch=x86 arm64`) restricts the test to
  // those architectures: --arch all checks only them, another --arch is refused.
  // Targets whose model files are the user's take part when their directory
  // is given (--lkmm DIR), and come first (the LKMM block before the
  // architectures').
  std::vector<litmus::ArchId> own;
  for (const auto arch : checker::lowering_architectures()) {
    const std::string option = checker::user_model_option(arch);
    const auto dir = options_.user_model_dirs.find(option);
    if (option.empty() || (dir != options_.user_model_dirs.end() && !dir->second.empty())) own.push_back(arch);
  }
  for (const auto& m : test.meta) {
    if (m.key != "Arch") continue;
    own.clear();
    std::string word;
    for (const char ch : m.value + " ") {
      if (ch != ' ' && ch != ',' && ch != '\t') {
        word += ch;
        continue;
      }
      if (word.empty()) continue;
      const auto arch = checker::lowering_arch(word);
      if (!arch) throw diag::UserError(diag::ErrorKind::Litmus, m.span, "unknown architecture '" + word + "' (" + checker::lowering_arch_list() + ")");
      own.push_back(*arch);
      word.clear();
    }
  }
  std::vector<litmus::ArchId> targets = own;
  if (!options_.arch.empty() && options_.arch != "all") {
    const auto wanted_arch = checker::lowering_arch(options_.arch);
    if (!wanted_arch)
      throw diag::UserError(diag::ErrorKind::Usage, test.header_span,
                            "--arch " + options_.arch + ": C tests cannot target it (no lowering; C targets: " +
                                checker::lowering_arch_list() + ")");
    const litmus::ArchId wanted = *wanted_arch;
    (void)user_model_files(wanted, test.header_span);  // --arch lkmm without --lkmm DIR: say so
    if (std::find(own.begin(), own.end(), wanted) == own.end())
      throw diag::UserError(diag::ErrorKind::Usage, test.header_span,
                            "--arch " + options_.arch + " is not among the test's architectures (Arch=)");
    targets = {wanted};
  }
  for (const litmus::ArchId target : targets) {
    ArchOutcome one;
    one.arch = checker::lowering_arch_name(target);
    const axioms::Model& model = model_for_arch(target, test.header_span, one.arch);
    checker::CheckOptions opts = check_options(limits);
    opts.target = target;
    opts.lowering = &lowering_for(target);
    if (const auto files = user_model_files(target, test.header_span))
      opts.variants.insert(opts.variants.end(), files->variants.begin(), files->variants.end());
    log_->info("checking {} ({}) for {} with {}", item.path, test.name, one.arch, model.path());
    try {
      const auto start = std::chrono::steady_clock::now();
      one.result = checker::check(test, model, opts, session_);
      one.time_ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    } catch (const diag::UserError& e) {
      const TestOutcome failed = user_failure(item.path, e);
      one.failure = failed.failure;
      one.diagnostic = failed.diagnostic;
      one.positioned = failed.positioned;
    }
    out.time_ms += one.time_ms;
    out.per_arch.push_back(std::move(one));
  }
  warn_beyond_reference(item.path, targets, out);
  return out;
}

void Runner::warn_beyond_reference(const std::string& path, const std::vector<litmus::ArchId>& targets,
                                   const TestOutcome& out) const {
  // The reference is a target whose model is the user's (the kernel's LKMM):
  // an architecture must not reach a state it forbids (the kernel's mappings
  // make hardware at least as strong), so one that does points at a lowering,
  // checker or model bug, and is said loudly.
  std::size_t ref = targets.size();
  for (std::size_t i = 0; i < targets.size() && i < out.per_arch.size(); ++i)
    if (!checker::user_model_option(targets[i]).empty()) ref = i;
  if (ref == targets.size() || !out.per_arch[ref].result || out.per_arch[ref].result->unknown()) return;
  const checker::TestResult& reference = *out.per_arch[ref].result;
  const auto locs = observed_texts(reference);
  for (std::size_t i = 0; i < out.per_arch.size(); ++i) {
    if (i == ref || !out.per_arch[i].result || out.per_arch[i].result->observed != reference.observed) continue;
    std::vector<std::string> beyond;
    for (const auto& st : out.per_arch[i].result->states) {
      const bool known = std::any_of(reference.states.begin(), reference.states.end(),
                                     [&](const checker::FinalState& r) { return r.values == st.values; });
      if (known) continue;
      const auto vals = value_texts(reference, st.values);
      std::string line;
      for (std::size_t k = 0; k < locs.size() && k < vals.size(); ++k) line += locs[k] + "=" + vals[k] + "; ";
      beyond.push_back(line);
    }
    if (beyond.empty()) continue;
    std::string shown;
    for (std::size_t k = 0; k < beyond.size() && k < 3; ++k) shown += (k > 0 ? "| " : "") + beyond[k];
    log_->warn("{}: {} reaches {} state(s) the {} target forbids (a lowering, checker or model bug): {}{}",
               path, out.per_arch[i].arch, beyond.size(), out.per_arch[ref].arch, shown,
               beyond.size() > 3 ? "..." : "");
  }
}

TestOutcome Runner::run(const InputItem& item) {
  if (item.error) return user_failure(item.path, *item.error);
  // One budget for the whole test, from before it is parsed to its last
  // architecture: --timeout bounds what the user waits for a test.
  checker::ResourceLimits limits;
  limits.deadline = checker::deadline_after(options_.timeout);
  limits.memory_bytes = options_.memory_limit;
  limits.solver_rlimit = options_.solver_rlimit;
  try {
    const litmus::LitmusTest test = litmus::parse_file(item.path);
    if (test.arch == litmus::kCDialect) return run_c(item, test, limits);  // may throw UserError
    if (!options_.arch.empty() && options_.arch != "all" &&
        litmus::arch_by_id(options_.arch) != test.arch)
      throw diag::UserError(diag::ErrorKind::Usage, test.header_span,
                            "--arch " + options_.arch + " contradicts the test's architecture " +
                                test.arch_name);
    const axioms::Model& model = model_for(test);
    const checker::CheckOptions check_options = this->check_options(limits);
    log_->info("checking {} ({}) with {}", item.path, test.name, model.path());
    TestOutcome out;
    out.path = item.path;
    out.arch = test.arch_name;
    const auto start = std::chrono::steady_clock::now();
    out.result = checker::check(test, model, check_options, session_);
    out.time_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return out;
  } catch (const ModelLoadError&) {
    throw;
  } catch (const diag::UserError& e) {
    return user_failure(item.path, e);
  } catch (const diag::InternalError& e) {
    return internal_failure(item.path, e.what());
  } catch (const std::bad_alloc&) {
    // Out of memory outside the search (which reports its own as Unknown).
    TestOutcome out;
    out.path = item.path;
    out.failure = FailureKind::Inconclusive;
    out.diagnostic = item.path + ": error: out of memory: verdict Unknown";
    return out;
  } catch (const std::exception& e) {
    // Z3 exceptions derive from std::exception; they are our bugs, not the user's.
    return internal_failure(item.path, e.what());
  }
}

}  // namespace xmcheck::frontend
