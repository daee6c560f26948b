#include "source_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace xmcheck::axioms::detail {

namespace fs = std::filesystem;

std::optional<std::string> read_text_file(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return ss.str();
}

std::optional<std::string> find_include(const std::string& name, const std::string& including_file,
                                        const std::vector<std::string>& search_dirs) {
  std::error_code ec;
  const fs::path n(name);
  if (n.is_absolute()) {
    if (fs::is_regular_file(n, ec)) return n.string();
    return std::nullopt;
  }
  const fs::path parent = fs::path(including_file).parent_path();
  const fs::path next_to = parent.empty() ? n : parent / n;
  // Only a real including file has a "next to"; in-memory models use search dirs.
  if (fs::is_regular_file(including_file, ec) && fs::is_regular_file(next_to, ec))
    return next_to.string();
  for (const auto& dir : search_dirs) {
    const fs::path p = fs::path(dir) / n;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return find_library_file(name, search_dirs);
}

std::optional<std::string> find_library_file(const std::string& name, const std::vector<std::string>& search_dirs) {
  std::error_code ec;
  for (const auto& dir : search_dirs) {
    const fs::path p = fs::path(dir) / "lib" / name;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return std::nullopt;
}

std::string canonical_path(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::path(path), ec);
  if (ec) return path;
  return p.string();
}

}  // namespace xmcheck::axioms::detail
