#pragma once
// What an architecture plug-in tells the checker: how its instructions
// execute (events, registers, dependencies), its register file, which code
// values may be modified concurrently, and which model and C lowering it
// ships. One implementation per folder checker/src/semantics/<id>/; the
// registry (registry.cpp) collects them in cmake/Architectures.cmake order.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "value.hpp"
#include "xmcheck/axioms/model.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::checker {

class PathRunner;

/// Where the shared path runner finds an architecture's special registers in
/// the register file (program.hpp, kNumRegs slots).
struct RegisterFile {
  int zero = -1;            ///< reads 0, writes discarded (AArch64 XZR); -1: none
  int exception_link = -1;  ///< exception entry saves the return address here (ELR_EL1, SRR0); -1: not saved
};

class ArchSemantics {
 public:
  ArchSemantics() = default;
  ArchSemantics(const ArchSemantics&) = delete;
  ArchSemantics& operator=(const ArchSemantics&) = delete;
  virtual ~ArchSemantics() = default;

  /// The kernel name of the architecture ("arm64"); the registry checks it.
  [[nodiscard]] virtual std::string_view id() const = 0;
  [[nodiscard]] virtual RegisterFile registers() const = 0;
  /// Register-file index of a canonical register name as the litmus parser
  /// writes locations ("X3", "ELR_EL1", "rax"); nullopt if unknown.
  [[nodiscard]] virtual std::optional<int> register_index(const std::string& canonical) const = 0;
  /// herd's printed name of a register-file index ("X3", "rax").
  [[nodiscard]] virtual std::string register_name(int index) const = 0;

  /// Executes `instr` (position independent) at the runner's current address.
  virtual void execute(PathRunner& run, const litmus::Instruction& instr) const = 0;
  /// True if a code location holding `instr` is outside the architecture's
  /// list of instructions that may be modified while another CPU executes
  /// them (the event then joins CMODX-restricted). `instr` may be a C code
  /// value (kCDialect INSN(n)).
  [[nodiscard]] virtual bool cmodx_restricted(const litmus::Instruction& /*instr*/) const { return false; }
  /// True if `instr` takes the address of its label operands (AArch64 ADR),
  /// which makes the labelled instruction a code location.
  [[nodiscard]] virtual bool exports_label(const litmus::Instruction& /*instr*/) const { return false; }
  /// True if a memory operand names a data symbol directly (x86 `(x)`): the
  /// symbol is then a location even without an init entry.
  [[nodiscard]] virtual bool names_memory_directly() const { return false; }
  /// True for a `KEY=...` header line this architecture gives meaning to
  /// (arm64's CacheType); its words then go to header_variant.
  [[nodiscard]] virtual bool header_key(std::string_view /*key*/) const { return false; }
  /// One word of such a line turned into model variants (CacheType=DIC);
  /// throws a positioned error on a word it does not know.
  virtual void header_variant(const litmus::MetaEntry& /*line*/, std::string_view /*word*/,
                              axioms::VariantSet& /*variants*/) const {}
  /// Refuses a combination of variants the architecture's model does not
  /// describe (arm64: DIC without IDC), with a positioned error at `where`
  /// (the Variant= header line, or "--variant").
  /// True for a model flag whose executions the architecture leaves undefined
  /// (arm64/Power/RISC-V violates-CMODX-requirements, x86's
  /// unsynchronized-cross-modifying-code): a state reached only by such
  /// executions is reported "Allowed (CMODX violated)", not plain Allowed.
  [[nodiscard]] virtual bool flag_means_undefined(std::string_view /*flag*/) const { return false; }
  virtual void check_variants(const axioms::VariantSet& /*variants*/, const diag::SourceSpan& /*where*/) const {}

  /// A value as the init block's declared `type` ("" when untyped) makes it,
  /// for initial memory, final registers and condition values (herd's typed
  /// state: on Power an untyped register is a 32-bit `int`). Default: as is.
  [[nodiscard]] virtual Val typed_value(Val v, const std::string& /*type*/) const { return v; }
  /// True if herd prints the values of declared type `type` as unsigned
  /// 64-bit numbers (RISC-V's `uint64_t`). Default: never.
  [[nodiscard]] virtual bool prints_unsigned(const std::string& /*type*/) const { return false; }

  /// True if a load inherits the dependencies of the thread's last store to
  /// its location (herd's AArch64 `lmrs` forwarding); false where herd's
  /// dependencies flow through registers only (Power).
  [[nodiscard]] virtual bool dependencies_through_memory() const { return true; }

  /// The model used when none is given ("aarch64.cat"), found in axioms/<id>/.
  [[nodiscard]] virtual std::string_view default_model() const = 0;
  /// The C lowering file ("arm64.lower", in axioms/<id>/), or "" if C tests
  /// cannot target this architecture.
  [[nodiscard]] virtual std::string_view lowering_file() const { return {}; }
  /// Non-empty for a target whose model files are the user's (the LKMM of a
  /// kernel tree): the command-line option naming their directory ("lkmm" for
  /// --lkmm DIR). The target is then available only with that option, and
  /// its files are read from there, not from axioms/<id>/.
  [[nodiscard]] virtual std::string_view user_model_option() const { return {}; }
  /// With user_model_option: the herd configuration file in that directory
  /// whose `macros`, `bell`, `model` and `variant` lines name the lowering
  /// (a herd .def), the bell, the model and the variants; the two files
  /// above are the defaults when it is absent.
  [[nodiscard]] virtual std::string_view herd_config_file() const { return {}; }
};

/// The plug-in of a registered architecture (asserts on kCDialect/kNoArch).
[[nodiscard]] const ArchSemantics& semantics(litmus::ArchId arch);

}  // namespace xmcheck::checker
