#include "init_parser.hpp"

#include "arch/arch_syntax.hpp"

#include "state_syntax.hpp"

namespace xmcheck::litmus::internal {
namespace {

class InitParser {
 public:
  InitParser(const SourceText& src, const std::vector<Token>& tokens, ArchId arch)
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
    if (cur_.arch() != kCDialect && syntax(cur_.arch()).at_own_location(after))
      return true;  // a typed symbolic register, `uint64_t %P0_x`
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
        parse_array_initialiser(cur_, e, "location");
      else if (cur_.peek().is("("))
        pteval(e);
      else
        e.value = parse_value(cur_);
    }
    e.span = src_.span(begin, cur_.previous_end());
    return e;
  }

  void array_size(InitEntry& e) {
    if (e.loc.kind != Location::Kind::Memory || e.type.empty())
      cur_.fail_at(cur_.peek(), "only typed memory locations can be arrays");
    e.array_size = parse_array_size(cur_);
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

std::vector<InitEntry> parse_init_block(const SourceText& src, Region region, ArchId arch) {
  const std::vector<Token> tokens = tokenize(src, region, arch);
  return InitParser(src, tokens, arch).run();
}

}  // namespace xmcheck::litmus::internal
