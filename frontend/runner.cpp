#include "frontend/runner.hpp"

#include <chrono>
#include <exception>
#include <utility>

#include "xmcheck/checker/engine.hpp"
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
  if (options_.model.empty()) return;
  const auto path = locator_.resolve(options_.model);
  if (!path) {
    diag::SourceSpan span{std::make_shared<const std::string>(options_.model), {}, {}};
    throw ModelLoadError(diag::UserError(
        diag::ErrorKind::Model, span,
        "cannot open model file (also searched: " + join(locator_.search_dirs()) + ")"));
  }
  (void)load(*path);
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
  if (!options_.model.empty()) {
    const auto path = locator_.resolve(options_.model);
    XMCHECK_ASSERT(path.has_value(), "--model was resolved by preload_model");
    return load(*path);
  }
  const std::string name = ModelLocator::default_model_name(test.arch);
  const auto path = locator_.resolve(name);
  if (name.empty() || !path) {
    throw ModelLoadError(diag::UserError(
        diag::ErrorKind::Model, test.header_span,
        "no model for architecture " + test.arch_name +
            (name.empty() ? std::string() : " (" + name + " not found in " +
                                                join(locator_.search_dirs()) + ")") +
            "; use --model or --model-path"));
  }
  return load(*path);
}

TestOutcome Runner::run(const InputItem& item) {
  if (item.error) return user_failure(item.path, *item.error);
  try {
    const litmus::LitmusTest test = litmus::parse_file(item.path);
    if (test.arch == litmus::Arch::C)  // parsed, but not yet lowered to any architecture
      throw diag::UserError(diag::ErrorKind::Unsupported, test.header_span,
                            "checking C litmus tests is not implemented yet (the C dialect parses; "
                            "per-architecture lowering is planned in docs/c-dialect-design.md)");
    const axioms::Model& model = model_for(test);
    checker::CheckOptions check_options;
    check_options.unroll = options_.unroll;
    check_options.variants = options_.variants;
    check_options.witnesses = options_.witness || !options_.dot_dir.empty();
    check_options.explain = options_.explain;
    check_options.timeout_seconds = options_.timeout;
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
    return internal_failure(item.path, "out of memory");
  } catch (const std::exception& e) {
    // Z3 exceptions derive from std::exception; they are our bugs, not the user's.
    return internal_failure(item.path, e.what());
  }
}

}  // namespace xmcheck::frontend
