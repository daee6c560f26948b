#pragma once
// Compile-time catalogue bits for the base sets the checker fills.
#include <cstdint>
#include <string_view>

#include "xmcheck/axioms/base.hpp"

namespace xmcheck::checker {

/// TraceEvent::sets is a 64-bit mask indexed by catalogue position: every base
/// set must sit in the first 64 entries.
consteval std::size_t count_sets() {
  std::size_t n = 0;
  for (const auto& e : axioms::kBaseCatalogue)
    if (e.arity == axioms::Arity::Set) ++n;
  return n;
}
static_assert(count_sets() <= 64, "more than 64 base sets: widen TraceEvent::sets");

/// Bit of base set `name` in TraceEvent::sets; unknown names fail to compile.
consteval std::uint64_t base_bit(std::string_view name) {
  const auto idx = axioms::find_base(name);
  if (!idx || *idx >= 64 || axioms::kBaseCatalogue[*idx].arity != axioms::Arity::Set)
    throw "not a base set with an index below 64";
  return std::uint64_t{1} << *idx;
}

inline constexpr std::uint64_t kSetR = base_bit("R");
inline constexpr std::uint64_t kSetW = base_bit("W");
inline constexpr std::uint64_t kSetM = base_bit("M");
inline constexpr std::uint64_t kSetIW = base_bit("IW");
inline constexpr std::uint64_t kSetFW = base_bit("FW");
inline constexpr std::uint64_t kSetExp = base_bit("Exp");
inline constexpr std::uint64_t kSetImp = base_bit("Imp");
inline constexpr std::uint64_t kSetInstr = base_bit("Instr");
inline constexpr std::uint64_t kSetIF = base_bit("IF");
inline constexpr std::uint64_t kSetA = base_bit("A");
inline constexpr std::uint64_t kSetQ = base_bit("Q");
inline constexpr std::uint64_t kSetL = base_bit("L");
inline constexpr std::uint64_t kSetF = base_bit("F");
inline constexpr std::uint64_t kSetB = base_bit("B");
inline constexpr std::uint64_t kSetBCC = base_bit("BCC");
inline constexpr std::uint64_t kSetISB = base_bit("ISB");
inline constexpr std::uint64_t kSetExcEntry = base_bit("EXC-ENTRY");
inline constexpr std::uint64_t kSetExcRet = base_bit("EXC-RET");
inline constexpr std::uint64_t kSetSVC = base_bit("SVC");
inline constexpr std::uint64_t kSetFault = base_bit("FAULT");
inline constexpr std::uint64_t kSetUDF = base_bit("UDF");
inline constexpr std::uint64_t kSetCmodxRestricted = base_bit("CMODX-restricted");
inline constexpr std::uint64_t kSetX = base_bit("X");
inline constexpr std::uint64_t kSetMfence = base_bit("MFENCE");
inline constexpr std::uint64_t kSetLfence = base_bit("LFENCE");
inline constexpr std::uint64_t kSetSfence = base_bit("SFENCE");
inline constexpr std::uint64_t kSetCpuid = base_bit("CPUID");
inline constexpr std::uint64_t kSetSerialize = base_bit("SERIALIZE");
inline constexpr std::uint64_t kSetIret = base_bit("IRET");
inline constexpr std::uint64_t kSetMovCr = base_bit("MOV-CR");
inline constexpr std::uint64_t kSetWrmsr = base_bit("WRMSR");
inline constexpr std::uint64_t kSetSysret = base_bit("SYSRET");
inline constexpr std::uint64_t kSetSysexit = base_bit("SYSEXIT");
inline constexpr std::uint64_t kSetIrqEntry = base_bit("IRQ-ENTRY");
inline constexpr std::uint64_t kSetIrqReturn = base_bit("IRQ-RETURN");
inline constexpr std::uint64_t kSetIpi = base_bit("IPI");

/// The set bit for a named barrier or cache operation ("DMB.ISH", "DC.CVAU"), 0 if
/// the catalogue has no such set.
[[nodiscard]] inline std::uint64_t named_set_bit(std::string_view name) {
  const auto idx = axioms::find_base(name);
  if (!idx || *idx >= 64 || axioms::kBaseCatalogue[*idx].arity != axioms::Arity::Set) return 0;
  return std::uint64_t{1} << *idx;
}

}  // namespace xmcheck::checker
