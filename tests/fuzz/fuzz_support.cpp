#include "fuzz_support.hpp"

#include <map>

#include "xmcheck/checker/targets.hpp"
#include "xmcheck/frontend/model_locator.hpp"

namespace xmcheck::fuzz {
namespace {

// libFuzzer calls one entry point for the life of the process: loading the
// shipped models once per process (function-local statics) keeps runs fast.
const axioms::Model& load_once(litmus::ArchId arch) {
  static std::map<litmus::ArchId, axioms::Model> models;
  if (const auto it = models.find(arch); it != models.end()) return it->second;
  const std::string dir = model_dir() + "/" + std::string(litmus::arch_names(arch).id);
  const std::string name = frontend::ModelLocator::default_model_name(arch);
  return models.emplace(arch, axioms::load_model(dir + "/" + name, {dir})).first->second;
}

}  // namespace

const axioms::Model& default_model(litmus::ArchId arch) {
  return load_once(arch);
}

const checker::LoweringTable& shipped_lowering(litmus::ArchId arch) {
  static std::map<litmus::ArchId, checker::LoweringTable> tables;
  if (const auto it = tables.find(arch); it != tables.end()) return it->second;
  const std::string path = model_dir() + "/" + checker::lowering_file_name(arch);
  return tables.emplace(arch, checker::load_lowering(path)).first->second;
}

void check_like_cli(const litmus::LitmusTest& test, checker::Session& session) {
  checker::CheckOptions options = small_check_options(2);
  if (test.arch != litmus::kCDialect) {
    expect_no_crash([&] { (void)checker::check(test, default_model(test.arch), options, session); });
    return;
  }
  for (const litmus::ArchId target : checker::lowering_architectures()) {
    if (!checker::user_model_option(target).empty()) continue;  // the user's files (--lkmm): none shipped
    options.target = target;
    options.lowering = &shipped_lowering(target);
    expect_no_crash([&] { (void)checker::check(test, default_model(target), options, session); });
  }
}

}  // namespace xmcheck::fuzz
