#include "location.hpp"

#include <cctype>
#include <string>

#include "names.hpp"

namespace xmcheck::litmus::internal {
namespace {

/// `P12` -> 12; -1 if `text` is not a thread name.
int thread_number(std::string_view text) {
  if (text.size() < 2 || text.size() > 5 || text[0] != 'P') return -1;
  int n = 0;
  for (char c : text.substr(1)) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace

bool at_powerpc_location(const Token& first) { return first.is("%"); }

std::optional<Location> parse_powerpc_location(TokenCursor& cur) {
  const SourceText& src = cur.source();
  const Token& first = cur.peek();
  Location loc;
  loc.kind = Location::Kind::Register;
  if (first.is("%")) {
    cur.next();
    const Token& name = cur.expect_ident("symbolic register name after '%'");
    loc.thread = -1;
    loc.reg = "%" + name.text;
    loc.span = src.span(first.where.begin, name.where.end);
    return loc;
  }
  const int thread = first.is_ident() ? thread_number(first.text) : -1;
  if (thread < 0 || !cur.peek(1).is(":")) return std::nullopt;
  cur.next();
  cur.next();
  const Token& name = cur.expect_ident("register name");
  const auto canonical = powerpc_location_register(name.text);
  if (!canonical) cur.fail_at(name, "unknown register '" + name.text + "'");
  loc.thread = thread;
  loc.reg = *canonical;
  loc.span = src.span(first.where.begin, name.where.end);
  return loc;
}

}  // namespace xmcheck::litmus::internal
