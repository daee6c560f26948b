#include "xmcheck/frontend/report_dot.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>
#include <vector>

#include "xmcheck/frontend/report_herd.hpp"
#include "xmcheck/frontend/report_witness.hpp"
#include "xmcheck/frontend/result_text.hpp"

extern char** environ;

namespace xmcheck::frontend {
namespace fs = std::filesystem;
namespace {

using checker::Witness;
using checker::WitnessEvent;

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string colour_of(const std::string& relation) {
  static const std::map<std::string, std::string> kColours{
      {"po", "black"},        {"rf", "red"},          {"fetch", "purple"},
      {"co", "blue"},         {"fr", "darkorange"},   {"addr", "darkgreen"},
      {"data", "darkgreen"},  {"ctrl", "darkgreen"}};
  const auto it = kColours.find(relation);
  return it == kColours.end() ? "gray40" : it->second;
}

/// Clusters of one witness; `prefix` makes node ids unique in the file.
void emit_witness(std::ostringstream& out, const Witness& w, const std::string& prefix,
                  bool highlight) {
  auto node = [&](int id) { return prefix + "e" + std::to_string(id); };
  std::map<int, std::vector<const WitnessEvent*>> threads;
  for (const auto& e : w.events) threads[e.thread].push_back(&e);
  for (auto& [thread, events] : threads) {
    std::stable_sort(events.begin(), events.end(), [](const WitnessEvent* a, const WitnessEvent* b) {
      return a->instance != b->instance ? a->instance < b->instance : a->id < b->id;
    });
    const std::string name = thread < 0 ? "init" : "P" + std::to_string(thread);
    out << "    subgraph " << quote("cluster_" + prefix + name) << " {\n";
    out << "      label=" << quote(name) << "; style=rounded; color=gray60;\n";
    for (const WitnessEvent* e : events) {
      std::string label = "e" + std::to_string(e->id) + ": " + event_text(*e);
      if (const std::string instr = instruction_text(*e); !instr.empty()) label += "\n" + instr;
      out << "      " << node(e->id) << " [label=" << quote(label) << "];\n";
    }
    for (std::size_t i = 1; i < events.size(); ++i)
      out << "      " << node(events[i - 1]->id) << " -> " << node(events[i]->id)
          << " [label=\"po\", color=black];\n";
    out << "    }\n";
  }
  for (const auto& group : group_edges(w)) {
    const std::string colour = highlight ? "red" : colour_of(group.relation);
    for (const auto& edge : group.edges)
      out << "    " << node(edge.from) << " -> " << node(edge.to) << " [label="
          << quote(group.relation) << ", color=" << colour << ", fontcolor=" << colour
          << (highlight ? ", penwidth=2" : "") << ", constraint=false];\n";
  }
}

}  // namespace

std::string format_dot(const checker::TestResult& r) {
  std::ostringstream out;
  out << "digraph " << quote(r.name) << " {\n";
  out << "  label=" << quote("Test " + r.name + " " + quantifier_kind(r.quantifier) + "\n" +
                             condition_text(r) + (r.model.empty() ? "" : "\nmodel: " + r.model))
      << "; labelloc=t; fontname=\"Helvetica\";\n";
  out << "  node [shape=box, fontname=\"Courier\", fontsize=10];\n";
  out << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  for (std::size_t k = 0; k < r.states.size(); ++k) {
    const auto& state = r.states[k];
    const std::string prefix = "s" + std::to_string(k + 1);
    out << "  subgraph " << quote("cluster_" + prefix) << " {\n";
    out << "    label=" << quote("state " + std::to_string(k + 1) + ": " + format_state(r, state) +
                                 (state.satisfies_condition ? " (satisfies the condition)" : ""))
        << ";\n";
    if (state.witness && !state.witness->events.empty())
      emit_witness(out, *state.witness, prefix, false);
    else
      out << "    " << prefix << "none [label=\"(no witness)\", shape=plaintext];\n";
    out << "  }\n";
  }
  for (std::size_t k = 0; k < r.explanations.size(); ++k) {
    const auto& ex = r.explanations[k];
    const std::string prefix = "x" + std::to_string(k + 1);
    out << "  subgraph " << quote("cluster_" + prefix) << " {\n";
    out << "    label=" << quote("forbidden by " + ex.check + ": " + format_values(r, ex.values))
        << "; color=red; fontcolor=red;\n";
    if (!ex.cycle.events.empty())
      emit_witness(out, ex.cycle, prefix, true);
    else
      out << "    " << prefix << "none [label=\"(no cycle)\", shape=plaintext];\n";
    out << "  }\n";
  }
  out << "}\n";
  return out.str();
}

bool program_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return false;
  std::stringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return true;
  }
  return false;
}

DotWriter::DotWriter(std::string dir, bool png) : dir_(std::move(dir)), png_(png) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
}

std::string prepare_dot_dir(const std::string& dir) {
  const std::string prefix = "xmcheck: error: --dot " + dir + ": ";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return prefix + "cannot create directory (" + ec.message() + ")";
  if (!fs::is_directory(dir, ec)) return prefix + "not a directory";
  // Permissions alone do not tell (root, read-only mounts): try a file.
  const fs::path probe = fs::path(dir) / (".xmcheck-probe-" + std::to_string(::getpid()));
  bool written = false;
  {
    std::ofstream out(probe);
    written = static_cast<bool>(out << "probe\n");
  }
  fs::remove(probe, ec);
  return written ? "" : prefix + "cannot write files in this directory";
}

std::string DotWriter::stem_for(const std::string& test_name) {
  std::string stem;
  for (const char c : test_name) {
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '+' || c == '-';
    stem += keep ? c : '_';
  }
  if (stem.empty() || stem == "." || stem == "..") stem = "_" + stem;
  const int seen = ++used_[stem];
  return seen == 1 ? stem : stem + "." + std::to_string(seen);
}

std::string DotWriter::write(const checker::TestResult& result) {
  const fs::path dot_file = fs::path(dir_) / (stem_for(result.name) + ".dot");
  {
    std::ofstream out(dot_file);
    out << format_dot(result);
    if (!out) return dot_file.string() + ": error: cannot write file";
  }
  if (!png_) return "";
  if (!program_on_path("dot")) {
    if (dot_missing_warned_) return "";
    dot_missing_warned_ = true;
    return "xmcheck: warning: --png needs Graphviz's `dot` on PATH (Debian package graphviz); "
           "only .dot files are written";
  }
  fs::path png_file = dot_file;
  png_file.replace_extension(".png");
  const std::string out_arg = "-o" + png_file.string();
  std::vector<std::string> args{"dot", "-Tpng", out_arg, dot_file.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "dot", nullptr, nullptr, argv.data(), environ) != 0)
    return png_file.string() + ": error: cannot run dot";
  int status = 0;
  if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return png_file.string() + ": error: dot -Tpng failed";
  return "";
}

}  // namespace xmcheck::frontend
