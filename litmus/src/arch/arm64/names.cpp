#include "names.hpp"

#include <array>
#include <cctype>

#include "source_text.hpp"

namespace xmcheck::litmus::internal {
namespace {

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view s) {
  for (auto n : names)
    if (n == s) return true;
  return false;
}

constexpr std::array<std::string_view, 15> kConditions = {
    "EQ", "NE", "CS", "CC", "MI", "PL", "VS", "VC", "HI", "LS", "GE", "LT", "GT", "LE", "AL"};

constexpr std::array<std::string_view, 12> kBarrierOptions = {
    "SY", "ST", "LD", "ISH", "ISHST", "ISHLD", "NSH", "NSHST", "NSHLD", "OSH", "OSHST", "OSHLD"};

// Data-cache operations by VA or set/way, as named in the Arm ARM.
constexpr std::array<std::string_view, 12> kDcOperations = {
    "CVAU", "CVAC", "CVAP", "CVADP", "CIVAC", "IVAC", "ZVA", "CSW", "CISW", "ISW", "CIGVAC",
    "CGVAC"};

// Registers that are not of the NAME_ELn form.
constexpr std::array<std::string_view, 6> kPlainSystemRegisters = {"NZCV", "DAIF", "FPCR",
                                                                    "FPSR", "CURRENTEL", "SPSEL"};

bool is_digits(std::string_view s) {
  if (s.empty() || s.size() > 2) return false;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  return true;
}

}  // namespace

std::optional<Reg> parse_aarch64_register(std::string_view name) {
  const std::string upper = to_upper(name);
  if (upper == "XZR") return Reg{31, 64, true, false};
  if (upper == "WZR") return Reg{31, 32, true, false};
  if (upper == "SP") return Reg{31, 64, false, true};
  if (upper == "WSP") return Reg{31, 32, false, true};
  if (upper.size() < 2 || (upper[0] != 'X' && upper[0] != 'W')) return std::nullopt;
  const std::string_view digits = std::string_view(upper).substr(1);
  if (!is_digits(digits) || (digits.size() == 2 && digits[0] == '0')) return std::nullopt;
  const int index = std::stoi(std::string(digits));
  if (index > 30) return std::nullopt;
  return Reg{static_cast<std::uint8_t>(index), static_cast<std::uint8_t>(upper[0] == 'X' ? 64 : 32),
             false, false};
}

std::string aarch64_register_name(const Reg& reg) {
  const bool wide = reg.width == 64;
  if (reg.is_sp) return wide ? "SP" : "WSP";
  if (reg.is_zero) return wide ? "XZR" : "WZR";
  return (wide ? "X" : "W") + std::to_string(reg.index);
}

std::optional<std::string> canonical_location_register(std::string_view name) {
  const auto reg = parse_aarch64_register(name);
  if (!reg || reg->is_sp || reg->is_zero) return std::nullopt;
  return "X" + std::to_string(reg->index);
}

bool is_condition_code(std::string_view upper) { return contains(kConditions, upper); }
bool is_barrier_option(std::string_view upper) { return contains(kBarrierOptions, upper); }
bool is_dc_operation(std::string_view upper) { return contains(kDcOperations, upper); }

bool is_ic_operation(std::string_view upper, bool with_register) {
  return with_register ? upper == "IVAU" : (upper == "IALLU" || upper == "IALLUIS");
}

bool is_system_register(std::string_view upper) {
  if (contains(kPlainSystemRegisters, upper)) return true;
  // NAME_EL0..NAME_EL3 (ELR_EL1, SPSR_EL1, ESR_EL1, FAR_EL1, VBAR_EL1, CTR_EL0, ...).
  if (upper.size() < 5) return false;
  const std::string_view suffix = upper.substr(upper.size() - 4);
  if (suffix.substr(0, 3) != "_EL" || suffix[3] < '0' || suffix[3] > '3') return false;
  for (char c : upper.substr(0, upper.size() - 4))
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_') return false;
  return true;
}

}  // namespace xmcheck::litmus::internal
