// The lkmm plug-in: the Linux-kernel memory model as a target of C tests.
// Unlike the architectures, its files are the user's: a kernel tree's
// tools/memory-model (linux-kernel.cfg naming the .def, .bell and .cat),
// given with --lkmm DIR (docs/lkmm.md). The .def file's macros are the C
// lowering (herd_def_lowering.cpp); nothing of the model is shipped here.
#include "../arch_semantics.hpp"
#include "../c_typed_value.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {
namespace {

class LkmmSemantics final : public ArchSemantics {
 public:
  std::string_view id() const override { return "lkmm"; }
  RegisterFile registers() const override { return {}; }
  std::optional<int> register_index(const std::string& /*canonical*/) const override { return std::nullopt; }
  std::string register_name(int index) const override { return "r" + std::to_string(index); }
  void execute(PathRunner& /*run*/, const litmus::Instruction& /*instr*/) const override {
    // The litmus parser refuses asm tests for this target.
    XMCHECK_ASSERT(false, "the LKMM target has no instructions");
  }
  // herd's C values: the init block's declared types.
  Val typed_value(Val v, const std::string& type) const override { return c_typed_value(v, type); }
  bool prints_unsigned(const std::string& type) const override { return c_unsigned_64(type); }
  // herd's C dependencies flow through locals only.
  bool dependencies_through_memory() const override { return false; }
  // The files come from the user's model directory (--lkmm DIR): its
  // herd configuration names them.
  std::string_view default_model() const override { return "linux-kernel.cat"; }
  std::string_view lowering_file() const override { return "linux-kernel.def"; }
  std::string_view user_model_option() const override { return "lkmm"; }
  std::string_view herd_config_file() const override { return "linux-kernel.cfg"; }
};

}  // namespace

const ArchSemantics& lkmm_semantics() {
  static const LkmmSemantics instance;
  return instance;
}

}  // namespace xmcheck::checker
