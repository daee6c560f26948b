#include "xmcheck/frontend/inputs.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <compare>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <system_error>
#include <utility>

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

/// A file or directory by identity, whatever path (symlinks, `..`) reaches it.
struct FileId {
  std::uintmax_t dev = 0, ino = 0;
  friend auto operator<=>(const FileId&, const FileId&) = default;
};

std::optional<FileId> file_id(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;  // follows symlinks
  return FileId{static_cast<std::uintmax_t>(st.st_dev), static_cast<std::uintmax_t>(st.st_ino)};
}

/// One *.litmus found below a DIR argument.
struct Found {
  std::string path;
  std::optional<FileId> id;  ///< none: a dangling link
  bool via_symlink = false;  ///< the name is a symlink or lies in a symlinked directory
};

/// Every *.litmus below `dir`, sorted by path (byte order). Directory
/// symlinks are followed, but each directory (device + inode) is searched
/// once: the real tree first, then the directories reached only through
/// symlinks, so a symlink loop ends and an alias never hides the real path.
/// A test file reached by several paths is listed once, under its first path
/// that involves no symlink (else its first path).
void expand_dir(const std::string& dir, std::vector<InputItem>& out) {
  std::vector<Found> found;
  std::set<FileId> dirs_seen;
  if (const auto id = file_id(dir)) dirs_seen.insert(*id);
  // Explicit stacks (no recursion depth limit); `linked`: directories met as symlinks.
  std::vector<std::pair<fs::path, bool>> pending{{fs::path(dir), false}};
  std::vector<fs::path> linked;
  std::error_code ec;
  while (!ec && (!pending.empty() || !linked.empty())) {
    if (pending.empty()) {
      const fs::path next = std::move(linked.front());
      linked.erase(linked.begin());
      if (const auto id = file_id(next); id && dirs_seen.insert(*id).second) pending.emplace_back(next, true);
      continue;
    }
    const auto [current, in_link] = std::move(pending.back());
    pending.pop_back();
    std::vector<fs::path> entries;
    for (fs::directory_iterator it(current, ec), end; !ec && it != end; it.increment(ec))
      entries.push_back(it->path());
    if (ec) break;
    std::sort(entries.begin(), entries.end());
    std::vector<fs::path> subdirs;
    for (const auto& entry : entries) {
      std::error_code entry_ec;
      const bool is_link = fs::is_symlink(fs::symlink_status(entry, entry_ec));
      const auto status = fs::status(entry, entry_ec);  // follows symlinks
      if (!entry_ec && fs::is_directory(status)) {
        if (is_link) {
          linked.push_back(entry);
        } else if (const auto id = file_id(entry); id && dirs_seen.insert(*id).second) {
          subdirs.push_back(entry);
        }
      } else if (entry.extension() == ".litmus" && (entry_ec || fs::is_regular_file(status))) {
        // A dangling *.litmus link stays in the list and is reported as unopenable.
        found.push_back({entry.generic_string(), entry_ec ? std::nullopt : file_id(entry), in_link || is_link});
      }
    }
    for (auto it = subdirs.rbegin(); it != subdirs.rend(); ++it) pending.emplace_back(*it, in_link);
    std::sort(linked.begin(), linked.end());
  }
  if (ec) {
    out.push_back({dir, cannot_open(dir)});
    return;
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.path < b.path; });
  std::map<FileId, std::size_t> chosen;  // file -> index in `found` of the path kept
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (!found[i].id) continue;
    const auto [it, fresh] = chosen.emplace(*found[i].id, i);
    if (!fresh && found[it->second].via_symlink && !found[i].via_symlink) it->second = i;
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (!found[i].id)
      out.push_back({found[i].path, cannot_open(found[i].path)});
    else if (chosen.at(*found[i].id) == i)
      out.push_back({std::move(found[i].path), std::nullopt});
  }
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
