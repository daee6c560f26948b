#include "xmcheck/frontend/list_base.hpp"

#include <nlohmann/json.hpp>

#include "xmcheck/axioms/base.hpp"

namespace xmcheck::frontend {
namespace {

std::string kind_text(const axioms::BaseEntry& e) { return e.arity == axioms::Arity::Set ? "set" : "relation"; }

std::string arch_text(const axioms::BaseEntry& e) { return e.arch.empty() ? "all" : std::string(e.arch); }

std::string class_text(axioms::EventClass c) {
  switch (c) {
    case axioms::EventClass::Other: return "";
    case axioms::EventClass::Fence: return "fence";
    case axioms::EventClass::CacheMaintenance: return "cache maintenance";
    case axioms::EventClass::ContextSync: return "context synchronization";
  }
  return "";
}

// A `|` inside a cell would end it.
std::string cell(std::string_view text) {
  std::string out;
  for (const char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

}  // namespace

std::string base_catalogue_markdown() {
  std::string out = "| Name | Kind | Architecture | Meaning |\n|---|---|---|---|\n";
  for (const auto& e : axioms::kBaseCatalogue)
    out += "| `" + std::string(e.name) + "` | " + kind_text(e) + " | " + arch_text(e) + " | " +
           cell(e.meaning) + " |\n";
  return out;
}

std::string base_catalogue_json() {
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const auto& e : axioms::kBaseCatalogue)
    all.push_back({{"name", e.name},
                   {"kind", kind_text(e)},
                   {"architecture", arch_text(e)},
                   {"class", class_text(e.event_class)},
                   {"meaning", e.meaning}});
  return all.dump(2) + "\n";
}

}  // namespace xmcheck::frontend
