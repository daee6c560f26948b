// FILE | DIR | @LIST expansion and model lookup.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "xmcheck/frontend/inputs.hpp"
#include "xmcheck/frontend/model_locator.hpp"

namespace fs = std::filesystem;
using namespace xmcheck::frontend;

namespace {

fs::path make_tree() {
  const fs::path dir = fs::temp_directory_path() / "xmcheck-unit-inputs";
  fs::remove_all(dir);
  fs::create_directories(dir / "suite" / "b");
  for (const char* f : {"suite/z.litmus", "suite/a.litmus", "suite/b/m.litmus", "suite/note.txt"})
    std::ofstream(dir / f) << "AArch64 T\n";
  std::ofstream(dir / "tests.list") << "# a comment\nsuite/z.litmus\n\n  suite/b  # a dir\n"
                                       "missing.litmus\n";
  return dir;
}

std::vector<std::string> paths(const std::vector<InputItem>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.path);
  return out;
}

}  // namespace

TEST_CASE("a directory is searched recursively and sorted") {
  const fs::path dir = make_tree();
  const std::string suite = (dir / "suite").generic_string();
  const auto items = expand_inputs({suite});
  CHECK(paths(items) == std::vector<std::string>{suite + "/a.litmus", suite + "/b/m.litmus",
                                                 suite + "/z.litmus"});
  for (const auto& item : items) CHECK_FALSE(item.error.has_value());
}

TEST_CASE("@LIST: comments, relative paths, missing files keep their place") {
  const fs::path dir = make_tree();
  const std::string base = dir.generic_string();
  const auto items = expand_inputs({"@" + base + "/tests.list", base + "/nope.litmus"});
  REQUIRE(items.size() == 4);
  CHECK(items[0].path == base + "/suite/z.litmus");
  CHECK(items[1].path == base + "/suite/b/m.litmus");
  CHECK(items[2].path == base + "/missing.litmus");
  REQUIRE(items[2].error.has_value());
  CHECK(items[2].error->formatted() == base + "/missing.litmus: error: cannot open file");
  CHECK(items[3].error->formatted() == base + "/nope.litmus: error: cannot open file");
}

TEST_CASE("a missing @LIST is one error") {
  const auto items = expand_inputs({"@/nonexistent/xmcheck.list"});
  REQUIRE(items.size() == 1);
  CHECK(items[0].error->formatted() == "/nonexistent/xmcheck.list: error: cannot open file");
}

TEST_CASE("model lookup: --model-path, models/ subdirectory, explicit files") {
  const fs::path dir = fs::temp_directory_path() / "xmcheck-unit-models";
  fs::remove_all(dir);
  fs::create_directories(dir / "models");
  std::ofstream(dir / "models" / "aarch64.cat") << "\"m\"\n";
  const ModelLocator locator(dir.string());
  CHECK(locator.model_dir() == dir);
  CHECK(locator.search_dirs().size() == 2);
  CHECK(locator.resolve("aarch64.cat") == (dir / "models" / "aarch64.cat").string());
  CHECK_FALSE(locator.resolve("nope.cat").has_value());
  const std::string explicit_path = (dir / "models" / "aarch64.cat").string();
  CHECK(locator.resolve(explicit_path) == explicit_path);
  CHECK(ModelLocator::default_model_name(*xmcheck::litmus::arch_by_id("arm64")) == "aarch64.cat");
  CHECK_FALSE(ModelLocator::executable_dir().empty());
}
