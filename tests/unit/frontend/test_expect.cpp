// Verdict derivation and --expect bookkeeping.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "xmcheck/frontend/expect.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace fs = std::filesystem;
using namespace xmcheck::frontend;
using Q = xmcheck::litmus::Condition::Quantifier;

namespace {

xmcheck::checker::TestResult result(Q q, bool ok) {
  xmcheck::checker::TestResult r;
  r.quantifier = q;
  r.validated = ok;
  return r;
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("xmcheck-unit-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  return dir;
}

}  // namespace

TEST_CASE("verdicts follow herd's mapping") {
  CHECK(derive_verdict(result(Q::Exists, true)) == Verdict::Allowed);
  CHECK(derive_verdict(result(Q::Exists, false)) == Verdict::Forbidden);
  CHECK(derive_verdict(result(Q::NotExists, true)) == Verdict::Forbidden);
  CHECK(derive_verdict(result(Q::NotExists, false)) == Verdict::Allowed);
  CHECK(derive_verdict(result(Q::Forall, true)) == Verdict::Required);
  CHECK(derive_verdict(result(Q::Forall, false)) == Verdict::Forbidden);
  CHECK(parse_verdict("error") == Verdict::Error);
  CHECK_FALSE(parse_verdict("allowed").has_value());
}

TEST_CASE("expect: paths relative to the TSV, errors, summary") {
  const fs::path dir = scratch("expect");
  std::ofstream(dir / "expected.tsv") << "test\tverdict\nsub/a.litmus\tAllowed\n"
                                         "sub/b.litmus\terror\nsub/c.litmus\tRequired\n";
  auto checker = ExpectChecker::load((dir / "expected.tsv").string());

  CHECK(checker.record((dir / "sub/a.litmus").string(), {Verdict::Allowed, false}).status ==
        ExpectRecord::Status::Pass);
  CHECK(checker.record((dir / "sub/b.litmus").string(), {std::nullopt, true}).status ==
        ExpectRecord::Status::Pass);
  const auto fail = checker.record((dir / "sub/c.litmus").string(), {Verdict::Forbidden, false});
  CHECK(fail.status == ExpectRecord::Status::Fail);
  CHECK(fail.message.find("expected Required, got Forbidden") != std::string::npos);
  CHECK(checker.record((dir / "sub/zzz.litmus").string(), {Verdict::Allowed, false}).status ==
        ExpectRecord::Status::Unlisted);
  CHECK(checker.summary() == "2 passed, 1 failed");
}

TEST_CASE("expect: an unpositioned error does not satisfy `error`") {
  const fs::path dir = scratch("expect-unpos");
  std::ofstream(dir / "e.tsv") << "x.litmus\terror\n";
  auto checker = ExpectChecker::load((dir / "e.tsv").string());
  CHECK(checker.record((dir / "x.litmus").string(), {std::nullopt, false}).status ==
        ExpectRecord::Status::Fail);
}

TEST_CASE("expect: a bad line is a positioned usage error") {
  const fs::path dir = scratch("expect-bad");
  std::ofstream(dir / "e.tsv") << "test\tverdict\na.litmus\tMaybe\n";
  try {
    (void)ExpectChecker::load((dir / "e.tsv").string());
    FAIL("expected a UserError");
  } catch (const xmcheck::diag::UserError& e) {
    CHECK(e.kind() == xmcheck::diag::ErrorKind::Usage);
    CHECK(e.span().begin.line == 2);
    CHECK(e.span().begin.col == 10);
  }
}
