// Resource options (--timeout, --memory-limit, -j, --variant): bounds that
// hold, and an incomplete result that never reads as a complete one.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

#include "typed_values.hpp"
#include "xmcheck/frontend/cli.hpp"
#include "xmcheck/frontend/option_values.hpp"
#include "xmcheck/frontend/report_herd.hpp"
#include "xmcheck/frontend/report_json.hpp"
#include "xmcheck/frontend/variant_check.hpp"
#include "xmcheck/checker/limits.hpp"
#include "xmcheck/diag/diagnostic.hpp"

using namespace xmcheck::frontend;
namespace ck = xmcheck::checker;

namespace {

CliOutcome parse(std::initializer_list<const char*> args) {
  std::vector<const char*> argv(args.size() + 1, "xmcheck");
  std::copy(args.begin(), args.end(), argv.begin() + 1);
  return parse_command_line(static_cast<int>(argv.size()), argv.data());
}

ck::TestResult sometimes_result() {
  ck::TestResult r;
  r.name = "MP";
  r.condition = xmcheck::test::condition("exists (1:X0=1)");
  r.observed = xmcheck::test::locs({"1:X0"});
  r.states = {ck::FinalState{xmcheck::test::vals({"0"}), false, std::nullopt},
              ck::FinalState{xmcheck::test::vals({"1"}), true, std::nullopt}};
  r.positive = 1;
  r.negative = 1;
  r.validated = true;
  return r;
}

}  // namespace

TEST_CASE("--timeout: finite seconds in [0, 1e6]; nan, inf, negative and huge values are refused") {
  CHECK(parse_seconds("0") == 0.0);
  CHECK(parse_seconds("2.5") == 2.5);
  CHECK(parse_seconds("1e-06") == 1e-06);
  CHECK(parse_seconds("1e6") == kMaxTimeoutSeconds);
  for (const char* bad : {"nan", "NaN", "inf", "-inf", "-1", "1e10", "1000001", "", "5s", " 5", "0x10"})
    CHECK_MESSAGE(!parse_seconds(bad).has_value(), bad);
  CHECK(parse({"--timeout", "nan", "t.litmus"}).action == CliOutcome::Action::UsageError);
  CHECK(parse({"--timeout", "1e10", "t.litmus"}).action == CliOutcome::Action::UsageError);
  const CliOutcome ok = parse({"--timeout", "0.5", "t.litmus"});
  REQUIRE(ok.action == CliOutcome::Action::Run);
  CHECK(ok.options.timeout == 0.5);
}

TEST_CASE("--memory-limit: sizes with binary units, 0 = none, at most 1 PiB; a default from the machine") {
  CHECK(parse_memory_size("0") == 0U);
  CHECK(parse_memory_size("4096") == 4096U);
  CHECK(parse_memory_size("512M") == 512ULL << 20);
  CHECK(parse_memory_size("8G") == 8ULL << 30);
  CHECK(parse_memory_size("8GiB") == 8ULL << 30);
  CHECK(parse_memory_size("8gb") == 8ULL << 30);
  CHECK(parse_memory_size("1.5G") == 3ULL << 29);
  CHECK(parse_memory_size("1024T") == kMaxMemoryBytes);
  for (const char* bad : {"-1", "nan", "inf", "1025T", "2P", "10X", "G", "", "8 G", "1e300"})
    CHECK_MESSAGE(!parse_memory_size(bad).has_value(), bad);
  CHECK(parse({"--memory-limit", "2P", "t.litmus"}).action == CliOutcome::Action::UsageError);
  CHECK(parse({"--memory-limit", "1G", "t.litmus"}).options.memory_limit == 1ULL << 30);
  CHECK(parse({"--memory-limit", "0", "t.litmus"}).options.memory_limit == 0U);
  // Without the option: 3/4 of the memory the process may use.
  const std::uint64_t available = available_memory_bytes();
  REQUIRE(available > 0);
  CHECK(parse({"t.litmus"}).options.memory_limit == default_memory_limit());
  CHECK(default_memory_limit() == static_cast<std::uint64_t>(static_cast<double>(available) * 0.75));
  CHECK(format_bytes(8ULL << 30) == "8 GiB");
  CHECK(format_bytes(3ULL << 29) == "1.5 GiB");
  CHECK(format_bytes(100) == "100 B");
}

TEST_CASE("-j: never more workers than tests or hardware threads, at least one") {
  CHECK(worker_count(1000, 1, 8) == 1);
  CHECK(worker_count(1000, 500, 8) == 8);
  CHECK(worker_count(4, 500, 8) == 4);
  CHECK(worker_count(0, 500, 8) == 8);
  CHECK(worker_count(0, 3, 8) == 3);
  CHECK(worker_count(2, 0, 8) == 1);
  CHECK(worker_count(2, 10, 0) == 1);  // unknown hardware: one
  CHECK(parse({"-j", "-1", "t.litmus"}).action == CliOutcome::Action::UsageError);
}

TEST_CASE("deadlines saturate instead of overflowing") {
  const auto now = ck::SteadyClock::now();
  CHECK_FALSE(ck::deadline_after(0, now).has_value());
  CHECK_FALSE(ck::deadline_after(-1, now).has_value());
  CHECK_FALSE(ck::deadline_after(std::nan(""), now).has_value());
  CHECK(ck::deadline_after(1e10, now) == ck::SteadyClock::time_point::max());
  CHECK(ck::deadline_after(std::numeric_limits<double>::infinity(), now) == ck::SteadyClock::time_point::max());
  const auto in_5s = ck::deadline_after(5, now);
  REQUIRE(in_5s.has_value());
  CHECK(*in_5s - now == std::chrono::seconds(5));
  CHECK(ck::earlier(in_5s, std::nullopt) == in_5s);
  CHECK(ck::earlier(std::nullopt, in_5s) == in_5s);
  CHECK(ck::earlier(ck::deadline_after(1, now), in_5s) == ck::deadline_after(1, now));
}

TEST_CASE("--variant: a name no model knows is a usage error listing what each knows") {
  const std::vector<ModelVariants> models{{"aarch64.cat", {"dic", "idc"}}, {"x86.cat", {"lfence-orders-fetch"}}};
  const std::vector<std::string> builtin{"fatal", "ifetch"};
  CHECK_NOTHROW(check_variant_names({"DIC", "Lfence-Orders-Fetch", "fatal"}, models, builtin));
  try {
    check_variant_names({"dic", "nosuch"}, models, builtin);
    FAIL("nosuch accepted");
  } catch (const xmcheck::diag::UserError& e) {
    CHECK(e.kind() == xmcheck::diag::ErrorKind::Usage);
    CHECK(e.formatted() ==
          "--variant: error: unknown variant 'nosuch' (aarch64.cat: dic, idc; x86.cat: "
          "lfence-orders-fetch; always accepted: fatal, ifetch)");
  }
  // Known to one architecture's model only (a C test checked for both): accepted.
  CHECK_NOTHROW(check_variant_names({"idc"}, models, builtin));
  CHECK_THROWS_AS(check_variant_names({"idc"}, {models[1]}, builtin), xmcheck::diag::UserError);
}

TEST_CASE("an incomplete result prints no verdict: marked states, Unknown, no Observation counts") {
  ck::TestResult r = sometimes_result();
  CHECK(format_herd(r).find("Observation MP Sometimes 1 1\n") != std::string::npos);
  for (const auto stop : {ck::StopReason::Timeout, ck::StopReason::MemoryLimit, ck::StopReason::OutOfMemory,
                          ck::StopReason::SolverUnknown}) {
    ck::TestResult u = sometimes_result();
    u.stop = stop;
    u.timed_out = stop == ck::StopReason::Timeout;
    CHECK(u.unknown());
    const std::string herd = format_herd(u);
    CHECK(herd.find("States 2 (incomplete)\n1:X0=0;\n1:X0=1;\nUnknown\n") != std::string::npos);
    CHECK(herd.find("\nObservation MP Unknown\n") != std::string::npos);
    CHECK(herd.find("Sometimes") == std::string::npos);
    const Json j = result_to_json(u, {"t/MP.litmus", "AArch64", "arm64", false, 0, std::nullopt});
    CHECK(j["result"] == "Unknown");
    CHECK(j["verdict"] == "Unknown");
    CHECK(j["observation"] == "Unknown");
    CHECK(j["unknown_reason"] == stop_word(u));
    CHECK(j["timed_out"] == (stop == ck::StopReason::Timeout));
  }
  ck::TestResult s = sometimes_result();
  s.stop = ck::StopReason::SolverUnknown;
  s.stop_detail = "max. resource limit exceeded";
  const Json j = result_to_json(s, {"t/MP.litmus", "AArch64", "arm64", false, 0, std::nullopt});
  CHECK(j["unknown_reason"] == "solver-unknown");
  CHECK(j["unknown_detail"] == "max. resource limit exceeded");
  CHECK_FALSE(result_to_json(sometimes_result(), {"t", "AArch64", "arm64", false, 0, std::nullopt}).contains("unknown_reason"));
}
