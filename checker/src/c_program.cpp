#include "c_program.hpp"

#include <set>

#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/litmus/c_code_values.hpp"

namespace xmcheck::checker {
namespace {

namespace c = litmus::c;

[[noreturn]] void fail(const diag::SourceSpan& span, const std::string& msg) {
  throw diag::UserError(diag::ErrorKind::Litmus, span, msg);
}

/// Register indices for locals: X0..X30 (31 is the zero register, 32 and up
/// hold exception state).
constexpr int kMaxLocals = 31;

void collect_decls(const c::Stmt& s, std::vector<std::pair<std::string, diag::SourceSpan>>& out) {
  for (const auto& d : s.decls) out.emplace_back(d.name, d.name_span);
  for (const auto& child : s.children) collect_decls(child, out);
}

/// herd's implicit locals: a thread may assign a name it never declared
/// (`r0 = READ_ONCE(*x);`), which declares an int local.
void collect_assigned(const c::Expr& e, std::vector<std::pair<std::string, diag::SourceSpan>>& out) {
  if (e.kind == c::Expr::Kind::Assign && !e.operands.empty() && e.operands[0].kind == c::Expr::Kind::Ident)
    out.emplace_back(e.operands[0].text, e.operands[0].span);
  for (const auto& o : e.operands) collect_assigned(o, out);
}

void collect_assigned(const c::Stmt& s, std::vector<std::pair<std::string, diag::SourceSpan>>& out) {
  if (s.expr) collect_assigned(*s.expr, out);
  if (s.step) collect_assigned(*s.step, out);
  for (const auto& d : s.decls)
    if (d.init) collect_assigned(*d.init, out);
  for (const auto& child : s.children) collect_assigned(child, out);
}

void collect_insns(const c::Expr& e, Program& prog) {
  if (e.kind == c::Expr::Kind::Ident)
    if (const auto code = litmus::c_code_value_name(e.text); code && !code->takes_int)
      intern_insn(prog, code->name, std::nullopt);
  if (e.kind == c::Expr::Kind::Call && e.arg_count() == 1 && e.arg(0).kind == c::Expr::Kind::IntLit)
    if (const auto code = litmus::c_code_value_name(e.callee_name()); code && code->takes_int)
      intern_insn(prog, code->name, e.arg(0).value);
  for (const auto& o : e.operands) collect_insns(o, prog);
}

void collect_insns(const c::Stmt& s, Program& prog) {
  if (s.expr) collect_insns(*s.expr, prog);
  if (s.step) collect_insns(*s.step, prog);
  for (const auto& d : s.decls)
    if (d.init) collect_insns(*d.init, prog);
  for (const auto& child : s.children) collect_insns(child, prog);
}

void collect_calls(const c::Expr& e, std::set<std::string>& out) {
  if (e.kind == c::Expr::Kind::Call && !e.callee_name().empty()) out.emplace(e.callee_name());
  if (e.kind == c::Expr::Kind::Ident) out.insert(e.text);  // handlers passed by name
  for (const auto& o : e.operands) collect_calls(o, out);
}

void collect_calls(const c::Stmt& s, std::set<std::string>& out) {
  if (s.expr) collect_calls(*s.expr, out);
  if (s.step) collect_calls(*s.step, out);
  for (const auto& d : s.decls)
    if (d.init) collect_calls(*d.init, out);
  for (const auto& child : s.children) collect_calls(child, out);
}

class CLowerer {
 public:
  CLowerer(const litmus::LitmusTest& test, litmus::ArchId target, const litmus::LitmusTest* prelude)
      : prelude_(prelude) {
    out_.prog.arch = target;
    out_.source = test.c_program.get();
    XMCHECK_ASSERT(out_.source != nullptr, "a C test has a C program");
  }

  CLowered run() {
    const auto& cp = *out_.source;
    Program& prog = out_.prog;
    prog.procs.resize(cp.threads.size());
    prog.init_regs.assign(cp.threads.size(), std::vector<Val>(kNumRegs, Val::integer(0)));
    prog.reg_types.assign(cp.threads.size(), std::vector<std::string>(kNumRegs));  // C locals: untyped slots
    prog.c_locals.resize(cp.threads.size());
    for (std::size_t p = 0; p < cp.threads.size(); ++p) {
      Slot halt;  // C threads have no instruction slots: one halt slot carries the span
      halt.span = cp.threads[p].span;
      halt.address = static_cast<std::int64_t>(p + 1) * kProcCodeStride;
      prog.procs[p].slots.push_back(halt);
    }
    for (const auto& d : cp.init)
      if (d.entry.loc.kind == litmus::Location::Kind::Memory) declare(d);
    for (const auto& d : cp.init)
      if (d.entry.loc.kind == litmus::Location::Kind::Memory) set_initial(d);
    for (const auto& d : cp.init)
      if (d.entry.loc.kind == litmus::Location::Kind::Memory && d.entry.value && d.entry.value->alias) set_alias(d);
    // CPU hotplug (docs/c-dialect.md): IPI sends read cpu_offline[target].
    for (const auto& d : cp.init)
      if (d.entry.loc.kind == litmus::Location::Kind::Memory && d.entry.loc.symbol == "cpu_offline" &&
          d.entry.array_size.value_or(0) != cp.threads.size())
        fail(d.entry.loc.span, "cpu_offline must be an int array with one element per CPU (" +
                                   std::to_string(cp.threads.size()) + ")");
    for (const auto& f : cp.functions) out_.functions.push_back(&f);
    if (prelude_ != nullptr && prelude_->c_program) add_prelude(*prelude_->c_program);
    for (const auto* f : out_.functions)
      prog.c_functions.push_back({f->name, cp.find_function(f->name) == nullptr});
    for (const auto& t : cp.threads)
      for (const auto& param : t.params)
        if (param.type.is_pointer() && !out_.shared.contains(param.name)) add_location(param.name, std::nullopt);
    for (const auto& t : cp.threads) assign_locals(t);
    for (const auto& d : cp.init)
      if (d.entry.loc.kind == litmus::Location::Kind::Register) set_local_initial(d.entry);
    for (const auto& t : cp.threads) collect_insns(t.body, prog);
    for (const auto* f : out_.functions) collect_insns(f->body, prog);
    prog.fetchable.assign(prog.instrs.size(), false);
    for (std::size_t i = 0; i < prog.instrs.size(); ++i) {
      const auto code = litmus::c_code_value_name(prog.instrs[i].mnemonic);
      prog.fetchable[i] = code && code->executable;
    }
    return std::move(out_);
  }

 private:
  /// The prelude's functions the test does not define; its variables when the
  /// test calls into it (per-CPU arrays get one element per thread).
  void add_prelude(const c::CProgram& pre) {
    const auto& cp = *out_.source;
    std::set<std::string> used;
    for (const auto& t : cp.threads) collect_calls(t.body, used);
    for (const auto& f : cp.functions) collect_calls(f.body, used);
    if (used.contains("INSN_INT3")) used.insert(kInt3Handler);  // a fetched INT3 runs it
    bool uses = false;
    for (const auto& f : pre.functions) {
      if (cp.find_function(f.name) != nullptr) continue;
      out_.functions.push_back(&f);
      uses |= used.contains(f.name);
    }
    if (!uses) return;
    const int ncpu = static_cast<int>(cp.threads.size());
    for (const auto& d : pre.init) {
      if (d.entry.loc.kind != litmus::Location::Kind::Memory || out_.shared.contains(d.entry.loc.symbol)) continue;
      c::InitDecl copy = d;
      if (copy.entry.array_size) {
        copy.entry.array_size = static_cast<std::size_t>(ncpu);
        copy.entry.array_values.resize(std::min(copy.entry.array_values.size(), static_cast<std::size_t>(ncpu)));
        if (copy.type) copy.type->array_size = copy.entry.array_size;
      }
      const std::size_t first = out_.prog.locs.size();
      declare(copy);
      set_initial(copy);
      for (std::size_t l = first; l < out_.prog.locs.size(); ++l) out_.prog.locs[l].prelude = true;
    }
  }

  int add_location(const std::string& name, const std::optional<c::Type>& type) {
    Location loc;
    loc.name = name;
    loc.is_code = type && (type->base == "code_t" || type->base == kInsnPartsType) && !type->is_pointer();
    const int id = static_cast<int>(out_.prog.locs.size());
    out_.prog.locs.push_back(loc);
    out_.shared[name] = CSharedVar{id, type};
    return id;
  }

  void declare(const c::InitDecl& d) {
    const auto& e = d.entry;
    if (out_.shared.contains(e.loc.symbol)) fail(e.loc.span, "location " + e.loc.symbol + " is declared twice");
    const bool parts = d.type && d.type->base == kInsnPartsType && !d.type->is_pointer();
    if (parts && (!e.array_size || *e.array_size != 2))
      fail(e.loc.span, std::string(kInsnPartsType) + " " + e.loc.symbol +
                           " is one instruction in two parts: declare it " + std::string(kInsnPartsType) + " " +
                           e.loc.symbol + "[2] (first byte, tail)");
    if (!e.array_size) {
      add_location(e.loc.symbol, d.type);
      return;
    }
    const int len = static_cast<int>(*e.array_size);
    if (len <= 0) fail(e.loc.span, "array " + e.loc.symbol + " has no elements");
    const int first = static_cast<int>(out_.prog.locs.size());
    for (int i = 0; i < len; ++i) {
      const std::string name = i == 0 ? e.loc.symbol : e.loc.symbol + "[" + std::to_string(i) + "]";
      const int id = add_location(name, d.type);
      auto& loc = out_.prog.locs[static_cast<std::size_t>(id)];
      loc.array_first = first;
      loc.array_len = len;
      loc.elem_size = 1;  // C pointer arithmetic counts elements
      loc.array_name = e.loc.symbol;
      loc.insn_parts = parts;
    }
    out_.shared[e.loc.symbol] = CSharedVar{first, d.type};
  }

  Val convert(const litmus::Value& v) {
    switch (v.kind) {
      case litmus::Value::Kind::Int: return Val::integer(v.num);
      case litmus::Value::Kind::Address: {
        if (v.alias) fail(v.span, "ALIAS(" + v.symbol + ") only declares a code_t: code_t NAME = ALIAS(" + v.symbol + ");");
        auto it = out_.shared.find(v.symbol);  // herd: `p=y;` declares y (= 0) too
        if (it == out_.shared.end()) return Val::addr(add_location(v.symbol, std::nullopt));
        return Val::addr(it->second.loc);
      }
      case litmus::Value::Kind::Instr: {
        const auto& ins = *v.instr;
        std::optional<std::int64_t> n;
        if (!ins.operands.empty()) n = ins.operands[0].imm;
        return Val::instr(intern_insn(out_.prog, ins.mnemonic, n));
      }
      case litmus::Value::Kind::Code: fail(v.span, "label values are not available in C tests");
    }
    XMCHECK_ASSERT(false, "unknown value kind");
  }

  /// `code_t fw = ALIAS(f);`: fw is another virtual mapping of the code
  /// location f (a W^X JIT's writable view). One alias per location: the
  /// model tells the two mappings apart with the set ALIAS.
  void set_alias(const c::InitDecl& d) {
    const auto& e = d.entry;
    const litmus::Value& v = *e.value;
    auto& alias = out_.prog.locs[static_cast<std::size_t>(out_.shared.at(e.loc.symbol).loc)];
    if (!alias.is_code || e.array_size) fail(e.span, "ALIAS(" + v.symbol + ") declares a code_t, not an array or data");
    const auto it = out_.shared.find(v.symbol);
    if (it == out_.shared.end()) fail(v.span, "unknown location " + v.symbol);
    const int target = it->second.loc;
    const auto& original = out_.prog.locs[static_cast<std::size_t>(target)];
    if (!original.is_code || original.array_first >= 0)
      fail(v.span, v.symbol + " is not a code_t location: only code can be mapped twice here");
    if (original.alias_of >= 0) fail(v.span, v.symbol + " is itself an alias: name the original mapping");
    for (const auto& l : out_.prog.locs)
      if (l.alias_of == target) fail(v.span, v.symbol + " already has an alias (" + l.name + "): one per location");
    alias.alias_of = target;
    alias.init = original.init;
  }

  void set_initial(const c::InitDecl& d) {
    const auto& e = d.entry;
    if (e.value && e.value->alias) return;  // set_alias
    const int first = out_.shared.at(e.loc.symbol).loc;
    if (e.array_size) {
      if (e.array_values.size() > *e.array_size)
        fail(e.span, "array " + e.loc.symbol + " has more initial values than elements");
      for (std::size_t i = 0; i < e.array_values.size(); ++i)
        out_.prog.locs[static_cast<std::size_t>(first) + i].init = convert(e.array_values[i]);
    } else if (e.value) {
      out_.prog.locs[static_cast<std::size_t>(first)].init = convert(*e.value);
    }
  }

  void assign_locals(const c::Function& t) {
    std::vector<std::pair<std::string, diag::SourceSpan>> names;
    for (const auto& p : t.params) names.emplace_back(p.name, p.span);
    collect_decls(t.body, names);
    std::vector<std::pair<std::string, diag::SourceSpan>> assigned;
    collect_assigned(t.body, assigned);
    for (const auto& [name, span] : assigned)  // undeclared: an implicit int local, unless shared
      if (!out_.shared.contains(name) && !litmus::c_code_value_name(name)) names.emplace_back(name, span);
    auto& locals = out_.prog.c_locals[static_cast<std::size_t>(t.proc)];
    for (const auto& [name, span] : names) {
      if (locals.contains(name)) continue;
      if (static_cast<int>(locals.size()) == kMaxLocals)
        throw diag::UserError(diag::ErrorKind::Unsupported, span,
                              "thread P" + std::to_string(t.proc) + " has more than " +
                                  std::to_string(kMaxLocals) + " local variables");
      const int index = static_cast<int>(locals.size());
      locals[name] = index;
    }
  }

  void set_local_initial(const litmus::InitEntry& e) {
    const int p = e.loc.thread;
    if (p < 0 || p >= out_.prog.num_procs()) fail(e.loc.span, "no thread P" + std::to_string(p));
    auto& locals = out_.prog.c_locals[static_cast<std::size_t>(p)];
    auto it = locals.find(e.loc.reg);
    if (it == locals.end()) {
      if (static_cast<int>(locals.size()) == kMaxLocals) fail(e.loc.span, "too many local variables");
      it = locals.emplace(e.loc.reg, static_cast<int>(locals.size())).first;
    }
    if (e.value)
      out_.prog.init_regs[static_cast<std::size_t>(p)][static_cast<std::size_t>(it->second)] = convert(*e.value);
  }

  const litmus::LitmusTest* prelude_;
  CLowered out_;
};

}  // namespace

int intern_insn(Program& prog, std::string_view name, std::optional<std::int64_t> n) {
  const auto code = litmus::c_code_value_name(name);
  XMCHECK_ASSERT(code && code->takes_int == n.has_value(), "a known code value, with its integer when it takes one");
  litmus::Instruction insn;
  insn.arch = litmus::kCDialect;
  insn.mnemonic = std::string(name);
  if (n) {
    litmus::Operand op;
    op.kind = litmus::Operand::Kind::Imm;
    op.imm = *n;
    insn.operands.push_back(op);
  }
  const int id = prog.intern(insn);
  if (prog.fetchable.size() < prog.instrs.size()) prog.fetchable.resize(prog.instrs.size(), false);
  prog.fetchable[static_cast<std::size_t>(id)] = code->executable;
  return id;
}

int find_insn(const Program& prog, std::string_view name, std::optional<std::int64_t> n) {
  for (std::size_t i = 0; i < prog.instrs.size(); ++i) {
    const auto& ins = prog.instrs[i];
    if (ins.arch != litmus::kCDialect || ins.mnemonic != name) continue;
    if (n ? (!ins.operands.empty() && ins.operands[0].imm == *n) : ins.operands.empty()) return static_cast<int>(i);
  }
  XMCHECK_ASSERT(false, "instruction values are interned when the C test is lowered");
}

bool is_executable_insn(const Program& prog, const Val& v) {
  if (v.kind != Val::Kind::Instr) return false;
  const auto id = static_cast<std::size_t>(v.v);
  if (id >= prog.fetchable.size() || !prog.fetchable[id] || prog.instrs[id].arch != litmus::kCDialect) return false;
  const auto code = litmus::c_code_value_name(prog.instrs[id].mnemonic);
  return code && code->executable;
}

CLowered lower_c(const litmus::LitmusTest& test, litmus::ArchId target, const litmus::LitmusTest* prelude,
                 const std::map<std::string, std::int64_t>* constants) {
  CLowered out = CLowerer(test, target, prelude).run();
  out.constants = constants;
  return out;
}

namespace {

void collect_literals(const litmus::c::Expr& e, std::set<std::int64_t>& out) {
  if (e.kind == litmus::c::Expr::Kind::IntLit) out.insert(e.value);
  // `-1` is a negated literal: herd's value is the negative number.
  if (e.kind == litmus::c::Expr::Kind::Unary && e.unary_op == litmus::c::UnaryOp::Negate &&
      e.operands.size() == 1 && e.operands[0].kind == litmus::c::Expr::Kind::IntLit)
    out.insert(-e.operands[0].value);
  for (const auto& o : e.operands) collect_literals(o, out);
}

void collect_literals(const litmus::c::Stmt& s, std::set<std::int64_t>& out) {
  for (const auto* e : {&s.expr, &s.step})
    if (*e) collect_literals(**e, out);
  for (const auto& d : s.decls)
    if (d.init) collect_literals(*d.init, out);
  for (const auto& c : s.children) collect_literals(c, out);
}

}  // namespace

std::vector<Val> c_integer_literals(const litmus::c::CProgram& program) {
  std::set<std::int64_t> values;
  for (const auto* fns : {&program.threads, &program.functions})
    for (const auto& f : *fns) collect_literals(f.body, values);
  std::vector<Val> out;
  for (const auto v : values) out.push_back(Val::integer(v));
  return out;
}

}  // namespace xmcheck::checker
