// xmcheck's extensions of the C dialect, recorded faithfully as calls and
// identifiers: code locations and calls through code pointers, instruction
// writes, cache maintenance, IPI handlers, a membarrier prelude, irq control.
#include "test_c_support.hpp"

using namespace xmcheck::litmus;
using namespace xmcheck::litmus::test;
using xmcheck::diag::SourcePos;

namespace {

// The JIT publish idiom of issue 4 with a `membarrier` prelude written in C.
const char* const kJit = R"(C JIT-publish
"P0 writes a new instruction, flushes, membarrier(SYNC_CORE), publishes; P1 calls it"
{
  code_t f = INSN(1);
  code_t *codeptr = &f;
  int ready = 0;
}

void ipi_sync_core(void)
{
  smp_mb();
  sync_core();
}

void membarrier(int cmd, int flags)
{
  smp_mb();
  if (cmd == MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE)
    smp_call_function(ipi_sync_core, 1);
  else
    smp_call_function(ipi_mb, 1);
  smp_mb();
}

void ipi_mb(void) { smp_mb(); }

P0(code_t *codeptr, int *ready)
{
  WRITE_ONCE(*codeptr, INSN(2));
  flush_icache_range(codeptr, codeptr + 1);
  membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE, 0);
  WRITE_ONCE(*ready, 1);
}

P1(code_t *codeptr, int *ready)
{
  int r0;
  int r1;

  while (READ_ONCE(*ready) != 1)
    ;
  barrier();
  r0 = (*codeptr)();
  r1 = codeptr();
}

exists (1:r0=1 \/ f=INSN_UDF)
)";

}  // namespace

TEST_CASE("C extensions: JIT publish with a membarrier prelude") {
  const LitmusTest t = parse_string(kJit, "jit.litmus");
  CHECK(t.arch == kCDialect);
  CHECK(t.name == "JIT-publish");
  CHECK(!t.doc.empty());
  REQUIRE(t.c_program);
  const c::CProgram& p = *t.c_program;
  REQUIRE(p.init.size() == 3);
  CHECK(to_string(*p.init[0].entry.value) == "INSN(1)");
  CHECK(p.init[1].type->to_string() == "code_t *");
  CHECK(p.init[1].entry.value->symbol == "f");
  REQUIRE(p.functions.size() == 3);
  CHECK(p.functions[1].name == "membarrier");
  CHECK(p.functions[1].params.size() == 2);
  const c::Stmt& dispatch = p.functions[1].body.children.at(1);
  CHECK(dispatch.kind == c::Stmt::Kind::If);
  CHECK(c::to_string(*dispatch.then_branch().expr) == "smp_call_function(ipi_sync_core, 1)");
  CHECK(dispatch.then_branch().expr->arg(0).is_ident("ipi_sync_core"));

  REQUIRE(p.threads.size() == 2);
  const auto& w = p.threads[0].body.children;
  REQUIRE(w.size() == 4);
  CHECK(w[0].expr->callee_name() == "WRITE_ONCE");
  CHECK(w[0].expr->arg(1).callee_name() == "INSN");
  CHECK(w[0].expr->arg(1).arg(0).value == 2);
  CHECK(c::to_string(*w[1].expr) == "flush_icache_range(codeptr, codeptr + 1)");
  CHECK(w[2].expr->callee_name() == "membarrier");
  CHECK(w[2].expr->span.begin == SourcePos{31, 3});

  const auto& r = p.threads[1].body.children;
  REQUIRE(r.size() == 6);
  CHECK(r[2].kind == c::Stmt::Kind::While);
  CHECK(c::to_string(*r[2].expr) == "READ_ONCE(*ready) != 1");
  CHECK(r[2].loop_body().kind == c::Stmt::Kind::Empty);
  CHECK(r[3].expr->callee_name() == "barrier");
  const c::Expr& indirect = r[4].expr->operands[1];
  CHECK(indirect.kind == c::Expr::Kind::Call);
  CHECK(indirect.callee_name().empty());
  CHECK(c::to_string(indirect.callee()) == "*codeptr");
  CHECK(indirect.arg_count() == 0);
  const c::Expr& direct = r[5].expr->operands[1];
  CHECK(direct.callee_name() == "codeptr");  // the checker decides it is a code pointer
  CHECK(to_string(t.condition) == "exists (1:r0=1 \\/ [f]=INSN_UDF)");
}

TEST_CASE("C extensions: IPIs, interrupts, modes and arch intrinsics are ordinary calls") {
  const LitmusTest t = parse_c(R"(
void handler(void)
{
  WRITE_ONCE(*flag, 1);
}

P0(int *x, int *flag)
{
  int r0;

  local_irq_disable();
  WRITE_ONCE(*x, 1);
  smp_call_function_single(1, handler, 1);
  r0 = READ_ONCE(*flag);
  local_irq_enable();
  kick_all_cpus_sync();
  __builtin___clear_cache(x, x + 4);
  isb(); dsb(ish); dc_cvau(x); ic_ivau(x); serialize(); cpuid();
  syscall_entry(); sysret(); switch_mm(next); idle();
}
)",
                               "int x; int flag;");
  REQUIRE(t.c_program);
  const auto& body = t.c_program->threads[0].body.children;
  REQUIRE(body.size() == 18);
  CHECK(body[1].expr->callee_name() == "local_irq_disable");
  CHECK(body[3].expr->callee_name() == "smp_call_function_single");
  CHECK(body[3].expr->arg(1).is_ident("handler"));
  CHECK(t.c_program->find_function("handler") != nullptr);
  CHECK(body[7].expr->callee_name() == "__builtin___clear_cache");
  CHECK(body[9].expr->arg(0).is_ident("ish"));
  CHECK(body[17].expr->callee_name() == "idle");
  CHECK(body[17].span.begin.line == 21);
}

TEST_CASE("C extensions: the membarrier litmus of issue 4") {
  const LitmusTest t = parse_c(R"(
P0(int *a, int *b)
{
  WRITE_ONCE(*a, 1);
  membarrier();
  WRITE_ONCE(*b, 1);
}

P1(int *a, int *b)
{
  int r0;

  while (READ_ONCE(*b) != 1) {}
  barrier();
  r0 = READ_ONCE(*a);
  assert(r0 == 1);
}
)");
  REQUIRE(t.c_program);
  REQUIRE(t.c_program->threads.size() == 2);
  const auto& body = t.c_program->threads[1].body.children;
  CHECK(body[1].loop_body().kind == c::Stmt::Kind::Block);
  CHECK(body[1].loop_body().children.empty());
  CHECK(c::to_string(*body[4].expr) == "assert(r0 == 1)");
}
