#pragma once
// A herd macro file (.def: the kernel's linux-kernel.def) as a C lowering.
#include <string>
#include <string_view>

namespace xmcheck::checker {

/// The lowering-file text (docs/c-dialect.md, "Lowering files") of herd macro
/// file `text` (named `path`), for target `target` ("lkmm"): one line per
/// macro, at the macro's own line number, expanded down to herd's internal
/// primitives. Throws diag::UserError (kind Model, positioned in `path`) for
/// lines and primitives it cannot read.
[[nodiscard]] std::string herd_def_to_lowering(const std::string& text, const std::string& path,
                                               std::string_view target);

}  // namespace xmcheck::checker
