#pragma once
// The typed form of a litmus test: what the parser produces and the checker
// consumes. Every node carries the span it was parsed from.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "xmcheck/diag/source_span.hpp"
#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::litmus {

namespace c {
struct CProgram;  // xmcheck/litmus/c_ast.hpp
}  // namespace c

/// A code address written `P1:L0`: label `label` of thread `thread`.
struct CodeLabel {
  int thread = 0;
  std::string label;
  friend bool operator==(const CodeLabel&, const CodeLabel&) = default;
  friend auto operator<=>(const CodeLabel&, const CodeLabel&) = default;
};

/// A value as written in the init block or a condition.
struct Value {
  enum class Kind : std::uint8_t {
    Int,      ///< 1, -3, 0x10
    Address,  ///< the address of a data location: `x` in `0:X1=x`, `&x`
    Code,     ///< the address of a labelled instruction: `P1:L0` or `label:"P1:L0"`
    Instr,    ///< an instruction: `NOP` or `instr:"B .+12"`; in C tests `INSN(1)`, `INSN_UDF`
  };
  Kind kind = Kind::Int;
  std::int64_t num = 0;
  std::string symbol;  ///< Address
  /// Address, C tests only: `ALIAS(f)`, the init value of a code_t declared as
  /// a second virtual mapping of the code location `symbol`.
  bool alias = false;
  CodeLabel code;      ///< Code
  std::shared_ptr<const Instruction> instr;  ///< Instr
  diag::SourceSpan span;
};

/// A register of a thread (`1:X2`; `reg` is canonical, e.g. "X2" for W2), a
/// memory location (`x`, `[x]`), or a fault atom `Fault(P0:L0,x,UndefinedInstruction)`:
/// "thread `thread` took a fault [at label `label`] [on location `symbol`] [of
/// type `fault_type`]" (each bracketed part optional).
struct Location {
  enum class Kind : std::uint8_t { Register, Memory, Fault };
  Kind kind = Kind::Memory;
  int thread = 0;          ///< Register, Fault
  std::string reg;         ///< Register: canonical name
  std::string symbol;      ///< Memory; Fault: the location accessed ("" if not given)
  std::string label;       ///< Fault: label of the faulting instruction ("" if not given)
  std::string fault_type;  ///< Fault: e.g. "UndefinedInstruction" ("" if not given)
  diag::SourceSpan span;
};

/// `loc = value` in the init block, optionally typed (`int x = 1;`, `ins_t *1:X9;`).
struct InitEntry {
  Location loc;
  std::optional<Value> value;  ///< absent for a bare declaration
  std::string type;            ///< "" when untyped; e.g. "ins_t", "ins_t *", "int"
  /// Arrays `int t[2] = {1,2};` (loc is the memory location `t`): the declared
  /// size, and the initial elements (empty when not given, i.e. all zero).
  std::optional<std::size_t> array_size;
  std::vector<Value> array_values;
  /// A page-table-entry value `pte_x=(oa:phy_x)` (herd's VMSA syntax): the text
  /// between the parentheses, as written; `type` is then "pteval_t" and `value`
  /// is absent. xmcheck does not model translation, so the checker may ignore
  /// or reject these.
  std::optional<std::string> pteval;
  diag::SourceSpan span;
};

/// A proposition over final values (conditions, filters).
struct Prop {
  enum class Kind : std::uint8_t { True, False, Eq, Ne, Fault, Not, And, Or, Implies };
  Kind kind = Kind::True;
  Location loc;                ///< Eq / Ne; Fault: the fault atom
  Value value;                 ///< Eq / Ne
  /// Eq / Ne, C tests: the location compared with, instead of `value`
  /// (herd's `0:r1=1:r2`: two registers' final values).
  std::optional<Location> other;
  /// Not: 1; Implies: 2; And/Or: 2 or more, one per term of a chain
  /// (`a /\ b /\ c` is one And with three children).
  std::vector<Prop> children;
  diag::SourceSpan span;
};

struct Condition {
  enum class Quantifier : std::uint8_t { Exists, NotExists, Forall };
  Quantifier quantifier = Quantifier::Exists;
  Prop prop;
  diag::SourceSpan span;
};

/// One row of a thread's column: optional labels, optional instruction.
struct CodeLine {
  std::vector<std::string> labels;
  std::optional<Instruction> instr;
  diag::SourceSpan span;
};

/// A program column: `P1` (thread 1) or `P1.F` (thread 1's fault handler).
struct ThreadCode {
  int proc = 0;
  bool is_handler = false;
  std::string name;  ///< as written, e.g. "P1.F"
  std::vector<Instruction> code;
  /// label -> index into `code`; index == code.size() is a label at the end.
  std::map<std::string, std::size_t> labels;
  diag::SourceSpan span;
};

struct MetaEntry {
  std::string key;
  std::string value;
  diag::SourceSpan span;
};

struct LitmusTest {
  ArchId arch = kNoArch;  ///< kCDialect for C tests
  std::string arch_name;  ///< as written in the header, e.g. "AArch64"
  std::string name;
  std::shared_ptr<const std::string> file;
  std::vector<MetaEntry> meta;  ///< `Key=Value` lines in order (CacheType, Stable, ...)
  std::string doc;              ///< the optional quoted doc string
  std::vector<InitEntry> init;
  /// Main threads then handlers, in column order. Always empty for C tests
  /// (arch == kCDialect): their code is `c_program`.
  std::vector<ThreadCode> threads;
  std::vector<Location> locations;   ///< `locations [...]`
  std::optional<Prop> filter;
  Condition condition;
  diag::SourceSpan header_span;
  /// C tests only (arch == kCDialect): the functions and the typed init block
  /// (include xmcheck/litmus/c_ast.hpp to use it). `init` holds the same
  /// entries untyped; null for AArch64 and X86_64 tests.
  std::shared_ptr<const c::CProgram> c_program;

  /// The value of metadata `key`, if present.
  [[nodiscard]] const MetaEntry* find_meta(const std::string& key) const {
    for (const auto& m : meta)
      if (m.key == key) return &m;
    return nullptr;
  }
};

}  // namespace xmcheck::litmus
