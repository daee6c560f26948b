// The model language's nesting limit (xmcheck/axioms/limits.hpp): deep models
// are positioned errors; models just within the limit still load and evaluate.
#include <string>

#include "helpers.hpp"
#include "xmcheck/axioms/limits.hpp"

using namespace axtest;
using xmcheck::axioms::kModelNestingLimit;
using xmcheck::diag::ErrorKind;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string join(const std::string& sep, const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i > 0 ? sep : "") + s;
  return out;
}

/// `let a0 = po`, then `let aK = a(K-1) ; po` up to aN, then `acyclic aN`.
std::string let_chain(std::size_t n) {
  std::string out = "let a0 = po\n";
  for (std::size_t k = 1; k <= n; ++k)
    out += "let a" + std::to_string(k) + " = a" + std::to_string(k - 1) + " ; po\n";
  return out + "acyclic a" + std::to_string(n) + "\n";
}

/// A three-event execution with po = {(0,1), (1,2)} and rf = {(2,0)}.
Exec cycle() {
  Exec x(3);
  x.edge("po", 0, 1).edge("po", 1, 2).edge("rf", 2, 0);
  return x;
}

}  // namespace

TEST_CASE("nesting limit: parentheses, prefix and postfix operators") {
  CHECK(kModelNestingLimit == 500);
  const auto parens = error_of([] { (void)load("acyclic " + repeat("(", 5000) + "po" + repeat(")", 5000)); });
  CHECK(parens.kind() == ErrorKind::Model);
  CHECK(parens.formatted() == "test.cat:1:509: error: expression nested too deeply (limit 500)");
  CHECK(load_error("acyclic " + repeat("~", 5000) + "po") ==
        "test.cat:1:508: error: expression nested too deeply (limit 500)");
  CHECK(load_error("acyclic po" + repeat("^-1", 5000)) ==
        "test.cat:1:1508: error: expression nested too deeply (limit 500)");
  // Within the limit the model evaluates as usual.
  CHECK_FALSE(run("acyclic " + repeat("(", 450) + "po | rf" + repeat(")", 450), cycle()).consistent);
}

TEST_CASE("nesting limit: operator chains are nested trees") {
  // a | b | c is a | (b | c): each operator is one level.
  CHECK(load_error("acyclic " + join(" | ", "po", 20000)) ==
        "test.cat:1:2507: error: expression nested too deeply (limit 500)");
  CHECK(load_error("acyclic " + join(" ; ", "po", 20000)) ==
        "test.cat:1:2507: error: expression nested too deeply (limit 500)");
  CHECK(load_error("acyclic " + join(" \\ ", "po", 20000)) ==
        "test.cat:1:2507: error: expression nested too deeply (limit 500)");
  CHECK(load_error("if " + join(" || ", "\"V\"", 5000) + " acyclic po end") ==
        "test.cat:1:3501: error: variant condition nested too deeply (limit 500)");
  // A chain just within the limit: the union holds the cycle.
  CHECK_FALSE(run("acyclic " + join(" | ", "0", 440) + " | po | rf", cycle()).consistent);
  CHECK(run("acyclic " + join(" | ", "0", 440) + " | po", cycle()).consistent);
}

TEST_CASE("nesting limit: definitions count, through names and let rec") {
  // Each definition is one level above the one it uses.
  CHECK_FALSE(run(let_chain(440), Exec(3).edge("po", 0, 0)).consistent);
  CHECK(load_error(let_chain(5000)) == "test.cat:501:12: error: expression nested too deeply (limit 500)");
  std::string recs = "let rec r0 = po | (r0 ; po)\n";
  for (std::size_t k = 1; k < 5000; ++k) {
    const std::string r = "r" + std::to_string(k);
    recs += "let rec " + r + " = " + r + " | (" + r + " ; r" + std::to_string(k - 1) + ")\n";
  }
  const auto e = error_of([&] { (void)load(recs + "acyclic r4999\n"); });
  CHECK(e.kind() == ErrorKind::Model);
  CHECK(std::string(e.what()) == "expression nested too deeply (limit 500)");
  CHECK(load_error(repeat("if \"V\" ", 5000) + "acyclic po " + repeat("end ", 5000)) ==
        "test.cat:1:3497: error: variant condition nested too deeply (limit 500)");
}
