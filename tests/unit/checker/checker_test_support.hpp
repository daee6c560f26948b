#pragma once
// Helpers shared by the checker unit tests: litmus text -> Program / Unfolding /
// TestResult, the shipped AArch64 model, and readable views of traces and states.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "candidate_search.hpp"
#include "lower.hpp"
#include "program.hpp"
#include "trace.hpp"
#include "unfold.hpp"
#include "xmcheck/axioms/model.hpp"
#include "xmcheck/checker/engine.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/frontend/result_text.hpp"
#include "xmcheck/litmus/parser.hpp"
#include "xmcheck/litmus/printer.hpp"

// Failing CHECKs on state lists print the lists.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
  static doctest::String convert(const std::vector<std::string>& v) {
    std::string s = "{";
    for (const auto& e : v) s += "\"" + e + "\" ";
    s += "}";
    return s.c_str();
  }
};

namespace cktest {

using namespace xmcheck;
using namespace xmcheck::checker;

inline litmus::LitmusTest parse(const std::string& text) { return litmus::parse_string(text, "t.litmus"); }

inline Program lower_text(const std::string& text) { return lower(parse(text)); }

/// The only trace of P0 of a one-thread test `header` (e.g. "PPC T") with
/// init block `init`, code `code` and condition `exists`; unfolded with
/// --unroll 2, it must have exactly one path.
inline Trace one_thread_trace(const std::string& header, const std::string& init, const std::string& code,
                              const std::string& exists) {
  const Program p = lower_text(header + "\n{ " + init + " }\n P0 ;\n" + code + "exists (" + exists + ")\n");
  const Unfolding u = unfold(p, 2);
  REQUIRE(u.traces.size() == 1);
  REQUIRE(u.traces[0].size() == 1);
  return u.traces[0][0];
}

/// The error lower() throws for `text`, as "line:col: message" (fails if none).
inline std::string lower_error(const std::string& text) {
  const litmus::LitmusTest t = parse(text);
  try {
    (void)lower(t);
  } catch (const diag::UserError& e) {
    return std::to_string(e.span().begin.line) + ":" + std::to_string(e.span().begin.col) + ": " +
           e.what();
  }
  FAIL("expected lower() to reject:\n" << text);
  return {};
}

/// The shipped model axioms/arm64/aarch64.cat, loaded once.
inline const axioms::Model& aarch64_model() {
  static const axioms::Model model =
      axioms::load_model(std::string(XMCHECK_TEST_MODEL_DIR) + "/arm64/aarch64.cat", {XMCHECK_TEST_MODEL_DIR "/arm64"});
  return model;
}

inline TestResult run(const std::string& text, CheckOptions options = {}) {
  return check(parse(text), aarch64_model(), options);
}

inline TestResult run_with(const std::string& text, const std::string& model_text,
                           CheckOptions options = {}) {
  return check(parse(text), axioms::load_model_string(model_text, "m.cat", {XMCHECK_TEST_MODEL_DIR}),
               options);
}

/// The observed locations as herd prints them (the frontend's printer).
inline std::vector<std::string> observed_names(const TestResult& r) { return frontend::observed_texts(r); }

/// Values of `r`'s observed locations as herd prints them (the frontend's printer).
inline std::vector<std::string> texts(const TestResult& r, const std::vector<StateValue>& values) {
  return frontend::value_texts(r, values);
}

/// States as herd prints them: "1:X0=1; 1:X1=0;" per state, in the result's order.
inline std::vector<std::string> states(const TestResult& r) {
  std::vector<std::string> out;
  const std::vector<std::string> names = observed_names(r);
  for (const auto& s : r.states) {
    std::string line;
    const std::vector<std::string> values = texts(r, s.values);
    for (std::size_t i = 0; i < values.size(); ++i) line += names[i] + "=" + values[i] + "; ";
    if (!line.empty()) line.pop_back();
    out.push_back(line);
  }
  return out;
}

/// Every skeleton of `u`, in the order of `engine` (by default Z3's; a fresh
/// SMT context each call).
inline std::vector<Skeleton> all_skeletons(const Program& prog, const Unfolding& u,
                                           SearchStats* stats = nullptr,
                                           SkeletonEngine engine = SkeletonEngine::Solver) {
  std::vector<Skeleton> out;
  SmtContext smt;
  const SearchStats s = enumerate_skeletons(
      smt, prog, u,
      [&](const Skeleton& sk) {
        out.push_back(sk);
        return Blocking{};
      },
      nullptr, nullptr, nullptr, engine);
  if (stats != nullptr) *stats = s;
  return out;
}

/// Location id by name (fails if absent).
inline int loc_id(const Program& p, const std::string& name) {
  for (std::size_t i = 0; i < p.locs.size(); ++i)
    if (p.locs[i].name == name) return static_cast<int>(i);
  FAIL("no location " << name);
  return -1;
}

/// The printed instruction with value id `id`.
inline std::string instr_text(const Program& p, std::int64_t id) {
  return litmus::to_string(p.instrs[static_cast<std::size_t>(id)]);
}

/// One letter per event: R W F(etch) f(ence) C(ache op) B(ranch) X (fault) E(RET),
/// S(end IPI) A(ck wait) I(rq entry) J (irq return).
inline std::string shape(const Trace& t) {
  std::string s;
  for (const auto& e : t.events) {
    switch (e.kind) {
      case EventKind::Read: s += 'R'; break;
      case EventKind::Write: s += 'W'; break;
      case EventKind::Fetch: s += 'F'; break;
      case EventKind::Fence: s += 'f'; break;
      case EventKind::CacheOp: s += 'C'; break;
      case EventKind::Branch: s += 'B'; break;
      case EventKind::Fault: s += 'X'; break;
      case EventKind::ExcReturn: s += 'E'; break;
      case EventKind::IpiSend: s += 'S'; break;
      case EventKind::IpiAck: s += 'A'; break;
      case EventKind::IrqEntry: s += 'I'; break;
      case EventKind::IrqReturn: s += 'J'; break;
    }
  }
  return s;
}

inline EdgeList sorted(EdgeList e) {
  std::sort(e.begin(), e.end());
  e.erase(std::unique(e.begin(), e.end()), e.end());
  return e;
}

/// Index of the first event of `kind` at or after `from` (fails if none).
inline int find_event(const Trace& t, EventKind kind, int from = 0) {
  for (std::size_t i = static_cast<std::size_t>(from); i < t.events.size(); ++i)
    if (t.events[i].kind == kind) return static_cast<int>(i);
  FAIL("no such event");
  return -1;
}

}  // namespace cktest
