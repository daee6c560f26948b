#include "fuzz_support.hpp"

#include <map>

#include "frontend/model_locator.hpp"

namespace xmcheck::fuzz {
namespace {

// libFuzzer calls one entry point for the life of the process: loading the
// shipped models once per process (function-local statics) keeps runs fast.
const axioms::Model& load_once(const std::string& name) {
  static std::map<std::string, axioms::Model> models;
  if (const auto it = models.find(name); it != models.end()) return it->second;
  return models.emplace(name, axioms::load_model(model_dir() + "/" + name, {model_dir()})).first->second;
}

}  // namespace

const axioms::Model& default_model(litmus::Arch arch) {
  return load_once(frontend::ModelLocator::default_model_name(arch));
}

const checker::LoweringTable& shipped_lowering(litmus::Arch arch) {
  static std::map<litmus::Arch, checker::LoweringTable> tables;
  if (const auto it = tables.find(arch); it != tables.end()) return it->second;
  const std::string path = model_dir() + "/" + checker::lowering_file_name(arch);
  return tables.emplace(arch, checker::load_lowering(path)).first->second;
}

void check_like_cli(const litmus::LitmusTest& test, checker::Session& session) {
  checker::CheckOptions options = small_check_options(2);
  if (test.arch != litmus::Arch::C) {
    expect_no_crash([&] { (void)checker::check(test, default_model(test.arch), options, session); });
    return;
  }
  for (const litmus::Arch target : checker::lowering_architectures()) {
    options.target = target;
    options.lowering = &shipped_lowering(target);
    expect_no_crash([&] { (void)checker::check(test, default_model(target), options, session); });
  }
}

}  // namespace xmcheck::fuzz
