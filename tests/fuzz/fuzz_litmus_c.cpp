// libFuzzer target: the C litmus dialect's parser. The input is a C test body;
// the harness supplies the `C name` header line when the input lacks one, so
// mutations are spent on the C syntax rather than on the header.
// Seeds: the C tests of examples/ and tests/ (scripts/fuzz.sh).
#include "fuzz_support.hpp"
#include "xmcheck/litmus/parser.hpp"
#include "xmcheck/litmus/printer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text = xmcheck::fuzz::as_text(data, size);
  if (text.rfind("C ", 0) != 0) text = "C fuzz\n" + text;
  xmcheck::fuzz::expect_no_crash([&] {
    const auto test = xmcheck::litmus::parse_string(text, "fuzz.litmus");
    (void)xmcheck::litmus::to_string(test.condition);
  });
  return 0;
}
