// libFuzzer target: the model language (parser, resolver) and, for a model
// that resolves, its compilation and evaluation on one small fixed test.
// Seeds: axioms/*.cat, axioms/models/*.cat and the model cases of tests/.
#include "fuzz_support.hpp"
#include "xmcheck/litmus/parser.hpp"

namespace {

const xmcheck::litmus::LitmusTest& fixed_test() {
  // Message passing with a fetch: reads, writes, a fence and code as data.
  static const auto test = xmcheck::litmus::parse_string(
      "AArch64 fuzz-host\n{ 0:X1=x; 0:X3=y; 1:X1=y; 1:X3=x; }\n"
      " P0 | P1 ;\n MOV W0,#1 | LDR W0,[X1] ;\n STR W0,[X1] | DMB SY ;\n"
      " DMB SY | LDR W2,[X3] ;\n STR W0,[X3] | ;\nexists (1:X0=1 /\\ 1:X2=0)\n",
      "fuzz-host.litmus");
  return test;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = xmcheck::fuzz::as_text(data, size);
  static xmcheck::checker::Session session;  // one SMT context per process
  xmcheck::fuzz::expect_no_crash([&] {
    std::vector<std::string> dirs{xmcheck::fuzz::model_dir()};  // includes of the shipped models too
    for (const auto& arch : xmcheck::litmus::architectures())
      dirs.push_back(xmcheck::fuzz::model_dir() + "/" + std::string(arch.id));
    const auto model = xmcheck::axioms::load_model_string(text, "fuzz.cat", dirs);
    (void)xmcheck::checker::check(fixed_test(), model, xmcheck::fuzz::small_check_options(0.5), session);
  });
  return 0;
}
