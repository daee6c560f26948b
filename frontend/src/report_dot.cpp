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

#include "xmcheck/frontend/dot_view.hpp"
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
      {"data", "darkgreen"},  {"ctrl", "darkgreen"},  {"ipi", "magenta3"},
      {"ipi-done", "magenta3"}};
  const auto it = kColours.find(relation);
  return it == kColours.end() ? "gray40" : it->second;
}

/// Text for a Graphviz HTML-like label (lines split at '\n').
std::string html(const std::string& s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\n': out += "<BR/>"; break;
      default: out += c;
    }
  }
  return out;
}

/// A prelude call: one box, its title and then one row (a port) per node.
void emit_call(std::ostringstream& out, const std::string& id, const DotCall& call,
               const std::vector<const DotNode*>& rows) {
  out << "      " << id << " [shape=plain, label=<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" "
      << "STYLE=\"ROUNDED\" BGCOLOR=\"gray95\" COLOR=\"gray40\"><TR><TD><B>" << html(call.label) << "</B></TD></TR>";
  for (const DotNode* n : rows) {
    const bool folded = n->key[0] == 'f';  // the call's bookkeeping: grey, boxed dashed
    out << "<TR><TD PORT=\"" << n->key << "\"" << (folded ? " BORDER=\"1\" STYLE=\"DASHED\" COLOR=\"gray60\"" : " BORDER=\"1\"")
        << ">" << (folded ? "<FONT COLOR=\"gray40\">" : "") << html(n->label) << (folded ? "</FONT>" : "")
        << "</TD></TR>";
  }
  out << "</TABLE>>];\n";
}

/// An explanation's steps: one bold red edge per step, labelled with its most
/// specific relation (the cycle lists them smallest first); all of them in
/// the tooltip, as `--explain` prints them.
void emit_cycle_edges(std::ostringstream& out, const Witness& cycle,
                      const std::map<std::string, std::string>& endpoint) {
  std::vector<std::pair<std::pair<int, int>, std::string>> steps;
  for (const auto& e : cycle.edges) {
    const std::pair<int, int> hop{e.from, e.to};
    auto it = std::find_if(steps.begin(), steps.end(), [&](const auto& s) { return s.first == hop; });
    if (it == steps.end())
      steps.emplace_back(hop, e.relation);
    else
      it->second += "|" + e.relation;
  }
  for (const auto& step : steps) {
    const std::string all = step.second;
    const std::string first = all.substr(0, all.find('|'));
    out << "    " << endpoint.at("e" + std::to_string(step.first.first)) << " -> "
        << endpoint.at("e" + std::to_string(step.first.second)) << " [label=" << quote(first)
        << ", tooltip=" << quote(all) << ", color=red, fontcolor=red, penwidth=2, constraint=false];\n";
  }
}

/// Clusters of one witness; `prefix` makes node ids unique in the file.
void emit_witness(std::ostringstream& out, const Witness& w, const std::string& prefix, bool highlight,
                  bool detail) {
  // Explanation cycles are a handful of events: all of them are drawn.
  const DotView view = make_dot_view(w, detail || highlight);
  std::map<std::string, std::string> endpoint;  // node key -> "id" or "call-id:port"
  std::map<int, std::vector<const DotNode*>> threads;
  for (const auto& n : view.nodes) {
    threads[n.thread].push_back(&n);
    endpoint[n.key] = n.call < 0 ? prefix + n.key : prefix + "c" + std::to_string(n.call) + ":" + n.key;
  }
  for (const auto& entry : threads) {
    const auto& nodes = entry.second;
    const std::string name = entry.first < 0 ? "init" : "P" + std::to_string(entry.first);
    out << "    subgraph " << quote("cluster_" + prefix + name) << " {\n";
    out << "      label=" << quote(name) << "; style=rounded; color=gray60;\n";
    std::vector<std::string> items;  // in program order: plain nodes and call boxes
    for (std::size_t i = 0; i < nodes.size();) {
      const int call = nodes[i]->call;
      if (call < 0) {
        out << "      " << prefix << nodes[i]->key << " [label=" << quote(nodes[i]->label) << "];\n";
        items.push_back(prefix + nodes[i]->key);
        ++i;
        continue;
      }
      std::vector<const DotNode*> rows;  // a call's nodes are consecutive
      for (; i < nodes.size() && nodes[i]->call == call; ++i) rows.push_back(nodes[i]);
      const std::string id = prefix + "c" + std::to_string(call);
      emit_call(out, id, view.calls[static_cast<std::size_t>(call)], rows);
      items.push_back(id);
    }
    for (std::size_t i = 1; i < items.size(); ++i)
      out << "      " << items[i - 1] << " -> " << items[i] << " [label=\"po\", color=black];\n";
    out << "    }\n";
  }
  if (highlight) {
    emit_cycle_edges(out, w, endpoint);
    return;
  }
  for (const auto& edge : view.edges) {
    const std::string colour = colour_of(edge.relation);
    out << "    " << endpoint.at(edge.from) << " -> " << endpoint.at(edge.to) << " [label=" << quote(edge.relation)
        << ", color=" << colour << ", fontcolor=" << colour << ", constraint=false];\n";
  }
}

/// C pictures: dot's default ranking fails on some of them ("trouble in
/// init_rank", Graphviz 2.43) when cross-thread edges ignore rank; newrank
/// does not. Asm pictures keep the default layout.
bool drawn_as_c(const checker::TestResult& r) {
  for (const auto& s : r.states)
    if (s.witness && is_c(*s.witness)) return true;
  for (const auto& e : r.explanations)
    if (is_c(e.cycle)) return true;
  return false;
}

}  // namespace

std::string format_dot(const checker::TestResult& r, bool detail) {
  std::ostringstream out;
  out << "digraph " << quote(r.name) << " {\n";
  out << "  label=" << quote("Test " + r.name + " " + quantifier_kind(r.quantifier) + "\n" +
                             condition_text(r) + (r.model.empty() ? "" : "\nmodel: " + r.model))
      << "; labelloc=t; fontname=\"Helvetica\";" << (drawn_as_c(r) ? " newrank=true;" : "") << "\n";
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
      emit_witness(out, *state.witness, prefix, false, detail);
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
      emit_witness(out, ex.cycle, prefix, true, detail);
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

DotWriter::DotWriter(std::string dir, bool png, bool detail) : dir_(std::move(dir)), png_(png), detail_(detail) {
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
    out << format_dot(result, detail_);
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
