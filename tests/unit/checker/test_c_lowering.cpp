// The C dialect's lowering files and interpreter: parsing .lower lines, the
// shipped tables, positioned errors for unknown and unavailable primitives,
// and end-to-end verdicts that differ between x86, arm64 and powerpc.
#include "c_program.hpp"
#include "checker_test_support.hpp"
#include "xmcheck/checker/lowering.hpp"

namespace {

using namespace cktest;

const LoweringTable& table(litmus::ArchId arch) {
  static const LoweringTable arm = load_lowering(std::string(XMCHECK_TEST_MODEL_DIR) + "/arm64/arm64.lower");
  static const LoweringTable x86 = load_lowering(std::string(XMCHECK_TEST_MODEL_DIR) + "/x86/x86.lower");
  static const LoweringTable ppc = load_lowering(std::string(XMCHECK_TEST_MODEL_DIR) + "/powerpc/powerpc.lower");
  if (arch == *litmus::arch_by_id("powerpc")) return ppc;
  return arch == *litmus::arch_by_id("x86") ? x86 : arm;
}

const axioms::Model& model(litmus::ArchId arch) {
  static const axioms::Model x86 =
      axioms::load_model(std::string(XMCHECK_TEST_MODEL_DIR) + "/x86/x86.cat", {XMCHECK_TEST_MODEL_DIR "/x86"});
  static const axioms::Model ppc = axioms::load_model(std::string(XMCHECK_TEST_MODEL_DIR) + "/powerpc/ppc.cat",
                                                      {XMCHECK_TEST_MODEL_DIR "/powerpc"});
  if (arch == *litmus::arch_by_id("powerpc")) return ppc;
  return arch == *litmus::arch_by_id("x86") ? x86 : aarch64_model();
}

TestResult check_c(const std::string& text, litmus::ArchId arch) {
  CheckOptions opts;
  opts.target = arch;
  opts.lowering = &table(arch);
  return check(parse(text), model(arch), opts);
}

std::string c_error(const std::string& text, litmus::ArchId arch) {
  try {
    (void)check_c(text, arch);
  } catch (const diag::UserError& e) {
    return std::to_string(e.span().begin.line) + ":" + std::to_string(e.span().begin.col) + ": " + e.what();
  }
  FAIL("expected an error");
  return {};
}

const char* const kMp = R"(C MP
{ x = 0; y = 0; }
P0(int *x, int *y) { WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 1); }
P1(int *x, int *y) { int r0; int r1; r0 = READ_ONCE(*y); r1 = READ_ONCE(*x); }
exists (1:r0=1 /\ 1:r1=0)
)";

}  // namespace

TEST_CASE("lowering lines: templates, sets, keyword parameters, results") {
  const LoweringTable t = parse_lowering(
      "arch arm64\n"
      "READ_ONCE(*p) = R(p)\n"
      "xchg(p, v) = RMW(p, xchg, v) [X] [X L]; F [DMB.ISH]   # comment\n"
      "cmpxchg(p, o, n) = CAS(p, o, n) [X] [X L]; F [DMB.ISH] on-success\n"
      "atomic_inc_return(v) = RMW(v, add, 1) [X] [X] -> new\n"
      "dsb(=ish) = F [DSB.ISH]\n"
      "sync_core() = UNAVAILABLE\n",
      "t.lower");
  CHECK(t.arch == *litmus::arch_by_id("arm64"));
  REQUIRE(t.entries.size() == 6);
  CHECK(t.entries[1].events.size() == 2);
  CHECK(t.entries[1].events[0].write_sets == std::vector<std::string>{"X", "L"});
  CHECK(t.entries[2].events[1].on_success);
  CHECK(t.entries[3].result_is_new);
  CHECK(t.entries[4].params == std::vector<std::string>{"=ish"});
  CHECK(t.entries[5].availability == LoweringEntry::Availability::Unavailable);
}

TEST_CASE("lowering errors are positioned in the .lower file") {
  auto error = [](const std::string& text) {
    try {
      (void)parse_lowering(text, "t.lower");
    } catch (const diag::UserError& e) {
      return std::to_string(e.span().begin.line) + ": " + e.what();
    }
    return std::string("no error");
  };
  CHECK(error("arch arm64\nf(p) = R(p) [DMB.FOO]\n") == "2: unknown base set 'DMB.FOO' (axioms/base.hpp)");
  CHECK(error("arch arm64\nf(p) = LOAD(p)\n") == "2: unknown event template 'LOAD(p)' (R, W, RMW, CAS, ADD_UNLESS, F, CACHE, MARK, LOCK, TRYLOCK, ISLOCKED)");
  CHECK(error("arch arm64\nf(p) = R(q)\n") == "2: 'q' is not a parameter of f");
  CHECK(error("arch arm64\nf(p) = R(p) [DMB.ISH] [DMB.ISH]\n") == "2: too many set groups in 'R(p) [DMB.ISH] [DMB.ISH]'");
  CHECK(error("arch arm64\nf(p) = LOCK(p) [DMB.ISH] [DMB.ISH] [DMB.ISH]\n") ==
        "2: too many set groups in 'LOCK(p) [DMB.ISH] [DMB.ISH] [DMB.ISH]'");
  CHECK(error("arch arm64\nf(p) = TRYLOCK [LF]\n") == "2: wrong number of arguments in 'TRYLOCK [LF]'");
  CHECK(error("arch arm64\nf(p) = R(p) -> new <= 0\n") == "2: expected '-> [new] [== K | != K | < K]' after the events");
  CHECK(error("arch arm64\nf(p) = R(p) -> == x\n") == "2: bad integer 'x' in the result comparison");
  CHECK(error("f() = F\n") == "0: missing 'arch NAME' line (NAME: lkmm, x86, arm64, powerpc, riscv)");
}

TEST_CASE("the shipped lowering files load and agree on their primitive names") {
  const auto& arm = table(*litmus::arch_by_id("arm64"));
  const auto& x86 = table(*litmus::arch_by_id("x86"));
  const auto& ppc = table(*litmus::arch_by_id("powerpc"));
  CHECK(arm.arch_name == "arm64");
  CHECK(x86.arch_name == "x86");
  CHECK(ppc.arch_name == "powerpc");
  for (const auto& e : arm.entries) CHECK_MESSAGE(!x86.find(e.name).empty(), e.name);
  for (const auto& e : x86.entries) CHECK_MESSAGE(!arm.find(e.name).empty(), e.name);
  for (const auto& e : arm.entries) CHECK_MESSAGE(!ppc.find(e.name).empty(), e.name);
  for (const auto& e : ppc.entries) CHECK_MESSAGE(!arm.find(e.name).empty(), e.name);
}

TEST_CASE("powerpc: MP with READ_ONCE/WRITE_ONCE is Allowed, with smp_wmb/smp_rmb (lwsync) Forbidden") {
  const litmus::ArchId ppc = *litmus::arch_by_id("powerpc");
  CHECK(check_c(kMp, ppc).validated);
  const std::string fenced = R"(C MP+lwsyncs
{ x = 0; y = 0; }
P0(int *x, int *y) { WRITE_ONCE(*x, 1); smp_wmb(); WRITE_ONCE(*y, 1); }
P1(int *x, int *y) { int r0; int r1; r0 = READ_ONCE(*y); smp_rmb(); r1 = READ_ONCE(*x); }
exists (1:r0=1 /\ 1:r1=0)
)";
  CHECK_FALSE(check_c(fenced, ppc).validated);
}

TEST_CASE("MP with READ_ONCE/WRITE_ONCE: Forbidden on x86, Allowed on arm64") {
  CHECK_FALSE(check_c(kMp, *litmus::arch_by_id("x86")).validated);
  CHECK(check_c(kMp, *litmus::arch_by_id("arm64")).validated);
}

TEST_CASE("unknown and unavailable primitives are positioned errors") {
  const std::string dc = R"(C T
{ code_t f = INSN(1); }
P0(code_t *f) {
  dc_cvau(f);
}
exists (f=INSN(1))
)";
  CHECK(c_error(dc, *litmus::arch_by_id("x86")) == "4:3: 'dc_cvau' is not available on x86");
  const std::string foo = R"(C T
{ x = 0; }
P0(int *x) { foo(x); }
exists (x=0)
)";
  CHECK(c_error(foo, *litmus::arch_by_id("arm64")) == "3:14: unknown primitive 'foo'");
}

TEST_CASE("a code call fetches the code location; INSN(n) returns n") {
  const std::string jit = R"(C J
{ code_t f = INSN(1); int ready = 0; }
P0(code_t *f, int *ready) { WRITE_ONCE(*f, INSN(2)); flush_icache_range(f, f + 1); smp_store_release(ready, 1); }
P1(code_t *f, int *ready) { int r0; int r1; r0 = smp_load_acquire(ready); if (r0 == 1) { isb(); r1 = (*f)(); } }
exists (1:r0=1 /\ 1:r1=1)
)";
  const TestResult r = check_c(jit, *litmus::arch_by_id("arm64"));
  CHECK_FALSE(r.validated);
  CHECK(r.states.size() == 2);
  const Program prog = lower_c(parse(jit), *litmus::arch_by_id("arm64")).prog;
  CHECK(prog.locs[0].is_code);
  CHECK(prog.c_locals[1].at("r1") >= 0);
}

TEST_CASE("implicit locals: a thread's undeclared assignment target is an int local, a shared name stays shared") {
  const char* const text = R"(C implicit
{ int x = 0; int y = 0; }
P0(int *x, int *y) { WRITE_ONCE(*x, 1); smp_wmb(); WRITE_ONCE(*y, 1); }
P1(int *x) { r0 = READ_ONCE(y); smp_rmb(); r1 = READ_ONCE(*x); y = 2; }
exists (1:r0=1 /\ 1:r1=0)
)";
  const Program prog = lower_c(parse(text), *litmus::arch_by_id("x86")).prog;
  CHECK(prog.c_locals[1].contains("r0"));
  CHECK(prog.c_locals[1].contains("r1"));
  CHECK_FALSE(prog.c_locals[1].contains("y"));  // a plain store to the shared y
  CHECK(prog.c_locals[0].size() == 2);          // the parameters only
  CHECK_FALSE(check_c(text, *litmus::arch_by_id("x86")).validated);
}
