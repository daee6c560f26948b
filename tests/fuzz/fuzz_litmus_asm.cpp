// libFuzzer target: the herd-asm litmus parser (AArch64 and X86_64 tests).
// Seeds: the asm tests of examples/ and tests/ (scripts/fuzz.sh).
#include "fuzz_support.hpp"
#include "xmcheck/litmus/parser.hpp"
#include "xmcheck/litmus/printer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = xmcheck::fuzz::as_text(data, size);
  xmcheck::fuzz::expect_no_crash([&] {
    const auto test = xmcheck::litmus::parse_string(text, "fuzz.litmus");
    // Printing is part of the parser's contract: every parsed condition prints.
    (void)xmcheck::litmus::to_string(test.condition);
  });
  return 0;
}
