#pragma once
// LitmusTest -> Program: code layout (herd's addresses), exported labels become
// code locations, label operands become PC-relative offsets, init values resolved.
#include "program.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::checker {

/// Throws diag::UserError for undefined labels, bad init entries, stores to
/// labels that hold no instruction, and similar faults of the test itself.
[[nodiscard]] Program lower(const litmus::LitmusTest& test);

}  // namespace xmcheck::checker
