#include "condition_codes.hpp"

#include <cstdint>

namespace xmcheck::checker {
namespace {

struct Nzcv {
  bool n = false, z = false, c = false, v = false;
};

}  // namespace

std::optional<bool> holds(const Flags& f, const std::string& cond) {
  const bool ints = !f.set || (f.lhs.kind == Val::Kind::Int && f.rhs.kind == Val::Kind::Int);
  if (cond == "EQ") return f.set && f.lhs == f.rhs;
  if (cond == "NE") return !(f.set && f.lhs == f.rhs);
  if (cond == "AL") return true;
  if (!ints) return std::nullopt;
  Nzcv s;
  if (f.set) {
    const std::int64_t a = f.lhs.v, b = f.rhs.v;
    const std::int64_t r = static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
    s.n = r < 0;
    s.z = r == 0;
    s.c = static_cast<std::uint64_t>(a) >= static_cast<std::uint64_t>(b);
    s.v = ((a < 0) != (b < 0)) && ((r < 0) != (a < 0));
  }
  if (cond == "CS" || cond == "HS") return s.c;
  if (cond == "CC" || cond == "LO") return !s.c;
  if (cond == "MI") return s.n;
  if (cond == "PL") return !s.n;
  if (cond == "VS") return s.v;
  if (cond == "VC") return !s.v;
  if (cond == "HI") return s.c && !s.z;
  if (cond == "LS") return !(s.c && !s.z);
  if (cond == "GE") return s.n == s.v;
  if (cond == "LT") return s.n != s.v;
  if (cond == "GT") return !s.z && s.n == s.v;
  if (cond == "LE") return !(!s.z && s.n == s.v);
  return std::nullopt;
}


}  // namespace xmcheck::checker
