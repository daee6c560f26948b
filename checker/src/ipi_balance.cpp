#include "ipi_balance.hpp"

#include <algorithm>
#include <map>

namespace xmcheck::checker {
namespace {

IpiSignature plus(IpiSignature a, const IpiSignature& b) {
  for (std::size_t k = 0; k < a.size(); ++k) a[k] += b[k];
  return a;
}

}  // namespace

IpiSignatures ipi_signatures(const Unfolding& u, bool allow_hangs, const Deadline& deadline) {
  IpiSignatures out;
  std::map<std::pair<int, int>, std::size_t> key_index;  // (target, handler) -> key
  const auto key_of = [&](int target, int handler) {
    const auto [it, fresh] = key_index.try_emplace({target, handler}, key_index.size());
    if (fresh) out.may_hang.push_back(false);
    return it->second;
  };
  std::vector<std::vector<std::map<std::size_t, int>>> sparse(u.traces.size());
  for (std::size_t p = 0; p < u.traces.size(); ++p) {
    sparse[p].resize(u.traces[p].size());
    for (std::size_t i = 0; i < u.traces[p].size(); ++i) {
      if (i % 256 == 0) deadline.check();
      const Trace& t = u.traces[p][i];
      for (std::size_t e = 0; e < t.events.size(); ++e) {
        const TraceEvent& ev = t.events[e];
        if (ev.kind == EventKind::IpiSend) {
          const std::size_t k = key_of(ev.target, ev.handler);
          ++sparse[p][i][k];
          const bool hung = std::find(t.hung_sends.begin(), t.hung_sends.end(), static_cast<int>(e)) != t.hung_sends.end();
          if (allow_hangs && hung) out.may_hang[k] = true;
        } else if (ev.kind == EventKind::IrqEntry) {
          --sparse[p][i][key_of(static_cast<int>(p), ev.handler)];
        }
      }
    }
  }
  out.keys = key_index.size();
  out.of_trace.resize(u.traces.size());
  for (std::size_t p = 0; p < sparse.size(); ++p)
    for (const auto& counts : sparse[p]) {
      IpiSignature sig(out.keys, 0);
      for (const auto& [k, n] : counts) sig[k] = n;
      out.of_trace[p].push_back(std::move(sig));
    }
  return out;
}

std::optional<std::vector<std::set<IpiSignature>>> balanced_signatures(
    const std::vector<std::set<IpiSignature>>& distinct, const Deadline& deadline) {
  constexpr std::size_t kMaxSums = 100000;
  const std::size_t n = distinct.size();
  std::size_t keys = 0;
  for (const auto& sigs : distinct)
    if (!sigs.empty()) keys = sigs.begin()->size();
  using Sums = std::set<IpiSignature>;
  std::vector<Sums> suffix(n + 1);  // suffix[p]: the sums of one signature of each CPU p .. n-1
  suffix[n].insert(IpiSignature(keys, 0));
  for (std::size_t p = n; p-- > 0;) {
    deadline.check();
    for (const auto& v : suffix[p + 1])
      for (const auto& sig : distinct[p]) {
        suffix[p].insert(plus(v, sig));
        if (suffix[p].size() > kMaxSums) return std::nullopt;
      }
  }
  std::vector<std::set<IpiSignature>> kept(n);
  Sums prefix{IpiSignature(keys, 0)};  // the sums over CPUs 0 .. p-1, of kept signatures
  for (std::size_t p = 0; p < n; ++p) {
    deadline.check();
    Sums next;
    for (const auto& sig : distinct[p]) {
      const bool balanced = std::any_of(prefix.begin(), prefix.end(), [&](const IpiSignature& v) {
        IpiSignature need = plus(v, sig);
        for (auto& x : need) x = -x;
        return suffix[p + 1].count(need) != 0;
      });
      if (!balanced) continue;
      kept[p].insert(sig);
      for (const auto& v : prefix) next.insert(plus(v, sig));
      if (next.size() > kMaxSums) return std::nullopt;
    }
    if (kept[p].empty()) break;  // no choice balances: the later CPUs keep nothing either
    prefix = std::move(next);
  }
  return kept;
}

}  // namespace xmcheck::checker
