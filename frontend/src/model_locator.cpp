#include "xmcheck/frontend/model_locator.hpp"

#include <system_error>

#include "xmcheck/checker/targets.hpp"
#include "xmcheck/litmus/arch.hpp"

#ifndef XMCHECK_SOURCE_MODEL_DIR
#error "XMCHECK_SOURCE_MODEL_DIR must be defined by frontend/CMakeLists.txt"
#endif

namespace xmcheck::frontend {
namespace fs = std::filesystem;
namespace {

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

fs::path locate_model_dir(const std::string& model_path) {
  if (!model_path.empty()) return fs::path(model_path);
  const fs::path exe_dir = ModelLocator::executable_dir();
  if (!exe_dir.empty()) {
    const fs::path installed = (exe_dir / ".." / "share" / "xmcheck").lexically_normal();
    if (is_dir(installed)) return installed;
  }
  return fs::path(XMCHECK_SOURCE_MODEL_DIR);
}

}  // namespace

ModelLocator::ModelLocator(const std::string& model_path)
    : model_dir_(locate_model_dir(model_path)) {}

std::vector<std::string> ModelLocator::search_dirs() const {
  std::vector<std::string> dirs;
  for (const fs::path& d : {model_dir_, model_dir_ / "models"})
    if (is_dir(d)) dirs.push_back(d.string());
  // Each architecture's folder (axioms/<id>/, share/xmcheck/<id>/), registry order.
  for (const auto& arch : litmus::architectures())
    if (const fs::path d = model_dir_ / arch.id; is_dir(d)) dirs.push_back(d.string());
  return dirs;
}

std::optional<std::string> ModelLocator::resolve(const std::string& model) const {
  if (model.empty()) return std::nullopt;
  if (is_file(model)) return model;
  if (fs::path(model).is_absolute()) return std::nullopt;
  for (const std::string& dir : search_dirs()) {
    const fs::path candidate = fs::path(dir) / model;
    if (is_file(candidate)) return candidate.string();
  }
  return std::nullopt;
}

std::string ModelLocator::default_model_name(litmus::ArchId arch) { return checker::default_model_name(arch); }

fs::path ModelLocator::executable_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe.parent_path();
}

}  // namespace xmcheck::frontend
