#pragma once
// The command line of `xmcheck`: an Options struct and its CLI11 binding.
#include <optional>
#include <string>
#include <vector>

namespace xmcheck::frontend {

/// Everything the command line can say; defaults are the documented ones.
struct Options {
  // Input
  std::vector<std::string> inputs;  ///< FILE | DIR | @LIST, in command-line order
  // Model
  std::string model;                ///< --model FILE ("" = the architecture's default)
  std::string model_path;           ///< --model-path DIR ("" = located at run time)
  std::vector<std::string> variants;  ///< --variant NAME[,NAME...]
  // Search
  int unroll = 2;                   ///< --unroll N
  // Output
  std::string expect;               ///< --expect FILE.tsv ("" = none)
  int verbosity = 0;                ///< number of -v
  bool quiet = false;               ///< -q
  bool stats = false;               ///< --stats
};

/// What parsing the command line decided.
struct CliOutcome {
  enum class Action { Run, Exit, UsageError };
  Action action = Action::Run;
  Options options;  ///< meaningful for Action::Run
};

/// Parses argv. --help / --version are printed on stdout and yield Action::Exit;
/// errors are explained on stderr and yield Action::UsageError.
[[nodiscard]] CliOutcome parse_command_line(int argc, const char* const* argv);

}  // namespace xmcheck::frontend
