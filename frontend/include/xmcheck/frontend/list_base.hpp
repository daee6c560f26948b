#pragma once
// `xmcheck --list-base`: the catalogue of base sets and relations a model may
// name (axioms/base.hpp, with each architecture's sets from its
// axioms/<arch>/event_sets.def), as the markdown table axioms/README.md
// embeds, or as JSON.
#include <string>

namespace xmcheck::frontend {

/// `| Name | Kind | Architecture | Meaning |` rows, catalogue order.
[[nodiscard]] std::string base_catalogue_markdown();
/// A JSON array of {"name", "kind", "architecture", "class", "meaning"}.
[[nodiscard]] std::string base_catalogue_json();

}  // namespace xmcheck::frontend
