#pragma once
// Nesting limits of the litmus languages (litmus/README.md, "Limits"). Past a
// limit the parser reports "file:line:col: error: ... nested too deeply (limit
// N)" instead of letting the recursion that walks the input overflow the stack.
// A condition's `/\` and `\/` chains are not nesting: they are lists, of any
// length (a C chain `x + y + ...` is a nested tree, see kCNestingLimit).
#include <cstddef>

namespace xmcheck::litmus {

/// herd's litmus syntax: parentheses, `~`/`not` and `=>` (right-nested) in
/// conditions and filters, and nested values such as `ATOMIC_INIT(INSN(1))`.
inline constexpr std::size_t kLitmusNestingLimit = 256;

/// The C dialect: the statements a statement sits in (blocks, `if`, loops),
/// plus, for an expression, the depth of its tree below them (parentheses,
/// operators, calls, subscripts). A chain of binary operators `1 + 1 + ...` is
/// a left-nested tree, so it counts one level per operator.
inline constexpr std::size_t kCNestingLimit = 256;

}  // namespace xmcheck::litmus
