// Positioned errors of the C dialect.
#include "test_c_support.hpp"

using namespace xmcheck;
using namespace xmcheck::litmus;
using namespace xmcheck::litmus::test;

TEST_CASE("C errors: statements and expressions") {
  CHECK(c_error("P0(int *x)\n{\n\tint r0\n\tr0 = READ_ONCE(*x);\n}") ==
        "5:8: expected ';' after declaration, found 'r0'");
  CHECK(c_error("P0(int *x)\n{\n\tWRITE_ONCE(*x, 1)\n}") ==
        "5:19: expected ';' after expression, found '}'");
  CHECK(c_error("P0(int *x)\n{\n\tr0 = f(1 2);\n}") ==
        "5:11: expected ',' or ')' in call arguments, found '2'");
  CHECK(c_error("P0(int *x)\n{\n\t1 = 2;\n}") == "5:2: left operand of '=' is not assignable");
  CHECK(c_error("P0(int *x)\n{\n\telse x = 1;\n}") == "5:2: 'else' without a matching 'if'");
  CHECK(c_error("P0(int *x)\n{\n\tx = @;\n}") == "5:6: unexpected character '@'");
  CHECK(c_error("P0(int *x)\n{\n\tx = 1; /* oops\n}") == "5:9: unterminated comment");
  CHECK(c_error("P0(int *x)\n{\n\tint if = 1;\n}") ==
        "5:6: expected variable name in declaration, found 'if'");
  CHECK(c_error("P0(int *x)\n{\n\tif x) y = 1;\n}") == "5:5: expected '(' after 'if', found 'x'");
  CHECK(c_error("P0(int *x)\n{\n\tdo x = 1; (x);\n}") ==
        "5:12: expected 'while' after the body of 'do', found '('");
  CHECK(c_error("P0(int *x)\n{\n\tr = 09;\n}") == "5:6: invalid integer literal '09'");
  const diag::UserError member = parse_error(c_test("P0(int *x)\n{\n\tx->a = 1;\n}"));
  CHECK(member.kind() == diag::ErrorKind::Unsupported);
  CHECK(std::string(member.what()) == "member access '->' is not supported");
}

TEST_CASE("C errors: types") {
  CHECK(c_error("P0(int *x)\n{\n\tfoo r1;\n}") == "5:2: unknown type 'foo'");
  CHECK(c_error("P0(int *x)\n{\n\tint int r1;\n}") == "5:6: duplicate 'int' in type 'int'");
  CHECK(c_error("P0(int *x)\n{\n\tint atomic_t r1;\n}") ==
        "5:6: unexpected 'atomic_t' in type 'int'");
  CHECK(c_error("P0(foo *x)\n{\n}") == "3:4: expected type, found 'foo'");
  CHECK(c_error("P0(int *x)\n{\n}", " foo x = 1; ") == "2:3: unknown type 'foo'");
}

TEST_CASE("C errors: functions and threads") {
  CHECK(c_error("foo(int *x)\n{\n}") ==
        "3:1: 'foo' is not a thread name (P0, P1, ...); other functions need a return type");
  CHECK(c_error("P0(int *x)\n{\n}\nP0(int *x)\n{\n}") ==
        "6:1: duplicate thread 'P0' (first defined at 3:1)");
  CHECK(c_error("P0(int *x)\n{\n}\nvoid h(void) {}\nvoid h(void) {}") ==
        "7:6: duplicate function 'h' (first defined at 6:6)");
  CHECK(c_error("P0(int *x)\n{\n}\nP2(int *x)\n{\n}") ==
        "6:1: missing thread P1: threads must be numbered P0, P1, ... without gaps");
  CHECK(c_error("P0(int *x, int *x)\n{\n}") == "3:17: duplicate parameter 'x'");
  CHECK(c_error("void f(int x);\nP0(int *x)\n{\n}") ==
        "3:14: function declarations without a body are not supported: define 'f'");
  CHECK(c_error("") == "4:1: expected at least one thread 'P0(...) { ... }', found end of program");
  CHECK(c_error("P0(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\n}") ==
        "7:1: unbalanced '}' outside of any function");
  CHECK(c_error("P0(int *x)\n{\n\tif (1) {\n\tWRITE_ONCE(*x, 1);\n}") ==
        "8:1: expected '}' to close the block opened at 4:1, found end of input");
}

TEST_CASE("C errors: init block, conditions, truncated files") {
  CHECK(c_error("P0(int *x)\n{\n}", " int x = 1 int y; ") ==
        "2:12: expected ';' after init entry, found 'int'");
  CHECK(c_error("P0(int *x)\n{\n}", " code_t f = INSN(x); ") ==
        "2:19: INSN(n) takes an integer: the value the instruction returns");
  CHECK(c_error("P0(int *x)\n{\n}", " code_t f = instr:\"NOP\"; ") ==
        "2:14: 'instr:\"...\"' values are not available in C tests; write INSN(n) or INSN_UDF");
  CHECK(error_at("C T\n{}\nP0(int *x)\n{\n}\nexists (0:r0.a=1)\n") ==
        "6:11: invalid variable name 'r0.a'");
  CHECK(error_at("C T\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, ") == "5:17: expected expression, found end of input");
  CHECK(error_at("C T\n{ x=1;") == "2:7: unexpected end of file in init block");
  CHECK(error_at("C T\n{}\nP0(int *x") == "3:10: expected ',' or ')' in parameter list, found end of input");
}
