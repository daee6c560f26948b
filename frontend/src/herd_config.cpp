// Reads the file-naming lines of a herd7 configuration (docs/lkmm.md).
#include "xmcheck/frontend/herd_config.hpp"

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::frontend {
namespace {

namespace fs = std::filesystem;

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

}  // namespace

HerdModelFiles read_herd_config(const std::string& dir, const std::string& config_name,
                                const std::string& default_macros, const std::string& default_model) {
  HerdModelFiles files;
  files.macros = default_macros;
  files.model = default_model;
  files.bell = fs::path(default_model).replace_extension(".bell").string();
  const fs::path config = fs::path(dir) / config_name;
  auto file = std::make_shared<const std::string>(config.string());
  std::ifstream in(config);
  std::uint32_t lineno = 0;
  for (std::string raw; in && std::getline(in, raw);) {
    ++lineno;
    const std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    const auto space = line.find_first_of(" \t");
    const std::string key = line.substr(0, space);
    const std::string value = space == std::string::npos ? "" : trim(line.substr(space));
    if (key != "macros" && key != "bell" && key != "model" && key != "variant") continue;  // drawing options
    if (value.empty())
      throw diag::UserError(diag::ErrorKind::Model, {file, {lineno, 1}, {lineno, 1}},
                            "'" + key + "' needs a value");
    if (key == "macros") files.macros = value;
    else if (key == "bell") files.bell = value;
    else if (key == "model") files.model = value;
    else {
      std::stringstream words(value);
      for (std::string v; std::getline(words, v, ',');)
        if (!trim(v).empty()) files.variants.push_back(trim(v));
    }
  }
  for (std::string* f : {&files.macros, &files.bell, &files.model}) {
    *f = (fs::path(dir) / *f).string();
    if (!fs::is_regular_file(*f))
      throw diag::UserError(diag::ErrorKind::Io, {std::make_shared<const std::string>(*f), {}, {}},
                            "cannot open model file (named by " + config.string() + ")");
  }
  return files;
}

}  // namespace xmcheck::frontend
