// The litmus side of the architecture registry: one ArchSyntax per entry of
// the generated arch_list.inc (cmake/Architectures.cmake), in its order.
#include <array>
#include <string>

#include "arch_syntax.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::litmus {
namespace internal {

#define XMCHECK_ARCH(id) const ArchSyntax& id##_syntax();
#include "xmcheck/arch_list.inc"
#undef XMCHECK_ARCH

namespace {

using SyntaxGetter = const ArchSyntax& (*)();
constexpr std::array kSyntaxes{
#define XMCHECK_ARCH(id) &id##_syntax,
#include "xmcheck/arch_list.inc"
#undef XMCHECK_ARCH
};

struct Registry {
  std::array<ArchNames, kSyntaxes.size()> names{};
  std::string id_list;
  Registry() {
    for (std::size_t i = 0; i < kSyntaxes.size(); ++i) {
      names[i] = kSyntaxes[i]().names();
      id_list += (i == 0 ? "" : ", ") + std::string(names[i].id);
    }
  }
};

const Registry& registry() {
  static const Registry r;  // immutable after construction
  return r;
}

std::size_t index_of(ArchId arch) {
  const auto i = static_cast<std::size_t>(arch);
  XMCHECK_ASSERT(i < kSyntaxes.size(), "architecture id outside the registry");
  return i;
}

}  // namespace

const ArchSyntax& syntax(ArchId arch) { return kSyntaxes[index_of(arch)](); }

Instruction parse_instruction(ArchId arch, const SourceText& src, const std::vector<Token>& tokens) {
  Instruction instr = syntax(arch).parse(src, tokens);
  instr.arch = arch;
  return instr;
}

Instruction parse_instruction(ArchId arch, const SourceText& src, Region region) {
  const std::vector<Token> tokens = tokenize_with(src, region, syntax(arch).extra_punctuation());
  if (tokens.size() < 2) src.fail(region.begin, region.end, "empty instruction");
  Instruction instr = syntax(arch).parse(src, tokens);
  instr.arch = arch;
  return instr;
}

}  // namespace internal

std::span<const ArchNames> architectures() { return internal::registry().names; }

std::optional<ArchId> arch_by_herd_name(std::string_view herd) {
  const auto all = architectures();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].herd == herd) return static_cast<ArchId>(i);
  return std::nullopt;
}

std::optional<ArchId> arch_by_id(std::string_view id) {
  const auto all = architectures();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].id == id) return static_cast<ArchId>(i);
  return std::nullopt;
}

const ArchNames& arch_names(ArchId arch) {
  static constexpr ArchNames kC{"C", "C"};
  if (arch == kCDialect) return kC;
  return internal::registry().names[internal::index_of(arch)];
}

std::string_view arch_id_list() { return internal::registry().id_list; }

}  // namespace xmcheck::litmus
