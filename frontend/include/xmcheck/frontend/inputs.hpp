#pragma once
// Expansion of the FILE | DIR | @LIST arguments into the ordered list of tests.
#include <optional>
#include <string>
#include <vector>

#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::frontend {

/// One test to check, or a path that could not be opened.
struct InputItem {
  std::string path;                     ///< as given, or joined to its DIR / @LIST
  std::optional<diag::UserError> error;  ///< set when the path cannot be opened
};

/// Expands the arguments in order: a FILE is kept as is; a DIR is searched
/// recursively for *.litmus, sorted by path (byte order), following directory
/// symlinks but searching each directory (device + inode) once, and listing a
/// test reached by several paths once (its first path); @LIST names a file of
/// paths (FILE or DIR), one per line, `#` starts a comment, relative paths are
/// relative to the list's directory. A missing file (or list) becomes an item
/// carrying the error "path: error: cannot open file"; the others are kept.
[[nodiscard]] std::vector<InputItem> expand_inputs(const std::vector<std::string>& args);

}  // namespace xmcheck::frontend
