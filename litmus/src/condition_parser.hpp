#pragma once
// The constraints after the program: `locations [...]`, `filter PROP`, and the
// final condition `exists|~exists|forall PROP` (herd's precedence: `\/` binds
// loosest, then `/\`, then `=>` (right-associative), then `~`/`not`).
#include <optional>
#include <vector>

#include "source_text.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::litmus::internal {

struct Constraints {
  std::vector<Location> locations;
  std::optional<Prop> filter;
  Condition condition;  ///< `forall (true)` when the file has none, as in herd
};

[[nodiscard]] Constraints parse_constraints(const SourceText& src, Region region,
                                            ArchId arch);

/// A proposition on its own (used by tests and by callers with a prop string).
[[nodiscard]] Prop parse_prop(const SourceText& src, Region region, ArchId arch);

}  // namespace xmcheck::litmus::internal
