#include "init_parser.hpp"

#include "state_syntax.hpp"

namespace xmcheck::litmus::internal {
namespace {

class InitParser {
 public:
  InitParser(const SourceText& src, const std::vector<Token>& tokens, Arch arch)
      : src_(src), cur_(src, tokens, arch) {}

  std::vector<InitEntry> run() {
    std::vector<InitEntry> entries;
    while (true) {
      while (cur_.accept(";")) {
      }
      if (cur_.at_end()) break;
      entries.push_back(entry());
      if (cur_.at_end()) break;
      if (!cur_.peek().is(";"))
        cur_.fail_here("expected ';' after init entry, found " + cur_.peek().describe());
    }
    return entries;
  }

 private:
  // A type word is an identifier followed by what can only start a location
  // (or another type word): `int x`, `ins_t 0:X4`, `ins_t *1:X9`, `int [x]`.
  bool at_type_word() const {
    if (!cur_.peek().is_ident()) return false;
    const Token& after = cur_.peek(1);
    if (after.is_ident() || after.is("*")) return true;
    if (after.kind == Token::Kind::Number) return cur_.peek(2).is(":");
    return after.is("[") && cur_.peek(2).is_ident();
  }

  InitEntry entry() {
    InitEntry e;
    const std::size_t begin = cur_.peek().where.begin;
    cur_.accept_word("_Atomic");  // herd's C11 qualifier; irrelevant here
    while (at_type_word()) {
      if (!e.type.empty()) e.type += ' ';
      e.type += cur_.next().text;
    }
    if (cur_.accept("*")) e.type += e.type.empty() ? "*" : " *";
    if (!at_location(cur_)) cur_.fail_here("expected location in init entry, found " + cur_.peek().describe());
    e.loc = parse_location(cur_);
    if (cur_.peek().is("[")) array_size(e);
    if (cur_.accept("=")) {
      if (cur_.peek().is("{"))
        array_initialiser(e);
      else if (cur_.peek().is("("))
        pteval(e);
      else
        e.value = parse_value(cur_);
    }
    e.span = src_.span(begin, cur_.previous_end());
    return e;
  }

  void array_size(InitEntry& e) {
    const Token& open = cur_.next();
    if (e.loc.kind != Location::Kind::Memory || e.type.empty())
      cur_.fail_at(open, "only typed memory locations can be arrays");
    const Token& size = cur_.peek();
    if (size.kind != Token::Kind::Number || size.number <= 0)
      cur_.fail_here("expected array size, found " + size.describe());
    cur_.next();
    cur_.expect("]", "after array size");
    e.array_size = static_cast<std::size_t>(size.number);
  }

  void array_initialiser(InitEntry& e) {
    const Token& open = cur_.next();
    if (!e.array_size) cur_.fail_at(open, "'{' initialiser for a location that is not an array");
    do {
      e.array_values.push_back(parse_value(cur_));
    } while (cur_.accept(","));
    cur_.expect("}", "after array initialiser");
    if (e.array_values.size() != *e.array_size)
      src_.fail(open.where.begin, cur_.previous_end(),
                "array " + e.loc.symbol + " has " + std::to_string(*e.array_size) +
                    " elements, initialiser has " + std::to_string(e.array_values.size()));
  }

  // `(oa:phy_x, valid:0, ...)`: kept verbatim, parentheses may nest (`attrs:(...)`).
  void pteval(InitEntry& e) {
    const Token& open = cur_.next();
    int depth = 1;
    while (depth > 0) {
      const Token& tok = cur_.peek();
      if (tok.kind == Token::Kind::End || tok.is(";"))
        cur_.fail_at(open, "unclosed '(' in page-table-entry value");
      if (tok.is("(")) ++depth;
      if (tok.is(")")) --depth;
      cur_.next();
    }
    const std::size_t close = cur_.previous_end() - 1;
    e.pteval = std::string(src_.slice({open.where.end, close}));
    if (e.type.empty()) e.type = "pteval_t";
  }

  const SourceText& src_;
  TokenCursor cur_;
};

}  // namespace

std::vector<InitEntry> parse_init_block(const SourceText& src, Region region, Arch arch) {
  const std::vector<Token> tokens = tokenize(src, region, arch);
  return InitParser(src, tokens, arch).run();
}

}  // namespace xmcheck::litmus::internal
