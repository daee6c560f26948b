#pragma once
// Litmus text -> LitmusTest. Throws diag::UserError (kind Litmus, Unsupported or Io)
// with the position of the first problem.
#include <string>

#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::litmus {

/// Reads and parses `path`.
[[nodiscard]] LitmusTest parse_file(const std::string& path);

/// Parses `text`; `file_name` is used in spans and messages.
[[nodiscard]] LitmusTest parse_string(const std::string& text, const std::string& file_name);

}  // namespace xmcheck::litmus
