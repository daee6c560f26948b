#pragma once
// The catalogue of built-in (base) sets and relations a model may name. This is
// the only place where their names are spelled; the checker fills their values
// for each candidate execution, and axioms/README.md documents each entry.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace xmcheck::axioms {

enum class Arity : unsigned char { Set, Relation };

/// How an entry's value on a sub-execution (the events of some threads, the
/// reads-from and IPI edges among them, coherence restricted to their writes)
/// relates to its value on any execution containing it, restricted to the
/// same events. The checker blocks a whole family of candidates at once only
/// where this makes a violation persist (docs/design.md, "Blocking by core").
enum class Extension : unsigned char {
  Stable,    ///< equal: decided by the events themselves (po, loc, event sets, co)
  Grows,     ///< may gain pairs: edges from threads left out (rf, ipi)
  Unstable,  ///< may lose members too (FW: a left-out write may come last)
};

/// Relations whose pairs never leave one thread (initial writes count as one
/// thread): a path through them cannot pass through a left-out thread.
enum class Scope : unsigned char { AnyThreads, OneThread };

/// What the events of an architecture's set are, for displays (--witness,
/// --dot): the model alone gives them meaning.
enum class EventClass : unsigned char {
  Other,
  Fence,             ///< a barrier (DMB, MFENCE, sync)
  CacheMaintenance,  ///< by-address or global cache maintenance (DC, IC, dcbst, icbi)
  ContextSync,       ///< a context-synchronizing instruction (ISB, isync, serializing instructions)
};

struct BaseEntry {
  std::string_view name;
  Arity arity;
  std::string_view meaning;  ///< one line, shown by `xmcheck --list-base`
  Extension extension = Extension::Stable;
  Scope scope = Scope::AnyThreads;
  std::string_view arch = {};  ///< the architecture (kernel name) whose events fill it; empty: every one
  EventClass event_class = EventClass::Other;
};

/// Every base name, sets first: the core sets, then each registered
/// architecture's, then the relations. The index of an entry is its BaseId.
inline constexpr std::array kBaseCatalogue{
    // ---- event sets ----
    BaseEntry{"R", Arity::Set, "memory reads, explicit (loads) and implicit (instruction fetches)"},
    BaseEntry{"W", Arity::Set, "memory writes, including the initial writes"},
    BaseEntry{"M", Arity::Set, "memory accesses: R | W"},
    BaseEntry{"IW", Arity::Set, "initial writes (one per location, data and code)"},
    BaseEntry{"FW", Arity::Set, "final writes: the co-last write to each location", Extension::Unstable},
    BaseEntry{"Exp", Arity::Set, "explicit accesses, made by load/store instructions"},
    BaseEntry{"Imp", Arity::Set, "implicit accesses: instruction fetches"},
    BaseEntry{"Instr", Arity::Set, "accesses to code locations (labelled instructions whose address is taken)"},
    BaseEntry{"IF", Arity::Set, "instruction-fetch reads: Imp & Instr & R"},
    BaseEntry{"A", Arity::Set, "acquire reads (LDAR)"},
    BaseEntry{"Q", Arity::Set, "acquire-PC reads (LDAPR)"},
    BaseEntry{"L", Arity::Set, "release writes (STLR)"},
    BaseEntry{"X", Arity::Set, "accesses of atomic read-modify-write instructions"},
    BaseEntry{"F", Arity::Set, "barrier events (DMB, DSB, ISB)"},
    BaseEntry{"B", Arity::Set,
              "branch events: the decision of a branching instruction (an architecture may mark taken branches only)"},
    BaseEntry{"BCC", Arity::Set, "conditional-branch decision events"},
    BaseEntry{"EXC-ENTRY", Arity::Set, "exception entry (fault or SVC taken)"},
    BaseEntry{"EXC-RET", Arity::Set, "exception return (ERET)"},
    BaseEntry{"SVC", Arity::Set, "exception entries caused by SVC"},
    BaseEntry{"FAULT", Arity::Set, "fault events (undefined instruction fetched or executed, SVC)"},
    BaseEntry{"UDF", Arity::Set, "faults caused by an undefined instruction"},
    BaseEntry{"CMODX-restricted", Arity::Set,
              "code accesses whose instruction value is outside the concurrent-modification list"},
    BaseEntry{"IRQ-ENTRY", Arity::Set, "interrupt entry (C tests: an IPI taken; a lowering may add its exception-entry sets)"},
    BaseEntry{"IRQ-RETURN", Arity::Set, "interrupt return (C tests; a lowering may add its exception-return or serializing sets)"},
    BaseEntry{"ALIAS", Arity::Set,
              "accesses of a code location through its second virtual mapping (C tests: code_t w = ALIAS(f))"},
    BaseEntry{"IPI", Arity::Set,
              "kernel IPI-path events of the sender: sends (domain of ipi) and waits for completion (range of ipi-done)"},
    // ---- each registered architecture's sets (axioms/<arch>/event_sets.def) ----
#define XMCHECK_BASE_SET(name, event_class, meaning) \
  BaseEntry{name, Arity::Set, meaning, Extension::Stable, Scope::AnyThreads, XMCHECK_SET_ARCH, EventClass::event_class},
#include "xmcheck/arch_event_sets.inc"
#undef XMCHECK_BASE_SET
    // ---- relations ----
    BaseEntry{"po", Arity::Relation, "program order between events of different instruction instances",
              Extension::Stable, Scope::OneThread},
    BaseEntry{"rf", Arity::Relation, "reads-from: write to the read (fetch) that takes its value",
              Extension::Grows},
    BaseEntry{"co", Arity::Relation, "coherence order: per-location total order of writes"},
    BaseEntry{"loc", Arity::Relation, "same location (memory accesses and by-address cache maintenance)"},
    BaseEntry{"int", Arity::Relation, "same thread", Extension::Stable, Scope::OneThread},
    BaseEntry{"ext", Arity::Relation, "different threads"},
    BaseEntry{"same-instance", Arity::Relation, "events of the same instruction instance",
              Extension::Stable, Scope::OneThread},
    BaseEntry{"addr", Arity::Relation, "address dependency (read to the access whose address it feeds)",
              Extension::Stable, Scope::OneThread},
    BaseEntry{"data", Arity::Relation, "data dependency (read to the write whose value it feeds)",
              Extension::Stable, Scope::OneThread},
    BaseEntry{"ctrl", Arity::Relation, "control dependency (read to every event after a branch it feeds)",
              Extension::Stable, Scope::OneThread},
    BaseEntry{"pick-addr", Arity::Relation, "address dependency that may also flow through a CSEL/CSET condition",
              Extension::Stable, Scope::OneThread},
    BaseEntry{"pick-data", Arity::Relation, "data dependency that may also flow through a CSEL/CSET condition",
              Extension::Stable, Scope::OneThread},
    BaseEntry{"pick-ctrl", Arity::Relation, "control dependency that may also flow through a CSEL/CSET condition",
              Extension::Stable, Scope::OneThread},
    BaseEntry{"pick-dep", Arity::Relation,
              "read to any later access or maintenance its value reaches, CSEL/CSET conditions included",
              Extension::Stable, Scope::OneThread},
    BaseEntry{"rmw", Arity::Relation, "read-modify-write pairs", Extension::Stable, Scope::OneThread},
    BaseEntry{"same-value", Arity::Relation,
              "memory accesses whose values are equal (herd's different-values is its complement)"},
    BaseEntry{"ipi", Arity::Relation, "IPI send to the interrupt entry on the target CPU that serves it",
              Extension::Grows},
    BaseEntry{"ipi-done", Arity::Relation, "return of an IPI's interrupt to the sender's wait for it (wait only)",
              Extension::Grows},
};

inline constexpr std::size_t kBaseCount = kBaseCatalogue.size();

/// The catalogue index of `name`, if it is a base name.
[[nodiscard]] constexpr std::optional<std::size_t> find_base(std::string_view name) {
  for (std::size_t i = 0; i < kBaseCatalogue.size(); ++i)
    if (kBaseCatalogue[i].name == name) return i;
  return std::nullopt;
}

}  // namespace xmcheck::axioms
