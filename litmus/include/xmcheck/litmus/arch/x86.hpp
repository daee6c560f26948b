#pragma once
// x86 register numbering shared by the x86 syntax (litmus) and semantics
// (checker) plug-ins: 0-15 are rax rbx rcx rdx rsi rdi rbp rsp r8..r15 (al,
// ax, eax and rax share index 0 with widths 8/16/32/64), then these.
#include <cstdint>

namespace xmcheck::litmus {

inline constexpr std::uint8_t kX86Rip = 16;  ///< %rip (width 64)
inline constexpr std::uint8_t kX86Cs = 17;   ///< %cs (width 16)
inline constexpr std::uint8_t kX86Cr0 = 32;  ///< %crN is kX86Cr0 + N (N = 0, 2, 3, 4, 8; width 64)

}  // namespace xmcheck::litmus
