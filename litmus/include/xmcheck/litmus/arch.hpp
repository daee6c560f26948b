#pragma once
// Architectures are plug-ins, registered once in cmake/Architectures.cmake.
// Shared code names none of them: it holds an ArchId and asks the registry
// (litmus syntax here, instruction semantics in the checker).
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace xmcheck::litmus {

/// A registered architecture: its index in the registry (registry order is
/// cmake/Architectures.cmake order). Two ids are not architectures:
/// kCDialect (herd's C dialect, and its arch-neutral code values INSN(n)) and
/// kNoArch (default-constructed; any registry lookup of it is a bug).
enum class ArchId : std::uint8_t {};
inline constexpr ArchId kCDialect{0xFE};
inline constexpr ArchId kNoArch{0xFF};

/// The two spellings of an architecture (docs/design.md, "Architectures"):
/// `id` is the kernel's (`--arch`, lowering files, source folders, verdict
/// tables, JSON `target`), `herd` is herd's litmus header word (JSON
/// `architecture`).
struct ArchNames {
  std::string_view id;    ///< "x86", "arm64"
  std::string_view herd;  ///< "X86_64", "AArch64"
};

/// Every registered architecture, in registry order; index == ArchId.
[[nodiscard]] std::span<const ArchNames> architectures();
[[nodiscard]] std::optional<ArchId> arch_by_herd_name(std::string_view herd);
[[nodiscard]] std::optional<ArchId> arch_by_id(std::string_view id);
/// The names of a registered architecture; kCDialect is {"C", "C"}.
[[nodiscard]] const ArchNames& arch_names(ArchId arch);
/// Every registered architecture's id, comma-separated ("x86, arm64"), for messages.
[[nodiscard]] std::string_view arch_id_list();

}  // namespace xmcheck::litmus
