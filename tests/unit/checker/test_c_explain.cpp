// Explanations of C tests (issue #12): events say which function made them,
// and the explanation of a kernel protocol goes through the protocol (IPI
// send, interrupt entry and return, the sender's wait), not through a
// candidate that misreads the prelude's bookkeeping (membarrier_state).
#include <algorithm>

#include "checker_test_support.hpp"
#include "xmcheck/checker/lowering.hpp"

namespace {

using namespace cktest;
using K = WitnessEvent::Kind;

const LoweringTable& table(litmus::ArchId arch) {
  static const LoweringTable arm = load_lowering(std::string(XMCHECK_TEST_MODEL_DIR) + "/arm64/arm64.lower");
  static const LoweringTable x86 = load_lowering(std::string(XMCHECK_TEST_MODEL_DIR) + "/x86/x86.lower");
  return arch == *litmus::arch_by_id("x86") ? x86 : arm;
}

const axioms::Model& model(litmus::ArchId arch) {
  static const axioms::Model x86 =
      axioms::load_model(std::string(XMCHECK_TEST_MODEL_DIR) + "/x86/x86.cat", {XMCHECK_TEST_MODEL_DIR "/x86"});
  return arch == *litmus::arch_by_id("x86") ? x86 : aarch64_model();
}

TestResult explain_c(const std::string& text, const char* arch_name) {
  const litmus::ArchId arch = *litmus::arch_by_id(arch_name);
  CheckOptions opts;
  opts.target = arch;
  opts.lowering = &table(arch);
  opts.explain = true;
  opts.witnesses = true;
  return check(parse(text), model(arch), opts);
}

// examples/kernel/membarrier-mp.litmus
const char* const kMembarrierMp = R"(C membarrier-mp
{ int a = 0; int b = 0; }
P0(int *a, int *b)
{
	int r0;
	r0 = membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0);
	WRITE_ONCE(*a, 1);
	r0 = membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0);
	WRITE_ONCE(*b, 1);
}
P1(int *a, int *b)
{
	int r1;
	while (READ_ONCE(*b) != 1)
		;
	barrier();
	r1 = READ_ONCE(*a);
}
exists (1:r1=0)
)";

bool has_edge(const Witness& w, const std::string& relation) {
  return std::any_of(w.edges.begin(), w.edges.end(), [&](const WitnessEdge& e) { return e.relation == relation; });
}

const WitnessEvent* find_kind(const Witness& w, K kind) {
  for (const auto& e : w.events)
    if (e.kind == kind) return &e;
  return nullptr;
}

}  // namespace

TEST_CASE("explain C: membarrier-mp is forbidden by the IPI's ordering, not by membarrier_state") {
  for (const char* arch : {"x86", "arm64"}) {
    CAPTURE(arch);
    const TestResult r = explain_c(kMembarrierMp, arch);
    CHECK_FALSE(r.validated);
    REQUIRE(r.explanations.size() == 1);
    const Explanation& ex = r.explanations.front();
    // x86: the IPI check; arm64: ordered-before, through the IPI's edges.
    CHECK(ex.check == (std::string(arch) == "x86" ? "ipi-order" : "external"));
    CHECK(ex.check != "sc-per-location");
    CHECK(has_edge(ex.cycle, "ipi-done"));
    for (const auto& e : ex.cycle.events) {
      CAPTURE(e.location_name);
      CHECK_FALSE(e.prelude_location);
      CHECK(e.location_name != "membarrier_state");
    }
    // The interrupt's return runs ipi_mb's call; the wait is membarrier()'s.
    const WitnessEvent* ret = find_kind(ex.cycle, K::IrqReturn);
    REQUIRE(ret != nullptr);
    CHECK(ret->function == "ipi_mb");
    CHECK(ret->prelude);
    CHECK(ret->call_function == "ipi_mb");
    const WitnessEvent* ack = find_kind(ex.cycle, K::IpiAck);
    REQUIRE(ack != nullptr);
    CHECK(ack->function == "membarrier_private_expedited");
    CHECK(ack->call_function == "membarrier");
    CHECK(ack->call_prelude);
  }
}

TEST_CASE("witness C: events record their function and the call from the thread's body") {
  const TestResult r = explain_c(kMembarrierMp, "arm64");
  REQUIRE(!r.states.empty());
  REQUIRE(r.states.front().witness);
  const Witness& w = *r.states.front().witness;
  std::vector<int> calls;  // P0's calls, in program order
  for (const auto& e : w.events) {
    if (e.thread != 0) continue;
    if (e.kind == K::Write && (e.location_name == "a" || e.location_name == "b")) {
      CHECK(e.function.empty());  // the test's own body
      CHECK(e.call == -1);
    }
    if (e.location_name == "membarrier_state") {
      CHECK(e.prelude_location);
      CHECK(e.call_function == "membarrier");
      CHECK(e.call_prelude);
    }
    if (e.call >= 0 && std::find(calls.begin(), calls.end(), e.call) == calls.end()) calls.push_back(e.call);
  }
  CHECK(calls == std::vector<int>{0, 1});  // register, then the barrier: two calls
}
