// IPI counting for the skeleton search (candidate_search.cpp): every
// execution serves each IPI send by one interrupt entry of its target running
// its handler, so per (target CPU, handler) the sends of the chosen traces
// equal the entries (or exceed them, when a hung wait leaves sends unserved).
// A trace's *signature* is, per (target, handler) key, its sends minus its
// entries; traces of one CPU with equal signatures are interchangeable here.
#pragma once

#include <optional>
#include <set>
#include <vector>

#include "deadline.hpp"
#include "unfold.hpp"

namespace xmcheck::checker {

using IpiSignature = std::vector<int>;  ///< per key: sends minus entries

struct IpiSignatures {
  std::size_t keys = 0;
  std::vector<bool> may_hang;                       ///< per key: a hung wait may leave a send unserved
  std::vector<std::vector<IpiSignature>> of_trace;  ///< [proc][trace]
};

/// The signatures of every trace of `u` (`allow_hangs`: the deadlock search,
/// whose hung waits' sends may stay unserved).
IpiSignatures ipi_signatures(const Unfolding& u, bool allow_hangs, const Deadline& deadline);

/// For each CPU, the signatures among `distinct[p]` that some choice of one
/// signature per CPU balances (every key's sum zero). Dynamic programming on
/// the sets of partial sums; nullopt when one grows past a limit (then
/// nothing is known to be unbalanced).
std::optional<std::vector<std::set<IpiSignature>>> balanced_signatures(
    const std::vector<std::set<IpiSignature>>& distinct, const Deadline& deadline);

/// balanced_signatures() of the last question asked: the projected search
/// and the exact-flag searches after it (one session) ask it for the same
/// traces.
class BalanceCache {
 public:
  const std::optional<std::vector<std::set<IpiSignature>>>& kept(const std::vector<std::set<IpiSignature>>& distinct,
                                                                 const Deadline& deadline) {
    if (!valid_ || distinct_ != distinct) {
      valid_ = false;  // stays so if the DP is stopped
      kept_ = balanced_signatures(distinct, deadline);
      distinct_ = distinct;
      valid_ = true;
    }
    return kept_;
  }

 private:
  bool valid_ = false;
  std::vector<std::set<IpiSignature>> distinct_;
  std::optional<std::vector<std::set<IpiSignature>>> kept_;
};

}  // namespace xmcheck::checker
