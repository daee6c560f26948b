#pragma once
// --format json|jsonl: one JSON object per test (docs/json-schema.json).
//
// A checked test:
//   {"file", "name", "architecture", "target", "model", "variants", "condition":
//    {"quantifier": "exists"|"~exists"|"forall", "text"}, "observed": [LOC...],
//    "states": [{"values": {LOC: VALUE...}, "satisfies_condition", "witness"?}],
//    "result": "Ok"|"No"|"Unknown", "loop", "validated", "verdict":
//    "Allowed"|"Forbidden"|"Required"|"Unknown", "kind", "positive", "negative",
//    "observation", "flags", "explanations", "timed_out", "unknown_reason"?,
//    "unknown_detail"?, "expect"?, "stats"?}
// An incomplete search (TestResult::unknown()) has result, verdict and
// observation "Unknown" and says why in unknown_reason.
// A rejected test: {"file", "error": "file:line:col: error: ...", "exit_code", "expect"?}.
//
// Keys keep this order. Nothing depends on timing unless `stats` is requested
// (--stats), so the output of a run is reproducible byte for byte.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "xmcheck/checker/result.hpp"

namespace xmcheck::frontend {

using Json = nlohmann::ordered_json;

/// What the report adds to a TestResult.
struct JsonTestInfo {
  std::string file;          ///< the test's path as xmcheck received it
  std::string architecture;  ///< herd's name, as written in the test's header ("AArch64", "C")
  std::string target;        ///< the kernel name of the architecture judged ("arm64")
  bool with_stats = false;   ///< add "stats" (nondeterministic: time)
  double time_ms = 0;
  std::optional<Json> expect;  ///< {"status": "pass"|"fail"|"unlisted", "message"?}
};

[[nodiscard]] Json witness_to_json(const checker::Witness& witness);
[[nodiscard]] Json result_to_json(const checker::TestResult& result, const JsonTestInfo& info);
[[nodiscard]] Json error_to_json(const std::string& file, const std::string& diagnostic,
                                 int exit_code, const std::optional<Json>& expect);

/// "Ok", "No" or "Unknown" (timed out).
[[nodiscard]] std::string result_word(const checker::TestResult& result);
/// Allowed / Forbidden / Required from the quantifier and Ok/No (docs/cli.md), or Unknown.
[[nodiscard]] std::string verdict_word(const checker::TestResult& result);
/// The verdict table's word: verdict_word, with " (CMODX violated)" after an
/// Allowed whose every execution reaching the asked state is undefined
/// behaviour (TestResult::asked_state_undefined), " (deadlock)" when some
/// execution hangs at an IPI wait (TestResult::deadlocks), or both
/// ("Allowed (CMODX violated, deadlock)").
[[nodiscard]] std::string table_verdict_word(const checker::TestResult& result);
/// Why a search stopped early: "timeout", "memory-limit", "out-of-memory",
/// "solver-unknown"; "" for a complete one.
[[nodiscard]] std::string stop_word(const checker::TestResult& result);

/// The object as one element of a pretty-printed array (each line indented by 2).
[[nodiscard]] std::string format_json_element(const Json& object);
/// The object on one line (jsonl).
[[nodiscard]] std::string format_json_line(const Json& object);

}  // namespace xmcheck::frontend
