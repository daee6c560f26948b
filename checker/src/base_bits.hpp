#pragma once
// Compile-time catalogue bits for the base sets the checker fills.
#include <cstdint>
#include <string_view>

#include "set_mask.hpp"
#include "xmcheck/axioms/base.hpp"

namespace xmcheck::checker {

/// The mask of base set `name`; unknown names fail to compile.
consteval SetMask base_bit(std::string_view name) {
  const auto idx = axioms::find_base(name);
  if (!idx || axioms::kBaseCatalogue[*idx].arity != axioms::Arity::Set) throw "not a base set";
  return SetMask::of(*idx);
}

inline constexpr SetMask kSetR = base_bit("R");
inline constexpr SetMask kSetW = base_bit("W");
inline constexpr SetMask kSetM = base_bit("M");
inline constexpr SetMask kSetIW = base_bit("IW");
inline constexpr SetMask kSetFW = base_bit("FW");
inline constexpr SetMask kSetExp = base_bit("Exp");
inline constexpr SetMask kSetImp = base_bit("Imp");
inline constexpr SetMask kSetInstr = base_bit("Instr");
inline constexpr SetMask kSetIF = base_bit("IF");
inline constexpr SetMask kSetAlias = base_bit("ALIAS");
inline constexpr SetMask kSetA = base_bit("A");
inline constexpr SetMask kSetQ = base_bit("Q");
inline constexpr SetMask kSetL = base_bit("L");
inline constexpr SetMask kSetF = base_bit("F");
inline constexpr SetMask kSetB = base_bit("B");
inline constexpr SetMask kSetBCC = base_bit("BCC");
inline constexpr SetMask kSetExcEntry = base_bit("EXC-ENTRY");
inline constexpr SetMask kSetExcRet = base_bit("EXC-RET");
inline constexpr SetMask kSetSVC = base_bit("SVC");
inline constexpr SetMask kSetFault = base_bit("FAULT");
inline constexpr SetMask kSetUDF = base_bit("UDF");
inline constexpr SetMask kSetCmodxRestricted = base_bit("CMODX-restricted");
inline constexpr SetMask kSetX = base_bit("X");
inline constexpr SetMask kSetIrqEntry = base_bit("IRQ-ENTRY");
inline constexpr SetMask kSetIrqReturn = base_bit("IRQ-RETURN");
inline constexpr SetMask kSetIpi = base_bit("IPI");

/// The mask of a set named at run time ("DMB.ISH", "DC.CVAU"); empty if the
/// catalogue has no such set.
[[nodiscard]] inline SetMask named_set_bit(std::string_view name) {
  const auto idx = axioms::find_base(name);
  if (!idx || axioms::kBaseCatalogue[*idx].arity != axioms::Arity::Set) return {};
  return SetMask::of(*idx);
}

}  // namespace xmcheck::checker
