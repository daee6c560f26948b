#pragma once
// herd's sets of relations, as far as xmcheck supports them: a family
// { single edges of R(e) : e in S } built by `map` over a set S, where R(e) is
// a relation expression in which the event e occurs as `{e}`. `cross` over such
// a family chooses one edge per event; the evaluator can enumerate that when
// R(e) is "one column per event": every pair of R(e) ends at e, and
// R(e) = U ; [{e}] for one relation U independent of e. This file decides that
// shape on the resolved DAG and computes U.
#include <cstdint>
#include <optional>

#include "graph_builder.hpp"

namespace xmcheck::axioms::detail {

/// U such that `rel` (a node mentioning the EventVar node `var`) equals
/// U ; [{e}] whenever `var` holds the single event e, with U obtained by
/// replacing `var` by `all` (the set e ranges over). Nullopt when `rel` is not
/// built from such columns (products `A * {e}`, unions and intersections of
/// them, differences and intersections with relations not mentioning e,
/// `r ; column`).
[[nodiscard]] std::optional<std::uint32_t> column_family(GraphBuilder& g, std::uint32_t rel,
                                                         std::uint32_t var, std::uint32_t all);

}  // namespace xmcheck::axioms::detail
