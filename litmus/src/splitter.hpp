#pragma once
// Cuts a litmus file into its sections at the character level, as herd's
// splitter does: the header line, `Key=Value` metadata and doc string, the
// init block `{...}`, the program table, and the trailing constraints
// (locations / filter / condition). Each later section gets its own parser.
#include <string>
#include <vector>

#include "source_text.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::litmus::internal {

struct Sections {
  std::string arch;  ///< as written, e.g. "AArch64"
  Region arch_where;
  std::string name;
  Region name_where;
  std::vector<MetaEntry> meta;
  std::string doc;
  Region init;         ///< between the braces, braces excluded
  Region program;      ///< after the init block up to the constraints
  Region constraints;  ///< from `locations`/`filter`/a quantifier to end of file; may be empty
};

/// Throws a positioned UserError on a missing header, a missing or unterminated
/// init block, or an unterminated comment or string.
[[nodiscard]] Sections split_sections(const SourceText& src);

}  // namespace xmcheck::litmus::internal
