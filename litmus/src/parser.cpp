// Entry points: split the file into sections and hand each to its parser.
#include "xmcheck/litmus/parser.hpp"

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

#include "arch/arch_syntax.hpp"
#include "c_parser.hpp"
#include "condition_parser.hpp"
#include "init_parser.hpp"
#include "program_table.hpp"
#include "source_text.hpp"
#include "splitter.hpp"

namespace xmcheck::litmus {

LitmusTest parse_string(const std::string& text, const std::string& file_name) {
  const internal::SourceText src(text, file_name);
  const internal::Sections sections = internal::split_sections(src);
  // herd's header word names the architecture; no registered plug-in, no test.
  const std::optional<ArchId> registered =
      sections.arch == "C" ? std::optional<ArchId>(kCDialect) : arch_by_herd_name(sections.arch);
  if (!registered)
    throw diag::UserError(diag::ErrorKind::Unsupported, src.span(sections.arch_where),
                          "unsupported architecture '" + sections.arch + "'");
  const ArchId arch = *registered;

  LitmusTest test;
  test.arch = arch;
  test.arch_name = sections.arch;
  test.name = sections.name;
  // herd names a test `C NAME.litmus` as NAME (the kernel's tests often
  // repeat their file name in the header).
  if (constexpr std::string_view ext = ".litmus";
      test.name.size() > ext.size() && test.name.ends_with(ext))
    test.name.resize(test.name.size() - ext.size());
  test.file = src.file();
  test.header_span = src.span(sections.arch_where.begin, sections.name_where.end);
  test.meta = sections.meta;
  test.doc = sections.doc;
  if (arch == kCDialect) {
    std::vector<c::InitDecl> init = internal::parse_c_init(src, sections.init);  // errors in file order
    auto program = std::make_shared<c::CProgram>(internal::parse_c_program(src, sections.program));
    program->init = std::move(init);
    for (const auto& d : program->init) test.init.push_back(d.entry);
    test.c_program = std::move(program);
  } else {
    test.init = internal::parse_init_block(src, sections.init, arch);
    test.threads = internal::parse_program_table(src, sections.program, arch);
    // Main threads first, then fault handlers, each group in column order.
    std::stable_partition(test.threads.begin(), test.threads.end(),
                          [](const ThreadCode& t) { return !t.is_handler; });
  }
  internal::Constraints constraints = internal::parse_constraints(src, sections.constraints, arch);
  test.locations = std::move(constraints.locations);
  test.filter = std::move(constraints.filter);
  test.condition = std::move(constraints.condition);
  if (arch != kCDialect) internal::syntax(arch).finish(test);
  return test;
}

LitmusTest parse_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  if (in) content << in.rdbuf();
  if (!in || in.bad())
    throw diag::UserError(diag::ErrorKind::Io,
                          diag::SourceSpan{std::make_shared<const std::string>(path), {}, {}},
                          "cannot read file");
  return parse_string(content.str(), path);
}

}  // namespace xmcheck::litmus
