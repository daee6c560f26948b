// libFuzzer target: the whole pipeline on small inputs, as `xmcheck --unroll 1
// --timeout 2 FILE` runs it: parse, lower, unfold, Z3 search, model evaluation,
// for asm tests and for C tests on every architecture.
// Seeds: every litmus test of examples/ and tests/.
#include "fuzz_support.hpp"
#include "xmcheck/litmus/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = xmcheck::fuzz::as_text(data, size);
  static xmcheck::checker::Session session;
  xmcheck::fuzz::expect_no_crash([&] {
    const auto test = xmcheck::litmus::parse_string(text, "fuzz.litmus");
    xmcheck::fuzz::check_like_cli(test, session);
  });
  return 0;
}
