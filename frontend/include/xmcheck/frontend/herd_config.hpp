#pragma once
// A herd7 configuration file (.cfg, such as the kernel's linux-kernel.cfg):
// the lines that say which model files to load and with which variants.
#include <string>
#include <vector>

namespace xmcheck::frontend {

/// The model files of a user's model directory, as its herd configuration
/// names them (`macros`, `bell`, `model`, `variant` lines; drawing options
/// are ignored), as paths inside that directory.
struct HerdModelFiles {
  std::string macros;  ///< the C lowering (herd .def)
  std::string bell;
  std::string model;   ///< the .cat
  std::vector<std::string> variants;
};

/// Reads `dir`/`config_name`; a missing configuration gives the defaults
/// (`default_macros`, `default_model` and the .bell of the model's name).
/// Throws diag::UserError (kind Model, positioned) for a malformed line and
/// (kind Io) for a named file that does not exist.
[[nodiscard]] HerdModelFiles read_herd_config(const std::string& dir, const std::string& config_name,
                                              const std::string& default_macros,
                                              const std::string& default_model);

}  // namespace xmcheck::frontend
