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
      : src_(src), cur_(src, tokens, Arch::C) {}

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
        array_initialiser(e);
      else
        e.value = parse_value(cur_);
    }
    e.span = src_.span(begin, cur_.previous_end());
    return d;
  }

  void array_size(c::InitDecl& d) {
    const Token& open = cur_.next();
    if (d.entry.loc.kind != Location::Kind::Memory || !d.type)
      cur_.fail_at(open, "only typed shared variables can be arrays");
    const Token& size = cur_.peek();
    if (size.kind != Token::Kind::Number || size.number <= 0)
      cur_.fail_here("expected array size, found " + size.describe());
    cur_.next();
    cur_.expect("]", "after array size");
    d.entry.array_size = static_cast<std::size_t>(size.number);
    d.type->array_size = d.entry.array_size;
  }

  void array_initialiser(InitEntry& e) {
    const Token& open = cur_.next();
    if (!e.array_size) cur_.fail_at(open, "'{' initialiser for a variable that is not an array");
    do {
      e.array_values.push_back(parse_value(cur_));
    } while (cur_.accept(","));
    cur_.expect("}", "after array initialiser");
    if (e.array_values.size() != *e.array_size)
      src_.fail(open.where.begin, cur_.previous_end(),
                "array " + e.loc.symbol + " has " + std::to_string(*e.array_size) +
                    " elements, initialiser has " + std::to_string(e.array_values.size()));
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
