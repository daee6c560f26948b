// The program region of a C test: function definitions. `Pn(...)` are the
// threads (herd's syntax: the return type may be omitted); any other function
// (handlers, helpers such as a `membarrier` prelude) needs a return type.
#include <algorithm>
#include <cctype>
#include <map>

#include "c_lexer.hpp"
#include "c_parser.hpp"

namespace xmcheck::litmus::internal {
namespace {

/// `P12` -> 12; -1 if `name` is not a thread name.
int thread_number(const std::string& name) {
  if (name.size() < 2 || name.size() > 5 || name[0] != 'P') return -1;
  int n = 0;
  for (std::size_t i = 1; i < name.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(name[i])) == 0) return -1;
    n = n * 10 + (name[i] - '0');
  }
  return n;
}

std::string position(const diag::SourceSpan& span) {
  return std::to_string(span.begin.line) + ":" + std::to_string(span.begin.col);
}

}  // namespace

c::CProgram CParser::program() {
  c::CProgram prog;
  std::map<std::string, diag::SourceSpan> seen;
  while (!cur_.at_end()) {
    c::Function f = function();
    const auto [it, fresh] = seen.emplace(f.name, f.name_span);
    if (!fresh)
      throw diag::UserError(diag::ErrorKind::Litmus, f.name_span,
                            std::string(f.is_thread() ? "duplicate thread '" : "duplicate function '") +
                                f.name + "' (first defined at " + position(it->second) + ")");
    for (const auto& [name, span] : seen)
      if (f.is_thread() && name != f.name && thread_number(name) == f.proc)
        throw diag::UserError(diag::ErrorKind::Litmus, f.name_span,
                              "duplicate thread " + std::to_string(f.proc) + ": '" + f.name +
                                  "' and '" + name + "' (at " + position(span) + ")");
    (f.is_thread() ? prog.threads : prog.functions).push_back(std::move(f));
  }
  if (prog.threads.empty())
    cur_.fail_here("expected at least one thread 'P0(...) { ... }', found end of program");
  std::stable_sort(prog.threads.begin(), prog.threads.end(),
                   [](const c::Function& a, const c::Function& b) { return a.proc < b.proc; });
  for (std::size_t i = 0; i < prog.threads.size(); ++i)
    if (prog.threads[i].proc != static_cast<int>(i))
      throw diag::UserError(diag::ErrorKind::Litmus, prog.threads[i].name_span,
                            "missing thread P" + std::to_string(i) +
                                ": threads must be numbered P0, P1, ... without gaps");
  return prog;
}

c::Function CParser::function() {
  const Token& first = cur_.peek();
  const std::size_t begin = first.where.begin;
  if (first.is("}")) cur_.fail_here("unbalanced '}' outside of any function");
  c::Function f;
  while (cur_.peek().is_ident() && (cur_.peek().text == "static" || cur_.peek().text == "inline"))
    cur_.next();
  if (at_c_type(cur_)) f.return_type = parse_c_type_name(cur_);
  const Token& name = cur_.peek();
  if (!name.is_ident() || is_c_keyword(name.text) || is_c_type_word(name.text))
    cur_.fail_here(std::string(f.return_type ? "expected function name" : "expected function definition") +
                   ", found " + name.describe());
  cur_.next();
  f.name = name.text;
  f.name_span = src_.span(name.where);
  f.proc = thread_number(name.text);
  if (f.proc < 0 && !f.return_type)
    cur_.fail_at(name, "'" + name.text +
                           "' is not a thread name (P0, P1, ...); other functions need a return type");
  if (f.proc > 999) cur_.fail_at(name, "thread number " + name.text.substr(1) + " is too large");
  if (!cur_.peek().is("("))
    cur_.fail_here("expected '(' after function name '" + f.name + "', found " + cur_.peek().describe());
  f.params = parameters();
  if (cur_.peek().is(";"))
    cur_.fail_here("function declarations without a body are not supported: define '" + f.name + "'");
  if (!cur_.peek().is("{"))
    cur_.fail_here("expected '{' to start the body of '" + f.name + "', found " + cur_.peek().describe());
  f.body = block();
  f.span = span_from(begin);
  return f;
}

std::vector<c::Param> CParser::parameters() {
  cur_.expect("(", "before parameters");
  std::vector<c::Param> params;
  if (cur_.accept(")")) return params;
  if (cur_.peek().is_ident() && cur_.peek().text == "void" && cur_.peek(1).is(")")) {
    cur_.next();
    cur_.next();
    return params;
  }
  do {
    const std::size_t begin = cur_.peek().where.begin;
    c::Param p;
    p.type = parse_c_type_name(cur_);
    const Token& name = cur_.peek();
    if (!name.is_ident() || is_c_keyword(name.text) || is_c_type_word(name.text))
      cur_.fail_here("expected parameter name, found " + name.describe());
    cur_.next();
    for (const auto& other : params)
      if (other.name == name.text) cur_.fail_at(name, "duplicate parameter '" + name.text + "'");
    p.name = name.text;
    p.span = span_from(begin);
    params.push_back(std::move(p));
  } while (cur_.accept(","));
  if (!cur_.peek().is(")"))
    cur_.fail_here("expected ',' or ')' in parameter list, found " + cur_.peek().describe());
  cur_.next();
  return params;
}

c::CProgram parse_c_program(const SourceText& src, Region region) {
  const std::vector<Token> tokens = tokenize_c(src, region);
  return CParser(src, tokens).program();
}

}  // namespace xmcheck::litmus::internal
