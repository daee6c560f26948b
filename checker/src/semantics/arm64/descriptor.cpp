// The arm64 plug-in: herd's AArch64 semantics with instruction fetch, Arm's
// model (axioms/arm64/aarch64.cat) and the kernel's arm64 lowering.
#include <cctype>

#include "../arch_semantics.hpp"
#include "registers.hpp"
#include "semantics.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {
namespace {

class Arm64Semantics final : public ArchSemantics {
 public:
  std::string_view id() const override { return "arm64"; }
  RegisterFile registers() const override { return {arm64::kZeroReg, arm64::kElrEl1}; }
  std::optional<int> register_index(const std::string& canonical) const override {
    return arm64::register_index(canonical);
  }
  std::string register_name(int index) const override { return arm64::register_name(index); }
  void execute(PathRunner& run, const litmus::Instruction& instr) const override { arm64::execute(run, instr); }
  bool cmodx_restricted(const litmus::Instruction& instr) const override {
    return arm64::cmodx_restricted(instr);
  }
  bool exports_label(const litmus::Instruction& instr) const override { return instr.mnemonic == "ADR"; }
  // CacheType=IDC: data-cache clean to PoU not required for I/D coherence;
  // CacheType=DIC (implies IDC): instruction-cache invalidation not required
  // either (Arm ARM D7.2.32, CTR_EL0.IDC/DIC; herd's aarch64-ifetch headers).
  bool header_key(std::string_view key) const override { return key == "CacheType"; }
  void header_variant(const litmus::MetaEntry& line, std::string_view word,
                      axioms::VariantSet& variants) const override {
    std::string upper(word);
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper == "DIC") {
      variants.enable("DIC");
      variants.enable("IDC");
    } else if (upper == "IDC") {
      variants.enable("IDC");
    } else {
      throw diag::UserError(diag::ErrorKind::Litmus, line.span, "unknown cache type '" + std::string(word) + "'");
    }
  }
  // Arm ARM D23.2 "CTR_EL0, Cache Type Register" (D17.2.34 in older issues)
  // defines DIC (bit 29) and IDC (bit 28) as separate fields; aarch64.cat, like
  // Arm's catalogue (DIC1-IDC1 only), describes DIC=1 with IDC=1 alone. A DIC
  // without IDC would silently get the no-DIC answers, so it is refused.
  void check_variants(const axioms::VariantSet& variants, const diag::SourceSpan& where) const override {
    if (variants.has("DIC") && !variants.has("IDC"))
      throw diag::UserError(diag::ErrorKind::Unsupported, where,
                            "variant DIC without IDC is not modelled (CTR_EL0.DIC=1 with IDC=0); "
                            "use DIC,IDC, which is what a CacheType=DIC header means");
  }
  // Arm ARM B2.2.5: concurrent modification outside the listed instructions is CONSTRAINED UNPREDICTABLE.
  bool flag_means_undefined(std::string_view flag) const override { return flag == "violates-CMODX-requirements"; }
  std::string_view default_model() const override { return "aarch64.cat"; }
  std::string_view lowering_file() const override { return "arm64.lower"; }
};

}  // namespace

const ArchSemantics& arm64_semantics() {
  static const Arm64Semantics instance;
  return instance;
}

}  // namespace xmcheck::checker
