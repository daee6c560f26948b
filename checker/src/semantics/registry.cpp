// The checker side of the architecture registry: one ArchSemantics per entry
// of the generated arch_list.inc (cmake/Architectures.cmake), in its order,
// which is also the litmus registry's order.
#include <array>

#include "arch_semantics.hpp"
#include "xmcheck/checker/targets.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {

#define XMCHECK_ARCH(id) const ArchSemantics& id##_semantics();
#include "xmcheck/arch_list.inc"
#undef XMCHECK_ARCH

namespace {

using SemanticsGetter = const ArchSemantics& (*)();
constexpr std::array kSemantics{
#define XMCHECK_ARCH(id) &id##_semantics,
#include "xmcheck/arch_list.inc"
#undef XMCHECK_ARCH
};

}  // namespace

const ArchSemantics& semantics(litmus::ArchId arch) {
  const auto i = static_cast<std::size_t>(arch);
  XMCHECK_ASSERT(i < kSemantics.size(), "architecture id outside the registry");
  const ArchSemantics& s = kSemantics[i]();
  XMCHECK_ASSERT(s.id() == litmus::arch_names(arch).id, "litmus and checker registries disagree");
  return s;
}

std::string default_model_name(litmus::ArchId arch) {
  if (arch == litmus::kCDialect) return "";  // C tests are judged by their target's model
  return std::string(semantics(arch).default_model());
}

std::string user_model_option(litmus::ArchId arch) {
  if (arch == litmus::kCDialect) return "";
  return std::string(semantics(arch).user_model_option());
}

std::string herd_config_file(litmus::ArchId arch) {
  if (arch == litmus::kCDialect) return "";
  return std::string(semantics(arch).herd_config_file());
}

std::string user_lowering_file(litmus::ArchId arch) {
  if (arch == litmus::kCDialect) return "";
  return std::string(semantics(arch).lowering_file());
}

}  // namespace xmcheck::checker
