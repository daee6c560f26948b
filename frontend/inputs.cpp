#include "frontend/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <system_error>

namespace xmcheck::frontend {
namespace fs = std::filesystem;
namespace {

diag::UserError cannot_open(const std::string& path) {
  diag::SourceSpan span;
  span.file = std::make_shared<const std::string>(path);
  return diag::UserError(diag::ErrorKind::Io, span, "cannot open file");
}

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

void expand_dir(const std::string& dir, std::vector<InputItem>& out) {
  std::vector<std::string> found;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::follow_directory_symlink,
                                           ec),
       end;
       !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".litmus" && it->is_regular_file(ec))
      found.push_back(it->path().generic_string());
  }
  if (ec) {
    out.push_back({dir, cannot_open(dir)});
    return;
  }
  std::sort(found.begin(), found.end());
  for (auto& path : found) out.push_back({std::move(path), std::nullopt});
}

void expand_path(const std::string& path, std::vector<InputItem>& out) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!ec && fs::is_directory(status)) {
    expand_dir(path, out);
  } else if (!ec && fs::is_regular_file(status) && std::ifstream(path).good()) {
    out.push_back({path, std::nullopt});
  } else {
    out.push_back({path, cannot_open(path)});
  }
}

void expand_list(const std::string& list, std::vector<InputItem>& out) {
  std::ifstream in(list);
  if (!in) {
    out.push_back({list, cannot_open(list)});
    return;
  }
  const fs::path base = fs::path(list).parent_path();
  std::string line;
  while (std::getline(in, line)) {
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const fs::path entry(line);
    expand_path(entry.is_absolute() ? line : (base / entry).lexically_normal().generic_string(),
                out);
  }
}

}  // namespace

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args) {
  std::vector<InputItem> out;
  for (const auto& arg : args) {
    if (arg.size() > 1 && arg.front() == '@')
      expand_list(arg.substr(1), out);
    else
      expand_path(arg, out);
  }
  return out;
}

}  // namespace xmcheck::frontend
