// The init block of a C test, herd's syntax: `{ x = 0; int y = 1; int *p = &x;
// atomic_t v = ATOMIC_INIT(0); spinlock_t s; 0:r0 = 1; int t[2] = {1,2}; }`,
// plus xmcheck's code values `code_t f = INSN(1);`.
#include "c_lexer.hpp"
#include "c_parser.hpp"
#include "state_syntax.hpp"

namespace xmcheck::litmus::internal {
namespace {

class CInitParser {
 public:
  CInitParser(const SourceText& src, const std::vector<Token>& tokens)
      : src_(src), cur_(src, tokens, kCDialect) {}

  std::vector<c::InitDecl> run() {
    std::vector<c::InitDecl> entries;
    while (true) {
      while (cur_.accept(";")) {
      }
      if (cur_.at_end()) break;
      entries.push_back(entry());
      if (cur_.at_end()) break;
      if (!cur_.peek().is(";")) {
        const std::size_t at = cur_.previous_end();
        src_.fail(at, at, "expected ';' after init entry, found " + cur_.peek().describe());
      }
    }
    return entries;
  }

 private:
  c::InitDecl entry() {
    c::InitDecl d;
    const std::size_t begin = cur_.peek().where.begin;
    if (at_c_type(cur_)) {
      c::Type type = parse_c_type_specifier(cur_);
      parse_c_pointers(cur_, type);
      type.span = src_.span(begin, cur_.previous_end());
      d.type = std::move(type);
    } else if (cur_.peek().is_ident() && cur_.peek(1).is_ident()) {
      cur_.fail_here("unknown type '" + cur_.peek().text + "'");
    }
    if (!at_location(cur_) || (cur_.peek().is_ident() && is_c_keyword(cur_.peek().text)))
      cur_.fail_here("expected location in init entry, found " + cur_.peek().describe());
    InitEntry& e = d.entry;
    e.loc = parse_location(cur_);
    if (d.type) e.type = d.type->to_string();
    if (cur_.peek().is("[")) array_size(d);
    if (cur_.accept("=")) {
      if (cur_.peek().is("{"))
        parse_array_initialiser(cur_, e, "variable");
      else
        e.value = parse_value(cur_);
    }
    e.span = src_.span(begin, cur_.previous_end());
    return d;
  }

  void array_size(c::InitDecl& d) {
    if (d.entry.loc.kind != Location::Kind::Memory || !d.type)
      cur_.fail_at(cur_.peek(), "only typed shared variables can be arrays");
    d.entry.array_size = parse_array_size(cur_);
    d.type->array_size = d.entry.array_size;
  }

  const SourceText& src_;
  TokenCursor cur_;
};

}  // namespace

std::vector<c::InitDecl> parse_c_init(const SourceText& src, Region region) {
  const std::vector<Token> tokens = tokenize_c(src, region);
  return CInitParser(src, tokens).run();
}

}  // namespace xmcheck::litmus::internal
