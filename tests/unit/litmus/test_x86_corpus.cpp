// Every X86_64 litmus test of the herd corpus (../shared/corpus beside the
// repository) parses, and its printed condition equals herd's `Condition` line.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace xmcheck;
using namespace xmcheck::litmus;

namespace {

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The text after "Condition " in herd's output, or "".
std::string condition_line(const std::string& expected) {
  std::istringstream in(expected);
  std::string line;
  while (std::getline(in, line))
    if (line.starts_with("Condition ")) return line.substr(10);
  return {};
}

void check_folder(const std::string& folder) {
  const std::filesystem::path dir = std::filesystem::path(XMCHECK_CORPUS_DIR) / folder;
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("corpus absent, skipped " << dir.string());
    return;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".litmus") files.push_back(e.path());
  CHECK(!files.empty());
  for (const auto& file : files) {
    CAPTURE(file.string());
    const std::filesystem::path failure = file.string() + ".expected-failure";
    if (std::filesystem::exists(failure)) {
      CHECK_THROWS_AS((void)parse_file(file.string()), diag::UserError);
      continue;
    }
    const LitmusTest t = parse_file(file.string());
    CHECK(t.arch == *arch_by_id("x86"));
    const std::string expected = condition_line(read_all(file.string() + ".expected"));
    REQUIRE(!expected.empty());
    CHECK(to_string(t.condition) == expected);
  }
}

}  // namespace

TEST_CASE("x86 corpus: herd-X86_64 and x86_64 parse; conditions print as herd's") {
  check_folder("herd-X86_64");
  check_folder("x86_64");
}
