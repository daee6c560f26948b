#pragma once
// What the frontend needs to know of the registered architectures beyond
// their names (xmcheck/litmus/arch.hpp): the model each ships.
#include <string>

#include "xmcheck/litmus/arch.hpp"

namespace xmcheck::checker {

/// The model used for `arch` when none is given ("aarch64.cat"), a file of
/// the architecture's model folder axioms/<id>/; "" for kCDialect.
[[nodiscard]] std::string default_model_name(litmus::ArchId arch);

}  // namespace xmcheck::checker
