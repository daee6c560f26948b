#pragma once
// One complete run of one thread with concrete values: its events in program
// order, the dependencies among them and its final registers. The unfolder
// produces every trace of every thread; a candidate execution picks one per thread.
#include <bitset>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "set_mask.hpp"
#include "value.hpp"
#include "xmcheck/diag/source_span.hpp"

namespace xmcheck::checker {

/// Upper bound on events in one trace (dependency sets are bitsets over them).
inline constexpr std::size_t kMaxTraceEvents = 256;
using Taint = std::bitset<kMaxTraceEvents>;

enum class EventKind : std::uint8_t {
  Read,       ///< explicit load
  Write,      ///< explicit store
  Fetch,      ///< implicit instruction-fetch read of a code location
  Fence,      ///< DMB / DSB / ISB
  CacheOp,    ///< DC / IC maintenance
  Branch,     ///< decision of a conditional or indirect branch (herd's BCC commit)
  Fault,      ///< exception entry: undefined instruction or SVC
  ExcReturn,  ///< ERET
  IpiSend,    ///< C tests: an IPI sent (target, handler; partner = its wait, -1 without)
  IpiAck,     ///< C tests: the sender's wait for the handler to finish (partner = its send)
  IrqEntry,   ///< C tests: interrupt entry for handler `handler` (partner = its return)
  IrqReturn,  ///< C tests: interrupt return (partner = its entry)
};

struct TraceEvent {
  EventKind kind = EventKind::Read;
  int instance = 0;         ///< instruction instance (program-order index) within the trace
  int instr = -1;           ///< instruction-value id of the instruction that made it (-1: none)
  int loc = -1;             ///< memory location (accesses, by-address maintenance)
  Val value;                ///< value read or written
  SetMask sets = {};   ///< bit i set = member of base catalogue entry i
  int target = -1;          ///< IpiSend: the target CPU (thread)
  int handler = -1;         ///< IpiSend, IrqEntry: handler id (CLowered::functions)
  int partner = -1;         ///< IPI/IRQ events: the matching event of the same trace (see EventKind)
  diag::SourceSpan span;    ///< the instruction that made it
  /// C tests: the innermost function running (CLowered::functions id; -1: the
  /// thread's body) and the outermost call or interrupt it belongs to
  /// (Trace::calls index; -1: none), so that output can name prelude code.
  int func = -1;
  int call = -1;
  bool from_handler = false;  ///< IpiSend: sent by an interrupt handler (an IPI chain)
};

using EdgeList = std::vector<std::pair<int, int>>;  ///< trace-local (from, to)

/// An exception the thread took: where, and of which type (herd's fault names).
struct FaultRecord {
  std::int64_t address = 0;
  std::string type;  ///< "UndefinedInstruction", "SupervisorCall"
};

struct Trace {
  int proc = 0;
  std::vector<TraceEvent> events;
  EdgeList addr, data, ctrl;                   ///< herd's dependency relations
  EdgeList pick_addr, pick_data, pick_ctrl;    ///< ... through CSEL/CSET conditions too
  EdgeList pick_basic;                         ///< read -> access its value reaches (pick flow)
  EdgeList rmw;
  /// read -> write whose value is computed from the read's value
  /// (RegVal::flow): the cycles of values that herd's solver must break
  /// (value_cycles.hpp).
  EdgeList value_flow;
  std::vector<int> calls;  ///< C tests: [call] the function (CLowered::functions id) called from the body
  std::vector<Val> final_regs;
  std::vector<FaultRecord> faults;
  /// Set when the trace executed something herd refuses (a jump to non-code...):
  /// the test is rejected if a consistent execution contains this trace.
  /// When the path was cut by the unrolling bound: the loop that cut it.
  diag::SourceSpan cut_span;
  std::string delayed_error;
  diag::SourceSpan delayed_error_span;
  /// C tests: non-empty when the thread blocks forever at an IPI wait, whose
  /// IPI-SEND events (trace indices) these are; the trace ends there. Such
  /// traces are kept apart (Unfolding::hung_traces) for the deadlock search.
  std::vector<int> hung_sends;
  /// C tests: interrupts are disabled where the trace ends (its last
  /// statement, or the wait it hangs at): an IPI still pending then is never taken.
  bool irqs_masked_at_end = false;
};

/// Whether read `r` of `t` may read from write `w` of the same trace: not
/// when `w` comes later in the same instruction instance (the write of an
/// atomic exchange is not visible to its own read; herd orders the two by
/// iico, which no model's po covers).
[[nodiscard]] inline bool may_read_own_write(const Trace& t, std::size_t r, std::size_t w) {
  return !(w > r && t.events[w].instance == t.events[r].instance);
}

}  // namespace xmcheck::checker
