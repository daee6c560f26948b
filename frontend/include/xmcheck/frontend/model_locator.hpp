#pragma once
// Where model files are found at run time, and which model a test uses.
//
// The model directory is, in order: --model-path DIR if given; else
// `<dir of the executable>/../share/xmcheck` if it exists (install layout);
// else the source tree's axioms/ directory (XMCHECK_SOURCE_MODEL_DIR, for runs
// from the build tree). A model name is looked up in that directory and in its
// `models/` subdirectory; the same directories serve `include "..."`.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::frontend {

class ModelLocator {
 public:
  /// `model_path` is --model-path ("" = locate automatically).
  explicit ModelLocator(const std::string& model_path);

  /// The chosen model directory (may not exist if nothing was found).
  [[nodiscard]] const std::filesystem::path& model_dir() const { return model_dir_; }

  /// Existing directories searched for model names and includes, in order.
  [[nodiscard]] std::vector<std::string> search_dirs() const;

  /// Resolves --model FILE: an existing path as given, else a name in the
  /// search directories. nullopt when nothing matches.
  [[nodiscard]] std::optional<std::string> resolve(const std::string& model) const;

  /// The default model file name for an architecture ("aarch64.cat"), or ""
  /// when xmcheck has no default model for it.
  [[nodiscard]] static std::string default_model_name(litmus::ArchId arch);

  /// The directory of the running executable (from /proc/self/exe); empty if unknown.
  [[nodiscard]] static std::filesystem::path executable_dir();

 private:
  std::filesystem::path model_dir_;
};

}  // namespace xmcheck::frontend
