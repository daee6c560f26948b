#pragma once
// Session internals: the SMT context and one evaluator per (model, variants).
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "candidate_search.hpp"
#include "xmcheck/axioms/model.hpp"
#include "xmcheck/checker/session.hpp"

namespace xmcheck::checker {

struct Session::Impl {
  SmtContext smt;

  /// The evaluator of `model` compiled for `variants` and the base sets
  /// `absent` from the test (axioms::compile), compiled on first use.
  axioms::Evaluator& evaluator_for(const axioms::Model& model, const axioms::VariantSet& variants,
                                   const std::vector<std::size_t>& absent) {
    std::string key;
    for (const auto& v : variants.names()) key += v + ",";
    key += "|";
    for (const auto i : absent) key += std::to_string(i) + ",";
    auto k = std::make_pair(&model.impl(), key);
    auto it = evaluators_.find(k);
    if (it == evaluators_.end()) {
      auto compiled = std::make_unique<axioms::CompiledModel>(axioms::compile(model, variants, absent));
      auto judge = std::make_unique<axioms::Evaluator>(*compiled);
      it = evaluators_.emplace(k, Entry{std::move(compiled), std::move(judge)}).first;
    }
    return *it->second.judge;
  }

 private:
  struct Entry {
    std::unique_ptr<axioms::CompiledModel> compiled;
    std::unique_ptr<axioms::Evaluator> judge;
  };
  // Keyed by model identity: a Model shares its implementation for its lifetime,
  // and a session never outlives the models it checks against.
  std::map<std::pair<const axioms::Model::Impl*, std::string>, Entry> evaluators_;
};

}  // namespace xmcheck::checker
