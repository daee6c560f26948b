#pragma once
// herd's text for the checker's typed results: observed locations ("1:X2",
// "[x]", "t", "Fault(P0:L0,UndefinedInstruction)") and their final values
// ("1", "x", "NOP", "instr:\"B .+4\"", "label:\"P0:L1\"", "{1,3}", "~Fault(...)"),
// and witness events.
#include <string>
#include <vector>

#include "xmcheck/checker/result.hpp"

namespace xmcheck::frontend {

/// An observed location as herd prints it.
[[nodiscard]] std::string location_text(const checker::ObservedLocation& loc);

/// The value of `loc` as herd prints it in a state (a fault atom's value is the
/// atom itself or its negation).
[[nodiscard]] std::string value_text(const checker::ObservedLocation& loc, const checker::StateValue& value);

/// A value on its own (not a fault atom's): `1`, `x`, `NOP`, `instr:"B .+4"`, `{1,3}`.
[[nodiscard]] std::string value_text(const checker::StateValue& value);

/// Every observed location of `result`, printed, in order.
[[nodiscard]] std::vector<std::string> observed_texts(const checker::TestResult& result);

/// `values` (one per observed location of `result`, fewer if truncated), printed.
[[nodiscard]] std::vector<std::string> value_texts(const checker::TestResult& result,
                                                   const std::vector<checker::StateValue>& values);

/// The condition as herd's "Condition" line prints it: `exists (1:X0=1 /\ 1:X2=0)`.
[[nodiscard]] std::string condition_text(const checker::TestResult& result);

/// A witness event's kind: "R", "W", "IF" (fetch), "F" (barrier), cache
/// maintenance by its mnemonic ("DC", "IC"; "CACHE" without a set), "B",
/// "FAULT", "ERET", "IPI", "IRQ", "IW" (initial write).
[[nodiscard]] std::string event_kind_text(const checker::WitnessEvent& e);

/// A witness event's text: "W[x]=1", "IF[P1:L0]=NOP", "DMB.ISH", "IC.IVAU[P1:L0]",
/// "FAULT(UndefinedInstruction)", "IPI-SEND(P1)".
[[nodiscard]] std::string event_text(const checker::WitnessEvent& e);

/// The instruction that made a witness event, as herd prints it ("" for none).
[[nodiscard]] std::string instruction_text(const checker::WitnessEvent& e);

}  // namespace xmcheck::frontend
