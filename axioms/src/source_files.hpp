#pragma once
// Reading model files and locating included ones.
#include <optional>
#include <string>
#include <vector>

namespace xmcheck::axioms::detail {

/// The whole content of `path`, or nullopt if it cannot be read.
[[nodiscard]] std::optional<std::string> read_text_file(const std::string& path);

/// Where `include "name"` from `including_file` refers to: next to the including
/// file first, then in each search directory. Nullopt if nowhere.
[[nodiscard]] std::optional<std::string> find_include(const std::string& name,
                                                      const std::string& including_file,
                                                      const std::vector<std::string>& search_dirs);

/// `name` in the model library: the folder `lib` of each search directory
/// (xmcheck's own versions of herd's library files, axioms/lib/).
[[nodiscard]] std::optional<std::string> find_library_file(const std::string& name,
                                                           const std::vector<std::string>& search_dirs);

/// A canonical spelling of an existing path (for include-cycle detection).
[[nodiscard]] std::string canonical_path(const std::string& path);

}  // namespace xmcheck::axioms::detail
