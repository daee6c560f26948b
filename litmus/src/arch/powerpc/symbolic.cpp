// herd's symbolic registers (`%P0_x`): allocation to real registers, after
// the whole test is parsed (herd's SymbReg.allocate_regs).
#include <map>
#include <set>
#include <string>

#include "instruction.hpp"
#include "names.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::litmus::internal {
namespace {

[[noreturn]] void fail(const diag::SourceSpan& span, const std::string& message) {
  throw diag::UserError(diag::ErrorKind::Litmus, span, message);
}

bool is_symbolic(const Operand& op) {
  return (op.kind == Operand::Kind::Reg || op.kind == Operand::Kind::Mem) && op.reg.index == kPowerPCSymbolic;
}

/// Symbolic names of locations (`reg` starting with '%', thread -1).
bool symbolic_location(const Location& loc) {
  return loc.kind == Location::Kind::Register && !loc.reg.empty() && loc.reg[0] == '%';
}

template <typename F>
void for_each_location(LitmusTest& test, F f) {
  for (auto& e : test.init) f(e.loc);
  for (auto& l : test.locations) f(l);
  auto walk = [&](auto& self, Prop& p) -> void {
    if (p.kind == Prop::Kind::Eq || p.kind == Prop::Kind::Ne) f(p.loc);
    for (auto& c : p.children) self(self, c);
  };
  walk(walk, test.condition.prop);
  if (test.filter) walk(walk, *test.filter);
}

}  // namespace

void allocate_powerpc_symbolic_registers(LitmusTest& test) {
  // Names used by each thread's code (fault handlers share their thread's registers).
  std::map<int, std::set<std::string>> used_by;
  std::map<int, std::set<int>> real_regs;
  for (const auto& t : test.threads)
    for (const auto& ins : t.code)
      for (const auto& op : ins.operands) {
        if (is_symbolic(op)) used_by[t.proc].insert(op.text);
        else if ((op.kind == Operand::Kind::Reg || op.kind == Operand::Kind::Mem) && op.reg.index < 32)
          real_regs[t.proc].insert(op.reg.index);
      }
  std::map<std::string, const Location*> named;  // symbolic names in init and constraints
  bool any_named = false;
  for_each_location(test, [&](Location& loc) {
    if (symbolic_location(loc)) {
      named.emplace(loc.reg.substr(1), &loc);
      any_named = true;
    } else if (loc.kind == Location::Kind::Register) {
      if (auto r = parse_powerpc_register(loc.reg); r && r->index < 32) real_regs[loc.thread].insert(r->index);
    }
  });
  if (used_by.empty() && !any_named) return;

  // A name also named outside the code must belong to exactly one thread.
  std::map<std::string, int> owner;
  for (const auto& [proc, names] : used_by)
    for (const auto& n : names) {
      auto [it, fresh] = owner.emplace(n, proc);
      if (!fresh && named.count(n) != 0)
        fail(named.at(n)->span, "ambiguous symbolic register: %" + n + " is used by threads P" +
                                    std::to_string(it->second) + " and P" + std::to_string(proc));
    }
  // Allocation: the thread's names in order, to its free registers r1..r31 in order.
  std::map<std::pair<int, std::string>, int> alloc;
  for (const auto& [proc, names] : used_by) {
    int next = 1;
    for (const auto& n : names) {
      while (next < 32 && real_regs[proc].count(next) != 0) ++next;
      if (next >= 32) {
        diag::SourceSpan span = test.header_span;
        for (const auto& t : test.threads)
          if (t.proc == proc) span = t.span;
        fail(span, "not enough registers for the symbolic registers of P" + std::to_string(proc));
      }
      alloc[{proc, n}] = next++;
    }
  }
  for (auto& t : test.threads)
    for (auto& ins : t.code)
      for (auto& op : ins.operands)
        if (is_symbolic(op)) {
          op.reg.index = static_cast<std::uint8_t>(alloc.at({t.proc, op.text}));
          op.reg.width = 64;
          op.text.clear();
        }
  for_each_location(test, [&](Location& loc) {
    if (!symbolic_location(loc)) return;
    const std::string name = loc.reg.substr(1);
    auto it = owner.find(name);
    if (it == owner.end()) fail(loc.span, "symbolic register %" + name + " does not appear in code");
    loc.thread = it->second;
    Reg r;
    r.index = static_cast<std::uint8_t>(alloc.at({it->second, name}));
    loc.reg = powerpc_register_name(r);
  });
}

}  // namespace xmcheck::litmus::internal
