// C types: specifiers, qualifiers and pointers, plus the keyword tables.
#include <array>
#include <string_view>

#include "c_parser.hpp"

namespace xmcheck::litmus::internal {
namespace {

constexpr std::array<std::string_view, 11> kBaseWords = {
    "void", "char", "short", "int", "long", "signed", "unsigned", "_Bool", "bool", "float", "double"};
constexpr std::array<std::string_view, 3> kQualifiers = {"const", "volatile", "_Atomic"};
// Kernel and C11 type names that do not end in `_t`.
constexpr std::array<std::string_view, 11> kTypedefs = {
    "atomic_int", "atomic_long", "atomic_bool", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64"};
constexpr std::array<std::string_view, 14> kKeywords = {
    "if", "else", "while", "do", "for", "break", "continue", "return", "switch", "case",
    "default", "goto", "sizeof", "struct"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& table, std::string_view word) {
  for (auto w : table)
    if (w == word) return true;
  return false;
}

bool is_base_word(std::string_view w) { return contains(kBaseWords, w); }
bool is_typedef_name(std::string_view w) {
  return (w.size() > 2 && w.ends_with("_t")) || contains(kTypedefs, w);
}

}  // namespace

bool is_c_type_word(const std::string& name) {
  return is_base_word(name) || contains(kQualifiers, name) || name == "struct" ||
         is_typedef_name(name);
}

bool is_c_keyword(const std::string& name) {
  return contains(kKeywords, name) || is_base_word(name) || contains(kQualifiers, name);
}

bool at_c_type(const TokenCursor& cur) {
  return cur.peek().is_ident() && is_c_type_word(cur.peek().text);
}

c::Type parse_c_type_specifier(TokenCursor& cur) {
  const SourceText& src = cur.source();
  c::Type type;
  const std::size_t begin = cur.peek().where.begin;
  if (!at_c_type(cur)) cur.fail_here("expected type, found " + cur.peek().describe());
  bool typedef_seen = false;
  while (at_c_type(cur)) {
    const Token& word = cur.peek();
    const std::string& w = word.text;
    if (w == "const") {
      type.is_const = true;
    } else if (w == "volatile") {
      type.is_volatile = true;
    } else if (w == "_Atomic") {
      type.is_atomic = true;
    } else {
      const bool is_void = type.base == "void";
      if (typedef_seen || is_void || type.base.starts_with("struct ") ||
          (!type.base.empty() && (w == "void" || w == "struct" || is_typedef_name(w))))
        cur.fail_at(word, "unexpected '" + w + "' in type '" + type.base + "'");
      if (w != "long" && (" " + type.base + " ").find(" " + w + " ") != std::string::npos)
        cur.fail_at(word, "duplicate '" + w + "' in type '" + type.base + "'");
      if (w == "struct") {
        cur.next();
        const Token& tag = cur.expect_ident("structure name after 'struct'");
        type.base = "struct " + tag.text;
        continue;
      }
      typedef_seen = is_typedef_name(w);
      type.base += type.base.empty() ? w : " " + w;
    }
    cur.next();
  }
  if (type.base.empty())
    cur.fail_here("expected type name after qualifiers, found " + cur.peek().describe());
  type.span = src.span(begin, cur.previous_end());
  return type;
}

void parse_c_pointers(TokenCursor& cur, c::Type& type) {
  while (cur.accept("*")) {
    ++type.pointer_depth;
    while (cur.peek().is_ident() && contains(kQualifiers, cur.peek().text)) cur.next();
  }
}

c::Type parse_c_type_name(TokenCursor& cur) {
  const std::size_t begin = cur.peek().where.begin;
  c::Type type = parse_c_type_specifier(cur);
  parse_c_pointers(cur, type);
  type.span = cur.source().span(begin, cur.previous_end());
  return type;
}

}  // namespace xmcheck::litmus::internal

namespace xmcheck::litmus::c {

std::string Type::to_string() const {
  std::string s;
  if (is_const) s += "const ";
  if (is_volatile) s += "volatile ";
  if (is_atomic) s += "_Atomic ";
  s += base;
  if (pointer_depth > 0) s += " " + std::string(static_cast<std::size_t>(pointer_depth), '*');
  return s;
}

std::string_view spelling(UnaryOp op) {
  switch (op) {
    case UnaryOp::Deref: return "*";
    case UnaryOp::AddressOf: return "&";
    case UnaryOp::Negate: return "-";
    case UnaryOp::Plus: return "+";
    case UnaryOp::LogicalNot: return "!";
    case UnaryOp::BitNot: return "~";
  }
  return "?";
}

std::string_view spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Mod: return "%";
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Shl: return "<<";
    case BinaryOp::Shr: return ">>";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::Eq: return "==";
    case BinaryOp::Ne: return "!=";
    case BinaryOp::BitAnd: return "&";
    case BinaryOp::BitXor: return "^";
    case BinaryOp::BitOr: return "|";
    case BinaryOp::LogicalAnd: return "&&";
    case BinaryOp::LogicalOr: return "||";
  }
  return "?";
}

}  // namespace xmcheck::litmus::c
