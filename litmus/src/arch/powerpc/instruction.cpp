#include "instruction.hpp"
#include "ascii_case.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

#include "names.hpp"
#include "token_cursor.hpp"

namespace xmcheck::litmus::internal {
namespace {

// The operand layout of each mnemonic; see README.md.
enum class Shape : std::uint8_t {
  None,      // nop sync lwsync isync eieio sc rfid rfi blr
  RRR,       // add rD,rA,rB
  RR,        // mr rD,rS; extsw; neg
  RRI,       // addi rD,rA,k
  RI,        // li rD,k
  Rotate,    // rlwinm rD,rA,sh,mb,me
  CmpReg,    // cmpw [crN,]rA,rB
  CmpImm,    // cmpwi [crN,]rA,k
  Target,    // b L, beq L
  MemD,      // lwz rD,d(rA) | lwz rD,d,rA
  MemX,      // lwzx rD,rA,rB
  CacheX,    // dcbf rA,rB
  Mtspr,     // mtlr rS
  Mfspr,     // mflr rD, mfcr rD
  Comment,   // com "text"
};

struct Entry {
  std::string_view written;    ///< lower-case, as herd spells it
  std::string_view canonical;  ///< stored mnemonic
  Shape shape;
};

using S = Shape;
constexpr std::array kMnemonics{
    Entry{"nop", "nop", S::None},        Entry{"sync", "sync", S::None},
    Entry{"hwsync", "sync", S::None},    Entry{"lwsync", "lwsync", S::None},
    Entry{"isync", "isync", S::None},    Entry{"eieio", "eieio", S::None},
    Entry{"sc", "sc", S::None},          Entry{"rfid", "rfid", S::None},
    Entry{"rfi", "rfi", S::None},        Entry{"blr", "blr", S::None},
    Entry{"add", "add", S::RRR},         Entry{"add.", "add.", S::RRR},
    Entry{"sub", "sub", S::RRR},         Entry{"sub.", "sub.", S::RRR},
    Entry{"subf", "subf", S::RRR},       Entry{"subf.", "subf.", S::RRR},
    Entry{"xor", "xor", S::RRR},         Entry{"xor.", "xor.", S::RRR},
    Entry{"and", "and", S::RRR},         Entry{"and.", "and.", S::RRR},
    Entry{"or", "or", S::RRR},           Entry{"or.", "or.", S::RRR},
    Entry{"nor", "nor", S::RRR},         Entry{"nor.", "nor.", S::RRR},
    Entry{"mullw", "mullw", S::RRR},     Entry{"mullw.", "mullw.", S::RRR},
    Entry{"divw", "divw", S::RRR},       Entry{"divw.", "divw.", S::RRR},
    Entry{"slw", "slw", S::RRR},         Entry{"sraw", "sraw", S::RRR},
    Entry{"mr", "mr", S::RR},            Entry{"extsw", "extsw", S::RR},
    Entry{"neg", "neg", S::RR},          Entry{"neg.", "neg.", S::RR},
    Entry{"addi", "addi", S::RRI},       Entry{"subi", "addi", S::RRI},
    Entry{"addis", "addis", S::RRI},     Entry{"ori", "ori", S::RRI},
    Entry{"xori", "xori", S::RRI},       Entry{"andi.", "andi.", S::RRI},
    Entry{"mulli", "mulli", S::RRI},     Entry{"clrldi", "clrldi", S::RRI},
    Entry{"srawi", "srawi", S::RRI},     Entry{"li", "li", S::RI},
    Entry{"lis", "lis", S::RI},          Entry{"rlwinm", "rlwinm", S::Rotate},
    Entry{"rlwimi", "rlwimi", S::Rotate}, Entry{"cmpw", "cmpw", S::CmpReg},
    Entry{"cmplw", "cmplw", S::CmpReg},  Entry{"cmpd", "cmpd", S::CmpReg},
    Entry{"cmpld", "cmpld", S::CmpReg},  Entry{"cmpwi", "cmpwi", S::CmpImm},
    Entry{"cmplwi", "cmplwi", S::CmpImm}, Entry{"cmpdi", "cmpdi", S::CmpImm},
    Entry{"cmpldi", "cmpldi", S::CmpImm}, Entry{"b", "b", S::Target},
    Entry{"bl", "bl", S::Target},        Entry{"beq", "beq", S::Target},
    Entry{"bne", "bne", S::Target},      Entry{"blt", "blt", S::Target},
    Entry{"bge", "bge", S::Target},      Entry{"bnl", "bge", S::Target},
    Entry{"bgt", "bgt", S::Target},      Entry{"ble", "ble", S::Target},
    Entry{"bng", "ble", S::Target},      Entry{"lbz", "lbz", S::MemD},
    Entry{"lhz", "lhz", S::MemD},        Entry{"lwz", "lwz", S::MemD},
    Entry{"lwa", "lwa", S::MemD},        Entry{"ld", "ld", S::MemD},
    Entry{"lwzu", "lwzu", S::MemD},      Entry{"ldu", "ldu", S::MemD},
    Entry{"stb", "stb", S::MemD},        Entry{"sth", "sth", S::MemD},
    Entry{"stw", "stw", S::MemD},        Entry{"std", "std", S::MemD},
    Entry{"stwu", "stwu", S::MemD},      Entry{"stdu", "stdu", S::MemD},
    Entry{"lbzx", "lbzx", S::MemX},      Entry{"lhzx", "lhzx", S::MemX},
    Entry{"lwzx", "lwzx", S::MemX},      Entry{"lwax", "lwax", S::MemX},
    Entry{"ldx", "ldx", S::MemX},        Entry{"lwarx", "lwarx", S::MemX},
    Entry{"ldarx", "ldarx", S::MemX},    Entry{"stbx", "stbx", S::MemX},
    Entry{"sthx", "sthx", S::MemX},      Entry{"stwx", "stwx", S::MemX},
    Entry{"stdx", "stdx", S::MemX},      Entry{"stwcx.", "stwcx.", S::MemX},
    Entry{"stdcx.", "stdcx.", S::MemX},  Entry{"dcbst", "dcbst", S::CacheX},
    Entry{"dcbf", "dcbf", S::CacheX},    Entry{"icbi", "icbi", S::CacheX},
    Entry{"mtlr", "mtlr", S::Mtspr},     Entry{"mflr", "mflr", S::Mfspr},
    Entry{"mtctr", "mtctr", S::Mtspr},   Entry{"mfctr", "mfctr", S::Mfspr},
    Entry{"mfcr", "mfcr", S::Mfspr},     Entry{"com", "com", S::Comment},
};

const Entry* find_mnemonic(std::string_view lower) {
  for (const auto& e : kMnemonics)
    if (e.written == lower) return &e;
  return nullptr;
}

const Entry* find_canonical(std::string_view mnemonic) {
  for (const auto& e : kMnemonics)
    if (e.canonical == mnemonic) return &e;
  return nullptr;
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
    const Entry* m = find_mnemonic(ascii_lower(head.text));
    if (m == nullptr) unsupported();
    out_.arch = *arch_by_id("powerpc");
    out_.span = src_.span(text_);
    out_.mnemonic = std::string(m->canonical);
    const bool negate = ascii_lower(head.text) == "subi";  // herd: subi rD,rA,k is addi rD,rA,-k
    parse_operands(m->shape);
    if (negate) out_.operands.back().imm = static_cast<std::int64_t>(0 - static_cast<std::uint64_t>(out_.operands.back().imm));
    if (!cur_.at_end()) cur_.fail_here("unexpected " + cur_.peek().describe() + " after instruction");
    return std::move(out_);
  }

 private:
  void parse_operands(Shape shape) {
    switch (shape) {
      case S::None: return;
      case S::RRR:
        add(reg());
        comma();
        add(reg());
        comma();
        add(reg());
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
      case S::RI:
        add(reg());
        comma();
        add(immediate());
        return;
      case S::Rotate:
        add(reg());
        comma();
        add(reg());
        for (int i = 0; i < 3; ++i) {
          comma();
          add(immediate());
        }
        return;
      case S::CmpReg:
      case S::CmpImm:
        cr_field();
        add(reg());
        comma();
        add(shape == S::CmpReg ? reg() : immediate());
        return;
      case S::Target: add(target()); return;
      case S::MemD:
        add(reg());
        comma();
        add(displacement());
        return;
      case S::MemX:
        add(reg());
        comma();
        add(reg());
        comma();
        add(reg());
        return;
      case S::CacheX:
        add(reg());
        comma();
        add(reg());
        return;
      case S::Mtspr:
      case S::Mfspr: add(reg()); return;
      case S::Comment: {
        const Token& text = cur_.peek();
        if (text.kind != Token::Kind::String) cur_.fail_here("expected quoted comment after 'com', found " + text.describe());
        cur_.next();
        Operand op;
        op.kind = Operand::Kind::Keyword;
        op.text = text.text;
        add(op);
        return;
      }
    }
  }

  [[noreturn]] void unsupported() const {
    throw diag::UserError(diag::ErrorKind::Unsupported, src_.span(text_),
                          "unsupported instruction '" + std::string(src_.slice(text_)) + "'");
  }

  void add(Operand op) { out_.operands.push_back(std::move(op)); }
  void comma() { cur_.expect(",", "between operands"); }

  // An optional `crN,` before a comparison; cr0 (the default) is not stored.
  void cr_field() {
    const Token& tok = cur_.peek();
    if (!tok.is_ident()) return;
    const auto field = parse_powerpc_cr_field(tok.text);
    if (!field) return;
    cur_.next();
    comma();
    if (*field == 0) return;
    Operand op;
    op.kind = Operand::Kind::Keyword;
    op.text = "cr" + std::to_string(*field);
    add(op);
  }

  // rN, lr/ctr/srr0, or a symbolic register `%name` (index kPowerPCSymbolic, name in `text`).
  Operand reg() {
    Operand op;
    op.kind = Operand::Kind::Reg;
    if (cur_.peek().is("%")) {
      cur_.next();
      const Token& name = cur_.peek();
      if (!name.is_ident()) cur_.fail_here("expected symbolic register name after '%', found " + name.describe());
      cur_.next();
      op.reg.index = kPowerPCSymbolic;
      op.text = name.text;
      return op;
    }
    const Token& tok = cur_.peek();
    // gas's bare register numbers (`ori 0,0,0`, `lwarx r2,0,r1`) are accepted too.
    if (tok.kind == Token::Kind::Number && tok.number >= 0 && tok.number < 32 && tok.text.find_first_not_of("0123456789") == std::string::npos) {
      cur_.next();
      op.reg.index = static_cast<std::uint8_t>(tok.number);
      op.reg.width = 64;
      return op;
    }
    const auto r = tok.is_ident() ? parse_powerpc_register(tok.text) : std::nullopt;
    if (!r || r->index >= 32) cur_.fail_here("expected register, found " + tok.describe());
    cur_.next();
    op.reg = *r;
    return op;
  }

  std::int64_t immediate_value() {
    bool negative = false;
    if (cur_.accept("-")) negative = true;
    else cur_.accept("+");
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

  // A label of the same thread, or `.+N` / `.-N` relative to this instruction.
  Operand target() {
    Operand op;
    if (cur_.accept(".")) {
      op.kind = Operand::Kind::Relative;
      bool negative = false;
      if (cur_.accept("-")) negative = true;
      else cur_.accept("+");
      const Token& tok = cur_.peek();
      if (tok.kind != Token::Kind::Number) cur_.fail_here("expected offset after '.', found " + tok.describe());
      cur_.next();
      op.imm = tok.signed_number(negative);
      return op;
    }
    const Token& tok = cur_.peek();
    if (!tok.is_ident() || parse_powerpc_register(tok.text))
      cur_.fail_here("expected label or '.+offset', found " + tok.describe());
    cur_.next();
    op.kind = Operand::Kind::Label;
    op.text = tok.text;
    return op;
  }

  // `d(rA)` or herd's `d,rA`: Mem with `reg` = rA (`text` = its name if symbolic), `imm` = d.
  Operand displacement() {
    const Token& first = cur_.peek();
    if (!(first.kind == Token::Kind::Number || first.is("-") || first.is("+")))
      cur_.fail_here("expected displacement 'd(rA)', found " + first.describe());
    Operand op;
    op.kind = Operand::Kind::Mem;
    op.imm = immediate_value();
    Operand base;
    if (cur_.accept("(")) {
      base = reg();
      cur_.expect(")", "after base register");
    } else if (cur_.accept(",")) {
      base = reg();
    } else {
      cur_.fail_here("expected '(' or ',' after displacement, found " + cur_.peek().describe());
    }
    op.reg = base.reg;
    op.text = base.text;
    return op;
  }

  const SourceText& src_;
  TokenCursor cur_;
  Region text_;
  Instruction out_;
};

std::string reg_text(const Operand& op) {
  if (op.reg.index == kPowerPCSymbolic) return "%" + op.text;
  return powerpc_register_name(op.reg);
}

std::string operand_text(const Operand& op) {
  switch (op.kind) {
    case Operand::Kind::Reg: return reg_text(op);
    case Operand::Kind::Imm: return std::to_string(op.imm);
    case Operand::Kind::Mem: return std::to_string(op.imm) + "(" + reg_text(op) + ")";
    case Operand::Kind::Label: return op.text;
    case Operand::Kind::Relative: return op.imm >= 0 ? ".+" + std::to_string(op.imm) : "." + std::to_string(op.imm);
    case Operand::Kind::Keyword: return op.text;
  }
  return {};
}

std::string joined(const Instruction& ins, std::size_t from = 0) {
  std::string out;
  for (std::size_t i = from; i < ins.operands.size(); ++i) out += (i == from ? "" : ",") + operand_text(ins.operands[i]);
  return out;
}

}  // namespace

Instruction parse_powerpc_instruction(const SourceText& src, const std::vector<Token>& tokens) {
  XMCHECK_ASSERT(tokens.size() >= 2 && tokens.back().kind == Token::Kind::End,
                 "an instruction has at least one token");
  return InstructionParser(src, tokens).run();
}

std::string powerpc_instruction_to_string(const Instruction& ins) {
  const std::string& m = ins.mnemonic;
  if (m == "nop") return "NOP";
  const Entry* e = find_canonical(m);
  const Shape shape = e != nullptr ? e->shape : S::RRR;
  if (ins.operands.empty()) return m;
  switch (shape) {
    case S::Target:  // herd: "b   L", "bl   L", "beq  L"
      if (m == "b" || m == "bl") return m + "   " + joined(ins);
      return m + "  " + joined(ins);
    case S::Rotate:  // herd: "rlwinm r1,r2,3, 4,5"
      if (ins.operands.size() == 5)
        return m + " " + operand_text(ins.operands[0]) + "," + operand_text(ins.operands[1]) + "," +
               operand_text(ins.operands[2]) + ", " + operand_text(ins.operands[3]) + "," +
               operand_text(ins.operands[4]);
      break;
    case S::Comment: return m + " \"" + ins.operands[0].text + "\"";
    case S::RR:
      if (m == "extsw" && ins.operands.size() == 2)  // herd: "extsw r1, r2"
        return m + " " + operand_text(ins.operands[0]) + ", " + operand_text(ins.operands[1]);
      break;
    default: break;
  }
  return m + " " + joined(ins);
}

}  // namespace xmcheck::litmus::internal
