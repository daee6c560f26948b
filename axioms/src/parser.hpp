#pragma once
// Recursive-descent parser for the model language (herd7 cat subset).
#include <memory>
#include <string>

#include "ast.hpp"

namespace xmcheck::axioms::detail {

/// Parses one model file. Throws diag::UserError (Model, or Unsupported for cat
/// constructs outside our subset) with the position of the offending token.
[[nodiscard]] Program parse_program(const std::string& text,
                                    const std::shared_ptr<const std::string>& file);

}  // namespace xmcheck::axioms::detail
