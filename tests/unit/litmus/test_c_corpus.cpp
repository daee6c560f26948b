// Every C litmus test of the Linux kernel corpus (../shared/corpus/linux)
// parses, and its printed condition equals herd's `Condition` line.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"
#include "xmcheck/litmus/c_ast.hpp"

using namespace xmcheck;
using namespace xmcheck::litmus;

namespace {

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string condition_line(const std::string& expected) {
  std::istringstream in(expected);
  std::string line;
  while (std::getline(in, line))
    if (line.starts_with("Condition ")) return line.substr(10);
  return {};
}

}  // namespace

TEST_CASE("C corpus: every Linux kernel test parses; conditions print as herd's") {
  const std::filesystem::path dir = std::filesystem::path(XMCHECK_CORPUS_DIR) / "linux";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("corpus absent, skipped " << dir.string());
    return;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".litmus") files.push_back(e.path());
  CHECK(files.size() >= 60);
  for (const auto& file : files) {
    CAPTURE(file.string());
    LitmusTest t;
    try {
      t = parse_file(file.string());
    } catch (const diag::UserError& e) {
      FAIL_CHECK(e.formatted());
      continue;
    }
    CHECK(t.arch == kCDialect);
    CHECK(t.arch_name == "C");
    CHECK(t.threads.empty());
    REQUIRE(t.c_program != nullptr);
    CHECK(!t.c_program->threads.empty());
    for (std::size_t i = 0; i < t.c_program->threads.size(); ++i)
      CHECK(t.c_program->threads[i].proc == static_cast<int>(i));
    CHECK(t.init.size() == t.c_program->init.size());
    const std::string expected = condition_line(read_all(file.string() + ".expected"));
    REQUIRE(!expected.empty());
    CHECK(to_string(t.condition) == expected);
  }
}
