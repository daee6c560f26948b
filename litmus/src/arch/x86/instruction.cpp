#include "instruction.hpp"
#include "ascii_case.hpp"

#include <cctype>
#include <string_view>
#include <utility>

#include "token_cursor.hpp"
#include "names.hpp"

namespace xmcheck::litmus::internal {
namespace {

std::string width_name(int width) { return std::to_string(width) + "-bit"; }

bool is_cl(const Operand& op) {
  return op.kind == Operand::Kind::Reg && op.reg.index == 2 && op.reg.width == 8;
}

/// An operand and the text it was parsed from (for errors).
struct Parsed {
  Operand op;
  Region where;
};

class X86InstructionParser {
 public:
  X86InstructionParser(const SourceText& src, const std::vector<Token>& tokens)
      : src_(src),
        cur_(src, tokens),
        text_{tokens.front().where.begin, tokens.back().where.end} {
    if (tokens.size() >= 2) text_.end = tokens[tokens.size() - 2].where.end;
  }

  Instruction run() {
    out_.arch = *arch_by_id("x86");
    out_.span = src_.span(text_);
    const Token* lock = nullptr;
    if (cur_.peek().is_word("lock")) {
      lock = &cur_.next();
      cur_.accept(";");  // herd's `lock; incl (x)` (only inside instr:"...")
      out_.lock = true;
      if (cur_.peek().is_word("lock")) cur_.fail_here("duplicate 'lock' prefix");
    }
    const Token& head = cur_.peek();
    if (!head.is_ident()) cur_.fail_here("expected instruction, found " + head.describe());
    cur_.next();
    head_ = &head;
    const std::optional<X86Lookup> found = find_x86_mnemonic(ascii_lower(head.text));
    if (!found) unsupported();
    const X86Mnemonic& m = *found->mnemonic;
    out_.mnemonic = std::string(m.canonical);
    out_.width = found->width;
    parse_operands(m.shape, found->condition);
    finish();
    if (segment_override_ && m.shape != X86Shape::Nop) unsupported();
    if (lock != nullptr) check_lock(*lock, m);
    check_widths(m.shape);
    for (auto& p : parsed_) out_.operands.push_back(std::move(p.op));
    return std::move(out_);
  }

 private:
  void parse_operands(X86Shape shape, const std::string& condition) {
    switch (shape) {
      case X86Shape::NoOperands: return;
      case X86Shape::Nop:
        // herd reads nopl/nopw/endbr64 as NOP: the operand is checked loosely and dropped.
        if (!cur_.at_end()) (void)operand(true);
        out_.width = 0;
        return;
      case X86Shape::Binary: {
        add(data_operand());
        comma();
        add(destination());
        if (parsed_[0].op.kind == Operand::Kind::Mem && parsed_[1].op.kind == Operand::Kind::Mem)
          src_.fail(parsed_[1].where, "at most one memory operand in '" + head_->text + "'");
        check_control_registers();
        return;
      }
      case X86Shape::Shift: {
        const Parsed count = data_operand();
        if (count.op.kind != Operand::Kind::Imm && !is_cl(count.op))
          src_.fail(count.where, "expected immediate or %cl as shift count");
        add(count);
        comma();
        add(destination());
        return;
      }
      case X86Shape::Unary: add(destination()); return;
      case X86Shape::Exchange: {
        add(destination());
        comma();
        add(destination());
        if (parsed_[0].op.kind == Operand::Kind::Mem && parsed_[1].op.kind == Operand::Kind::Mem)
          src_.fail(parsed_[1].where, "at most one memory operand in '" + head_->text + "'");
        return;
      }
      case X86Shape::RegToEa: {
        Parsed a = destination();
        comma();
        Parsed b = destination();
        // herd writes `cmpxchg (x),%reg` (memory first); AT&T writes the source register first.
        if (out_.mnemonic == "cmpxchg" && a.op.kind == Operand::Kind::Mem &&
            b.op.kind == Operand::Kind::Reg)
          std::swap(a, b);
        if (a.op.kind != Operand::Kind::Reg)
          src_.fail(a.where, "expected source register in '" + head_->text + "'");
        add(std::move(a));
        add(std::move(b));
        return;
      }
      case X86Shape::Jump: add(jump_target()); return;
      case X86Shape::CondJump: {
        Operand cond;
        cond.kind = Operand::Kind::Keyword;
        cond.text = condition;
        add({cond, head_->where});
        add(label());
        return;
      }
      case X86Shape::Flush: {
        const Parsed mem = operand(false);
        if (mem.op.kind != Operand::Kind::Mem) src_.fail(mem.where, "expected memory operand");
        add(mem);
        return;
      }
    }
  }

  void add(Parsed p) { parsed_.push_back(std::move(p)); }

  void comma() { cur_.expect(",", "between operands"); }

  void finish() {
    if (cur_.at_end()) return;
    if (cur_.peek().is(",")) cur_.fail_here("too many operands for '" + head_->text + "'");
    cur_.fail_here("unexpected " + cur_.peek().describe() + " after instruction");
  }

  [[noreturn]] void unsupported() const {
    throw diag::UserError(diag::ErrorKind::Unsupported, src_.span(text_),
                          "unsupported instruction '" + std::string(src_.slice(text_)) + "'");
  }

  // A register, immediate or memory operand whose registers must be data registers.
  Parsed data_operand() {
    Parsed p = operand(false);
    if (p.op.kind == Operand::Kind::Reg && (p.op.reg.index == kX86Rip || p.op.reg.index == kX86Cs))
      unsupported();
    return p;
  }

  Parsed destination() {
    Parsed p = data_operand();
    if (p.op.kind == Operand::Kind::Imm)
      src_.fail(p.where, "expected register or memory operand, found immediate");
    return p;
  }

  // `mov %r64,%crN` / `mov %crN,%r64` only.
  void check_control_registers() {
    auto is_cr = [](const Operand& o) {
      return o.kind == Operand::Kind::Reg && o.reg.index >= kX86Cr0;
    };
    const bool cr0 = is_cr(parsed_[0].op);
    const bool cr1 = is_cr(parsed_[1].op);
    if (!cr0 && !cr1) return;
    const Parsed& cr = cr0 ? parsed_[0] : parsed_[1];
    const Parsed& other = cr0 ? parsed_[1] : parsed_[0];
    if (out_.mnemonic != "mov")
      src_.fail(cr.where, "control register in '" + head_->text + "': only mov accepts one");
    const bool ok = other.op.kind == Operand::Kind::Reg && is_x86_gpr(other.op.reg) &&
                    other.op.reg.width == 64;
    if (!ok) src_.fail(other.where, "expected 64-bit general-purpose register with a control register");
  }

  // Register operands must agree with the suffix, or with each other without one.
  void check_widths(X86Shape shape) {
    if (shape == X86Shape::Jump || shape == X86Shape::Nop) return;
    const Parsed* first = nullptr;
    for (std::size_t i = 0; i < parsed_.size(); ++i) {
      const Parsed& p = parsed_[i];
      if (p.op.kind != Operand::Kind::Reg || !is_x86_gpr(p.op.reg)) continue;
      if (shape == X86Shape::Shift && i == 0) continue;  // %cl is always 8-bit
      if (out_.width != 0 && p.op.reg.width != out_.width)
        src_.fail(p.where, "operand size mismatch: '" + std::string(src_.slice(p.where)) + "' is " +
                               width_name(p.op.reg.width) + ", '" + head_->text + "' is " +
                               width_name(out_.width));
      if (first != nullptr && p.op.reg.width != first->op.reg.width)
        src_.fail(p.where, "operand size mismatch: '" + std::string(src_.slice(first->where)) +
                               "' and '" + std::string(src_.slice(p.where)) + "'");
      if (first == nullptr) first = &p;
    }
  }

  void check_lock(const Token& lock, const X86Mnemonic& m) {
    if (!m.lockable)
      cur_.fail_at(lock, "'lock' prefix not allowed on '" + head_->text + "'");
    bool memory = parsed_.back().op.kind == Operand::Kind::Mem;
    if (m.shape == X86Shape::Exchange) memory = memory || parsed_.front().op.kind == Operand::Kind::Mem;
    if (!memory) cur_.fail_at(lock, "'lock' prefix needs a memory destination");
  }

  // `L0`, not a register.
  Parsed label() {
    const Token& tok = cur_.peek();
    if (!tok.is_ident() || parse_x86_register(tok.text))
      cur_.fail_here("expected label, found " + tok.describe());
    cur_.next();
    Operand op;
    op.kind = Operand::Kind::Label;
    op.text = tok.text;
    return {op, tok.where};
  }

  // `L0`, or `*%rax` / `*(x)` (indirect).
  Parsed jump_target() {
    if (!cur_.peek().is("*")) return label();
    const std::size_t begin = cur_.next().where.begin;
    Parsed p = data_operand();
    if (p.op.kind == Operand::Kind::Imm) src_.fail(p.where, "expected register or memory after '*'");
    if (p.op.kind == Operand::Kind::Reg && (!is_x86_gpr(p.op.reg) || p.op.reg.width != 64))
      src_.fail(p.where, "expected 64-bit register after '*'");
    p.where.begin = begin;
    return p;
  }

  std::int64_t signed_number() {
    bool negative = false;
    if (cur_.accept("-"))
      negative = true;
    else
      cur_.accept("+");
    const Token& tok = cur_.peek();
    if (tok.kind != Token::Kind::Number) cur_.fail_here("expected number, found " + tok.describe());
    cur_.next();
    return tok.signed_number(negative);
  }

  bool at_register() const {
    const Token& t = cur_.peek();
    if (t.is("%")) return true;
    return t.is_ident() && (parse_x86_register(t.text) || is_x86_high_byte_register(t.text));
  }

  // `%rax` or `rax` (herd accepts both).
  Reg register_name() {
    const std::size_t begin = cur_.peek().where.begin;
    const bool percent = cur_.accept("%");
    const Token& tok = cur_.peek();
    if (!tok.is_ident())
      cur_.fail_here(std::string(percent ? "expected register name after '%'" : "expected register") +
                     ", found " + tok.describe());
    if (is_x86_high_byte_register(tok.text)) unsupported();
    const auto r = parse_x86_register(tok.text);
    if (!r)
      src_.fail(begin, tok.where.end,
                "unknown register '" + std::string(percent ? "%" : "") + tok.text + "'");
    cur_.next();
    return *r;
  }

  // Any operand; `loose` (nop's operand) skips the addressing-mode checks.
  Parsed operand(bool loose) {
    const std::size_t begin = cur_.peek().where.begin;
    Operand op;
    const Token& first = cur_.peek();
    if (cur_.accept("$")) {
      op.kind = Operand::Kind::Imm;
      op.imm = signed_number();
    } else if (first.kind == Token::Kind::Number || first.is("-") || first.is("+")) {
      const std::int64_t n = signed_number();
      if (cur_.peek().is("(") || cur_.peek().is("[")) {
        op = memory(n, loose);
      } else {
        op.kind = Operand::Kind::Imm;  // herd: a bare number is an immediate (`shl 2,%eax`)
        op.imm = n;
      }
    } else if (at_register()) {
      op.kind = Operand::Kind::Reg;
      op.reg = register_name();
      if (cur_.accept(":")) {  // segment override `%cs:0(...)`
        if (op.reg.index != kX86Cs) cur_.fail_at(first, "expected segment register before ':'");
        segment_override_ = true;
        const std::int64_t disp = cur_.peek().is("(") || cur_.peek().is("[") ? 0 : signed_number();
        op = memory(disp, loose);
      }
    } else if (first.is_ident() && cur_.peek(1).is("(")) {
      op = rip_relative();
    } else if (first.is("(") || first.is("[")) {
      op = memory(0, loose);
    } else {
      cur_.fail_here("expected register, immediate or memory operand, found " + first.describe());
    }
    return {op, Region{begin, cur_.previous_end()}};
  }

  // `x(%rip)`: the address of x, the same operand as `(x)`.
  Operand rip_relative() {
    const Token& name = cur_.next();
    cur_.next();  // (
    const Token& reg_tok = cur_.peek();
    const Reg base = register_name();
    if (base.index != kX86Rip) cur_.fail_at(reg_tok, "expected %rip after symbol '" + name.text + "('");
    cur_.expect(")", "after %rip");
    Operand op;
    op.kind = Operand::Kind::Mem;
    op.text = name.text;
    return op;
  }

  // `(x)`, `[x]`, `disp(base)`, `disp[base]`, `disp(base,index[,scale])`.
  Operand memory(std::int64_t disp, bool loose) {
    const Token& open = cur_.next();
    const bool paren = open.is("(");
    const char* close = paren ? ")" : "]";
    Operand op;
    op.kind = Operand::Kind::Mem;
    op.imm = disp;
    if (!at_register()) {
      const Token& name = cur_.expect_ident("location or register in memory operand");
      if (disp != 0) cur_.fail_at(name, "displacement with a symbol is not supported");
      op.text = name.text;
      cur_.expect(close, "after memory operand");
      return op;
    }
    const Token& base_tok = cur_.peek();
    op.reg = register_name();
    if (!loose && (!is_x86_gpr(op.reg) || op.reg.width != 64)) {
      if (is_x86_gpr(op.reg)) unsupported();  // 32-bit addressing
      cur_.fail_at(base_tok, "expected 64-bit base register");
    }
    if (paren && cur_.accept(",")) {
      const Token& index_tok = cur_.peek();
      op.has_index = true;
      op.index = register_name();
      if (!loose && (!is_x86_gpr(op.index) || op.index.width != 64 || op.index.index == 7))
        cur_.fail_at(index_tok, "expected 64-bit index register other than %rsp");
      op.scale = 1;
      if (cur_.accept(",")) {
        const Token& scale_tok = cur_.peek();
        const std::int64_t scale = signed_number();
        if (!loose && scale != 1 && scale != 2 && scale != 4 && scale != 8)
          cur_.fail_at(scale_tok, "scale must be 1, 2, 4 or 8");
        op.scale = static_cast<std::uint8_t>(scale & 0xff);
      }
    }
    cur_.expect(close, "after memory operand");
    return op;
  }

  const SourceText& src_;
  TokenCursor cur_;
  Region text_;
  Instruction out_;
  std::vector<Parsed> parsed_;
  const Token* head_ = nullptr;
  bool segment_override_ = false;
};

}  // namespace

Instruction parse_x86_instruction(const SourceText& src, const std::vector<Token>& tokens) {
  XMCHECK_ASSERT(tokens.size() >= 2 && tokens.back().kind == Token::Kind::End,
                 "an instruction has at least one token");
  return X86InstructionParser(src, tokens).run();
}

}  // namespace xmcheck::litmus::internal
