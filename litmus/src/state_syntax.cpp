#include "state_syntax.hpp"

#include <cctype>
#include <memory>
#include <optional>

#include "arch/arch_syntax.hpp"
#include "xmcheck/diag/nesting.hpp"
#include "xmcheck/litmus/c_code_values.hpp"
#include "xmcheck/litmus/limits.hpp"

namespace xmcheck::litmus::internal {
namespace {

// `ATOMIC_INIT(INSN(1))`: values nest, each level one call deeper.
Value parse_value_at(TokenCursor& cur, std::size_t depth);
std::optional<Value> parse_c_special_value_at(TokenCursor& cur, std::size_t depth);

/// `P12` -> 12; -1 if `text` is not a thread name.
int thread_number(std::string_view text) {
  if (text.size() < 2 || text.size() > 6 || text[0] != 'P') return -1;
  int n = 0;
  for (char c : text.substr(1)) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

int checked_thread(TokenCursor& cur, const Token& tok) {
  if (tok.number < 0 || tok.number > 1000) cur.fail_at(tok, "thread number " + tok.text + " is too large");
  return static_cast<int>(tok.number);
}

// The inside of `label:"P1:L0"` (or `"1:L0"`), with positions inside the string.
CodeLabel parse_quoted_label(const SourceText& src, const Token& str) {
  const std::size_t begin = str.where.begin + 1;
  const std::string& s = str.text;
  std::size_t i = (!s.empty() && s[0] == 'P') ? 1 : 0;
  const std::size_t digits = i;
  int thread = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) != 0 && i - digits < 4)
    thread = thread * 10 + (s[i++] - '0');
  if (i == digits || i >= s.size() || s[i] != ':' || i + 1 >= s.size())
    src.fail(begin, begin + s.size(), "expected label of the form \"P1:L0\"");
  return {thread, s.substr(i + 1)};
}

}  // namespace

Value c_insn_value(const diag::SourceSpan& span, std::string_view name, std::optional<std::int64_t> returns) {
  Instruction insn;
  insn.arch = kCDialect;
  insn.mnemonic = std::string(name);
  if (returns) {
    Operand op;
    op.kind = Operand::Kind::Imm;
    op.imm = *returns;
    insn.operands.push_back(op);
  }
  insn.span = span;
  Value v;
  v.kind = Value::Kind::Instr;
  v.instr = std::make_shared<const Instruction>(std::move(insn));
  v.span = span;
  return v;
}

std::optional<Value> parse_c_special_value(TokenCursor& cur) { return parse_c_special_value_at(cur, 0); }

namespace {

// C values beyond herd's: the code values of c_code_values.hpp and the
// kernel's `ATOMIC_INIT(v)` (= v). `instr:"..."` has no meaning in C.
std::optional<Value> parse_c_special_value_at(TokenCursor& cur, std::size_t depth) {
  const SourceText& src = cur.source();
  const Token& first = cur.peek();
  if (first.text == "ALIAS" && cur.peek(1).is("(")) {  // code_t fw = ALIAS(f): another mapping of f
    cur.next();
    cur.next();
    const Token& target = cur.peek();
    if (target.kind != Token::Kind::Ident) cur.fail_here("ALIAS(f) takes the name of a code_t location");
    cur.next();
    const Token& close = cur.expect(")", "after the location of 'ALIAS('");
    Value v;
    v.kind = Value::Kind::Address;
    v.symbol = target.text;
    v.alias = true;
    v.span = src.span(first.where.begin, close.where.end);
    return v;
  }
  const auto code = c_code_value_name(first.text);
  if (code && !code->takes_int) {
    cur.next();
    return c_insn_value(src.span(first.where), code->name, std::nullopt);
  }
  if (code && code->takes_int && !cur.peek(1).is("("))
    cur.fail_at(first, first.text + " takes an integer: write " + first.text + "(n), n the value the call returns");
  if (((code && code->takes_int) || first.text == "ATOMIC_INIT") && cur.peek(1).is("(")) {
    if (depth >= kLitmusNestingLimit) cur.fail_here(diag::nested_too_deeply("value", kLitmusNestingLimit));
    cur.next();
    cur.next();
    const Token& arg = cur.peek();
    Value inner = parse_value_at(cur, depth + 1);
    const Token& close = cur.expect(")", "after the value of '" + first.text + "('");
    const diag::SourceSpan span = src.span(first.where.begin, close.where.end);
    if (first.text == "ATOMIC_INIT") {
      inner.span = span;
      return inner;
    }
    if (inner.kind != Value::Kind::Int)
      src.fail(arg.where.begin, close.where.begin,
               first.text + "(n) takes an integer: the value the instruction returns");
    return c_insn_value(span, code->name, inner.num);
  }
  if ((first.text == "instr" || first.text == "label") && cur.peek(1).is(":"))
    cur.fail_here("'" + first.text + ":\"...\"' values are not available in C tests; write INSN(n) or INSN_UDF");
  return std::nullopt;
}

}  // namespace

bool at_fault(const TokenCursor& cur) {
  const Token& t = cur.peek();
  return t.is_ident() && (t.text == "fault" || t.text == "Fault") && cur.peek(1).is("(");
}

// herd's fault types; anything else in a fault atom names a location.
bool is_fault_type(const std::string& name) {
  return name == "UndefinedInstruction" || name == "SupervisorCall" || name == "TagCheck" ||
         name == "MMU" || name == "D-MMU" || name == "I-MMU" || name == "GCS" || name == "PacCheck";
}

Location parse_fault(TokenCursor& cur) {
  const SourceText& src = cur.source();
  const Token& kw = cur.next();
  cur.expect("(", "after '" + kw.text + "'");
  Location loc;
  loc.kind = Location::Kind::Fault;
  const Token& proc = cur.expect_ident("thread name (P0) in fault atom");
  loc.thread = thread_number(proc.text);
  if (loc.thread < 0) cur.fail_at(proc, "expected thread name (P0) in fault atom, found '" + proc.text + "'");
  if (cur.accept(":")) loc.label = cur.expect_ident("label after ':'").text;
  while (cur.accept(",")) {
    const Token& what = cur.expect_ident("location or fault type");
    if (is_fault_type(what.text)) {
      loc.fault_type = what.text;
      if (cur.accept(":")) loc.fault_type += ":" + cur.expect_ident("fault subtype").text;
    } else if (loc.symbol.empty() && loc.fault_type.empty()) {
      loc.symbol = what.text;
    } else {
      cur.fail_at(what, "unknown fault type '" + what.text + "'");
    }
  }
  const Token& close = cur.expect(")", "to close the fault atom");
  loc.span = src.span(kw.where.begin, close.where.end);
  return loc;
}

bool at_location(const TokenCursor& cur) {
  const Token& t = cur.peek();
  if (t.kind == Token::Kind::Number) return cur.peek(1).is(":");
  if (t.is("[")) return true;
  if (cur.arch() != kCDialect && syntax(cur.arch()).at_own_location(t)) return true;
  return t.is_ident();
}

Location parse_location(TokenCursor& cur) {
  const SourceText& src = cur.source();
  if (at_fault(cur)) return parse_fault(cur);
  if (cur.arch() != kCDialect)
    if (auto own = syntax(cur.arch()).parse_own_location(cur)) return *own;
  Location loc;
  const Token& first = cur.peek();
  if (first.kind == Token::Kind::Number) {
    const Token& proc = cur.next();
    cur.expect(":", "between thread number and register");
    if (cur.arch() == kCDialect) {
      // C: a local variable of thread `proc`, kept as written (herd: `0:r1`).
      const Token& var = cur.expect_ident("variable name");
      if (var.text.find('.') != std::string::npos)
        cur.fail_at(var, "invalid variable name '" + var.text + "'");
      loc.kind = Location::Kind::Register;
      loc.thread = checked_thread(cur, proc);
      loc.reg = var.text;
      loc.span = src.span(proc.where.begin, var.where.end);
      return loc;
    }
    const ArchSyntax& arch = syntax(cur.arch());
    const bool percent = !arch.register_prefix().empty() && cur.accept(arch.register_prefix());
    const Token& name = cur.expect_ident("register name");
    const auto canonical = arch.location_register(name.text);
    if (!canonical)
      cur.fail_at(name, "unknown register '" + std::string(percent ? arch.register_prefix() : "") + name.text + "'");
    loc.kind = Location::Kind::Register;
    loc.thread = checked_thread(cur, proc);
    loc.reg = *canonical;
    loc.span = src.span(proc.where.begin, name.where.end);
    return loc;
  }
  loc.kind = Location::Kind::Memory;
  if (first.is("[")) {
    cur.next();
    const Token& name = cur.expect_ident("location name");
    const Token& close = cur.expect("]", "after location name");
    loc.symbol = name.text;
    loc.span = src.span(first.where.begin, close.where.end);
    return loc;
  }
  const Token& name = cur.expect_ident("location");
  loc.symbol = name.text;
  loc.span = src.span(name.where);
  return loc;
}

Value nop_value(const diag::SourceSpan& span, ArchId arch) {
  Instruction nop;
  nop.arch = arch;
  nop.mnemonic = std::string(syntax(arch).nop_mnemonic());
  nop.span = span;
  Value v;
  v.kind = Value::Kind::Instr;
  v.instr = std::make_shared<const Instruction>(std::move(nop));
  v.span = span;
  return v;
}

Value parse_value(TokenCursor& cur) { return parse_value_at(cur, 0); }

namespace {

Value parse_value_at(TokenCursor& cur, std::size_t depth) {
  const SourceText& src = cur.source();
  const Token& first = cur.peek();
  Value v;
  if (first.is("-") || first.kind == Token::Kind::Number) {
    // `1:L0` is a code label as in herd (NUM COLON NAME); otherwise an integer.
    if (first.kind == Token::Kind::Number && cur.peek(1).is(":") && cur.peek(2).is_ident()) {
      cur.next();
      cur.next();
      const Token& label = cur.next();
      v.kind = Value::Kind::Code;
      v.code = {checked_thread(cur, first), label.text};
      v.span = src.span(first.where.begin, label.where.end);
      return v;
    }
    const bool negative = cur.accept("-");
    const Token& num = cur.peek();
    if (num.kind != Token::Kind::Number) cur.fail_here("expected integer after '-', found " + num.describe());
    cur.next();
    v.kind = Value::Kind::Int;
    v.num = num.signed_number(negative);
    v.span = src.span(first.where.begin, num.where.end);
    return v;
  }
  if (first.is("&")) {
    cur.next();
    const Token& name = cur.expect_ident("location name after '&'");
    v.kind = Value::Kind::Address;
    v.symbol = name.text;
    v.span = src.span(first.where.begin, name.where.end);
    return v;
  }
  if (!first.is_ident()) cur.fail_here("expected value, found " + first.describe());
  if (cur.arch() == kCDialect) {
    if (auto c_value = parse_c_special_value_at(cur, depth)) return *c_value;
  }
  cur.next();
  if (cur.arch() != kCDialect && (first.text == "NOP" || first.text == "nop"))
    return nop_value(src.span(first.where), cur.arch());
  if ((first.text == "instr" || first.text == "label") && cur.peek().is(":")) {
    cur.next();
    const Token& str = cur.peek();
    if (str.kind != Token::Kind::String)
      cur.fail_here("expected quoted string after '" + first.text + ":', found " + str.describe());
    cur.next();
    v.span = src.span(first.where.begin, str.where.end);
    if (first.text == "instr") {
      v.kind = Value::Kind::Instr;
      const Region text{str.where.begin + 1, str.where.end - 1};
      v.instr = std::make_shared<const Instruction>(parse_instruction(cur.arch(), src, text));
    } else {
      v.kind = Value::Kind::Code;
      v.code = parse_quoted_label(src, str);
    }
    return v;
  }
  const int thread = thread_number(first.text);
  if (thread >= 0 && cur.peek().is(":")) {
    cur.next();
    const Token& label = cur.expect_ident("label after '" + first.text + ":'");
    v.kind = Value::Kind::Code;
    v.code = {thread, label.text};
    v.span = src.span(first.where.begin, label.where.end);
    return v;
  }
  v.kind = Value::Kind::Address;
  v.symbol = first.text;
  v.span = src.span(first.where);
  return v;
}

}  // namespace

std::size_t parse_array_size(TokenCursor& cur) {
  cur.expect("[", "before array size");
  const Token& size = cur.peek();
  if (size.kind != Token::Kind::Number || size.number <= 0)
    cur.fail_here("expected array size, found " + size.describe());
  cur.next();
  cur.expect("]", "after array size");
  return static_cast<std::size_t>(size.number);
}

void parse_array_initialiser(TokenCursor& cur, InitEntry& e, const std::string& noun) {
  const Token& open = cur.next();
  if (!e.array_size) cur.fail_at(open, "'{' initialiser for a " + noun + " that is not an array");
  do {
    e.array_values.push_back(parse_value(cur));
  } while (cur.accept(","));
  cur.expect("}", "after array initialiser");
  if (e.array_values.size() != *e.array_size)
    cur.source().fail(open.where.begin, cur.previous_end(),
                      "array " + e.loc.symbol + " has " + std::to_string(*e.array_size) +
                          " elements, initialiser has " + std::to_string(e.array_values.size()));
}

}  // namespace xmcheck::litmus::internal
