#include "xmcheck/frontend/cli.hpp"

#include <CLI/CLI.hpp>
#include <charconv>
#include <iostream>
#include <map>
#include <string_view>
#include <string>

#include <fmt/format.h>

#include "xmcheck/frontend/option_values.hpp"
#include "xmcheck/checker/lowering.hpp"
#include "xmcheck/checker/targets.hpp"
#include "xmcheck/litmus/arch.hpp"
#include "xmcheck/frontend/version.hpp"

namespace xmcheck::frontend {
namespace {

void bind_options(CLI::App& app, Options& o, bool& memory_given) {
  app.add_option("inputs", o.inputs,
                 "Litmus tests: FILE, DIR (searched recursively for *.litmus) or @LIST "
                 "(a file of paths, one per line, relative to the list)")
      ->type_name("FILE|DIR|@LIST")
      ->required();

  // Architecture lists come from the registry (cmake/Architectures.cmake).
  std::string defaults, ids, choices_text;
  std::vector<std::string> choices;
  for (std::size_t i = 0; i < litmus::architectures().size(); ++i) {
    const auto& names = litmus::architectures()[i];
    const auto arch = static_cast<litmus::ArchId>(i);
    const std::string user_option = checker::user_model_option(arch);
    if (!user_option.empty()) {
      // A target whose model files are the user's: --OPTION DIR names them.
      app.add_option("--" + user_option, o.user_model_dirs[user_option],
                     "Model directory of the " + std::string(names.id) + " target (C tests), whose " +
                         checker::herd_config_file(arch) +
                         " names the herd .def, .bell and .cat files (for the Linux-kernel memory model: a "
                         "kernel tree's tools/memory-model). Enables --arch " +
                         std::string(names.id) + ", and adds it first to --arch all")
          ->group("Model")
          ->check(CLI::ExistingDirectory)
          ->type_name("DIR");
    } else {
      defaults += (defaults.empty() ? "" : ", ") + std::string(names.herd) + ": " + checker::default_model_name(arch);
    }
    ids += std::string(names.id) + ", ";
    choices.emplace_back(names.id);
    choices_text += std::string(names.id) + "|";
  }
  choices.emplace_back("all");
  choices_text += "all";
  app.add_option("--model", o.model,
                 "Model file (.cat); a bare name is also looked up in the model path. "
                 "Default: per architecture (" + defaults + ")")
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

  app.add_option("--arch", o.arch,
                 "Target architecture of C tests: " + ids + "or all (default all: one result "
                 "block per architecture with a C lowering (" + checker::lowering_arch_list() +
                 "), then a table). Asm tests: must name their own architecture")
      ->group("Model")
      ->check(CLI::IsMember(choices))
      ->type_name(choices_text);

  app.add_option("--unroll", o.unroll, "How many times a backward jump may be taken")
      ->group("Search")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();

  auto* count = app.add_flag("--count-executions", o.count_executions,
                             "Enumerate every execution rather than every final state: "
                             "Positive/Negative count executions (herd7's counts) and each state's "
                             "witness is its smallest execution. Same states, verdicts and flags; "
                             "exponential when many executions reach one state")
                    ->group("Search");
  app.add_flag("--states-only", o.states_only,
               "The default: enumerate final states, one execution per reachable state, with "
               "every flag some execution raises (docs/design.md); Positive/Negative count states")
      ->group("Search")
      ->excludes(count);
  app.add_flag("--no-core-blocking", o.no_core_blocking,
               "Exclude each inconsistent skeleton alone rather than every skeleton sharing "
               "its refuted core (docs/design.md); same output, slower: for cross-checks")
      ->group("Search");
  const std::map<std::string, checker::SkeletonEngine> searches{{"auto", checker::SkeletonEngine::Auto},
                                                               {"solver", checker::SkeletonEngine::Solver},
                                                               {"direct", checker::SkeletonEngine::Direct}};
  app.add_option("--skeleton-search", o.skeleton_search,
                 "Who enumerates candidate skeletons: auto (directly when the candidate space is "
                 "small and has no IPIs, Z3 otherwise), solver (always Z3) or direct (without Z3 "
                 "whenever there are no IPIs); same output: for cross-checks (docs/design.md)")
      ->group("Search")
      ->transform(CLI::CheckedTransformer(searches, CLI::ignore_case).description(""))
      ->type_name("auto|solver|direct");

  app.add_option("-j,--jobs", o.jobs,
                 "Check N tests at a time, one solver per worker (0: one per hardware "
                 "thread); never more workers than tests or hardware threads. The output is "
                 "the same as with -j 1")
      ->group("Suite runs")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            return !text.empty() && text.front() == '-'
                       ? "expected a worker count >= 0 (0 = one per hardware thread)"
                       : "";
          },
          "N>=0"))
      ->type_name("N")
      ->capture_default_str();
  app.add_option_function<std::string>(
         "--timeout",
         [&o](const std::string& text) {
           const auto seconds = parse_seconds(text);
           if (!seconds)
             throw CLI::ValidationError("--timeout", "expected a number of seconds from 0 to " +
                                                         fmt::format("{:g}", kMaxTimeoutSeconds) +
                                                         " (0 = no limit), got '" + text + "'");
           o.timeout = *seconds;
         },
         "Give up on a test after S seconds (all of it: parsing, every architecture of a C "
         "test, explanations): its verdict is Unknown (exit 5). 0 = no limit (default)")
      ->group("Suite runs")
      ->type_name("S");
  app.add_option_function<std::string>(
         "--memory-limit",
         [&o, &memory_given](const std::string& text) {
           const auto bytes = parse_memory_size(text);
           if (!bytes)
             throw CLI::ValidationError("--memory-limit", "expected a size such as 512M or 8G (at most " +
                                                              format_bytes(kMaxMemoryBytes) +
                                                              "; 0 = no limit), got '" + text + "'");
           o.memory_limit = *bytes;
           memory_given = true;
         },
         "Stop a test whose check makes the process's resident memory exceed SIZE (K, M, G, T: "
         "powers of 1024): its verdict is Unknown (exit 5). 0 = no limit. Default: 3/4 of the "
         "memory available (physical or cgroup), here " +
             format_bytes(default_memory_limit()))
      ->group("Suite runs")
      ->type_name("SIZE");
  app.add_option("--solver-rlimit", o.solver_rlimit,
                 "For testing: Z3 resource limit per solver call, so that the solver gives up "
                 "(verdict Unknown, exit 5). 0 = none (default)")
      ->group("Testing")
      ->check(CLI::NonNegativeNumber)
      ->type_name("N");
  app.add_option_function<std::string>(
         "--shard",
         [&o](const std::string& text) {
           const auto shard = parse_shard(text);
           if (!shard) throw CLI::ValidationError("--shard", "expected I/N with 1 <= I <= N");
           o.shard_index = shard->first;
           o.shard_count = shard->second;
         },
         "Check only shard I of N (1-based): the tests at positions I, I+N, I+2N... of "
         "the expanded input list")
      ->group("Suite runs")
      ->type_name("I/N");

  const std::map<std::string, OutputFormat> formats{
      {"herd", OutputFormat::Herd}, {"json", OutputFormat::Json}, {"jsonl", OutputFormat::Jsonl}};
  app.add_option("--format", o.format,
                 "herd (herd7's result blocks), json (one array of test objects) or jsonl "
                 "(one object per line); see docs/json-schema.json")
      ->group("Output")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case).description(""))
      ->type_name("herd|json|jsonl");
  app.add_flag("--witness", o.witness,
               "After each state, an execution reaching it (herd: indented `  | ` lines)")
      ->group("Output");
  auto* dot = app.add_option("--dot", o.dot_dir,
                             "Write one Graphviz file per test, DIR/NAME.dot (one cluster "
                             "per state, nested clusters per thread)")
                  ->group("Output")
                  ->type_name("DIR");
  app.add_flag("--png", o.png, "With --dot: also render DIR/NAME.png with `dot -Tpng`")
      ->group("Output")
      ->needs(dot);
  app.add_flag("--dot-detail", o.dot_detail,
               "With --dot, C tests: draw every event of the prelude's calls and every dependency "
               "edge (default: each call one box, its bookkeeping folded)")
      ->group("Output")
      ->needs(dot);
  app.add_flag("--explain", o.explain,
               "Explain why the states the condition asks about are forbidden: the failing "
               "check and its cycle")
      ->group("Output");
  auto* expect = app.add_option("--expect", o.expect,
                                "Expected results: a TSV (test<TAB>Allowed|Forbidden|Required|"
                                "error), herd7 output (FILE.expected) or a DIR of "
                                "TEST.litmus.expected files; prints `N passed, M failed` last")
                     ->group("Output")
                     ->check(CLI::ExistingPath);
  app.add_flag("--expect-herd", o.expect_herd,
               "Read the --expect FILE as herd7 output whatever its name")
      ->group("Output")
      ->needs(expect);
  auto* verbose = app.add_flag("-v,--verbose", o.verbosity,
                               "More diagnostics on stderr (repeatable: -vv, -vvv)")
                      ->group("Output");
  app.add_flag("-q,--quiet", o.quiet, "Only errors on stderr")
      ->group("Output")
      ->excludes(verbose);
  app.add_flag("--stats", o.stats,
               "Per test, a line on stderr: time, traces, skeletons, solver calls, candidates "
               "(and a \"stats\" object in JSON output, which makes it nondeterministic)")
      ->group("Output");
}

}  // namespace

std::optional<std::pair<int, int>> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  auto number = [](std::string_view s) -> std::optional<int> {
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
  };
  const auto i = number(std::string_view(text).substr(0, slash));
  const auto n = number(std::string_view(text).substr(slash + 1));
  if (!i || !n || *n < 1 || *i < 1 || *i > *n) return std::nullopt;
  return std::pair{*i, *n};
}

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
  bool memory_given = false;
  bind_options(app, out.options, memory_given);
  app.add_flag("--list-base", out.options.list_base,
               "Print the base sets and relations a model may name (every architecture's), "
               "as a markdown table (--format json: a JSON array), and exit")
      ->group("Output");
  // --list-base checks nothing: it needs no input.
  for (int i = 1; i < argc; ++i)
    if (std::string_view(argv[i]) == "--list-base") app.get_option("inputs")->required(false);
  try {
    app.parse(argc, argv);
    if (!memory_given) out.options.memory_limit = default_memory_limit();
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
