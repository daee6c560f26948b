// Reads axioms/<arch>/<arch>.lower (docs/c-dialect.md, "Lowering files"):
//   arch arm64
//   NAME(P, ...) = TEMPLATE [SETS] [SETS] [on-success|must-succeed]; ... [-> [new] [== K|!= K|< K]]
//   NAME(...)    = NOTHING | UNAVAILABLE | UNSUPPORTED "why"
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "herd_def_lowering.hpp"
#include "semantics/arch_semantics.hpp"
#include "xmcheck/axioms/base.hpp"
#include "xmcheck/checker/lowering.hpp"
#include "xmcheck/diag/diagnostic.hpp"
#include "xmcheck/litmus/c_ast.hpp"
#include "xmcheck/litmus/parser.hpp"

namespace xmcheck::checker {
namespace {

using Kind = EventTemplate::Kind;

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  for (char c : s) {
    if (c == '(' || c == '[') ++depth;
    if (c == ')' || c == ']') --depth;
    if (c == sep && depth == 0) {
      out.push_back(trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(trim(cur));
  return out;
}

class LineParser {
 public:
  LineParser(std::shared_ptr<const std::string> file, std::uint32_t line) : file_(std::move(file)), line_(line) {}

  [[noreturn]] void fail(const std::string& msg) const {
    throw diag::UserError(diag::ErrorKind::Model, span(), msg);
  }
  [[nodiscard]] diag::SourceSpan span() const { return {file_, {line_, 1}, {line_, 1}}; }

  /// `name(a, b, =kw)`: fills name and params; returns the rest after ')'.
  std::string signature(const std::string& text, LoweringEntry& e) const {
    const auto open = text.find('(');
    const auto close = text.find(')');
    if (open == std::string::npos || close == std::string::npos || close < open)
      fail("expected 'name(params)' before '='");
    e.name = trim(text.substr(0, open));
    if (e.name.empty()) fail("missing primitive name");
    const std::string inner = trim(text.substr(open + 1, close - open - 1));
    if (!inner.empty())
      for (const auto& p : split(inner, ',')) {
        if (p.empty()) fail("empty parameter in '" + e.name + "'");
        e.params.push_back(p);
      }
    return trim(text.substr(close + 1));
  }

  EventTemplate event(const std::string& text, const LoweringEntry& e) const {
    EventTemplate t;
    std::size_t pos = 0;
    while (pos < text.size() && (std::isalpha(static_cast<unsigned char>(text[pos])) != 0 || text[pos] == '_')) ++pos;
    const std::string word = text.substr(0, pos);
    if (word == "R") t.kind = Kind::Read;
    else if (word == "W") t.kind = Kind::Write;
    else if (word == "RMW") t.kind = Kind::Rmw;
    else if (word == "CAS") t.kind = Kind::Cas;
    else if (word == "ADD_UNLESS") t.kind = Kind::AddUnless;
    else if (word == "F") t.kind = Kind::Fence;
    else if (word == "CACHE") t.kind = Kind::Cache;
    else if (word == "MARK") t.kind = Kind::Mark;
    else if (word == "LOCK") t.kind = Kind::Lock;
    else if (word == "TRYLOCK") t.kind = Kind::TryLock;
    else if (word == "ISLOCKED") t.kind = Kind::IsLocked;
    else
      fail("unknown event template '" + text +
           "' (R, W, RMW, CAS, ADD_UNLESS, F, CACHE, MARK, LOCK, TRYLOCK, ISLOCKED)");
    std::string rest = trim(text.substr(pos));
    if (!rest.empty() && rest[0] == '(') {
      const auto close = rest.find(')');
      if (close == std::string::npos) fail("missing ')' in '" + text + "'");
      const auto parts = split(rest.substr(1, close - 1), ',');
      for (std::size_t i = 0; i < parts.size(); ++i) {
        if (t.kind == Kind::Rmw && i == 1) {
          t.op = operation(parts[i]);
          continue;
        }
        t.args.push_back(argument(parts[i], e));
      }
      rest = trim(rest.substr(close + 1));
    }
    check_arity(t, text);
    int groups = 0;
    while (!rest.empty() && rest[0] == '[') {
      const auto close = rest.find(']');
      if (close == std::string::npos) fail("missing ']' in '" + text + "'");
      if (groups == max_set_groups(t.kind)) fail("too many set groups in '" + text + "'");
      auto& sets = groups == 0 ? t.sets : groups == 1 ? t.write_sets : t.fail_sets;
      ++groups;
      std::istringstream words(rest.substr(1, close - 1));
      for (std::string s; words >> s;) {
        if (!s.empty() && s.back() == ',') s.pop_back();
        const auto idx = axioms::find_base(s);
        if (!idx || axioms::kBaseCatalogue[*idx].arity != axioms::Arity::Set)
          fail("unknown base set '" + s + "' (axioms/base.hpp)");
        sets.push_back(s);
      }
      rest = trim(rest.substr(close + 1));
    }
    if (rest == "on-success") t.on_success = true;
    else if (rest == "must-succeed" && t.kind == Kind::Cas) t.must_succeed = true;
    else if (!rest.empty()) fail("unexpected '" + rest + "' after '" + word + "'");
    return t;
  }

 private:
  EventTemplate::Op operation(const std::string& s) const {
    using Op = EventTemplate::Op;
    if (s == "xchg") return Op::Xchg;
    if (s == "add") return Op::Add;
    if (s == "sub") return Op::Sub;
    if (s == "and") return Op::And;
    if (s == "or") return Op::Or;
    if (s == "andnot") return Op::AndNot;
    if (s == "xor") return Op::Xor;
    fail("unknown RMW operation '" + s + "' (xchg, add, sub, and, or, andnot, xor)");
  }

  TemplateArg argument(const std::string& s, const LoweringEntry& e) const {
    TemplateArg a;
    if (!s.empty() && (std::isdigit(static_cast<unsigned char>(s[0])) != 0 || s[0] == '-')) {
      a.kind = TemplateArg::Kind::Int;
      try {
        a.value = std::stoll(s);
      } catch (const std::exception&) {
        fail("bad integer '" + s + "'");
      }
      return a;
    }
    for (std::size_t i = 0; i < e.params.size(); ++i)
      if (e.params[i] == s || e.params[i] == "*" + s) {
        a.param = static_cast<int>(i);
        return a;
      }
    fail("'" + s + "' is not a parameter of " + e.name);
  }

  /// RMW, CAS, ADD_UNLESS, LOCK: a group for the read (or acquire) and one
  /// for the write; TRYLOCK adds the failed attempt's; ISLOCKED: locked, unlocked.
  static int max_set_groups(Kind k) {
    switch (k) {
      case Kind::Rmw:
      case Kind::Cas:
      case Kind::AddUnless:
      case Kind::Lock:
      case Kind::IsLocked: return 2;
      case Kind::TryLock: return 3;
      default: return 1;
    }
  }

  void check_arity(const EventTemplate& t, const std::string& text) const {
    std::size_t want = 0;
    switch (t.kind) {
      case Kind::Read: want = 1; break;
      case Kind::Write: want = 2; break;
      case Kind::Rmw: want = 2; break;  // the operation is not an argument
      case Kind::Cas:
      case Kind::AddUnless: want = 3; break;
      case Kind::Fence: want = 0; break;
      case Kind::Mark: want = t.args.empty() ? 0 : 1; break;
      case Kind::Cache: want = t.args.empty() ? 0 : 1; break;
      case Kind::Lock:
      case Kind::TryLock:
      case Kind::IsLocked: want = 1; break;
    }
    if (t.args.size() != want) fail("wrong number of arguments in '" + text + "'");
  }

  std::shared_ptr<const std::string> file_;
  std::uint32_t line_;
};

}  // namespace

std::vector<const LoweringEntry*> LoweringTable::find(const std::string& name) const {
  std::vector<const LoweringEntry*> out;
  for (const auto& e : entries)
    if (e.name == name) out.push_back(&e);
  return out;
}

std::vector<litmus::ArchId> lowering_architectures() {
  std::vector<litmus::ArchId> out;
  for (std::size_t i = 0; i < litmus::architectures().size(); ++i) {
    const auto arch = static_cast<litmus::ArchId>(i);
    if (!semantics(arch).lowering_file().empty()) out.push_back(arch);
  }
  return out;
}

std::optional<litmus::ArchId> lowering_arch(const std::string& name) {
  const auto arch = litmus::arch_by_id(name);
  if (!arch || semantics(*arch).lowering_file().empty()) return std::nullopt;
  return arch;
}

std::string lowering_arch_name(litmus::ArchId arch) { return std::string(litmus::arch_names(arch).id); }

std::string lowering_file_name(litmus::ArchId arch) {
  const std::string_view file = semantics(arch).lowering_file();
  return file.empty() ? "" : lowering_arch_name(arch) + "/" + std::string(file);
}

std::string lowering_arch_list() {
  std::string out;
  for (const auto arch : lowering_architectures()) out += (out.empty() ? "" : ", ") + lowering_arch_name(arch);
  return out;
}

LoweringTable parse_lowering(const std::string& text, const std::string& path) {
  LoweringTable table;
  table.path = path;
  auto file = std::make_shared<const std::string>(path);
  std::istringstream in(text);
  std::string raw;
  bool have_arch = false;
  for (std::uint32_t line_no = 1; std::getline(in, raw); ++line_no) {
    const auto hash = raw.find('#');
    const std::string line = trim(hash == std::string::npos ? raw : raw.substr(0, hash));
    if (line.empty()) continue;
    const LineParser p(file, line_no);
    if (line.rfind("arch ", 0) == 0) {
      table.arch_name = trim(line.substr(5));
      const auto arch = lowering_arch(table.arch_name);
      if (!arch) p.fail("unknown architecture '" + table.arch_name + "' (" + lowering_arch_list() + ")");
      table.arch = *arch;
      have_arch = true;
      continue;
    }
    if (line.rfind("const ", 0) == 0) {  // const NAME = N
      const auto eq = line.find('=');
      if (eq == std::string::npos) p.fail("expected 'const NAME = integer'");
      const std::string name = trim(line.substr(6, eq - 6));
      try {
        std::size_t used = 0;
        const std::string num = trim(line.substr(eq + 1));
        table.constants[name] = std::stoll(num, &used, 0);
        if (used != num.size()) p.fail("expected 'const NAME = integer'");
      } catch (const std::logic_error&) {
        p.fail("expected 'const NAME = integer'");
      }
      continue;
    }
    if (line == "rmw-program-order") {
      table.rmw_program_order = true;
      continue;
    }
    if (line == "ctrl-within-branches") {
      table.ctrl_within_branches = true;
      continue;
    }
    if (line.rfind("prelude ", 0) == 0) {
      table.prelude_paths.push_back(trim(line.substr(8)));
      continue;
    }
    const auto eq = line.find('=', line.find(')') == std::string::npos ? 0 : line.find(')'));
    if (eq == std::string::npos) p.fail("expected 'name(params) = events'");
    LoweringEntry e;
    e.span = p.span();
    if (!p.signature(line.substr(0, eq), e).empty()) p.fail("unexpected text before '='");
    std::string body = trim(line.substr(eq + 1));
    if (const auto arrow = body.rfind("->"); arrow != std::string::npos) {
      std::istringstream result(body.substr(arrow + 2));
      std::string word;
      result >> word;
      if (word == "new") {
        e.result_is_new = true;
        word.clear();  // left as it was when nothing follows
        result >> word;
      }
      if (!word.empty()) {
        using Test = LoweringEntry::ResultTest;
        e.result_test = word == "==" ? Test::Eq : word == "!=" ? Test::Ne : word == "<" ? Test::Lt : Test::None;
        std::string k, extra;
        result >> k >> extra;
        if (e.result_test == Test::None || k.empty() || !extra.empty())
          p.fail("expected '-> [new] [== K | != K | < K]' after the events");
        try {
          std::size_t used = 0;
          e.result_operand = std::stoll(k, &used, 0);
          if (used != k.size()) throw std::invalid_argument(k);
        } catch (const std::exception&) {
          p.fail("bad integer '" + k + "' in the result comparison");
        }
      }
      body = trim(body.substr(0, arrow));
    }
    if (body == "NOTHING") {
    } else if (body == "UNAVAILABLE") {
      e.availability = LoweringEntry::Availability::Unavailable;
    } else if (body.rfind("UNSUPPORTED", 0) == 0) {
      e.availability = LoweringEntry::Availability::Unsupported;
      e.reason = trim(body.substr(11));
      if (e.reason.size() >= 2 && e.reason.front() == '"' && e.reason.back() == '"')
        e.reason = e.reason.substr(1, e.reason.size() - 2);
    } else {
      for (const auto& part : split(body, ';')) e.events.push_back(p.event(part, e));
    }
    for (const auto& other : table.entries)
      if (other.name == e.name && other.params == e.params)
        p.fail("'" + e.name + "' is defined twice (first at line " + std::to_string(other.span.begin.line) + ")");
    table.entries.push_back(std::move(e));
  }
  if (!have_arch)
    throw diag::UserError(diag::ErrorKind::Model, {file, {}, {}}, "missing 'arch NAME' line (NAME: " + lowering_arch_list() + ")");
  return table;
}

namespace {

/// `later` on top of `earlier`: its functions and init variables replace
/// those of the same name, the others are appended.
std::shared_ptr<const litmus::c::CProgram> merge_preludes(const litmus::c::CProgram& earlier,
                                                         const litmus::c::CProgram& later) {
  auto out = std::make_shared<litmus::c::CProgram>(earlier);
  for (const auto& f : later.functions) {
    auto same = std::find_if(out->functions.begin(), out->functions.end(),
                             [&](const litmus::c::Function& g) { return g.name == f.name; });
    if (same != out->functions.end()) *same = f;
    else out->functions.push_back(f);
  }
  for (const auto& d : later.init) {
    auto same = std::find_if(out->init.begin(), out->init.end(), [&](const litmus::c::InitDecl& e) {
      return e.entry.loc.kind == d.entry.loc.kind && e.entry.loc.symbol == d.entry.loc.symbol;
    });
    if (same != out->init.end()) *same = d;
    else out->init.push_back(d);
  }
  return out;
}

}  // namespace

LoweringTable load_lowering(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    throw diag::UserError(diag::ErrorKind::Io, {std::make_shared<const std::string>(path), {}, {}},
                          "cannot open lowering file");
  std::stringstream buf;
  buf << in.rdbuf();
  // A herd macro file (the kernel's linux-kernel.def) is read as the
  // lowering of the target whose lowering file it is.
  std::string text = buf.str();
  if (std::filesystem::path(path).extension() == ".def") {
    std::optional<litmus::ArchId> target;
    for (const auto arch : lowering_architectures())
      if (semantics(arch).lowering_file() == std::filesystem::path(path).filename().string()) target = arch;
    if (!target)
      throw diag::UserError(diag::ErrorKind::Model, {std::make_shared<const std::string>(path), {}, {}},
                            "no C target reads herd macro files of this name");
    text = herd_def_to_lowering(text, path, lowering_arch_name(*target));
  }
  LoweringTable table = parse_lowering(text, path);
  std::optional<litmus::LitmusTest> merged;
  for (auto& prelude_path : table.prelude_paths) {
    const std::filesystem::path file = std::filesystem::path(path).parent_path() / prelude_path;
    prelude_path = file.lexically_normal().string();
    litmus::LitmusTest next = load_prelude(prelude_path);
    if (!merged) {
      merged = std::move(next);
    } else {
      merged->c_program = merge_preludes(*merged->c_program, *next.c_program);
    }
  }
  if (merged) table.prelude = std::make_shared<const litmus::LitmusTest>(std::move(*merged));
  return table;
}

litmus::LitmusTest load_prelude(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    throw diag::UserError(diag::ErrorKind::Io, {std::make_shared<const std::string>(path), {}, {}},
                          "cannot open prelude file");
  std::stringstream buf;
  buf << in.rdbuf();
  // The prelude is a C litmus test without threads: a header line, an init
  // block (the kernel state) and functions. A placeholder thread and condition
  // are appended after its last line, so positions in it stay exact.
  std::string text = buf.str();
  if (!text.empty() && text.back() != '\n') text += '\n';
  text += "P0(void) {}\nexists (0:xmcheck_prelude_placeholder=0)\n";
  litmus::LitmusTest test = litmus::parse_string(text, path);
  if (test.arch != litmus::kCDialect || !test.c_program)
    throw diag::UserError(diag::ErrorKind::Model, test.header_span, "a prelude is a C litmus file");
  if (test.c_program->threads.size() != 1)
    throw diag::UserError(diag::ErrorKind::Model, test.c_program->threads.front().name_span,
                          "a prelude defines no threads");
  return test;
}

}  // namespace xmcheck::checker
