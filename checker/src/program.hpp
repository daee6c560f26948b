#pragma once
// The lowered program: litmus AST -> tables the unfolder can execute quickly.
// Locations are numbered densely; code that a test addresses becomes a memory
// location whose initial value is the instruction written there.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "value.hpp"
#include "xmcheck/litmus/ast.hpp"

namespace xmcheck::checker {

/// Register-file size. Each architecture maps its registers into the file
/// (its plug-in's register_index; arm64: X0..X30, XZR, system registers; x86:
/// litmus's indices) and names its zero and exception-link slots
/// (semantics/arch_semantics.hpp, RegisterFile). C locals use slots 0..30.
inline constexpr int kNumRegs = 48;

/// A memory location: a data symbol (`x`) or an addressed instruction (`P1:L0`).
struct Location {
  std::string name;           ///< "x", "t[1]" or "P1:L0"
  bool is_code = false;
  bool prelude = false;       ///< C tests: a variable of the prelude's init block (kernel bookkeeping)
  /// Array elements are consecutive locations: `array_first` is the id of element
  /// 0 (-1 for scalars), `elem_size` the byte stride, `array_len` the length.
  int array_first = -1;
  int array_len = 0;
  int elem_size = 0;
  std::string array_name;
  std::int64_t address = 0;   ///< is_code: the instruction's address
  Val init = Val::integer(0);
  std::string type;           ///< type declared in the init block ("" when untyped)
  /// C tests: this code_t is a second virtual mapping (`code_t fw = ALIAS(f)`)
  /// of location alias_of. Its accesses are accesses of alias_of, in set
  /// ALIAS (PathRunner::emit); it has no events of its own.
  int alias_of = -1;
  /// C tests: an element of a `code_parts_t site[2]`, one instruction in two
  /// parts (first byte, tail) fetched by one call of element 0.
  bool insn_parts = false;
};

/// herd's code layout, kept so that addresses printed as integers (a BL return
/// address with no label) match herd: proc p's code starts at (p+1)*100000, its
/// fault handler 1000 bytes later, 4 bytes per instruction.
inline constexpr std::int64_t kProcCodeStride = 100000;
inline constexpr std::int64_t kHandlerOffset = 1000;
inline constexpr std::int64_t kInstrBytes = 4;

/// One instruction slot of a proc.
struct Slot {
  int instr = -1;         ///< instruction-value id of the original instruction; -1: halt slot
  std::int64_t address = 0;
  int loc = -1;           ///< code location holding this slot, if the test addresses it
  std::string label;      ///< canonical (smallest) label naming this address, "" if none
  diag::SourceSpan span;
};

/// The code of one proc. Main code occupies [0, main_len); slot main_len is a halt
/// slot (running past the end); the fault handler (column `Pn.F`), if any,
/// occupies [handler_begin, slots.size()-1) followed by another halt slot.
struct ProcCode {
  std::vector<Slot> slots;
  int main_len = 0;
  int handler_begin = -1;
  std::map<std::string, int> labels;  ///< label -> pc, main and handler labels together
};

struct Program {
  litmus::ArchId arch = litmus::kNoArch;  ///< the target (C tests: the lowering's)
  std::vector<Location> locs;
  /// Instruction values, position independent: label operands are rewritten to
  /// byte offsets relative to the instruction's own address.
  std::vector<litmus::Instruction> instrs;
  std::vector<ProcCode> procs;
  std::vector<std::vector<Val>> init_regs;  ///< [proc][register]
  /// [proc][register] type declared in the init block ("" when untyped).
  std::vector<std::vector<std::string>> reg_types;

  /// Instruction values that a fetch may decode (herd: the original instructions of
  /// every addressed slot and every instruction constant of the init state).
  std::vector<bool> fetchable;  ///< indexed by instruction-value id
  std::map<std::int64_t, std::pair<int, int>> slot_at;  ///< address -> (proc, pc)
  /// C tests only: [proc] local variable name -> register index (`0:r0`).
  std::vector<std::map<std::string, int>> c_locals;
  /// [loc] whether the final state shows the location (set by Observation):
  /// only those have a final write (the base set FW), as in herd, whose FW
  /// holds the final writes of the locations a test observes. Unset (unit
  /// tests that build executions alone): every location has one.
  std::optional<std::vector<bool>> observed_memory;
  /// C tests only: [function id] (CLowered::functions) its name and whether the
  /// prelude defines it, to name the code events come from (TraceEvent::func).
  struct CFunction {
    std::string name;
    bool prelude = false;
  };
  std::vector<CFunction> c_functions;

  [[nodiscard]] int num_procs() const { return static_cast<int>(procs.size()); }
  /// A lowered C test: its values are C's (64-bit `int`), not the target's
  /// typed state, so ArchSemantics::typed_value does not apply.
  [[nodiscard]] bool is_c() const { return !c_locals.empty(); }
  /// The slot at `address`, if it is code.
  [[nodiscard]] const Slot* find_slot(std::int64_t address) const {
    auto it = slot_at.find(address);
    if (it == slot_at.end()) return nullptr;
    return &procs[it->second.first].slots[it->second.second];
  }
  /// The location `offset` bytes after location `loc`, or -1 when that leaves
  /// the array (or a scalar is offset).
  [[nodiscard]] int offset_location(int loc, std::int64_t offset) const {
    if (offset == 0) return loc;
    const Location& l = locs[static_cast<std::size_t>(loc)];
    if (l.array_first < 0 || offset % l.elem_size != 0) return -1;
    // Compared before adding: a huge offset must not overflow the index.
    const std::int64_t here = loc - l.array_first, steps = offset / l.elem_size;
    if (steps < -here || steps >= l.array_len - here) return -1;
    return l.array_first + static_cast<int>(here + steps);
  }
  /// The data location named `symbol`, or -1.
  [[nodiscard]] int find_data_location(const std::string& symbol) const {
    for (std::size_t i = 0; i < locs.size(); ++i)
      if (!locs[i].is_code && locs[i].name == symbol) return static_cast<int>(i);
    return -1;
  }
  /// Interns an instruction value and returns its id.
  int intern(const litmus::Instruction& instr);
};

}  // namespace xmcheck::checker
