// The RISC-V register file: x0..x31 and the exception return address.
#include "semantics.hpp"

namespace xmcheck::checker {

std::optional<int> riscv_register_index(const std::string& name) {
  if (name == "sepc") return kRiscvRegEpc;
  if (name.size() < 2 || name.size() > 3 || name[0] != 'x') return std::nullopt;
  int n = 0;
  for (std::size_t i = 1; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return std::nullopt;
    n = n * 10 + (name[i] - '0');
  }
  if (n > 31) return std::nullopt;
  return n;
}

std::string riscv_register_name_of(int index) {
  if (index >= 0 && index < 32) return "x" + std::to_string(index);
  if (index == kRiscvRegEpc) return "sepc";
  return "x?" + std::to_string(index);
}

}  // namespace xmcheck::checker
