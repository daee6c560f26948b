// herd macro files (.def) read as C lowerings: the macros of the kernel's
// linux-kernel.def expanded to herd's internal primitives, tags as event
// sets, lvalue and pointer arguments told apart, and positioned errors.
#include "checker_test_support.hpp"
#include "herd_def_lowering.hpp"

namespace {

using namespace cktest;

std::string lowered(const std::string& def) { return herd_def_to_lowering(def, "t.def", "lkmm"); }

std::string def_error(const std::string& def) {
  try {
    (void)lowered(def);
  } catch (const diag::UserError& e) {
    return e.formatted();
  }
  return "no error";
}

}  // namespace

TEST_CASE("herd .def: one lowering line per macro, at the macro's line") {
  const std::string out = lowered(
      "// comment\n"
      "READ_ONCE(X) __load{ONCE}(X)\n"
      "smp_store_release(X,V) { __store{RELEASE}(*X,V); }\n"
      "smp_rmb() { __fence{rmb}; }\n"
      "rcu_read_lock() { __fence{rcu-lock}; }\n");
  CHECK(out ==
        "\n"
        "READ_ONCE(*X) = R(X) [ONCE]\n"
        "smp_store_release(X, V) = W(X, V) [RELEASE]\n"
        "smp_rmb() = F [Rmb]\n"
        "rcu_read_lock() = F [Rcu-lock]\n"
        "arch lkmm\n"
        "rmw-program-order\n"
        "ctrl-within-branches\n");
}

TEST_CASE("herd .def: atomics take pointers, are in RMW on both events, and return old or new") {
  const std::string out = lowered(
      "xchg_relaxed(X,V) __xchg{ONCE}(X,V)\n"
      "cmpxchg(X,V,W) __cmpxchg{MB}(X,V,W)\n"
      "atomic_inc(X) { __atomic_op{NORETURN}(X,+,1); }\n"
      "atomic_fetch_xor(V,X) __atomic_fetch_op{MB}(X,^,V)\n"
      "atomic_sub_return(V,X) __atomic_op_return{MB}(X,-,V)\n");
  CHECK(out ==
        "xchg_relaxed(X, V) = RMW(X, xchg, V) [ONCE RMW] [ONCE RMW]\n"
        "cmpxchg(X, V, W) = CAS(X, V, W) [MB RMW] [MB RMW]\n"
        "atomic_inc(X) = RMW(X, add, 1) [NORETURN RMW] [NORETURN RMW]\n"
        "atomic_fetch_xor(V, X) = RMW(X, xor, V) [MB RMW] [MB RMW]\n"
        "atomic_sub_return(V, X) = RMW(X, sub, V) [MB RMW] [MB RMW] -> new\n"
        "arch lkmm\n"
        "rmw-program-order\n"
        "ctrl-within-branches\n");
  // The generated text is a lowering the C dialect loads.
  const LoweringTable t = parse_lowering(out, "t.def");
  REQUIRE(t.find("atomic_sub_return").size() == 1);
  CHECK(t.find("atomic_sub_return").front()->result_is_new);
  CHECK(t.find("atomic_fetch_xor").front()->events.front().op == EventTemplate::Op::Xor);
}

TEST_CASE("herd .def: SRCU grace periods and atomic_add_unless") {
  const std::string out = lowered(
      "synchronize_srcu(X)  { __srcu{sync-srcu}(X); }\n"
      "atomic_add_unless(X,V,W) __atomic_add_unless{MB}(X,V,W)\n");
  CHECK(out.find("synchronize_srcu(X) = MARK(X) [Sync-srcu]\n") != std::string::npos);
  CHECK(out.find("atomic_add_unless(X, V, W) = ADD_UNLESS(X, V, W) [MB RMW] [MB RMW]\n") != std::string::npos);
  const LoweringTable t = parse_lowering(out, "t.def");
  CHECK(t.find("atomic_add_unless").front()->events.front().kind == EventTemplate::Kind::AddUnless);
  CHECK(t.find("synchronize_srcu").front()->events.front().args.size() == 1);
}

TEST_CASE("herd .def: macros expand through other macros") {
  const std::string out = lowered(
      "READ_ONCE(X) __load{ONCE}(X)\n"
      "atomic_read(X) READ_ONCE(*X)\n"
      "smp_store_release(X,V) { __store{RELEASE}(*X,V); }\n"
      "atomic_set_release(X,V) { smp_store_release(X,V); }\n");
  CHECK(out.find("atomic_read(X) = R(X) [ONCE]\n") != std::string::npos);
  CHECK(out.find("atomic_set_release(X, V) = W(X, V) [RELEASE]\n") != std::string::npos);
}

TEST_CASE("herd .def: spinlocks become lock.cat's events (herd's CSem: LKR then LKW; LF; RL/RU; UL)") {
  const std::string out = lowered(
      "spin_lock(X) { __lock(X); }\n"
      "spin_unlock(X) { __unlock(X); }\n"
      "spin_trylock(X) __trylock(X)\n"
      "spin_is_locked(X) __islocked(X)\n");
  CHECK(out.find("spin_lock(X) = LOCK(X) [LKR] [LKW]\n") != std::string::npos);
  CHECK(out.find("spin_unlock(X) = MARK(X) [UL]\n") != std::string::npos);
  CHECK(out.find("spin_trylock(X) = TRYLOCK(X) [LKR] [LKW] [LF]\n") != std::string::npos);
  CHECK(out.find("spin_is_locked(X) = ISLOCKED(X) [RL] [RU]\n") != std::string::npos);
  const LoweringTable t = parse_lowering(out, "t.def");
  const EventTemplate& trylock = t.find("spin_trylock").front()->events.front();
  CHECK(trylock.kind == EventTemplate::Kind::TryLock);
  CHECK(trylock.sets == std::vector<std::string>{"LKR"});
  CHECK(trylock.write_sets == std::vector<std::string>{"LKW"});
  CHECK(trylock.fail_sets == std::vector<std::string>{"LF"});
  CHECK(t.find("spin_is_locked").front()->events.front().kind == EventTemplate::Kind::IsLocked);
}

TEST_CASE("herd .def: a comparison of the result becomes the lowering's result test") {
  const std::string out = lowered(
      "atomic_dec_and_test(X)  __atomic_op_return{MB}(X,-,1) == 0\n"
      "atomic_add_negative(V,X) __atomic_op_return{MB}(X,+,V) < 0\n"
      "odd(X) __atomic_op_return{MB}(X,+,1) <= 0\n");
  CHECK(out.find("atomic_dec_and_test(X) = RMW(X, sub, 1) [MB RMW] [MB RMW] -> new == 0\n") != std::string::npos);
  CHECK(out.find("atomic_add_negative(V, X) = RMW(X, add, V) [MB RMW] [MB RMW] -> new < 0\n") != std::string::npos);
  // What has no lowering form is refused, with the reason, at use.
  CHECK(out.find("odd(X) = UNSUPPORTED \"herd's result comparison '<= 0'") != std::string::npos);
  const LoweringTable t = parse_lowering(out, "t.def");
  const LoweringEntry& dec = *t.find("atomic_dec_and_test").front();
  CHECK(dec.result_is_new);
  CHECK(dec.result_test == LoweringEntry::ResultTest::Eq);
  CHECK(dec.result_operand == 0);
  CHECK(t.find("atomic_add_negative").front()->result_test == LoweringEntry::ResultTest::Lt);
}

TEST_CASE("herd .def: malformed macros are positioned errors") {
  CHECK(def_error("\nfoo(X) __frob{ONCE}(X)\n") ==
        "t.def:2:1: error: unknown macro or herd primitive '__frob'");
  CHECK(def_error("foo(X) __load(X)\n") == "t.def:1:1: error: '__load' needs a tag ('__load{TAG}')");
  CHECK(def_error("foo(X) __store{ONCE}(X)\n") == "t.def:1:1: error: '__store' takes 2 arguments, not 1");
  CHECK(def_error("no parameters here\n") == "t.def:1:1: error: expected 'NAME(PARAMS) BODY'");
  CHECK(def_error("a(X) __load{ONCE}(X)\na(Y) __load{ONCE}(Y)\n") == "t.def:2:1: error: macro 'a' is defined twice");
  CHECK(def_error("a(X) a(X)\n") == "t.def:1:1: error: macro 'a' expands too deeply (recursive?)");
}
