// Spinlocks of the C dialect (the LOCK, TRYLOCK and ISLOCKED templates that
// a herd .def's __lock, __trylock and __islocked lower to): the events each
// path makes and the values the primitives return. The expectations are
// herd7's C semantics (herd/CSem.ml): spin_lock is a lock-read then a
// lock-write; spin_trylock either takes the lock (result 1) or makes one
// failed-attempt event (result 0); spin_is_locked makes one event, locked
// (1) or unlocked (0). What the lock events mean is the model's (lock.cat).
#include <set>
#include <string>

#include "base_bits.hpp"
#include "c_unfold_support.hpp"
#include "xmcheck/checker/lowering.hpp"

namespace {

using namespace cktest;

constexpr SetMask kLkr = base_bit("LKR");
constexpr SetMask kLkw = base_bit("LKW");
constexpr SetMask kLf = base_bit("LF");
constexpr SetMask kRl = base_bit("RL");
constexpr SetMask kRu = base_bit("RU");
constexpr SetMask kUl = base_bit("UL");

const LoweringTable& lock_table() {
  static const LoweringTable t = parse_lowering(
      "spin_lock(X) = LOCK(X) [LKR] [LKW]\n"
      "spin_unlock(X) = MARK(X) [UL]\n"
      "spin_trylock(X) = TRYLOCK(X) [LKR] [LKW] [LF]\n"
      "spin_is_locked(X) = ISLOCKED(X) [RL] [RU]\n"
      "WRITE_ONCE(*X, V) = W(X, V)\n"
      "arch lkmm\n"
      "rmw-program-order\n",
      "locks.lower");
  return t;
}

using Unfolded = UnfoldedC;

Unfolded unfold_c(const char* text) { return unfold_c_with(text, lock_table(), "lkmm"); }

/// The final value of thread 0's local r0.
std::string r0_of(const Unfolded& x, const Trace& t) {
  const int slot = x.c.prog.c_locals.at(0).at("r0");
  return std::to_string(t.final_regs.at(static_cast<std::size_t>(slot)).v);
}

/// Each event of a trace as a letter: A lock-read, L lock-write, U unlock,
/// F failed trylock, + locked, - unlocked, W other write, ? anything else.
std::string lock_shape(const Trace& t) {
  std::string s;
  for (const auto& e : t.events) {
    if ((e.sets & kLkr).any()) s += 'A';
    else if ((e.sets & kLkw).any()) s += e.kind == EventKind::Write ? 'L' : '?';
    else if ((e.sets & kUl).any()) s += 'U';
    else if ((e.sets & kLf).any()) s += 'F';
    else if ((e.sets & kRl).any()) s += '+';
    else if ((e.sets & kRu).any()) s += '-';
    else if (e.kind == EventKind::Write) s += 'W';
    else s += '?';
  }
  return s;
}

}  // namespace

TEST_CASE("spinlocks: spin_lock is a lock-read then a lock-write of the lock, in program order") {
  const Unfolded x = unfold_c(R"(C lock
{ }
P0(spinlock_t *s, int *x) { spin_lock(s); WRITE_ONCE(*x, 1); spin_unlock(s); }
exists (x=1)
)");
  REQUIRE(x.u.traces[0].size() == 1);
  const Trace& t = x.u.traces[0][0];
  CHECK(lock_shape(t) == "ALWU");
  const int s = loc_id(x.c.prog, "s");
  CHECK(t.events[0].loc == s);
  CHECK(t.events[0].kind != EventKind::Read);  // lock.cat gives it its rf, not the checker
  CHECK(t.events[1].loc == s);
  CHECK(t.events[3].loc == s);                 // the unlock is on the lock too (lock.cat's po-loc)
  CHECK(t.events[3].kind != EventKind::Write); // and enters co only through lock.cat's critical
  CHECK(t.events[0].instance < t.events[1].instance);
}

TEST_CASE("spinlocks: spin_trylock takes the lock (1) or fails with one event (0)") {
  const Unfolded x = unfold_c(R"(C trylock
{ }
P0(spinlock_t *s, int *x) { int r0; r0 = spin_trylock(s); if (r0) WRITE_ONCE(*x, 1); }
exists (0:r0=1)
)");
  std::set<std::string> paths;
  for (const auto& t : x.u.traces[0]) paths.insert(lock_shape(t) + "=" + r0_of(x, t));
  CHECK(paths == std::set<std::string>{"ALW=1", "F=0"});
}

TEST_CASE("spinlocks: spin_is_locked answers 1 with a locked event, 0 with an unlocked one") {
  const Unfolded x = unfold_c(R"(C islocked
{ }
P0(spinlock_t *s) { int r0; r0 = spin_is_locked(s); }
exists (0:r0=1)
)");
  std::set<std::string> paths;
  for (const auto& t : x.u.traces[0]) paths.insert(lock_shape(t) + "=" + r0_of(x, t));
  CHECK(paths == std::set<std::string>{"+=1", "-=0"});
}
