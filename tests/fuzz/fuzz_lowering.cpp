// libFuzzer target: the lowering-file parser of the C dialect and, for a table
// that parses, the lowering of one small fixed C test through it.
// Seeds: axioms/*/*.lower.
#include "fuzz_support.hpp"
#include "xmcheck/litmus/parser.hpp"

namespace {

const xmcheck::litmus::LitmusTest& fixed_test() {
  static const auto test = xmcheck::litmus::parse_string(
      "C fuzz-host\n{ int x = 0; int y = 0; }\n"
      "P0(int *x, int *y) { WRITE_ONCE(*x, 1); smp_wmb(); smp_store_release(y, 1); }\n"
      "P1(int *x, int *y) { int r0 = smp_load_acquire(y); smp_rmb(); int r1 = READ_ONCE(*x);"
      " int r2 = xchg(x, 2); smp_mb(); }\n"
      "exists (1:r0=1 /\\ 1:r1=0)\n",
      "fuzz-host.litmus");
  return test;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = xmcheck::fuzz::as_text(data, size);
  static xmcheck::checker::Session session;
  xmcheck::fuzz::expect_no_crash([&] {
    const auto table = xmcheck::checker::parse_lowering(text, "fuzz.lower");
    xmcheck::checker::CheckOptions options = xmcheck::fuzz::small_check_options(0.5);
    options.target = table.arch;
    options.lowering = &table;
    (void)xmcheck::checker::check(fixed_test(), xmcheck::fuzz::default_model(table.arch), options,
                                  session);
  });
  return 0;
}
