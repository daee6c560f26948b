#include "instruction.hpp"
#include "ascii_case.hpp"

#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "names.hpp"
#include "token_cursor.hpp"

namespace xmcheck::litmus::internal {
namespace {

// The operand layout of each mnemonic; see README.md.
enum class Shape : std::uint8_t {
  None,    // nop ret fence.i fence.tso ecall sret mret
  Fence,   // fence [pred,succ]
  RI,      // li rd,imm | lui rd,imm | auipc rd,imm
  RR,      // mv rd,rs (addi rd,rs,0) | sext.w rd,rs
  RRI,     // addi rd,rs,imm (OP-IMM and OP-IMM-32)
  RRR,     // add rd,rs1,rs2 (OP and OP-32)
  Jump,    // j L
  Branch,  // beq rs1,rs2,L
  Load,    // lw rd,k(rs) | lw rd,(rs)
  Store,   // sw rs2,k(rs1)
  Lr,      // lr.w rd,(rs) | lr.w rd,0(rs)
  Sc,      // sc.w rd,rs2,(rs1)
  Amo,     // amoadd.w rd,rs2,(rs1)
};

/// The memory-ordering suffixes a mnemonic accepts, and which of them herd
/// keeps (herd's lexer: `lr.w.rl` is a plain lr.w, `sc.w.aq` a plain sc.w).
enum Ordering : std::uint8_t { kNone = 0, kAq = 1, kRl = 2, kAqRl = 4, kRlDropped = 8, kAqDropped = 16 };

struct Entry {
  std::string_view name;  ///< lower-case base mnemonic, as herd spells it
  Shape shape;
  std::uint8_t orderings;  ///< Ordering bits accepted
};

using S = Shape;
constexpr std::uint8_t kLoadOrd = kAq | kAqRl;
constexpr std::uint8_t kStoreOrd = kRl | kAqRl;
constexpr std::uint8_t kLrOrd = kAq | kRlDropped | kAqRl;
constexpr std::uint8_t kScOrd = kAqDropped | kRl | kAqRl;
constexpr std::uint8_t kAmoOrd = kAq | kRl | kAqRl;

constexpr std::array kMnemonics{
    Entry{"nop", S::None, 0},        Entry{"ret", S::None, 0},        Entry{"fence.i", S::None, 0},
    Entry{"fence.tso", S::None, 0},  Entry{"ecall", S::None, 0},      Entry{"sret", S::None, 0},
    Entry{"mret", S::None, 0},       Entry{"fence", S::Fence, 0},     Entry{"li", S::RI, 0},
    Entry{"lui", S::RI, 0},          Entry{"auipc", S::RI, 0},        Entry{"mv", S::RR, 0},
    Entry{"sext.w", S::RR, 0},       Entry{"addi", S::RRI, 0},        Entry{"slti", S::RRI, 0},
    Entry{"sltiu", S::RRI, 0},       Entry{"andi", S::RRI, 0},        Entry{"ori", S::RRI, 0},
    Entry{"xori", S::RRI, 0},        Entry{"slli", S::RRI, 0},        Entry{"srli", S::RRI, 0},
    Entry{"srai", S::RRI, 0},        Entry{"addiw", S::RRI, 0},       Entry{"slliw", S::RRI, 0},
    Entry{"srliw", S::RRI, 0},       Entry{"sraiw", S::RRI, 0},       Entry{"add", S::RRR, 0},
    Entry{"slt", S::RRR, 0},         Entry{"sltu", S::RRR, 0},        Entry{"and", S::RRR, 0},
    Entry{"or", S::RRR, 0},          Entry{"xor", S::RRR, 0},         Entry{"sll", S::RRR, 0},
    Entry{"srl", S::RRR, 0},         Entry{"sub", S::RRR, 0},         Entry{"sra", S::RRR, 0},
    Entry{"addw", S::RRR, 0},        Entry{"sllw", S::RRR, 0},        Entry{"srlw", S::RRR, 0},
    Entry{"subw", S::RRR, 0},        Entry{"sraw", S::RRR, 0},        Entry{"j", S::Jump, 0},
    Entry{"beq", S::Branch, 0},      Entry{"bne", S::Branch, 0},      Entry{"blt", S::Branch, 0},
    Entry{"bltu", S::Branch, 0},     Entry{"bge", S::Branch, 0},      Entry{"bgeu", S::Branch, 0},
    Entry{"lb", S::Load, kLoadOrd},  Entry{"lh", S::Load, kLoadOrd},  Entry{"lw", S::Load, kLoadOrd},
    Entry{"ld", S::Load, kLoadOrd},  Entry{"lbu", S::Load, kLoadOrd}, Entry{"lhu", S::Load, kLoadOrd},
    Entry{"lwu", S::Load, kLoadOrd}, Entry{"sb", S::Store, kStoreOrd}, Entry{"sh", S::Store, kStoreOrd},
    Entry{"sw", S::Store, kStoreOrd}, Entry{"sd", S::Store, kStoreOrd}, Entry{"lr.w", S::Lr, kLrOrd},
    Entry{"lr.d", S::Lr, kLrOrd},    Entry{"sc.w", S::Sc, kScOrd},    Entry{"sc.d", S::Sc, kScOrd},
    Entry{"amoswap.w", S::Amo, kAmoOrd}, Entry{"amoadd.w", S::Amo, kAmoOrd}, Entry{"amoand.w", S::Amo, kAmoOrd},
    Entry{"amoor.w", S::Amo, kAmoOrd},   Entry{"amoxor.w", S::Amo, kAmoOrd}, Entry{"amomax.w", S::Amo, kAmoOrd},
    Entry{"amomin.w", S::Amo, kAmoOrd},  Entry{"amomaxu.w", S::Amo, kAmoOrd}, Entry{"amominu.w", S::Amo, kAmoOrd},
    Entry{"amoswap.d", S::Amo, kAmoOrd}, Entry{"amoadd.d", S::Amo, kAmoOrd}, Entry{"amoand.d", S::Amo, kAmoOrd},
    Entry{"amoor.d", S::Amo, kAmoOrd},   Entry{"amoxor.d", S::Amo, kAmoOrd}, Entry{"amomax.d", S::Amo, kAmoOrd},
    Entry{"amomin.d", S::Amo, kAmoOrd},  Entry{"amomaxu.d", S::Amo, kAmoOrd}, Entry{"amominu.d", S::Amo, kAmoOrd},
};

const Entry* find_base(std::string_view name) {
  for (const auto& e : kMnemonics)
    if (e.name == name) return &e;
  return nullptr;
}

/// A written mnemonic resolved: the table entry and the canonical spelling
/// (base plus the ordering suffix herd keeps: "", ".aq", ".rl" or ".aqrl").
struct Resolved {
  const Entry* entry = nullptr;
  std::string canonical;
};

std::optional<Resolved> resolve(std::string_view written) {
  // herd accepts `nop` and `mv` in upper case too.
  const std::string name = (written == "NOP" || written == "MV") ? ascii_lower(written) : std::string(written);
  if (const Entry* e = find_base(name)) return Resolved{e, name};
  struct Suffix {
    std::string_view text;
    Ordering bit;
  };
  constexpr std::array kSuffixes{Suffix{".aq.rl", kAqRl}, Suffix{".aqrl", kAqRl}, Suffix{".aq", kAq},
                                 Suffix{".rl", kRl}};
  for (const auto& s : kSuffixes) {
    if (name.size() <= s.text.size() || !name.ends_with(s.text)) continue;
    const std::string base = name.substr(0, name.size() - s.text.size());
    const Entry* e = find_base(base);
    if (e == nullptr) return std::nullopt;
    if (s.bit == kAq && (e->orderings & kAqDropped) != 0) return Resolved{e, base};
    if (s.bit == kRl && (e->orderings & kRlDropped) != 0) return Resolved{e, base};
    if ((e->orderings & s.bit) == 0) return std::nullopt;
    const std::string_view kept = s.bit == kAqRl ? ".aqrl" : s.bit == kAq ? ".aq" : ".rl";
    return Resolved{e, base + std::string(kept)};
  }
  return std::nullopt;
}

/// herd's fence access sets (its `tr_rw`): r, w, rw, and the device forms ir, ow, iorw.
bool fence_set(std::string_view s) {
  return s == "r" || s == "w" || s == "rw" || s == "ir" || s == "ow" || s == "iorw";
}

/// The base mnemonic of a canonical one (its ordering suffix removed).
std::string_view base_of(std::string_view m) {
  for (std::string_view suffix : {".aqrl", ".aq", ".rl"})
    if (m.ends_with(suffix) && find_base(m.substr(0, m.size() - suffix.size())) != nullptr)
      return m.substr(0, m.size() - suffix.size());
  return m;
}

class InstructionParser {
 public:
  InstructionParser(const SourceText& src, const std::vector<Token>& tokens)
      : src_(src), cur_(src, tokens), text_{tokens.front().where.begin, tokens.back().where.end} {
    if (tokens.size() >= 2) text_.end = tokens[tokens.size() - 2].where.end;
  }

  Instruction run() {
    const Token& head = cur_.peek();
    if (!head.is_ident()) cur_.fail_here("expected instruction, found " + head.describe());
    cur_.next();
    const auto r = resolve(head.text);
    if (!r) unsupported();
    out_.arch = *arch_by_id("riscv");
    out_.span = src_.span(text_);
    out_.mnemonic = r->canonical;
    parse_operands(r->entry->shape);
    if (!cur_.at_end()) cur_.fail_here("unexpected " + cur_.peek().describe() + " after instruction");
    if (out_.mnemonic == "mv") {  // herd: mv rd,rs is addi rd,rs,0
      out_.mnemonic = "addi";
      Operand zero;
      zero.kind = Operand::Kind::Imm;
      add(zero);
    }
    return std::move(out_);
  }

 private:
  void parse_operands(Shape shape) {
    switch (shape) {
      case S::None: return;
      case S::Fence: return fence_sets();
      case S::RI:
        add(reg());
        comma();
        add(immediate());
        return;
      case S::RR:
        add(reg());
        comma();
        add(reg());
        return;
      case S::RRI:
        add(reg());
        comma();
        add(reg());
        comma();
        add(immediate());
        return;
      case S::RRR:
        add(reg());
        comma();
        add(reg());
        comma();
        add(reg());
        return;
      case S::Jump: add(label()); return;
      case S::Branch:
        add(reg());
        comma();
        add(reg());
        comma();
        add(label());
        return;
      case S::Load:
      case S::Store:
        add(reg());
        comma();
        add(address(false));
        return;
      case S::Lr:
        add(reg());
        comma();
        add(address(true));
        return;
      case S::Sc:
      case S::Amo:
        add(reg());
        comma();
        add(reg());
        comma();
        add(address(true));
        return;
    }
  }

  [[noreturn]] void unsupported() const {
    throw diag::UserError(diag::ErrorKind::Unsupported, src_.span(text_),
                          "unsupported instruction '" + std::string(src_.slice(text_)) + "'");
  }

  void add(Operand op) { out_.operands.push_back(std::move(op)); }
  void comma() { cur_.expect(",", "between operands"); }

  // `fence` alone is `fence rw,rw`; otherwise a predecessor and a successor set.
  void fence_sets() {
    Operand pred, succ;
    pred.kind = succ.kind = Operand::Kind::Keyword;
    if (cur_.at_end()) {
      pred.text = succ.text = "rw";
    } else {
      pred.text = fence_set_operand("predecessor");
      comma();
      succ.text = fence_set_operand("successor");
    }
    add(pred);
    add(succ);
  }

  std::string fence_set_operand(const std::string& what) {
    const Token& tok = cur_.peek();
    const std::string s = tok.is_ident() ? ascii_lower(tok.text) : std::string();
    if (!fence_set(s))
      cur_.fail_here("expected fence " + what + " set (r, w, rw, ir, ow or iorw), found " + tok.describe());
    cur_.next();
    return s;
  }

  Operand reg() {
    const Token& tok = cur_.peek();
    const auto r = tok.is_ident() ? parse_riscv_register(tok.text) : std::nullopt;
    if (!r) cur_.fail_here("expected register, found " + tok.describe());
    cur_.next();
    Operand op;
    op.kind = Operand::Kind::Reg;
    op.reg = *r;
    return op;
  }

  std::int64_t immediate_value() {
    bool negative = false;
    if (cur_.accept("-")) negative = true;
    const Token& tok = cur_.peek();
    if (tok.kind != Token::Kind::Number) cur_.fail_here("expected immediate, found " + tok.describe());
    cur_.next();
    return tok.signed_number(negative);
  }

  Operand immediate() {
    Operand op;
    op.kind = Operand::Kind::Imm;
    op.imm = immediate_value();
    return op;
  }

  Operand label() {
    const Token& tok = cur_.peek();
    if (!tok.is_ident() || parse_riscv_register(tok.text)) cur_.fail_here("expected label, found " + tok.describe());
    cur_.next();
    Operand op;
    op.kind = Operand::Kind::Label;
    op.text = tok.text;
    return op;
  }

  // `k(rs)` or `(rs)`: Mem with `reg` = rs and `imm` = k. lr, sc and the AMOs
  // take no offset but 0 (herd's addr0).
  Operand address(bool zero_only) {
    Operand op;
    op.kind = Operand::Kind::Mem;
    const Token& first = cur_.peek();
    if (!first.is("(")) {
      if (!(first.kind == Token::Kind::Number || first.is("-")))
        cur_.fail_here("expected address 'k(reg)' or '(reg)', found " + first.describe());
      op.imm = immediate_value();
      if (zero_only && op.imm != 0) cur_.fail_at(first, "expected address '(reg)' or '0(reg)', found offset " + std::to_string(op.imm));
    }
    cur_.expect("(", "before the base register");
    op.reg = reg().reg;
    cur_.expect(")", "after the base register");
    return op;
  }

  const SourceText& src_;
  TokenCursor cur_;
  Region text_;
  Instruction out_;
};

std::string operand_text(const Operand& op) {
  switch (op.kind) {
    case Operand::Kind::Reg: return riscv_register_name(op.reg);
    case Operand::Kind::Imm: return std::to_string(op.imm);
    case Operand::Kind::Mem: return std::to_string(op.imm) + "(" + riscv_register_name(op.reg) + ")";
    case Operand::Kind::Label: return op.text;
    case Operand::Kind::Relative: return op.imm >= 0 ? ".+" + std::to_string(op.imm) : "." + std::to_string(op.imm);
    case Operand::Kind::Keyword: return op.text;
  }
  return {};
}

}  // namespace

Instruction parse_riscv_instruction(const SourceText& src, const std::vector<Token>& tokens) {
  XMCHECK_ASSERT(tokens.size() >= 2 && tokens.back().kind == Token::Kind::End,
                 "an instruction has at least one token");
  return InstructionParser(src, tokens).run();
}

std::string riscv_instruction_to_string(const Instruction& ins) {
  const std::string& m = ins.mnemonic;
  if (m == "nop") return "NOP";
  if (ins.operands.empty()) return m;
  const Entry* e = find_base(base_of(m));
  const Shape shape = e != nullptr ? e->shape : S::RRR;
  if (shape == S::RRI && m == "addi" && ins.operands.size() == 3 && ins.operands[2].imm == 0)
    return "mv " + operand_text(ins.operands[0]) + "," + operand_text(ins.operands[1]);
  std::string out = m + " ";
  for (std::size_t i = 0; i < ins.operands.size(); ++i) {
    const Operand& o = ins.operands[i];
    // herd prints an AMO's address without its offset: `(x3)`.
    const bool bare = shape == S::Amo && o.kind == Operand::Kind::Mem;
    out += (i == 0 ? "" : ",") + (bare ? "(" + riscv_register_name(o.reg) + ")" : operand_text(o));
  }
  return out;
}

}  // namespace xmcheck::litmus::internal
