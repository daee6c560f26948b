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

bool Evaluator::refutes_extensions(const BaseValues& base) {
  if (!state_->m.refutes_extensions) return false;
  struct Mode {  // restored even when the evaluation throws
    State& s;
    explicit Mode(State& st) : s(st) { s.persistent_only = true; }
    ~Mode() { s.persistent_only = false; }
  } mode(*state_);
  return !state_->run(base).consistent;
}

Verdict evaluate(const CompiledModel& model, const BaseValues& base) {
  Evaluator ev(model);
  return ev(base);
}

}  // namespace xmcheck::axioms
