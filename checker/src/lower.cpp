#include "lower.hpp"

#include <algorithm>
#include <set>

#include "semantics/arch_semantics.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {
namespace {

using diag::ErrorKind;
using diag::UserError;
using litmus::Instruction;
using litmus::Operand;

[[noreturn]] void fail(const diag::SourceSpan& span, const std::string& msg) {
  throw UserError(ErrorKind::Litmus, span, msg);
}

struct Column {
  const litmus::ThreadCode* main = nullptr;
  const litmus::ThreadCode* handler = nullptr;
};

std::vector<Column> group_columns(const litmus::LitmusTest& test) {
  int max_proc = -1;
  for (const auto& t : test.threads) max_proc = std::max(max_proc, t.proc);
  std::vector<Column> cols(static_cast<std::size_t>(max_proc + 1));
  for (const auto& t : test.threads) {
    auto& c = cols[static_cast<std::size_t>(t.proc)];
    (t.is_handler ? c.handler : c.main) = &t;
  }
  for (std::size_t p = 0; p < cols.size(); ++p) {
    if (cols[p].main == nullptr) {
      const auto& span = cols[p].handler ? cols[p].handler->span : test.header_span;
      fail(span, "thread P" + std::to_string(p) + " has no code column");
    }
  }
  return cols;
}

/// Bytes per element of a C type in an array declaration: the LP64 sizes,
/// which herd uses and which hold on every registered architecture.
int element_bytes(const std::string& type) {
  if (type == "int8_t" || type == "uint8_t" || type == "char") return 1;
  if (type == "int16_t" || type == "uint16_t" || type == "short") return 2;
  if (type == "int" || type == "int32_t" || type == "uint32_t") return 4;
  return 8;
}

std::int64_t slot_address(int proc, bool handler, std::size_t index) {
  return (proc + 1) * kProcCodeStride + (handler ? kHandlerOffset : 0) +
         static_cast<std::int64_t>(index) * kInstrBytes;
}

class Lowerer {
 public:
  explicit Lowerer(const litmus::LitmusTest& test) : test_(test) {}

  Program run() {
    prog_.arch = test_.arch;
    auto cols = group_columns(test_);
    layout(cols);
    collect_exported_labels();
    make_code_locations();
    rewrite_code(cols);
    init_state();
    declare_code_symbols();
    mark_fetchable();
    return std::move(prog_);
  }

 private:
  // Slots and label addresses for every proc; instructions are interned later.
  void layout(const std::vector<Column>& cols) {
    prog_.procs.resize(cols.size());
    for (std::size_t p = 0; p < cols.size(); ++p) {
      auto& pc = prog_.procs[p];
      add_segment(static_cast<int>(p), *cols[p].main, false);
      pc.main_len = static_cast<int>(cols[p].main->code.size());
      if (cols[p].handler) {
        pc.handler_begin = static_cast<int>(pc.slots.size());
        add_segment(static_cast<int>(p), *cols[p].handler, true);
      }
    }
  }

  void add_segment(int proc, const litmus::ThreadCode& code, bool handler) {
    auto& pc = prog_.procs[static_cast<std::size_t>(proc)];
    const int base = static_cast<int>(pc.slots.size());
    for (std::size_t i = 0; i <= code.code.size(); ++i) {
      Slot s;
      s.address = slot_address(proc, handler, i);
      s.span = i < code.code.size() ? code.code[i].span : code.span;
      prog_.slot_at[s.address] = {proc, base + static_cast<int>(i)};
      pc.slots.push_back(s);  // the last one is the halt slot (instr = -1)
    }
    for (const auto& [label, index] : code.labels) {
      if (!all_labels_.insert(label).second)
        fail(code.span, "label " + label + " occurs more than once");
      const int pcidx = base + static_cast<int>(index);
      pc.labels[label] = pcidx;
      auto& slot = pc.slots[static_cast<std::size_t>(pcidx)];
      if (slot.label.empty() || label < slot.label) slot.label = label;  // herd: smallest name
    }
  }

  std::int64_t label_address(int proc, const std::string& label, const diag::SourceSpan& span,
                             const std::string& context) {
    if (proc < 0 || proc >= prog_.num_procs())
      fail(span, "no thread P" + std::to_string(proc) + " for label " + label);
    const auto& pc = prog_.procs[static_cast<std::size_t>(proc)];
    auto it = pc.labels.find(label);
    if (it == pc.labels.end())
      fail(span, "label " + label + " not found on P" + std::to_string(proc) + context);
    return pc.slots[static_cast<std::size_t>(it->second)].address;
  }

  // herd exports a label when the init state holds it as a value or an ADR names it.
  void collect_exported_labels() {
    for (const auto& e : test_.init)
      if (e.value && e.value->kind == litmus::Value::Kind::Code)
        exported_.insert(label_address(e.value->code.thread, e.value->code.label, e.value->span,
                                       ", yet it is used in the initialization list"));
    for (const auto& t : test_.threads)
      for (const auto& ins : t.code)
        if (semantics(prog_.arch).exports_label(ins))
          for (const auto& op : ins.operands)
            if (op.kind == Operand::Kind::Label)
              exported_.insert(label_address(t.proc, op.text, ins.span,
                                             ", although used in the instruction"));
  }

  void make_code_locations() {
    for (std::int64_t addr : exported_) {
      auto [proc, pcidx] = prog_.slot_at.at(addr);
      auto& slot = prog_.procs[static_cast<std::size_t>(proc)].slots[static_cast<std::size_t>(pcidx)];
      if (is_halt(proc, pcidx)) continue;  // a label after the last instruction holds no code
      Location loc;
      loc.name = "P" + std::to_string(proc) + ":" + slot.label;
      loc.is_code = true;
      loc.address = addr;
      slot.loc = static_cast<int>(prog_.locs.size());
      prog_.locs.push_back(loc);
    }
  }

  bool is_halt(int proc, int pcidx) const {
    const auto& pc = prog_.procs[static_cast<std::size_t>(proc)];
    return pcidx == pc.main_len || pcidx + 1 == static_cast<int>(pc.slots.size());
  }

  // Label operands become offsets relative to the instruction, as herd's loader does,
  // so that an instruction read as data and executed elsewhere keeps its meaning.
  void rewrite_code(const std::vector<Column>& cols) {
    for (std::size_t p = 0; p < cols.size(); ++p) {
      auto& pc = prog_.procs[p];
      rewrite_segment(static_cast<int>(p), *cols[p].main, 0);
      if (cols[p].handler) rewrite_segment(static_cast<int>(p), *cols[p].handler, pc.handler_begin);
      for (auto& slot : pc.slots)
        if (slot.loc >= 0) prog_.locs[static_cast<std::size_t>(slot.loc)].init = Val::instr(slot.instr);
    }
  }

  void rewrite_segment(int proc, const litmus::ThreadCode& code, int base) {
    auto& pc = prog_.procs[static_cast<std::size_t>(proc)];
    for (std::size_t i = 0; i < code.code.size(); ++i) {
      Instruction ins = code.code[i];
      auto& slot = pc.slots[static_cast<std::size_t>(base) + i];
      for (auto& op : ins.operands) {
        if (op.kind != Operand::Kind::Label) continue;
        const std::int64_t target = label_address(proc, op.text, ins.span,
                                                  ", although used in the instruction " +
                                                      code.code[i].mnemonic);
        op.kind = Operand::Kind::Relative;
        op.imm = target - slot.address;
        op.text.clear();
      }
      slot.instr = prog_.intern(ins);
    }
  }

  Val convert(const litmus::Value& v) {
    switch (v.kind) {
      case litmus::Value::Kind::Int: return Val::integer(v.num);
      case litmus::Value::Kind::Address: return Val::addr(data_location(v.symbol));
      case litmus::Value::Kind::Code:
        return Val::code(label_address(v.code.thread, v.code.label, v.span,
                                       ", yet it is used in the initialization list"));
      case litmus::Value::Kind::Instr: {
        XMCHECK_ASSERT(v.instr != nullptr, "instruction value without instruction");
        const int id = prog_.intern(*v.instr);
        init_instrs_.insert(id);
        return Val::instr(id);
      }
    }
    XMCHECK_ASSERT(false, "unknown value kind");
  }

  int data_location(const std::string& symbol) {
    for (std::size_t i = 0; i < prog_.locs.size(); ++i)
      if (!prog_.locs[i].is_code && prog_.locs[i].name == symbol) return static_cast<int>(i);
    Location loc;
    loc.name = symbol;
    prog_.locs.push_back(loc);
    return static_cast<int>(prog_.locs.size() - 1);
  }

  void init_state() {
    prog_.init_regs.assign(prog_.procs.size(), std::vector<Val>(kNumRegs, Val::integer(0)));
    prog_.reg_types.assign(prog_.procs.size(), std::vector<std::string>(kNumRegs));
    const ArchSemantics& arch = semantics(prog_.arch);
    for (const auto& e : test_.init)  // arrays first: other entries may take their address
      if (e.loc.kind == litmus::Location::Kind::Memory && e.array_size) declare_array(e);
    for (const auto& e : test_.init) {
      if (e.loc.kind == litmus::Location::Kind::Register) {
        auto idx = semantics(prog_.arch).register_index(e.loc.reg);
        if (!idx) fail(e.loc.span, "unknown register " + e.loc.reg);
        if (e.loc.thread < 0 || e.loc.thread >= prog_.num_procs())
          fail(e.loc.span, "no thread P" + std::to_string(e.loc.thread));
        prog_.reg_types[static_cast<std::size_t>(e.loc.thread)][static_cast<std::size_t>(*idx)] = e.type;
        if (e.value)
          prog_.init_regs[static_cast<std::size_t>(e.loc.thread)][static_cast<std::size_t>(*idx)] =
              convert(*e.value);
      } else if (!e.array_size) {
        const int id = data_location(e.loc.symbol);
        prog_.locs[static_cast<std::size_t>(id)].type = e.type;
        if (e.value) {
          const Val v = arch.typed_value(convert(*e.value), e.type);
          prog_.locs[static_cast<std::size_t>(id)].init = v;
        }
      }
    }
  }

  // An array `int t[2] = {1,2}` is one location per element; the array's name
  // designates element 0, and address arithmetic moves between elements.
  void declare_array(const litmus::InitEntry& e) {
    for (const auto& l : prog_.locs)
      if (l.name == e.loc.symbol || l.array_name == e.loc.symbol)
        fail(e.loc.span, "location " + e.loc.symbol + " is declared twice");
    const int len = static_cast<int>(*e.array_size);
    if (len <= 0) fail(e.loc.span, "array " + e.loc.symbol + " has no elements");
    if (static_cast<int>(e.array_values.size()) > len)
      fail(e.span, "array " + e.loc.symbol + " has more initial values than elements");
    const int first = static_cast<int>(prog_.locs.size());
    const int size = element_bytes(e.type);
    for (int i = 0; i < len; ++i) {
      Location loc;
      loc.name = i == 0 ? e.loc.symbol : e.loc.symbol + "[" + std::to_string(i) + "]";
      loc.array_first = first;
      loc.array_len = len;
      loc.elem_size = size;
      loc.array_name = e.loc.symbol;
      if (i < static_cast<int>(e.array_values.size()))
        loc.init = convert(e.array_values[static_cast<std::size_t>(i)]);
      prog_.locs.push_back(loc);
    }
  }

  // x86 code names memory directly (`movl $1,(x)`): such symbols are locations too.
  void declare_code_symbols() {
    if (!semantics(prog_.arch).names_memory_directly()) return;
    for (const auto& t : test_.threads)
      for (const auto& ins : t.code)
        for (const auto& op : ins.operands)
          if (op.kind == Operand::Kind::Mem && !op.text.empty()) data_location(op.text);
  }

  // herd's fetch candidates: every instruction constant of the (augmented) init
  // state; branch literals that still name a label are left out.
  void mark_fetchable() {
    prog_.fetchable.assign(prog_.instrs.size(), false);
    for (const auto& loc : prog_.locs)
      if (loc.is_code) prog_.fetchable[static_cast<std::size_t>(loc.init.v)] = true;
    for (int id : init_instrs_) {
      const auto& ins = prog_.instrs[static_cast<std::size_t>(id)];
      const bool names_label = std::any_of(ins.operands.begin(), ins.operands.end(), [](const Operand& o) {
        return o.kind == Operand::Kind::Label;
      });
      if (!names_label) prog_.fetchable[static_cast<std::size_t>(id)] = true;
    }
  }

  const litmus::LitmusTest& test_;
  Program prog_;
  std::set<std::string> all_labels_;
  std::set<std::int64_t> exported_;
  std::set<int> init_instrs_;
};

}  // namespace

int Program::intern(const litmus::Instruction& instr) {
  for (std::size_t i = 0; i < instrs.size(); ++i)
    if (instrs[i] == instr) return static_cast<int>(i);
  instrs.push_back(instr);
  return static_cast<int>(instrs.size() - 1);
}

Program lower(const litmus::LitmusTest& test) {
  if (test.arch == litmus::kCDialect)
    throw UserError(ErrorKind::Unsupported, test.header_span, "checking C litmus tests is not implemented yet");
  return Lowerer(test).run();
}

}  // namespace xmcheck::checker
