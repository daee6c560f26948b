#include "xmcheck/frontend/variant_check.hpp"

#include <algorithm>
#include <cctype>
#include <memory>

#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::frontend {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string listing(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}

}  // namespace

void check_variant_names(const std::vector<std::string>& requested, const std::vector<ModelVariants>& models,
                         const std::vector<std::string>& builtin) {
  for (const auto& name : requested) {
    const std::string key = lower(name);
    if (contains(builtin, key)) continue;
    if (std::any_of(models.begin(), models.end(), [&](const ModelVariants& m) { return contains(m.variants, key); }))
      continue;
    // Listed by model name, whatever order the architectures come in.
    std::vector<ModelVariants> sorted = models;
    std::sort(sorted.begin(), sorted.end(),
              [](const ModelVariants& a, const ModelVariants& b) { return a.model < b.model; });
    std::string known;
    for (const auto& m : sorted) known += m.model + ": " + listing(m.variants) + "; ";
    const diag::SourceSpan span{std::make_shared<const std::string>("--variant"), {}, {}};
    throw diag::UserError(diag::ErrorKind::Usage, span,
                          "unknown variant '" + name + "' (" + known + "always accepted: " + listing(builtin) + ")");
  }
}

}  // namespace xmcheck::frontend
