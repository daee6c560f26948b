#include "xmcheck/frontend/report_herd.hpp"

#include <ostream>
#include <algorithm>
#include <sstream>
#include <utility>

#include "xmcheck/frontend/report_witness.hpp"
#include "xmcheck/frontend/result_text.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::frontend {

using Quantifier = litmus::Condition::Quantifier;

std::string quantifier_kind(Quantifier q) {
  switch (q) {
    case Quantifier::Exists: return "Allowed";
    case Quantifier::NotExists: return "Forbidden";
    case Quantifier::Forall: return "Required";
  }
  return "Allowed";
}

std::string observation_word(std::uint64_t positive, std::uint64_t negative) {
  if (positive == 0) return "Never";
  if (negative == 0) return "Always";
  return "Sometimes";
}

std::string format_state(const checker::TestResult& result, const checker::FinalState& state) {
  XMCHECK_ASSERT(state.values.size() == result.observed.size(),
                 "a final state has one value per observed location");
  std::string line;
  const std::size_t faults = std::min(result.first_fault_observed, state.values.size());
  for (std::size_t i = 0; i < faults; ++i) {
    if (i > 0) line += ' ';
    line += location_text(result.observed[i]) + "=" + value_text(result.observed[i], state.values[i]) + ";";
  }
  // herd appends fault atoms, each after a space: " Fault(P0:L0,...);" / " ~Fault(...);"
  for (std::size_t i = faults; i < state.values.size(); ++i)
    line += " " + value_text(result.observed[i], state.values[i]) + ";";
  return line;
}

std::string format_herd(const checker::TestResult& r, bool with_witnesses) {
  std::ostringstream out;
  out << "Test " << r.name << ' ' << quantifier_kind(r.quantifier) << '\n';
  // An incomplete search must not read as a complete one: its state count is
  // marked, and its Observation line has no verdict word and no counts.
  out << "States " << r.states.size() << (r.unknown() ? " (incomplete)" : "") << '\n';
  for (const auto& state : r.states) {
    out << format_state(r, state) << '\n';
    if (with_witnesses) out << format_witness_lines(state.witness.value_or(checker::Witness{}));
  }
  out << (r.loop_bound_hit ? "Loop " : "") << (r.unknown() ? "Unknown" : r.validated ? "Ok" : "No")
      << '\n';
  out << "Witnesses\n";
  auto [pos, neg] = std::pair{r.positive, r.negative};
  if (r.quantifier == Quantifier::NotExists) std::swap(pos, neg);
  out << "Positive: " << pos << " Negative: " << neg << '\n';
  for (const auto& flag : r.flags) out << "Flag " << flag << '\n';
  // Not herd's: only tests whose IPI waits can hang have these lines.
  for (const auto& d : r.deadlocks)
    out << "Deadlock P" << d.waiter << " waits for P" << d.target << " (" << d.handler << ", interrupts masked)\n";
  out << "Condition " << condition_text(r) << '\n';
  if (r.unknown())
    out << "Observation " << r.name << " Unknown\n";
  else
    out << "Observation " << r.name << ' ' << observation_word(r.positive, r.negative) << ' '
        << r.positive << ' ' << r.negative << '\n';
  out << '\n';
  return out.str();
}

void print_herd(std::ostream& out, const checker::TestResult& result) {
  out << format_herd(result, false);
  out.flush();
}

}  // namespace xmcheck::frontend
