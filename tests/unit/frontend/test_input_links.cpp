// Input expansion through symlinks (each directory searched once, each test
// listed once), the --dot directory check, and workers started on demand.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include "xmcheck/frontend/inputs.hpp"
#include "xmcheck/frontend/parallel_runner.hpp"
#include "xmcheck/frontend/report_dot.hpp"

namespace fs = std::filesystem;
using namespace xmcheck::frontend;

namespace {

std::vector<std::string> paths(const std::vector<InputItem>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.path);
  return out;
}

/// suite/{a.litmus, real/b.litmus}, with a loop (real/up -> ..), an alias of
/// real/ that sorts before it, and a second name for a.litmus.
fs::path make_linked_tree() {
  const fs::path dir = fs::temp_directory_path() / "xmcheck-unit-links";
  fs::remove_all(dir);
  fs::create_directories(dir / "suite" / "real");
  std::ofstream(dir / "suite" / "a.litmus") << "AArch64 A\n";
  std::ofstream(dir / "suite" / "real" / "b.litmus") << "AArch64 B\n";
  fs::create_directory_symlink("..", dir / "suite" / "real" / "up");
  fs::create_directory_symlink("real", dir / "suite" / "alias");
  fs::create_symlink("a.litmus", dir / "suite" / "0-first-name.litmus");
  return dir;
}

}  // namespace

TEST_CASE("a directory symlink loop ends; every test is listed once, under a path without symlinks") {
  const fs::path dir = make_linked_tree();
  const std::string suite = (dir / "suite").generic_string();
  const auto items = expand_inputs({suite});
  CHECK(paths(items) == std::vector<std::string>{suite + "/a.litmus", suite + "/real/b.litmus"});
  for (const auto& item : items) CHECK_FALSE(item.error.has_value());
}

TEST_CASE("a directory reached only through a symlink is searched, once") {
  const fs::path dir = fs::temp_directory_path() / "xmcheck-unit-links-outside";
  fs::remove_all(dir);
  fs::create_directories(dir / "elsewhere");
  fs::create_directories(dir / "suite");
  std::ofstream(dir / "elsewhere" / "c.litmus") << "AArch64 C\n";
  fs::create_directory_symlink("../elsewhere", dir / "suite" / "link1");
  fs::create_directory_symlink("../elsewhere", dir / "suite" / "link2");
  const std::string suite = (dir / "suite").generic_string();
  CHECK(paths(expand_inputs({suite})) == std::vector<std::string>{suite + "/link1/c.litmus"});
}

TEST_CASE("a dangling *.litmus link is an unopenable test; the others are kept") {
  const fs::path dir = fs::temp_directory_path() / "xmcheck-unit-links-dangling";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "a.litmus") << "AArch64 A\n";
  fs::create_symlink("nowhere.litmus", dir / "b.litmus");
  const auto items = expand_inputs({dir.generic_string()});
  REQUIRE(items.size() == 2);
  CHECK_FALSE(items[0].error.has_value());
  REQUIRE(items[1].error.has_value());
  CHECK(items[1].error->formatted() == (dir / "b.litmus").generic_string() + ": error: cannot open file");
}

TEST_CASE("explicit arguments are kept as given, repeats included") {
  const fs::path dir = make_linked_tree();
  const std::string a = (dir / "suite" / "a.litmus").generic_string();
  CHECK(paths(expand_inputs({a, a})) == std::vector<std::string>{a, a});
}

TEST_CASE("--dot: a directory that cannot be created or written is reported before any test") {
  const fs::path dir = fs::temp_directory_path() / "xmcheck-unit-dot";
  fs::remove_all(dir);
  CHECK(prepare_dot_dir((dir / "new" / "sub").string()).empty());
  CHECK(fs::is_directory(dir / "new" / "sub"));
  CHECK(fs::is_empty(dir / "new" / "sub"));  // the write probe is removed
  std::ofstream(dir / "file") << "x";
  CHECK(prepare_dot_dir((dir / "file").string()).find("--dot " + (dir / "file").string() + ": cannot create") !=
        std::string::npos);
  CHECK_FALSE(prepare_dot_dir("/proc/xmcheck-no-such/dot").empty());
}

TEST_CASE("workers are started on demand, never more than tests") {
  Options options;
  const ModelLocator locator("");
  auto log = std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::null_sink_mt>());
  ParallelRunner runner(options, locator, log, 64);
  CHECK(runner.started() == 1);  // for --model and --variant checks
  std::vector<InputItem> items(3);
  for (auto& item : items) {
    item.path = "missing.litmus";
    item.error = xmcheck::diag::UserError(xmcheck::diag::ErrorKind::Io, {}, "cannot open file");
  }
  std::size_t emitted = 0;
  runner.run(items, [&](TestOutcome&) { ++emitted; });
  CHECK(emitted == 3);
  CHECK(runner.started() == 3);
}
