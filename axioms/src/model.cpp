// Model loading entry points and the small value types of model.hpp.
#include "xmcheck/axioms/model.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "ir.hpp"
#include "resolver.hpp"
#include "source_files.hpp"
#include "xmcheck/axioms/base.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::axioms {

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}
}  // namespace

VariantSet::VariantSet(const std::vector<std::string>& names) {
  for (const auto& n : names) enable(n);
}
void VariantSet::enable(const std::string& name) { lower_.insert(lower(name)); }
bool VariantSet::has(const std::string& name) const { return lower_.count(lower(name)) != 0; }
std::vector<std::string> VariantSet::names() const { return {lower_.begin(), lower_.end()}; }

Model::Model(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {
  XMCHECK_ASSERT(impl_ != nullptr, "model without implementation");
}
const std::string& Model::title() const { return impl_->title; }
const std::string& Model::path() const { return impl_->path; }

std::vector<CheckInfo> Model::checks() const {
  std::vector<CheckInfo> out;
  for (const auto& it : impl_->items) {
    if (it.kind != detail::Item::Kind::Check) continue;
    out.push_back(CheckInfo{it.name, (it.negated ? "~" : "") + it.test, it.is_flag});
  }
  return out;
}

std::vector<std::string> Model::variant_names() const {
  std::set<std::string> names;
  for (const auto& c : impl_->conds)
    if (c.kind == detail::Cond::Kind::Name) names.insert(lower(c.name));  // matched case-insensitively
  return {names.begin(), names.end()};
}

Model load_model(const std::string& path, const std::vector<std::string>& search_dirs) {
  auto text = detail::read_text_file(path);
  if (!text) {
    diag::SourceSpan span{std::make_shared<const std::string>(path), {}, {}};
    throw diag::UserError(diag::ErrorKind::Io, span, "cannot read model file");
  }
  return Model(detail::resolve_model(*text, path, search_dirs));
}

Model load_herd_model(const std::string& bell_path, const std::string& cat_path,
                      const std::vector<std::string>& search_dirs) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& path : {bell_path, cat_path}) {
    auto text = detail::read_text_file(path);
    if (!text) {
      diag::SourceSpan span{std::make_shared<const std::string>(path), {}, {}};
      throw diag::UserError(diag::ErrorKind::Io, span, "cannot read model file");
    }
    files.emplace_back(std::move(*text), path);
  }
  return Model(detail::resolve_model_files(files, search_dirs));
}

Model load_model_string(const std::string& text, const std::string& file_name,
                        const std::vector<std::string>& search_dirs) {
  return Model(detail::resolve_model(text, file_name, search_dirs));
}

BaseValues::BaseValues(std::size_t n) : num_events(n) {
  sets.reserve(kBaseCount);
  relations.reserve(kBaseCount);
  for (const auto& entry : kBaseCatalogue) {
    const bool rel = entry.arity == Arity::Relation;
    sets.push_back(rel ? EventSet() : EventSet(n));
    relations.push_back(rel ? Relation(n) : Relation());
  }
}

CompiledModel::CompiledModel(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {
  XMCHECK_ASSERT(impl_ != nullptr, "compiled model without implementation");
}

}  // namespace xmcheck::axioms
