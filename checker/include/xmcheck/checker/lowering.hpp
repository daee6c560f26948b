#pragma once
// How the C dialect's kernel primitives become events on one architecture:
// the data of axioms/<arch>/<arch>.lower (format in docs/c-dialect.md,
// "Lowering files"). A table is loaded once and passed to checker::check
// through CheckOptions; nothing here is global.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "xmcheck/diag/source_span.hpp"
#include "xmcheck/litmus/ast.hpp"
#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::checker {

/// One argument of an event template: a parameter of the primitive, an integer
/// literal, or (RMW only) the operation name.
struct TemplateArg {
  enum class Kind : std::uint8_t { Param, Int };
  Kind kind = Kind::Param;
  int param = -1;         ///< Param: index into LoweringEntry::params
  std::int64_t value = 0; ///< Int
};

/// One event of a primitive's lowering, from the fixed vocabulary the C
/// interpreter knows.
struct EventTemplate {
  enum class Kind : std::uint8_t {
    Read,     ///< R(p): load of *p; the primitive's value
    Write,    ///< W(p, v): store v to *p
    Rmw,      ///< RMW(p, op, v): atomic read of *p and write of (old op v)
    Cas,      ///< CAS(p, old, new): atomic read; write `new` only if *p == old
    AddUnless,///< ADD_UNLESS(p, a, u): atomic read; write *p + a only if *p != u; result 1 if written, else 0
    Fence,    ///< F: a barrier event (base set F plus `sets`)
    Cache,    ///< CACHE(p) or CACHE: cache maintenance by address / of everything
    Mark,     ///< MARK: the sets of an interpreter-made event (interrupt entry/return, IPI send/wait); MARK(p): an event on *p's location with only the given sets (herd's SRCU grace period)
    Lock,     ///< LOCK(p) [A] [W]: an acquire event on *p (sets A, neither load nor store) then a store of 1 (sets W)
    TryLock,  ///< TRYLOCK(p) [A] [W] [F]: either LOCK's two events and result 1, or one event with sets F and result 0
    IsLocked, ///< ISLOCKED(p) [L] [U]: one event on *p, either with sets L and result 1 or with sets U and result 0
  };
  enum class Op : std::uint8_t { Xchg, Add, Sub, And, Or, AndNot, Xor };
  Kind kind = Kind::Fence;
  Op op = Op::Xchg;                     ///< Rmw
  std::vector<TemplateArg> args;        ///< address first (R, W, RMW, CAS, CACHE)
  std::vector<std::string> sets;        ///< base-set names (read event of RMW/CAS)
  std::vector<std::string> write_sets;  ///< RMW/CAS/LOCK/TRYLOCK: base sets of the write event; ISLOCKED: of the "unlocked" event
  std::vector<std::string> fail_sets;   ///< TRYLOCK: base sets of the failed attempt's event
  bool on_success = false;              ///< only when the previous CAS succeeded
  bool must_succeed = false;            ///< CAS: a failing path is dropped (spin until it succeeds)
};

/// One line: `name(params) = templates [-> new]`, `= NOTHING`, `= UNAVAILABLE`
/// or `= UNSUPPORTED "why"`.
struct LoweringEntry {
  enum class Availability : std::uint8_t { Available, Unavailable, Unsupported };
  std::string name;
  /// Parameter names; a keyword parameter (`dsb(=ish)`) is "=ish": the call
  /// must pass that identifier.
  std::vector<std::string> params;
  std::vector<EventTemplate> events;
  Availability availability = Availability::Available;
  std::string reason;                   ///< Unsupported: why
  bool result_is_new = false;           ///< `-> new`: value = the RMW's written value
  /// `-> [new] == K` (or `!= K`, `< K`): the result is 1 if the value compares
  /// so with K, else 0 (herd's `atomic_dec_and_test`: `... == 0`).
  enum class ResultTest : std::uint8_t { None, Eq, Ne, Lt };
  ResultTest result_test = ResultTest::None;
  std::int64_t result_operand = 0;      ///< K of result_test
  diag::SourceSpan span;                ///< the line in the .lower file

  [[nodiscard]] std::size_t arity() const { return params.size(); }
};

struct LoweringTable {
  litmus::ArchId arch = litmus::kNoArch;
  std::string arch_name;  ///< as in the file's `arch` line: "arm64", "x86"
  std::string path;
  std::vector<LoweringEntry> entries;
  /// `rmw-program-order` line: the read and the write of an RMW or CAS are
  /// two instructions in program order (herd's C semantics, whose po covers
  /// the events of one statement, so `po` orders them), rather than one
  /// instruction (the architectures' atomic instructions).
  bool rmw_program_order = false;
  /// `ctrl-within-branches` line: an `if` makes ctrl dependencies to the
  /// events of its branches only (herd's C semantics), not to every later
  /// event (the architectures' branch instructions).
  bool ctrl_within_branches = false;
  /// `const NAME = N` lines: identifiers C tests and the prelude may use
  /// (MEMBARRIER_CMD_PRIVATE_EXPEDITED, EPERM, ...).
  std::map<std::string, std::int64_t> constants;
  /// `prelude FILE` lines (relative to the lowering file): kernel functions
  /// written in the C dialect (axioms/prelude/linux.c), parsed once; their
  /// init blocks declare the kernel state shared variables. Several lines
  /// merge in order: a later file's function or variable replaces an earlier
  /// one of the same name (an architecture's own kernel code, such as riscv's
  /// icache_stale_mask handling, on top of the generic prelude). Null without
  /// a prelude line.
  std::shared_ptr<const litmus::LitmusTest> prelude;
  std::vector<std::string> prelude_paths;

  /// Every entry named `name` (several when they differ in keyword parameters).
  [[nodiscard]] std::vector<const LoweringEntry*> find(const std::string& name) const;
};

/// Parses a lowering file's text. Throws diag::UserError (kind Model, positioned
/// in the file) on malformed lines, unknown templates and unknown base sets.
[[nodiscard]] LoweringTable parse_lowering(const std::string& text, const std::string& path);

/// Reads and parses a prelude file (C litmus header, init block, functions, no
/// threads).
[[nodiscard]] litmus::LitmusTest load_prelude(const std::string& path);

/// Reads and parses `path` (and its prelude); kind Io when it cannot be read.
[[nodiscard]] LoweringTable load_lowering(const std::string& path);

/// The architectures C tests are lowered to (those whose plug-in ships a
/// lowering), in registry order, the order `--arch all` checks them: the one
/// list the frontend and the fuzz harnesses iterate.
[[nodiscard]] std::vector<litmus::ArchId> lowering_architectures();
/// The architecture of a kernel name ("arm64") if C tests may target it.
[[nodiscard]] std::optional<litmus::ArchId> lowering_arch(const std::string& name);
/// The lowering file's path relative to the model directory ("arm64/arm64.lower"), "" if none.
[[nodiscard]] std::string lowering_file_name(litmus::ArchId arch);
/// The kernel name of an architecture ("arm64", "x86").
[[nodiscard]] std::string lowering_arch_name(litmus::ArchId arch);
/// The kernel names of lowering_architectures(), comma-separated, for messages.
[[nodiscard]] std::string lowering_arch_list();

}  // namespace xmcheck::checker
