#pragma once
// Shared helpers for the axioms unit tests: hand-built executions and
// one-call model evaluation.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "xmcheck/axioms/base.hpp"
#include "xmcheck/axioms/model.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace axtest {

using namespace xmcheck::axioms;

/// An execution over n events whose base values are set by name.
struct Exec {
  BaseValues base;
  explicit Exec(std::size_t n) : base(n) {}

  Relation& rel(const std::string& name) {
    auto i = find_base(name);
    REQUIRE(i.has_value());
    REQUIRE(kBaseCatalogue[*i].arity == Arity::Relation);
    return base.relations[*i];
  }
  EventSet& set(const std::string& name) {
    auto i = find_base(name);
    REQUIRE(i.has_value());
    REQUIRE(kBaseCatalogue[*i].arity == Arity::Set);
    return base.sets[*i];
  }
  Exec& edge(const std::string& name, std::size_t a, std::size_t b) {
    rel(name).insert(a, b);
    return *this;
  }
  Exec& add(const std::string& name, std::initializer_list<std::size_t> es) {
    for (auto e : es) set(name).insert(e);
    return *this;
  }
};

inline Model load(const std::string& text) { return load_model_string(text, "test.cat", {}); }

inline Verdict run(const std::string& text, const Exec& x, const VariantSet& v = {}) {
  return evaluate(compile(load(text), v), x.base);
}

/// The error a callable throws (fails the test if it throws none).
template <typename F>
xmcheck::diag::UserError error_of(F&& f) {
  try {
    f();
  } catch (const xmcheck::diag::UserError& e) {
    return e;
  }
  FAIL("expected a UserError");
  throw;  // unreachable
}

inline std::string load_error(const std::string& text) {
  return error_of([&] { (void)load(text); }).formatted();
}

}  // namespace axtest
