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

bool Evaluator::flag_is_local(std::size_t flag) const { return state_->m.flag_shapes.at(flag).local; }

bool Evaluator::flag_has_members(std::size_t flag) const { return state_->m.flag_shapes.at(flag).members; }

Evaluator::FlagEnds Evaluator::flag_ends(const BaseValues& base, const EventSet& events) {
  State& state = sub_state(base.num_events);
  state.prepare(base);
  const auto meets = [&](const std::vector<std::uint32_t>& conj) {
    EventSet in = events;
    for (auto id : conj) in &= state.set_value(id);
    return !in.empty();
  };
  FlagEnds out;
  out.sides.resize(state.m.num_flags);
  out.anchored.assign(state.m.num_flags, false);
  out.needs.resize(state.m.num_flags);
  for (std::size_t f = 0; f < state.m.num_flags; ++f) {
    const auto& shape = state.m.flag_shapes[f];
    if (!shape.local) continue;
    for (const auto& r : shape.rects) {
      out.sides[f].push_back({meets(r.from), meets(r.to)});
      auto& met = out.needs[f].emplace_back();
      for (auto need : r.needs) met.push_back(meets({need}));
    }
    for (auto a : shape.anchors) out.anchored[f] = out.anchored[f] || meets({a});
  }
  state.base = nullptr;
  return out;
}

bool Evaluator::may_raise_within(const BaseValues& base, const EventSet& events, const std::vector<bool>& wanted) {
  State& state = sub_state(base.num_events);
  for (std::size_t f = 0; f < wanted.size(); ++f)
    XMCHECK_ASSERT(!wanted[f] || state.m.flag_shapes[f].local, "may_raise_within() of a flag that is not local");
  struct Mode {  // restored even when the evaluation throws
    State& s;
    Mode(State& st, const EventSet& ev, const std::vector<bool>& w) : s(st) {
      s.persistent_only = true;
      s.within = &ev;
      s.wanted = &w;
    }
    ~Mode() {
      s.persistent_only = false;
      s.within = nullptr;
      s.wanted = nullptr;
    }
  } mode(state, events, wanted);
  return state.run(base).consistent;
}

Verdict evaluate(const CompiledModel& model, const BaseValues& base) {
  Evaluator ev(model);
  return ev(base);
}

}  // namespace xmcheck::axioms
