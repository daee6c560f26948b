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

struct BaseEntry {
  std::string_view name;
  Arity arity;
  std::string_view meaning;  ///< one line, shown by `xmcheck --list-base`
  Extension extension = Extension::Stable;
  Scope scope = Scope::AnyThreads;
};

/// Every base name, sets first. The index of an entry is its BaseId.
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
              "branch events: the decision of a branching instruction (x86: a taken jump, call or ret)"},
    BaseEntry{"BCC", Arity::Set, "conditional-branch decision events"},
    BaseEntry{"ISB", Arity::Set, "ISB instruction events"},
    BaseEntry{"DMB.SY", Arity::Set, "DMB SY"},
    BaseEntry{"DMB.LD", Arity::Set, "DMB LD"},
    BaseEntry{"DMB.ST", Arity::Set, "DMB ST"},
    BaseEntry{"DMB.ISH", Arity::Set, "DMB ISH"},
    BaseEntry{"DMB.ISHLD", Arity::Set, "DMB ISHLD"},
    BaseEntry{"DMB.ISHST", Arity::Set, "DMB ISHST"},
    BaseEntry{"DMB.NSH", Arity::Set, "DMB NSH"},
    BaseEntry{"DMB.NSHLD", Arity::Set, "DMB NSHLD"},
    BaseEntry{"DMB.NSHST", Arity::Set, "DMB NSHST"},
    BaseEntry{"DMB.OSH", Arity::Set, "DMB OSH"},
    BaseEntry{"DMB.OSHLD", Arity::Set, "DMB OSHLD"},
    BaseEntry{"DMB.OSHST", Arity::Set, "DMB OSHST"},
    BaseEntry{"DSB.SY", Arity::Set, "DSB SY"},
    BaseEntry{"DSB.LD", Arity::Set, "DSB LD"},
    BaseEntry{"DSB.ST", Arity::Set, "DSB ST"},
    BaseEntry{"DSB.ISH", Arity::Set, "DSB ISH"},
    BaseEntry{"DSB.ISHLD", Arity::Set, "DSB ISHLD"},
    BaseEntry{"DSB.ISHST", Arity::Set, "DSB ISHST"},
    BaseEntry{"DSB.NSH", Arity::Set, "DSB NSH"},
    BaseEntry{"DSB.NSHLD", Arity::Set, "DSB NSHLD"},
    BaseEntry{"DSB.NSHST", Arity::Set, "DSB NSHST"},
    BaseEntry{"DSB.OSH", Arity::Set, "DSB OSH"},
    BaseEntry{"DSB.OSHLD", Arity::Set, "DSB OSHLD"},
    BaseEntry{"DSB.OSHST", Arity::Set, "DSB OSHST"},
    BaseEntry{"DC.CVAU", Arity::Set, "data-cache clean by address to the point of unification"},
    BaseEntry{"IC.IVAU", Arity::Set, "instruction-cache invalidate by address to the point of unification"},
    BaseEntry{"IC.IALLU", Arity::Set, "instruction-cache invalidate all (local)"},
    BaseEntry{"IC.IALLUIS", Arity::Set, "instruction-cache invalidate all (inner shareable)"},
    BaseEntry{"EXC-ENTRY", Arity::Set, "exception entry (fault or SVC taken)"},
    BaseEntry{"EXC-RET", Arity::Set, "exception return (ERET)"},
    BaseEntry{"SVC", Arity::Set, "exception entries caused by SVC"},
    BaseEntry{"FAULT", Arity::Set, "fault events (undefined instruction fetched or executed, SVC)"},
    BaseEntry{"UDF", Arity::Set, "faults caused by an undefined instruction"},
    BaseEntry{"MFENCE", Arity::Set, "x86 MFENCE"},
    BaseEntry{"LFENCE", Arity::Set, "x86 LFENCE"},
    BaseEntry{"SFENCE", Arity::Set, "x86 SFENCE"},
    BaseEntry{"CPUID", Arity::Set, "x86 CPUID (serializing)"},
    BaseEntry{"SERIALIZE", Arity::Set, "x86 SERIALIZE (serializing)"},
    BaseEntry{"IRET", Arity::Set, "x86 IRET (serializing; Linux's iret-to-self)"},
    BaseEntry{"MOV-CR", Arity::Set, "x86 MOV to a control register, e.g. CR3 (serializing)"},
    BaseEntry{"WRMSR", Arity::Set, "x86 WRMSR (serializing for most MSRs)"},
    BaseEntry{"SYSRET", Arity::Set, "x86 SYSRET (returns to user mode; not serializing)"},
    BaseEntry{"SYSEXIT", Arity::Set, "x86 SYSEXIT (returns to user mode; not serializing)"},
    BaseEntry{"CMODX-restricted", Arity::Set,
              "code accesses whose instruction value is outside the concurrent-modification list"},
    BaseEntry{"IRQ-ENTRY", Arity::Set, "interrupt entry (C tests: an IPI taken; arm64 lowering also EXC-ENTRY)"},
    BaseEntry{"IRQ-RETURN", Arity::Set, "interrupt return (C tests; arm64 lowering also EXC-RET, x86 also IRET)"},
    BaseEntry{"IPI", Arity::Set,
              "kernel IPI-path events of the sender: sends (domain of ipi) and waits for completion (range of ipi-done)"},
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
