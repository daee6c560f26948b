#pragma once
// Name resolution and typing: model text (and its includes) to Model::Impl.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "ir.hpp"

namespace xmcheck::axioms::detail {

/// Parses and resolves `text` (named `file_name`; includes are looked up next to
/// it when it is a real file, then in `search_dirs`). Throws diag::UserError.
[[nodiscard]] std::shared_ptr<const Model::Impl> resolve_model(
    const std::string& text, const std::string& file_name,
    const std::vector<std::string>& search_dirs);

/// Resolves the files of a herd-format model, (text, file name) in order (the
/// `.bell` first, then the `.cat`), in one scope, with the model library's
/// stdlib.cat as the outermost scope. Throws diag::UserError.
[[nodiscard]] std::shared_ptr<const Model::Impl> resolve_model_files(
    const std::vector<std::pair<std::string, std::string>>& files, const std::vector<std::string>& search_dirs);

}  // namespace xmcheck::axioms::detail
