// The Linux-kernel memory model's own files (../shared/corpus/lkmm-model/,
// never copied here) load as herd7 loads them: the bell's declarations, then
// linux-kernel.cat with its include of lock.cat, over the model library.
#include <algorithm>
#include <filesystem>

#include "helpers.hpp"

using namespace axtest;

namespace {
const std::string kLkmm = std::string(XMCHECK_CORPUS_DIR) + "/lkmm-model";
const std::string kLibrary = XMCHECK_MODEL_DIR;
}  // namespace

TEST_CASE("the kernel's LKMM files load with their bell, and name herd's checks") {
  if (!std::filesystem::exists(kLkmm + "/linux-kernel.cat")) {
    MESSAGE("skipped: " << kLkmm << " is absent (../shared not checked out)");
    return;
  }
  const Model m = load_herd_model(kLkmm + "/linux-kernel.bell", kLkmm + "/linux-kernel.cat", {kLibrary});
  std::vector<std::string> names;
  for (const auto& c : m.checks()) names.push_back(c.name);
  for (const char* want : {"coherence", "atomic", "happens-before", "propagation", "rcu", "plain-coherence",
                           "lock-nest", "data-race", "unmatched-rcu-lock"})
    CHECK_MESSAGE(std::find(names.begin(), names.end(), want) != names.end(), want);
  CHECK(m.variant_names() == std::vector<std::string>{"lkmmv2"});
  (void)compile(m, VariantSet({"lkmmv2"}));
}

TEST_CASE("a cat file that names the bell's sets needs the bell") {
  if (!std::filesystem::exists(kLkmm + "/linux-kernel.cat")) return;
  const auto err = error_of([] { (void)load_model(kLkmm + "/linux-kernel.cat", {kLibrary}); });
  CHECK(err.formatted().find("error: unknown") != std::string::npos);
}
