// evaluate(): judges one candidate execution against a compiled model.
// Node values are memoised; each node carries the enumeration level it depends
// on, and choosing a new orientation at level L invalidates (by epoch) only the
// nodes of level >= L. Recursive groups iterate their dependent nodes from
// empty to the least fixpoint. Values live in per-node buffers reused across
// candidates of the same size.
#include "evaluator_state.hpp"

namespace xmcheck::axioms {

Evaluator::Evaluator(const CompiledModel& model) : state_(std::make_unique<State>(model.impl())) {}
Evaluator::~Evaluator() = default;
Evaluator::Evaluator(Evaluator&&) noexcept = default;
Evaluator& Evaluator::operator=(Evaluator&&) noexcept = default;

Verdict Evaluator::operator()(const BaseValues& base) { return state_->run(base); }

const std::vector<std::string>& Evaluator::flag_names() const { return state_->m.flag_names; }

bool Evaluator::can_refute_extensions() const { return state_->m.refutes_extensions; }

Evaluator::State& Evaluator::sub_state(std::size_t events) {
  constexpr std::size_t kKept = 4;  // sizes of the sub-executions of one core search
  for (auto& s : sub_states_)
    if (s->n == events) return *s;
  if (sub_states_.size() < kKept) return *sub_states_.emplace_back(std::make_unique<State>(state_->m));
  State& evicted = *sub_states_[next_evicted_];
  next_evicted_ = (next_evicted_ + 1) % kKept;
  return evicted;
}

bool Evaluator::refutes_extensions(const BaseValues& base) {
  if (!state_->m.refutes_extensions) return false;
  State& state = sub_state(base.num_events);
  struct Mode {  // restored even when the evaluation throws
    State& s;
    explicit Mode(State& st) : s(st) { s.persistent_only = true; }
    ~Mode() { s.persistent_only = false; }
  } mode(state);
  return !state.run(base).consistent;
}

Verdict evaluate(const CompiledModel& model, const BaseValues& base) {
  Evaluator ev(model);
  return ev(base);
}

}  // namespace xmcheck::axioms
