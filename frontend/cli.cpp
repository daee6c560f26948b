#include "frontend/cli.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>

#include "xmcheck/frontend/version.hpp"

namespace xmcheck::frontend {
namespace {

void bind_options(CLI::App& app, Options& o) {
  app.add_option("inputs", o.inputs,
                 "Litmus tests: FILE, DIR (searched recursively for *.litmus) or @LIST "
                 "(a file of paths, one per line, relative to the list)")
      ->type_name("FILE|DIR|@LIST")
      ->required();

  app.add_option("--model", o.model,
                 "Model file (.cat); a bare name is also looked up in the model path. "
                 "Default: per architecture (AArch64: aarch64.cat, X86_64: x86.cat)")
      ->group("Model");
  app.add_option("--model-path", o.model_path,
                 "Directory where models are searched (default: <prefix>/share/xmcheck "
                 "next to the binary, else the source tree's axioms/)")
      ->group("Model")
      ->check(CLI::ExistingDirectory);
  app.add_option("--variant", o.variants, "Enable model variants, e.g. --variant DIC,IDC")
      ->group("Model")
      ->delimiter(',')
      ->type_name("NAME[,NAME...]");

  app.add_option("--unroll", o.unroll, "How many times a backward jump may be taken")
      ->group("Search")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();

  app.add_option("--expect", o.expect,
                 "TSV of expected verdicts (test<TAB>Allowed|Forbidden|Required|error, test "
                 "paths relative to the TSV); prints `N passed, M failed` last")
      ->group("Output")
      ->check(CLI::ExistingFile);
  auto* verbose = app.add_flag("-v,--verbose", o.verbosity,
                               "More diagnostics on stderr (repeatable: -vv, -vvv)")
                      ->group("Output");
  app.add_flag("-q,--quiet", o.quiet, "Only errors on stderr")
      ->group("Output")
      ->excludes(verbose);
  app.add_flag("--stats", o.stats,
               "Per test, a line on stderr: time, traces, skeletons, solver calls, candidates")
      ->group("Output");
}

}  // namespace

CliOutcome parse_command_line(int argc, const char* const* argv) {
  CLI::App app{"xmcheck: exhaustive memory-model checker for cross-modifying code.\n"
               "Prints herd7-compatible results on stdout, diagnostics on stderr.",
               kProgramName};
  app.set_version_flag("--version", std::string(kProgramName) + " " + kVersion);
  app.footer("Exit codes: 0 ok, 1 usage, 2 bad litmus, 3 bad model, 4 unsupported, "
             "5 timeout/unknown, 10 --expect mismatch, 70 internal error (see docs/cli.md).\n");
  // CLI11 always lists positionals in their own section: give it the Input name.
  app.get_formatter()->label("Positionals", "Input");

  CliOutcome out;
  bind_options(app, out.options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    app.exit(e, std::cout, std::cerr);
    out.action = CliOutcome::Action::Exit;
  } catch (const CLI::CallForAllHelp& e) {
    app.exit(e, std::cout, std::cerr);
    out.action = CliOutcome::Action::Exit;
  } catch (const CLI::CallForVersion& e) {
    app.exit(e, std::cout, std::cerr);
    out.action = CliOutcome::Action::Exit;
  } catch (const CLI::ParseError& e) {
    app.exit(e, std::cout, std::cerr);
    out.action = CliOutcome::Action::UsageError;
  }
  return out;
}

}  // namespace xmcheck::frontend
