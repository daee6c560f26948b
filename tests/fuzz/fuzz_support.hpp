#pragma once
// Shared pieces of the libFuzzer harnesses (tests/fuzz/README.md).
//
// A harness feeds one input to one stage of xmcheck. A diag::UserError is the
// expected answer to bad input and is swallowed; anything else escaping
// (InternalError from XMCHECK_ASSERT, a std::exception, a crash, a sanitizer
// report, a run over libFuzzer's -timeout) is a finding.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "xmcheck/axioms/model.hpp"
#include "xmcheck/checker/engine.hpp"
#include "xmcheck/checker/lowering.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::fuzz {

/// The shipped models, lowerings and prelude (the source tree's axioms/).
inline std::string model_dir() { return XMCHECK_FUZZ_MODEL_DIR; }

inline std::string as_text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// Runs `stage`; bad-input errors are the expected outcome of most inputs.
template <typename Stage>
void expect_no_crash(Stage&& stage) {
  try {
    stage();
  } catch (const diag::UserError&) {
  }
}

/// Small bounds for checks: one unrolling and a short time budget (a
/// timed-out check is an Unknown answer, not a finding; a check that overruns
/// its budget by far is, through libFuzzer's -timeout).
inline checker::CheckOptions small_check_options(double seconds) {
  checker::CheckOptions o;
  o.unroll = 1;
  o.timeout_seconds = seconds;
  return o;
}

/// The default model of an asm architecture, loaded once per process.
const axioms::Model& default_model(litmus::ArchId arch);

/// The shipped lowering of `arch` (with its prelude), loaded once per process.
const checker::LoweringTable& shipped_lowering(litmus::ArchId arch);

/// Checks `test` as the command line would by default: asm tests against their
/// architecture's model, C tests on every architecture with a lowering.
void check_like_cli(const litmus::LitmusTest& test, checker::Session& session);

}  // namespace xmcheck::fuzz
