#pragma once
// What the frontend needs to know of the registered architectures beyond
// their names (xmcheck/litmus/arch.hpp): the model each ships.
#include <string>

#include "xmcheck/litmus/arch.hpp"

namespace xmcheck::checker {

/// The model used for `arch` when none is given ("aarch64.cat"), a file of
/// the architecture's model folder axioms/<id>/; "" for kCDialect.
[[nodiscard]] std::string default_model_name(litmus::ArchId arch);

/// For a target whose model files are the user's (the LKMM of a kernel
/// tree): the option that names their directory ("lkmm" for --lkmm DIR);
/// "" for the architectures, whose files ship in axioms/<id>/.
[[nodiscard]] std::string user_model_option(litmus::ArchId arch);
/// The herd configuration file read in that directory ("linux-kernel.cfg").
[[nodiscard]] std::string herd_config_file(litmus::ArchId arch);
/// The lowering file such a target reads from that directory when the
/// configuration does not name one ("linux-kernel.def").
[[nodiscard]] std::string user_lowering_file(litmus::ArchId arch);

}  // namespace xmcheck::checker
