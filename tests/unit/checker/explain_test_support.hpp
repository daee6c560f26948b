#pragma once
// Helpers for the witness and explanation tests: finding events and edges of
// a Witness by their printed texts (the frontend's printer), and a canonical rendering.
#include <doctest/doctest.h>

#include <string>

#include "xmcheck/checker/result.hpp"
#include "xmcheck/frontend/result_text.hpp"

namespace cktest {

inline bool has_event(const xmcheck::checker::Witness& w, int thread, const std::string& kind,
                      const std::string& text) {
  for (const auto& e : w.events)
    if (e.thread == thread && xmcheck::frontend::event_kind_text(e) == kind && xmcheck::frontend::event_text(e) == text)
      return true;
  return false;
}

/// The event of `thread` with `text` (fails the test if absent).
inline const xmcheck::checker::WitnessEvent& event(const xmcheck::checker::Witness& w, int thread,
                                                    const std::string& text) {
  for (const auto& e : w.events)
    if (e.thread == thread && xmcheck::frontend::event_text(e) == text) return e;
  FAIL("no event " << text << " on thread " << thread);
  return w.events.front();
}

inline bool has_edge(const xmcheck::checker::Witness& w, const xmcheck::checker::WitnessEvent& a,
                     const xmcheck::checker::WitnessEvent& b, const std::string& rel) {
  for (const auto& e : w.edges)
    if (e.from == a.id && e.to == b.id && e.relation == rel) return true;
  return false;
}

/// One line per event and edge (comparing witnesses as text).
inline std::string render(const xmcheck::checker::Witness& w) {
  std::string out;
  for (const auto& e : w.events)
    out += std::to_string(e.id) + " P" + std::to_string(e.thread) + "." + std::to_string(e.instance) + " " +
           xmcheck::frontend::event_kind_text(e) + " " + xmcheck::frontend::event_text(e) + " (" +
           xmcheck::frontend::instruction_text(e) + ")\n";
  for (const auto& e : w.edges)
    out += std::to_string(e.from) + " -" + e.relation + "-> " + std::to_string(e.to) + "\n";
  return out;
}

}  // namespace cktest
