#pragma once
// The documented exit status of `xmcheck` (CBMC util/exit_codes.h style). Only
// frontend/main.cpp turns outcomes into one of these values.
//
// Rule for runs over several files: every file gets its own status (0 when it
// was checked, else the code of its failure); the process exits with the
// MAXIMUM of those statuses. The values are ordered by severity, so an internal
// error (70) dominates an --expect mismatch (10), which dominates any input
// error (2..5). With --expect, a test whose expected verdict is `error` and that
// was rejected with a positioned error counts as a pass (status 0); any other
// disagreement, including an unexpected input error, is a mismatch (10).
// A model that cannot be loaded stops the run at once with 3 (or 4).
namespace xmcheck::frontend::exit_code {

inline constexpr int kOk = 0;            ///< every input was checked (and matched --expect)
inline constexpr int kUsage = 1;         ///< bad command line, options or --expect file
inline constexpr int kBadLitmus = 2;     ///< malformed or unreadable litmus test
inline constexpr int kBadModel = 3;      ///< malformed, ill-typed or missing model file
inline constexpr int kUnsupported = 4;   ///< well-formed input using an unimplemented construct
inline constexpr int kInconclusive = 5;  ///< search stopped early (time/memory limit, solver unknown): verdict Unknown
inline constexpr int kExpectMismatch = 10;  ///< some verdict differs from --expect
inline constexpr int kInternal = 70;     ///< a bug in xmcheck (failed invariant, solver error)

}  // namespace xmcheck::frontend::exit_code
