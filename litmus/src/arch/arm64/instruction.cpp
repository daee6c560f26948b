#include "instruction.hpp"

#include <array>
#include <string>
#include <string_view>

#include "names.hpp"
#include "token_cursor.hpp"

namespace xmcheck::litmus::internal {
namespace {

// The operand layout of each mnemonic; see litmus/README.md.
enum class Shape : std::uint8_t {
  NoOperands,     // NOP, ISB, ERET
  OptionalXReg,   // RET [Xn]
  Target,         // B, BL: label | .+N
  XReg,           // BR, BLR
  RegTarget,      // CBZ, CBNZ
  LoadStore,      // LDR, STR: Rt, [Xn{,#imm | ,Rm{,ext {#k}}}]
  LoadStoreBase,  // LDAR, LDAPR, STLR: Rt, [Xn]
  Move,           // MOV Rd, Rm|#imm
  Arith3,         // ADD, SUB, EOR, AND, ORR: Rd, Rn, Rm|#imm
  Compare,        // CMP Rn, Rm|#imm
  CondSet,        // CSET Rd, cond
  CondSelect,     // CSEL Rd, Rn, Rm, cond
  Address,        // ADR Xd, label | .+N
  Barrier,        // DMB, DSB: option
  DataCache,      // DC op, Xn
  InstrCache,     // IC IVAU, Xn | IC IALLU | IC IALLUIS
  MoveToSys,      // MSR sysreg, Xn
  MoveFromSys,    // MRS Xd, sysreg
  ImmOnly,        // SVC, UDF: #imm
};

struct MnemonicShape {
  std::string_view mnemonic;
  Shape shape;
};

constexpr std::array<MnemonicShape, 33> kMnemonics = {{
    {"NOP", Shape::NoOperands},      {"ISB", Shape::NoOperands},
    {"ERET", Shape::NoOperands},     {"RET", Shape::OptionalXReg},
    {"B", Shape::Target},            {"BL", Shape::Target},
    {"BR", Shape::XReg},             {"BLR", Shape::XReg},
    {"CBZ", Shape::RegTarget},       {"CBNZ", Shape::RegTarget},
    {"LDR", Shape::LoadStore},       {"STR", Shape::LoadStore},
    {"LDAR", Shape::LoadStoreBase},  {"LDAPR", Shape::LoadStoreBase},
    {"STLR", Shape::LoadStoreBase},  {"MOV", Shape::Move},
    {"ADD", Shape::Arith3},          {"SUB", Shape::Arith3},
    {"EOR", Shape::Arith3},          {"AND", Shape::Arith3},
    {"ORR", Shape::Arith3},          {"CMP", Shape::Compare},
    {"CSET", Shape::CondSet},        {"CSEL", Shape::CondSelect},
    {"ADR", Shape::Address},         {"DMB", Shape::Barrier},
    {"DSB", Shape::Barrier},         {"DC", Shape::DataCache},
    {"IC", Shape::InstrCache},       {"MSR", Shape::MoveToSys},
    {"MRS", Shape::MoveFromSys},     {"SVC", Shape::ImmOnly},
    {"UDF", Shape::ImmOnly},
}};

const MnemonicShape* find_mnemonic(std::string_view upper) {
  for (const auto& m : kMnemonics)
    if (m.mnemonic == upper) return &m;
  return nullptr;
}

enum class RegClass : std::uint8_t {
  General,  // Wn/Xn or the zero register
  X,        // Xn or XZR only
  Base,     // Xn or SP (address base)
};

class InstructionParser {
 public:
  InstructionParser(const SourceText& src, const std::vector<Token>& tokens)
      : src_(src), cur_(src, tokens), text_{tokens.front().where.begin, tokens.back().where.end} {
    // The text as written ends at the last real token, not at trailing blanks.
    if (tokens.size() >= 2) text_.end = tokens[tokens.size() - 2].where.end;
  }

  Instruction run() {
    const Token& head = cur_.expect_ident("instruction");
    std::string upper = to_upper(head.text);
    out_.arch = *arch_by_id("arm64");
    out_.span = src_.span(text_);
    if (upper.size() > 2 && upper.starts_with("B.")) {
      // B.cond is "B" with the condition as first operand (instruction.hpp).
      const std::string cond = upper.substr(2);
      if (!is_condition_code(cond)) cur_.fail_at(head, "unknown condition '" + head.text.substr(2) + "' in '" + head.text + "'");
      out_.mnemonic = "B";
      out_.operands.push_back(keyword(cond));
      out_.operands.push_back(target());
      finish();
      return std::move(out_);
    }
    const MnemonicShape* m = find_mnemonic(upper);
    if (m == nullptr) unsupported();
    out_.mnemonic = upper;
    parse_operands(m->shape);
    finish();
    return std::move(out_);
  }

 private:
  void parse_operands(Shape shape) {
    switch (shape) {
      case Shape::NoOperands: return;
      case Shape::OptionalXReg:
        if (!cur_.at_end()) add(reg(RegClass::X));
        return;
      case Shape::Target: add(target()); return;
      case Shape::XReg: add(reg(RegClass::X)); return;
      case Shape::RegTarget:
        add(reg(RegClass::General));
        comma();
        add(target());
        return;
      case Shape::LoadStore:
        add(reg(RegClass::General));
        comma();
        add(memory(true));
        return;
      case Shape::LoadStoreBase:
        add(reg(RegClass::General));
        comma();
        add(memory(false));
        return;
      case Shape::Move: {
        const Operand rd = add(reg(RegClass::General));
        comma();
        add(reg_or_imm(rd.reg.width));
        return;
      }
      case Shape::Arith3: {
        const Operand rd = add(reg(RegClass::General));
        comma();
        add(reg(RegClass::General, rd.reg.width));
        comma();
        add(reg_or_imm(rd.reg.width));
        return;
      }
      case Shape::Compare: {
        const Operand rn = add(reg(RegClass::General));
        comma();
        add(reg_or_imm(rn.reg.width));
        return;
      }
      case Shape::CondSet:
        add(reg(RegClass::General));
        comma();
        add(condition());
        return;
      case Shape::CondSelect: {
        const Operand rd = add(reg(RegClass::General));
        for (int i = 0; i < 2; ++i) {
          comma();
          add(reg(RegClass::General, rd.reg.width));
        }
        comma();
        add(condition());
        return;
      }
      case Shape::Address:
        add(reg(RegClass::X));
        comma();
        add(target());
        return;
      case Shape::Barrier: add(named_keyword(is_barrier_option, "barrier option")); return;
      case Shape::DataCache:
        add(named_keyword(is_dc_operation, "data-cache operation"));
        comma();
        add(reg(RegClass::X));
        return;
      case Shape::InstrCache: instruction_cache(); return;
      case Shape::MoveToSys:
        add(named_keyword(is_system_register, "system register"));
        comma();
        add(reg(RegClass::X));
        return;
      case Shape::MoveFromSys:
        add(reg(RegClass::X));
        comma();
        add(named_keyword(is_system_register, "system register"));
        return;
      case Shape::ImmOnly: add(immediate()); return;
    }
  }

  void instruction_cache() {
    const Token& tok = cur_.expect_ident("instruction-cache operation");
    const std::string op = to_upper(tok.text);
    if (is_ic_operation(op, true)) {
      add(keyword(op));
      comma();
      add(reg(RegClass::X));
    } else if (is_ic_operation(op, false)) {
      add(keyword(op));
    } else {
      cur_.fail_at(tok, "unknown instruction-cache operation '" + tok.text + "'");
    }
  }

  // Anything left over is an operand form we do not implement (shifted
  // registers, pre/post-indexing, ...), which is valid AArch64: Unsupported.
  void finish() {
    if (cur_.at_end()) return;
    if (cur_.peek().is(",") || cur_.peek().is("!")) unsupported();
    cur_.fail_here("unexpected " + cur_.peek().describe() + " after instruction");
  }

  [[noreturn]] void unsupported() const {
    throw diag::UserError(diag::ErrorKind::Unsupported, src_.span(text_),
                          "unsupported instruction '" + std::string(src_.slice(text_)) + "'");
  }

  const Operand& add(Operand op) {
    out_.operands.push_back(std::move(op));
    return out_.operands.back();
  }

  void comma() { cur_.expect(",", "between operands"); }

  static Operand keyword(std::string text) {
    Operand op;
    op.kind = Operand::Kind::Keyword;
    op.text = std::move(text);
    return op;
  }

  Operand named_keyword(bool (*valid)(std::string_view), const std::string& what) {
    const Token& tok = cur_.expect_ident(what);
    const std::string upper = to_upper(tok.text);
    if (!valid(upper)) cur_.fail_at(tok, "unknown " + what + " '" + tok.text + "'");
    return keyword(upper);
  }

  Operand condition() {
    return named_keyword(is_condition_code, "condition");
  }

  // `width` (32/64) when the register must match an earlier operand; 0 otherwise.
  Operand reg(RegClass cls, int width = 0) {
    const Token& tok = cur_.peek();
    const auto r = tok.is_ident() ? parse_aarch64_register(tok.text) : std::nullopt;
    const char* expected = cls == RegClass::General ? "register" : "X register";
    if (!r) cur_.fail_here(std::string("expected ") + expected + ", found " + tok.describe());
    const bool ok = cls == RegClass::General ? !r->is_sp
                    : cls == RegClass::X     ? (r->width == 64 && !r->is_sp)
                                             : (r->width == 64 && !r->is_zero);
    if (!ok) cur_.fail_here(std::string("expected ") + expected + ", found " + tok.describe());
    if (width != 0 && r->width != width)
      cur_.fail_here("expected " + std::string(width == 32 ? "W" : "X") + " register, found " +
                     tok.describe());
    cur_.next();
    Operand op;
    op.kind = Operand::Kind::Reg;
    op.reg = *r;
    return op;
  }

  bool at_immediate() const {
    const Token& t = cur_.peek();
    return t.is("#") || t.kind == Token::Kind::Number || t.is("-") || t.is("+");
  }

  std::int64_t immediate_value() {
    cur_.accept("#");
    bool negative = false;
    if (cur_.accept("-"))
      negative = true;
    else
      cur_.accept("+");
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

  Operand reg_or_imm(int width) {
    if (at_immediate()) return immediate();
    return reg(RegClass::General, width);
  }

  // A label of the same thread, or `.+N` / `.-N` / `.N` relative to this instruction.
  Operand target() {
    Operand op;
    if (cur_.accept(".")) {
      op.kind = Operand::Kind::Relative;
      bool negative = false;
      if (cur_.accept("-"))
        negative = true;
      else
        cur_.accept("+");
      const Token& tok = cur_.peek();
      if (tok.kind != Token::Kind::Number)
        cur_.fail_here("expected offset after '.', found " + tok.describe());
      cur_.next();
      op.imm = tok.signed_number(negative);
      return op;
    }
    const Token& tok = cur_.peek();
    if (!tok.is_ident() || parse_aarch64_register(tok.text))
      cur_.fail_here("expected label or '.+offset', found " + tok.describe());
    cur_.next();
    op.kind = Operand::Kind::Label;
    op.text = tok.text;
    return op;
  }

  // [Xn], [Xn,#imm], [Xn,Rm], [Xn,Rm,ext], [Xn,Rm,ext #k]. `full` = LDR/STR;
  // otherwise only [Xn] (and herd's [Xn,#0]).
  Operand memory(bool full) {
    cur_.expect("[", "before address");
    Operand op;
    op.kind = Operand::Kind::Mem;
    op.reg = reg(RegClass::Base).reg;
    if (cur_.accept(",")) {
      if (at_immediate()) {
        const Token& first = cur_.peek();
        op.imm = immediate_value();
        if (!full && op.imm != 0) cur_.fail_at(first, "expected '[Xn]': offset must be 0");
      } else if (!full) {
        unsupported();
      } else {
        op.has_index = true;
        op.index = reg(RegClass::General).reg;
        if (cur_.accept(",")) extension(op);
      }
    }
    if (!cur_.peek().is("]")) {
      if (cur_.peek().is(",")) unsupported();
      cur_.expect("]", "after address");
    }
    cur_.next();
    if (cur_.peek().is("!") || cur_.peek().is(",")) unsupported();  // pre/post-index
    return op;
  }

  // `LSL #k`, `UXTW`, `SXTW`, `SXTX` (+ optional amount) after an index register.
  void extension(Operand& op) {
    const Token& tok = cur_.expect_ident("extension (LSL, UXTW, SXTW, SXTX)");
    const std::string ext = to_upper(tok.text);
    if (ext != "LSL" && ext != "UXTW" && ext != "SXTW" && ext != "SXTX") unsupported();
    op.text = ext;
    if (at_immediate()) op.imm = immediate_value();
    else if (ext == "LSL") cur_.fail_here("expected shift amount after LSL, found " + cur_.peek().describe());
    if (ext == "LSL" && op.imm == 0) op.text.clear();  // [Xn,Xm,LSL #0] is [Xn,Xm]
  }

  const SourceText& src_;
  TokenCursor cur_;
  Region text_;
  Instruction out_;
};

}  // namespace

Instruction parse_aarch64_instruction(const SourceText& src, const std::vector<Token>& tokens) {
  XMCHECK_ASSERT(tokens.size() >= 2 && tokens.back().kind == Token::Kind::End,
                 "an instruction has at least one token");
  return InstructionParser(src, tokens).run();
}

}  // namespace xmcheck::litmus::internal
