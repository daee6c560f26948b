#include "helpers.hpp"

using namespace axtest;
using xmcheck::diag::ErrorKind;

TEST_CASE("resolver: unknown names") {
  CHECK(load_error("let x = po | foo") == "test.cat:1:14: error: unknown relation 'foo'");
  CHECK(load_error("let x = [foo]") == "test.cat:1:10: error: unknown set 'foo'");
  CHECK(load_error("let x = po\n\nacyclic x ; bar as c") ==
        "test.cat:3:13: error: unknown relation 'bar'");
  CHECK(load_error("let x = g(po)") == "test.cat:1:9: error: unknown function 'g'");
  CHECK(error_of([] { (void)load("acyclic nope"); }).kind() == ErrorKind::Model);
}

TEST_CASE("resolver: type errors are positioned") {
  CHECK(load_error("let x = R | po") ==
        "test.cat:1:13: error: '|' needs operands of the same type, but the left is a set and the right a relation");
  CHECK(load_error("let x = po & W") ==
        "test.cat:1:14: error: '&' needs operands of the same type, but the left is a relation and the right a set");
  CHECK(load_error("let x = po ; R") == "test.cat:1:14: error: ';' needs a relation, but this is a set");
  CHECK(load_error("let x = R+") == "test.cat:1:9: error: '+' needs a relation, but this is a set");
  CHECK(load_error("let x = R^-1") == "test.cat:1:9: error: '^-1' needs a relation, but this is a set");
  CHECK(load_error("let x = [po]") == "test.cat:1:10: error: '[...]' needs a set, but this is a relation");
  CHECK(load_error("let x = po * R") ==
        "test.cat:1:9: error: '*' (cartesian product) needs a set, but this is a relation");
  CHECK(load_error("let x = domain(R)") == "test.cat:1:16: error: 'domain' needs a relation, but this is a set");
  CHECK(load_error("acyclic R as a") == "test.cat:1:9: error: 'acyclic' needs a relation, but this is a set");
  CHECK(load_error("irreflexive W") == "test.cat:1:13: error: 'irreflexive' needs a relation, but this is a set");
  CHECK(load_error("let x = if \"V\" then po else R") ==
        "test.cat:1:29: error: the branches of 'if' have different types: relation and set");
  CHECK(load_error("let x = R | 0") ==
        "test.cat:1:13: error: '|' needs operands of the same type, but the left is a set and the right a relation");
  CHECK(load_error("let x = po | {}") ==
        "test.cat:1:14: error: '|' needs operands of the same type, but the left is a relation and the right a set");
}

TEST_CASE("resolver: functions") {
  CHECK_NOTHROW((void)load("let f(a, b) = a ; b\nlet g x = [x]\nacyclic f(po, rf) | g(R) as c"));
  CHECK(load_error("let f(a, b) = a ; b\nlet x = f(po)") ==
        "test.cat:2:9: error: 'f' takes 2 argument(s), but 1 were given");
  CHECK(load_error("let f(a) = a\nlet x = f") == "test.cat:2:9: error: 'f' is a function; apply it to arguments");
  CHECK(load_error("let x = po(rf)") == "test.cat:1:9: error: 'po' is not a function");
  // Function bodies are typed at each application.
  CHECK(load_error("let f(a) = a ; a\nlet x = f(R)") == "test.cat:1:12: error: ';' needs a relation, but this is a set");
  // Lexical scope: the body sees the definitions before the function, not the caller's.
  CHECK(load_error("let f(a) = a | y\nlet y = po\nlet x = f(rf)") == "test.cat:1:16: error: unknown relation 'y'");
  CHECK(load_error("let x = domain(po, rf)") == "test.cat:1:9: error: 'domain' takes 1 argument, but 2 were given");
}

TEST_CASE("resolver: orient only in with, with needs orient") {
  CHECK(load_error("let x = orient(po, rf)") ==
        "test.cat:1:9: error: 'orient' is only allowed in 'with NAME from orient(PAIRS, FIXED)'");
  const auto e = error_of([] { (void)load("with x from po | rf"); });
  CHECK(e.kind() == ErrorKind::Unsupported);
  CHECK(e.formatted() ==
        "test.cat:1:13: error: unsupported construct 'with ... from' other than orient(PAIRS, FIXED)");
  CHECK(load_error("with x from orient(po)") == "test.cat:1:13: error: 'orient' takes 2 arguments, but 1 were given");
  CHECK(load_error("with x from orient(R, po)") == "test.cat:1:20: error: 'orient' needs a relation, but this is a set");
}

TEST_CASE("resolver: recursive functions and tuples are unsupported") {
  const auto e = error_of([] { (void)load("let rec f(x) = f(x)"); });
  CHECK(e.kind() == ErrorKind::Unsupported);
  CHECK(e.formatted() == "test.cat:1:9: error: unsupported construct 'recursive function'");
  CHECK(error_of([] { (void)load("let x = (po, rf)"); }).kind() == ErrorKind::Unsupported);
}

TEST_CASE("resolver: shadowing base names and redefinitions") {
  CHECK_NOTHROW((void)load("let po = po | rf\nlet po = po ; po\nacyclic po as c"));
  CHECK_NOTHROW((void)load("let R = R | W\nlet id = [R]\nempty id \\ id as e"));
}

TEST_CASE("resolver: checks are listed with names and kinds") {
  const Model m = load("\"T\"\nacyclic po as a\n~empty rf\nflag ~empty co as f\nirreflexive po");
  CHECK(m.title() == "T");
  CHECK(m.path() == "test.cat");
  const auto cs = m.checks();
  REQUIRE(cs.size() == 4);
  CHECK(cs[0].name == "a");
  CHECK(cs[0].kind == "acyclic");
  CHECK_FALSE(cs[0].is_flag);
  CHECK(cs[1].name == "~empty@test.cat:3");
  CHECK(cs[1].kind == "~empty");
  CHECK(cs[2].name == "f");
  CHECK(cs[2].is_flag);
  CHECK(cs[3].name == "irreflexive@test.cat:5");
}

TEST_CASE("resolver: universe takes its type from the context") {
  CHECK_NOTHROW((void)load("let a = _ * W\nlet b = po & _\nlet c = _ & po\nlet d = [_]\nlet e = _ \\ R\n"
                           "acyclic a | b | c | d as x\nempty e as y"));
}

TEST_CASE("resolver: includes") {
  const std::string dir = XMCHECK_AXIOMS_TEST_DATA;
  const Model m = load_model(dir + "/includes_top.cat", {});
  CHECK(m.checks().size() == 2);
  // Search directories are used for in-memory models.
  CHECK_NOTHROW((void)load_model_string("include \"includes_lib.cat\"\nacyclic lib-rel as x", "mem.cat", {dir}));
  auto missing = error_of([] { (void)load("include \"nowhere.cat\""); });
  CHECK(missing.kind() == ErrorKind::Io);
  CHECK(missing.formatted() == "test.cat:1:9: error: cannot find included file 'nowhere.cat'");
  auto cycle = error_of([&] { (void)load_model(dir + "/cycle_a.cat", {}); });
  CHECK(cycle.kind() == ErrorKind::Model);
  CHECK(cycle.formatted().find("cycle_b.cat:1:9: error: include cycle") != std::string::npos);
  auto io = error_of([&] { (void)load_model(dir + "/does-not-exist.cat", {}); });
  CHECK(io.kind() == ErrorKind::Io);
  // Errors inside included files carry that file's name.
  auto inner = error_of([&] { (void)load_model(dir + "/includes_bad.cat", {}); });
  CHECK(inner.formatted().find("bad_lib.cat:2:14: error: unknown relation 'nope'") != std::string::npos);
}

TEST_CASE("resolver: let rec types and errors") {
  CHECK_NOTHROW((void)load("let rec s = W | domain(po ; [s])\nempty s as x"));
  CHECK_NOTHROW((void)load("let rec a = po | b and b = a ; a\nacyclic b as x"));
  CHECK(load_error("let rec a = a | R ; po") == "test.cat:1:17: error: ';' needs a relation, but this is a set");
}
