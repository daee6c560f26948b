#pragma once
// --dot DIR: one Graphviz file per test, DIR/NAME.dot (--png: DIR/NAME.png too).
//
// Layout: a digraph titled with the test's Test line; one cluster per allowed
// state ("state K: <state line>", K from 1 in the printed order, marked when it
// satisfies the condition), inside it one cluster for the initial writes and one
// per thread, events in program order linked by `po` edges (black); the other
// edges are coloured and labelled by relation: rf red, fetch (rf into an
// instruction fetch) purple, co blue, fr orange, addr/data/ctrl dark green, any
// other relation grey (ipi and ipi-done magenta). C tests are drawn as
// dot_view.hpp says: each call one box (an HTML-like table node whose rows
// are ports), the prelude's bookkeeping folded unless --dot-detail. With
// --explain, each explanation is one more cluster ("forbidden by CHECK:
// <state line>"), its cycle drawn in red, bold, one edge per step.
//
// Node ids are s<K>e<ID> (x<K>e<ID> for explanations); folded rows f<ID>,
// call boxes s<K>c<N> (an edge into a row is s<K>c<N>:e<ID>). Test names are made file
// names by replacing `/` and anything outside [A-Za-z0-9._+-] by `_`; a name that
// repeats within a run gets ".2", ".3", ... in input order.
#include <map>
#include <string>

#include "xmcheck/checker/result.hpp"

namespace xmcheck::frontend {

/// The Graphviz text of one test; `detail` (--dot-detail): every event of C
/// tests' prelude calls and every dependency edge (dot_view.hpp).
[[nodiscard]] std::string format_dot(const checker::TestResult& result, bool detail = false);

/// Writes the files of a run; remembers the names used.
class DotWriter {
 public:
  /// Creates DIR if needed. `png`: also run `dot -Tpng` (warns once when absent).
  DotWriter(std::string dir, bool png, bool detail = false);

  /// Writes DIR/NAME.dot (and .png). Returns "" or an error line for stderr.
  [[nodiscard]] std::string write(const checker::TestResult& result);

  /// The file stem for a test name (sanitised, deduplicated); public for tests.
  [[nodiscard]] std::string stem_for(const std::string& test_name);

 private:
  std::string dir_;
  bool png_;
  bool detail_;
  bool dot_missing_warned_ = false;
  std::map<std::string, int> used_;
};

/// Creates `dir` if needed and checks that a file can be written in it.
/// Returns "" or the error line for stderr ("xmcheck: error: --dot DIR: ...").
[[nodiscard]] std::string prepare_dot_dir(const std::string& dir);

/// Whether an executable `name` is on PATH.
[[nodiscard]] bool program_on_path(const std::string& name);

}  // namespace xmcheck::frontend
