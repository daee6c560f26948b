#pragma once
// The command line of `xmcheck`: an Options struct and its CLI11 binding.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "xmcheck/checker/engine.hpp"

namespace xmcheck::frontend {

/// --format: herd7's text blocks, one JSON array, or one JSON object per line.
enum class OutputFormat { Herd, Json, Jsonl };

/// Everything the command line can say; defaults are the documented ones.
struct Options {
  // Input
  std::vector<std::string> inputs;  ///< FILE | DIR | @LIST, in command-line order
  // Model
  std::string model;                ///< --model FILE ("" = the architecture's default)
  std::string model_path;           ///< --model-path DIR ("" = located at run time)
  std::vector<std::string> variants;  ///< --variant NAME[,NAME...]
  std::string arch;                 ///< --arch x86|arm64|all ("" = C tests: all; asm: their own)
  /// Model directories of targets whose files are the user's, by option
  /// name: {"lkmm", DIR} for --lkmm DIR (checker::user_model_option).
  std::map<std::string, std::string> user_model_dirs;
  // Search
  int unroll = 2;                   ///< --unroll N
  bool states_only = false;         ///< --states-only (the default; excludes --count-executions)
  bool count_executions = false;    ///< --count-executions
  bool no_core_blocking = false;    ///< --no-core-blocking
  /// --skeleton-search auto|solver|direct (cross-checks; same output)
  checker::SkeletonEngine skeleton_search = checker::SkeletonEngine::Auto;
  // Suite runs
  int jobs = 1;                     ///< -j N (0 = one per hardware thread)
  double timeout = 0;               ///< --timeout S per test (0 = none; at most kMaxTimeoutSeconds)
  std::uint64_t memory_limit = 0;   ///< --memory-limit in bytes (0 = none); the CLI sets its default
  std::uint64_t solver_rlimit = 0;  ///< --solver-rlimit N: Z3 resource limit per call (testing; 0 = none)
  int shard_index = 0;              ///< --shard I/N: I (1-based; 0 = no sharding)
  int shard_count = 0;              ///< --shard I/N: N
  // Output
  OutputFormat format = OutputFormat::Herd;  ///< --format herd|json|jsonl
  bool witness = false;             ///< --witness
  std::string dot_dir;              ///< --dot DIR ("" = none)
  bool png = false;                 ///< --png
  bool dot_detail = false;          ///< --dot-detail
  bool explain = false;             ///< --explain
  std::string expect;               ///< --expect FILE.tsv|FILE.expected|DIR ("" = none)
  bool expect_herd = false;         ///< --expect-herd: FILE is herd7 output whatever its name
  int verbosity = 0;                ///< number of -v
  bool quiet = false;               ///< -q
  bool stats = false;               ///< --stats
  bool list_base = false;           ///< --list-base: print the base catalogue, check nothing
};

/// What parsing the command line decided.
struct CliOutcome {
  enum class Action { Run, Exit, UsageError };
  Action action = Action::Run;
  Options options;  ///< meaningful for Action::Run
};

/// Parses argv. --help / --version are printed on stdout and yield Action::Exit;
/// errors are explained on stderr and yield Action::UsageError.
/// Parses "I/N" (1 <= I <= N); nullopt when malformed.
[[nodiscard]] std::optional<std::pair<int, int>> parse_shard(const std::string& text);

[[nodiscard]] CliOutcome parse_command_line(int argc, const char* const* argv);

}  // namespace xmcheck::frontend
