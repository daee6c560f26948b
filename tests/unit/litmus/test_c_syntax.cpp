// The C dialect: expressions, statements, types, functions and the init block.
#include "test_c_support.hpp"

using namespace xmcheck::litmus;
using namespace xmcheck::litmus::test;
using xmcheck::diag::SourcePos;

TEST_CASE("C expressions: precedence and associativity") {
  CHECK(c_expr("r = a + b * c") == "r = a + (b * c)");
  CHECK(c_expr("r = a - b - c") == "r = (a - b) - c");
  CHECK(c_expr("r = a << 1 | b & c ^ d") == "r = (a << 1) | ((b & c) ^ d)");
  CHECK(c_expr("r = a == 1 && b != 2 || !c") == "r = ((a == 1) && (b != 2)) || (!c)");
  CHECK(c_expr("r = a < b == c >= d") == "r = (a < b) == (c >= d)");
  CHECK(c_expr("r = a % 3 / 2") == "r = (a % 3) / 2");
  CHECK(c_expr("r = c ? a : b ? 1 : 2") == "r = c ? a : (b ? 1 : 2)");
  CHECK(c_expr("a = b = 3") == "a = (b = 3)");
  CHECK(c_expr("r += ~x >> 2") == "r += (~x) >> 2");
  CHECK(c_expr("r <<= 1") == "r <<= 1");
  CHECK(c_expr("r = -x + -1") == "r = (-x) + (-1)");
}

TEST_CASE("C expressions: calls, pointers, casts, subscripts, increments") {
  CHECK(c_expr("r0 = READ_ONCE(*x)") == "r0 = READ_ONCE(*x)");
  CHECK(c_expr("WRITE_ONCE(*x, 1)") == "WRITE_ONCE(*x, 1)");
  CHECK(c_expr("smp_mb()") == "smp_mb()");
  CHECK(c_expr("r = (*f)()") == "r = (*f)()");
  CHECK(c_expr("r = f()") == "r = f()");
  CHECK(c_expr("r = (int **)READ_ONCE(*y)") == "r = (int **)READ_ONCE(*y)");
  CHECK(c_expr("(void)xchg(x, 1)") == "(void)xchg(x, 1)");
  CHECK(c_expr("r = a[i + 1]") == "r = a[i + 1]");
  CHECK(c_expr("i++") == "i++");
  CHECK(c_expr("--i") == "--i");
  CHECK(c_expr("*p = &x") == "*p = &x");
  CHECK(c_expr("r = *(y + 1)") == "r = *(y + 1)");
  CHECK(c_expr("puts(\"a\" \"b\")") == "puts(\"ab\")");
  CHECK(c_expr("r = 0x10UL + 010") == "r = 16 + 8");

  const auto body = c_body("r = (*codeptr)(1, 2);");
  const c::Expr& assign = *body[0].expr;
  CHECK(assign.kind == c::Expr::Kind::Assign);
  CHECK(!assign.compound);
  const c::Expr& call = assign.operands[1];
  CHECK(call.kind == c::Expr::Kind::Call);
  CHECK(call.callee_name().empty());
  CHECK(call.callee().kind == c::Expr::Kind::Unary);
  CHECK(call.callee().unary_op == c::UnaryOp::Deref);
  CHECK(call.callee().operands[0].is_ident("codeptr"));
  REQUIRE(call.arg_count() == 2);
  CHECK(call.arg(1).value == 2);
  CHECK(call.span.begin == SourcePos{5, 5});
  CHECK(call.span.end == SourcePos{5, 21});
  CHECK(call.callee().span.begin == SourcePos{5, 6});
}

TEST_CASE("C statements: declarations, if/else, loops, jumps") {
  const auto body = c_body(
      "int r0 = READ_ONCE(*x), *r1, r2[2];\n"
      "if (r0 == 1) { WRITE_ONCE(*y, 1); } else if (r0) r2[0] = 1; else ;\n"
      "while (READ_ONCE(*y) != 1);\n"
      "do { r0++; } while (r0 < 3);\n"
      "for (int i = 0; i < 2; i++) { if (i) break; continue; }\n"
      "for (;;) return;\n"
      "return r0;");
  REQUIRE(body.size() == 7);
  const c::Stmt& decl = body[0];
  CHECK(decl.kind == c::Stmt::Kind::Decl);
  REQUIRE(decl.decls.size() == 3);
  CHECK(decl.decls[0].type.to_string() == "int");
  CHECK(decl.decls[0].name == "r0");
  CHECK(c::to_string(*decl.decls[0].init) == "READ_ONCE(*x)");
  CHECK(decl.decls[1].type.to_string() == "int *");
  CHECK(!decl.decls[1].init);
  CHECK(decl.decls[2].type.array_size == 2u);
  CHECK(decl.decls[1].name_span.begin == SourcePos{5, 26});

  const c::Stmt& ifs = body[1];
  CHECK(ifs.kind == c::Stmt::Kind::If);
  CHECK(c::to_string(*ifs.expr) == "r0 == 1");
  CHECK(ifs.then_branch().kind == c::Stmt::Kind::Block);
  const c::Stmt* else_if = ifs.else_branch();
  REQUIRE(else_if != nullptr);
  CHECK(else_if->kind == c::Stmt::Kind::If);
  const c::Stmt* last = else_if->else_branch();
  REQUIRE(last != nullptr);
  CHECK(last->kind == c::Stmt::Kind::Empty);

  CHECK(body[2].kind == c::Stmt::Kind::While);
  CHECK(body[2].loop_body().kind == c::Stmt::Kind::Empty);
  CHECK(body[3].kind == c::Stmt::Kind::DoWhile);
  CHECK(c::to_string(*body[3].expr) == "r0 < 3");
  const c::Stmt& loop = body[4];
  CHECK(loop.kind == c::Stmt::Kind::For);
  CHECK(loop.for_init().kind == c::Stmt::Kind::Decl);
  CHECK(c::to_string(*loop.expr) == "i < 2");
  CHECK(c::to_string(*loop.step) == "i++");
  CHECK(loop.loop_body().children[0].then_branch().kind == c::Stmt::Kind::Break);
  CHECK(loop.loop_body().children[1].kind == c::Stmt::Kind::Continue);
  CHECK(body[5].for_init().kind == c::Stmt::Kind::Empty);
  CHECK(!body[5].expr);
  CHECK(!body[5].step);
  CHECK(body[5].loop_body().kind == c::Stmt::Kind::Return);
  CHECK(!body[5].loop_body().expr);
  CHECK(body[6].kind == c::Stmt::Kind::Return);
  CHECK(body[6].expr->is_ident("r0"));
  CHECK(body[6].span.begin == SourcePos{11, 1});
}

TEST_CASE("C types") {
  const auto body = c_body(
      "const volatile unsigned long **a; atomic_t v; spinlock_t *s; code_t *f;\n"
      "struct srcu_struct *ss; _Atomic int ai; int * const cp;");
  REQUIRE(body.size() == 7);
  const c::Type& a = body[0].decls[0].type;
  CHECK(a.base == "unsigned long");
  CHECK(a.pointer_depth == 2);
  CHECK(a.is_const);
  CHECK(a.is_volatile);
  CHECK(a.to_string() == "const volatile unsigned long **");
  CHECK(body[1].decls[0].type.base == "atomic_t");
  CHECK(body[2].decls[0].type.to_string() == "spinlock_t *");
  CHECK(body[3].decls[0].type.to_string() == "code_t *");
  CHECK(body[4].decls[0].type.base == "struct srcu_struct");
  CHECK(body[5].decls[0].type.is_atomic);
  CHECK(body[6].decls[0].type.to_string() == "int *");
}

TEST_CASE("C functions: threads in proc order, helpers, parameters, comments") {
  const LitmusTest t = parse_c(
      "void ipi_handler(void) { smp_mb(); } // handler\n"
      "P1(int *x) /* reader */ { int r0; r0 = READ_ONCE(*x); }\n"
      "(* herd comment between functions *)\n"
      "void P0(int *x, spinlock_t *lock) { WRITE_ONCE(*x, 1); }\n"
      "static inline int helper(int a, int **b) { return a; }\n");
  REQUIRE(t.c_program);
  const c::CProgram& p = *t.c_program;
  REQUIRE(p.threads.size() == 2);
  CHECK(p.threads[0].name == "P0");
  CHECK(p.threads[0].proc == 0);
  CHECK(p.threads[0].return_type->base == "void");
  REQUIRE(p.threads[0].params.size() == 2);
  CHECK(p.threads[0].params[1].type.to_string() == "spinlock_t *");
  CHECK(p.threads[0].params[1].name == "lock");
  CHECK(p.threads[1].name == "P1");
  CHECK(!p.threads[1].return_type);
  CHECK(p.threads[1].name_span.begin == SourcePos{4, 1});
  REQUIRE(p.functions.size() == 2);
  CHECK(p.functions[0].name == "ipi_handler");
  CHECK(p.functions[0].proc == -1);
  CHECK(p.functions[0].params.empty());
  CHECK(p.find_function("helper") == &p.functions[1]);
  CHECK(p.find_function("P0") == nullptr);
  CHECK(p.functions[1].return_type->base == "int");
  CHECK(p.functions[1].params[1].type.pointer_depth == 2);
  CHECK(p.functions[1].body.kind == c::Stmt::Kind::Block);
  CHECK(p.functions[1].span.begin == SourcePos{7, 1});
  CHECK(t.threads.empty());
}

TEST_CASE("C init block: herd's forms and code values") {
  const LitmusTest t = parse_c(
      "P0(int *x) { }",
      " x = 1; int y = -2; int *p = &y; q=y; atomic_t v = ATOMIC_INIT(3); spinlock_t s;\n"
      " 0:r0 = 1; code_t f = INSN(7); code_t g = INSN_UDF; code_t *fp = &f; int t[2] = {1, 2};\n"
      " int **pp; (* comment *) // other comment\n");
  REQUIRE(t.c_program);
  const auto& init = t.c_program->init;
  REQUIRE(init.size() == 12);
  REQUIRE(t.init.size() == 12);
  CHECK(!init[0].type);
  CHECK(init[0].entry.loc.symbol == "x");
  CHECK(init[0].entry.value->num == 1);
  CHECK(init[1].type->base == "int");
  CHECK(init[1].entry.type == "int");
  CHECK(init[1].entry.value->num == -2);
  CHECK(init[2].entry.type == "int *");
  CHECK(init[2].entry.value->kind == Value::Kind::Address);
  CHECK(init[2].entry.value->symbol == "y");
  CHECK(init[3].entry.value->kind == Value::Kind::Address);
  CHECK(init[4].entry.value->num == 3);
  CHECK(init[4].entry.type == "atomic_t");
  CHECK(!init[5].entry.value);
  CHECK(init[6].entry.loc.kind == Location::Kind::Register);
  CHECK(init[6].entry.loc.thread == 0);
  CHECK(init[6].entry.loc.reg == "r0");
  const Value& insn = *init[7].entry.value;
  CHECK(insn.kind == Value::Kind::Instr);
  CHECK(insn.instr->arch == kCDialect);
  CHECK(insn.instr->mnemonic == "INSN");
  CHECK(insn.instr->operands.at(0).imm == 7);
  CHECK(to_string(insn) == "INSN(7)");
  CHECK(init[7].type->base == "code_t");
  CHECK(to_string(*init[8].entry.value) == "INSN_UDF");
  CHECK(init[8].entry.value->instr->operands.empty());
  CHECK(init[9].entry.type == "code_t *");
  CHECK(init[10].entry.array_size == 2u);
  CHECK(init[10].type->array_size == 2u);
  CHECK(init[10].entry.array_values.at(1).num == 2);
  CHECK(init[11].type->pointer_depth == 2);
  CHECK(t.init[7].value->instr->mnemonic == "INSN");
  CHECK(init[1].entry.span.begin == SourcePos{2, 10});
}

TEST_CASE("C conditions: locals, shared variables, addresses, code values") {
  const LitmusTest t = parse_string(
      "C T\n{}\nP0(int *x) { }\nlocations [0:r1; x]\nfilter (0:r1=1)\n"
      "exists (0:r0=1 /\\ ~x=2 /\\ 1:p=x /\\ f=INSN(2) /\\ g=INSN_UDF)\n",
      "t.litmus");
  CHECK(to_string(t.condition) ==
        "exists (0:r0=1 /\\ not ([x]=2) /\\ 1:p=x /\\ [f]=INSN(2) /\\ [g]=INSN_UDF)");
  REQUIRE(t.locations.size() == 2);
  CHECK(t.locations[0].kind == Location::Kind::Register);
  CHECK(t.locations[0].reg == "r1");
  CHECK(t.filter.has_value());
  CHECK(to_string(parse_string("C T\n{}\nP0(int *x) { }\n~exists (x=1)\n", "t.litmus").condition) ==
        "~exists ([x]=1)");
  CHECK(to_string(parse_string("C T\n{}\nP0(int *x) { }\nforall (0:r0=0 \\/ x=1)\n", "t.litmus")
                      .condition) == "forall (0:r0=0 \\/ [x]=1)");
  CHECK(to_string(parse_string("C T\n{}\nP0(int *x) { }\n", "t.litmus").condition) ==
        "forall (true)");
}

TEST_CASE("C: named code values NOP, branch and call") {
  const LitmusTest t = parse_string(
      "C T\n{ code_t a = INSN_NOP; code_t b = INSN_BRANCH(3); code_t c = INSN_CALL(4); }\n"
      "P0(code_t *a) { }\nexists (a=INSN_BRANCH(3) /\\ b=INSN_NOP)\n",
      "t.litmus");
  REQUIRE(t.init.size() == 3);
  CHECK(t.init[0].value->instr->mnemonic == "INSN_NOP");
  CHECK(t.init[0].value->instr->operands.empty());
  CHECK(to_string(*t.init[1].value) == "INSN_BRANCH(3)");
  CHECK(t.init[2].value->instr->operands.at(0).imm == 4);
  CHECK(to_string(t.condition) == "exists ([a]=INSN_BRANCH(3) /\\ [b]=INSN_NOP)");
  // A name that takes an integer needs it.
  std::string message;
  try {
    (void)parse_string("C T\n{ code_t a = INSN_BRANCH; }\nP0(code_t *a) { }\n", "t.litmus");
  } catch (const xmcheck::diag::UserError& e) {
    message = e.what();
  }
  CHECK(message.find("INSN_BRANCH takes an integer") != std::string::npos);
}

TEST_CASE("C: AArch64 and X86_64 are unaffected") {
  const LitmusTest a = parse_string("AArch64 T\n{}\n P0 ;\n NOP ;\nexists (0:X0=0)\n", "t.litmus");
  CHECK(a.arch == *arch_by_id("arm64"));
  CHECK(a.c_program == nullptr);
  CHECK(a.threads.size() == 1);
}
