#pragma once
// The nesting limit of the model language (axioms/README.md, "Limits"). The
// parser, the resolver and every pass over the resolved DAG (compile,
// evaluate, explain, persistence) recurse once per level of an expression, so
// past this limit loading the model fails with "file:line:col: error: ...
// nested too deeply (limit N)" rather than overflowing the stack.
#include <cstddef>

namespace xmcheck::axioms {

/// Levels an expression may nest: its parentheses and operators (each operator
/// of a chain `a | b | ...` is one level, as the chain is a nested tree), and,
/// through names, the definitions it uses (`let b = a ; po` is one level above
/// `a`); also the nesting of `include`s and of `if ... end` statements.
inline constexpr std::size_t kModelNestingLimit = 500;

/// Expressions the resolver may resolve for one model, counting each inlined
/// function body again at every application. Inlining can double the work per
/// definition (`let f2(r) = f1(r) | f1(r)`), so a 25-line model could take
/// minutes; the shipped models need under 1,000 steps. Past the budget,
/// loading fails with a positioned "model too large" error.
inline constexpr std::size_t kModelResolveSteps = 2'000'000;

}  // namespace xmcheck::axioms
