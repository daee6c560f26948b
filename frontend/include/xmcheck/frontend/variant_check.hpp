#pragma once
// --variant names are checked against the models a run may use, so that a
// misspelt variant is a usage error instead of being silently ignored.
#include <string>
#include <vector>

namespace xmcheck::frontend {

/// A model (its file name, for messages) and the variant names it tests.
struct ModelVariants {
  std::string model;
  std::vector<std::string> variants;  ///< lower-case
};

/// Throws diag::UserError (Usage, reported as "--variant: error: ...") naming
/// the first of `requested` (case-insensitive) that no model of `models`
/// tests and that is not in `builtin`; the message lists what each model
/// knows. A variant only some models know is accepted: the others ignore it
/// (a C test checked for several architectures, a run over several).
void check_variant_names(const std::vector<std::string>& requested, const std::vector<ModelVariants>& models,
                         const std::vector<std::string>& builtin);

}  // namespace xmcheck::frontend
