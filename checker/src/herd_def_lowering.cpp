// A herd macro file (the kernel's tools/memory-model/linux-kernel.def) read
// as a C lowering: each macro, expanded through the others down to herd's
// internal primitives (__load{TAG}, __store{TAG}, __fence{TAG}, __xchg{TAG},
// __cmpxchg{TAG}, __atomic_op{TAG}, ...), becomes the lowering line of the
// same meaning (docs/c-dialect.md, "Lowering files"; docs/lkmm.md), and the
// lines are parsed by parse_lowering. A tag becomes the event set herd
// names after it ('rcu-lock: Rcu-lock); the events of an atomic primitive
// are also in RMW. Each generated line keeps its macro's line number, so
// errors point into the .def file.
#include "herd_def_lowering.hpp"

#include <cctype>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::checker {
namespace {

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

/// Splits at top-level `sep` (outside parentheses and braces).
std::vector<std::string> split_top(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  for (const char c : s) {
    if (c == '(' || c == '{') ++depth;
    if (c == ')' || c == '}') --depth;
    if (c == sep && depth == 0) {
      out.push_back(trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!trim(cur).empty()) out.push_back(trim(cur));
  return out;
}

/// `name{tag}(a, b) rest` taken apart.
struct Call {
  std::string name;
  std::optional<std::string> tag;
  std::vector<std::string> args;
  std::string rest;  ///< text after the closing ')' (a comparison such as `== 0`)
};

/// One macro of the file.
struct Macro {
  std::string name;
  std::vector<std::string> params;
  std::string body;
  std::uint32_t line = 0;
};

/// An event as a lowering template over the top macro's parameters.
struct Expansion {
  std::vector<std::string> events;
  bool result_is_new = false;
  std::string result_test;  ///< herd's comparison of the result (`== 0`), as written
  std::string unsupported;  ///< non-empty: why the macro cannot be lowered
};

class DefTranslator {
 public:
  DefTranslator(std::shared_ptr<const std::string> file, std::map<std::string, Macro> macros)
      : file_(std::move(file)), macros_(std::move(macros)) {}

  /// The lowering line of `m`, for the C dialect's call `m(...)`.
  std::string line_of(const Macro& m) {
    line_ = m.line;
    // A parameter used bare as an address is an lvalue argument (`*p` in the
    // lowering's signature); one dereferenced in the body is a pointer.
    lvalue_params_.clear();
    Expansion x;
    expand_body(m, m.params, x, 0);
    std::string sig = m.name + "(";
    for (std::size_t i = 0; i < m.params.size(); ++i)
      sig += (i > 0 ? ", " : "") + std::string(lvalue_params_.count(m.params[i]) != 0 ? "*" : "") + m.params[i];
    sig += ")";
    if (!x.unsupported.empty()) return sig + " = UNSUPPORTED \"" + x.unsupported + "\"";
    if (x.events.empty()) return sig + " = NOTHING";
    std::string body;
    for (const auto& ev : x.events) body += (body.empty() ? "" : "; ") + ev;
    std::string result = x.result_is_new ? "new" : "";
    if (!x.result_test.empty()) result += (result.empty() ? "" : " ") + x.result_test;
    return sig + " = " + body + (result.empty() ? "" : " -> " + result);
  }

 private:
  [[noreturn]] void fail(const std::string& msg) const {
    throw diag::UserError(diag::ErrorKind::Model, {file_, {line_, 1}, {line_, 1}}, msg);
  }

  Call parse_call(const std::string& text) const {
    Call c;
    std::size_t pos = 0;
    while (pos < text.size() && (std::isalnum(static_cast<unsigned char>(text[pos])) != 0 || text[pos] == '_')) ++pos;
    c.name = text.substr(0, pos);
    if (c.name.empty()) fail("expected a macro or primitive call, found '" + text + "'");
    if (pos < text.size() && text[pos] == '{') {
      const auto close = text.find('}', pos);
      if (close == std::string::npos) fail("missing '}' in '" + text + "'");
      c.tag = trim(text.substr(pos + 1, close - pos - 1));
      pos = close + 1;
    }
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos < text.size() && text[pos] == '(') {
      int depth = 0;
      std::size_t close = pos;
      for (; close < text.size(); ++close) {
        if (text[close] == '(') ++depth;
        if (text[close] == ')' && --depth == 0) break;
      }
      if (close == text.size()) fail("missing ')' in '" + text + "'");
      c.args = split_top(text.substr(pos + 1, close - pos - 1), ',');
      pos = close + 1;
    }
    c.rest = trim(text.substr(pos));
    return c;
  }

  /// `arg` with the names of `params` replaced by `actuals` (herd's macros
  /// substitute text; arguments here are a name, `*name`, or a literal).
  static std::string substitute(const std::string& arg, const std::vector<std::string>& params,
                                const std::vector<std::string>& actuals) {
    std::string stars;
    std::size_t i = 0;
    while (i < arg.size() && (arg[i] == '*' || arg[i] == ' ')) {
      if (arg[i] == '*') stars += '*';
      ++i;
    }
    const std::string name = arg.substr(i);
    for (std::size_t k = 0; k < params.size(); ++k)
      if (params[k] == name) return stars + actuals[k];
    return arg;
  }

  /// The location argument of a herd primitive, over the top macro's
  /// parameters. herd's __load and __store take an lvalue (`*p`: the pointer
  /// parameter p; a bare `x`: an lvalue parameter, whose address the C dialect
  /// passes, `*x` in the lowering's signature); the atomic primitives take a
  /// pointer (a bare `p`).
  std::string address(const std::string& a, bool lvalue) {
    const bool name = !a.empty() && (std::isalpha(static_cast<unsigned char>(a[0])) != 0 || a[0] == '_');
    if (lvalue && a.size() > 1 && a[0] == '*' && a[1] != '*') return a.substr(1);
    if (name) {
      if (lvalue) lvalue_params_.insert({a, true});
      return a;
    }
    fail("unsupported location expression '" + a + "'");
  }
  std::string lvalue(const std::string& a) { return address(a, true); }
  std::string pointer(const std::string& a) { return address(a, false); }

  std::string value(const std::string& a) const {
    if (a.empty() || a[0] == '*') fail("unsupported value expression '" + a + "'");
    return a;
  }

  std::string operation(const std::string& op) const {
    if (op == "+") return "add";
    if (op == "-") return "sub";
    if (op == "&") return "and";
    if (op == "|") return "or";
    if (op == "^") return "xor";
    if (op == "&~") return "andnot";
    fail("unknown atomic operation '" + op + "'");
  }

  /// herd's event set of a tag: the tag with its first letter capitalised.
  static std::string tag_set(std::string tag) {
    if (!tag.empty()) tag[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(tag[0])));
    return tag;
  }

  std::string tagged(const Call& c) const {
    if (!c.tag) fail("'" + c.name + "' needs a tag ('" + c.name + "{TAG}')");
    return tag_set(*c.tag);
  }

  void need_args(const Call& c, std::size_t n) const {
    if (c.args.size() != n)
      fail("'" + c.name + "' takes " + std::to_string(n) + " arguments, not " + std::to_string(c.args.size()));
  }

  void expand_body(const Macro& m, const std::vector<std::string>& actuals, Expansion& x, int depth) {
    if (depth > 16) fail("macro '" + m.name + "' expands too deeply (recursive?)");
    std::string body = trim(m.body);
    std::vector<std::string> parts;
    if (!body.empty() && body.front() == '{') {
      if (body.back() != '}') fail("missing '}' at the end of '" + m.name + "'");
      parts = split_top(body.substr(1, body.size() - 2), ';');
    } else {
      parts = {body};
    }
    for (const auto& part : parts) {
      Call c = parse_call(part);
      for (auto& a : c.args) a = substitute(a, m.params, actuals);
      expand_call(c, x, depth);
      if (!x.unsupported.empty()) return;
    }
  }

  void expand_call(const Call& c, Expansion& x, int depth) {
    if (!c.rest.empty()) {
      // `__atomic_op_return{MB}(X,-,1) == 0`: the call's value compared
      // with a constant (== 0, != 0, < 0), one comparison per macro.
      std::istringstream words(c.rest);
      std::string op, k, extra;
      words >> op >> k >> extra;
      const bool integer = !k.empty() && k.find_first_not_of("-0123456789") == std::string::npos;
      if ((op != "==" && op != "!=" && op != "<") || !integer || !extra.empty() || !x.result_test.empty()) {
        x.unsupported = "herd's result comparison '" + c.rest + "' after " + c.name + " is not supported";
        return;
      }
      Call bare = c;
      bare.rest.clear();
      expand_call(bare, x, depth);
      x.result_test = op + " " + k;
      return;
    }
    if (const auto it = macros_.find(c.name); it != macros_.end()) {
      if (c.args.size() != it->second.params.size())
        fail("'" + c.name + "' takes " + std::to_string(it->second.params.size()) + " arguments");
      expand_body(it->second, c.args, x, depth + 1);
      return;
    }
    const std::string& n = c.name;
    if (n == "__load") {
      need_args(c, 1);
      x.events.push_back("R(" + lvalue(c.args[0]) + ") [" + tagged(c) + "]");
    } else if (n == "__store") {
      need_args(c, 2);
      x.events.push_back("W(" + lvalue(c.args[0]) + ", " + value(c.args[1]) + ") [" + tagged(c) + "]");
    } else if (n == "__fence") {
      need_args(c, 0);
      x.events.push_back("F [" + tagged(c) + "]");
    } else if (n == "__xchg") {
      need_args(c, 2);
      const std::string t = tagged(c) + " RMW";
      x.events.push_back("RMW(" + pointer(c.args[0]) + ", xchg, " + value(c.args[1]) + ") [" + t + "] [" + t + "]");
    } else if (n == "__cmpxchg") {
      need_args(c, 3);
      const std::string t = tagged(c) + " RMW";
      x.events.push_back("CAS(" + pointer(c.args[0]) + ", " + value(c.args[1]) + ", " + value(c.args[2]) + ") [" +
                         t + "] [" + t + "]");
    } else if (n == "__atomic_op" || n == "__atomic_op_return" || n == "__atomic_fetch_op") {
      need_args(c, 3);
      const std::string t = tagged(c) + " RMW";
      x.events.push_back("RMW(" + pointer(c.args[0]) + ", " + operation(c.args[1]) + ", " + value(c.args[2]) +
                         ") [" + t + "] [" + t + "]");
      x.result_is_new = n == "__atomic_op_return";
    } else if (n == "__lock") {
      // herd's spinlock events, named as lock.cat reads them: a lock is a
      // lock-read LKR then a lock-write LKW; a failed trylock is LF; an
      // is-locked test is RL (true) or RU (false); an unlock is UL.
      need_args(c, 1);
      x.events.push_back("LOCK(" + pointer(c.args[0]) + ") [LKR] [LKW]");
    } else if (n == "__trylock") {
      need_args(c, 1);
      x.events.push_back("TRYLOCK(" + pointer(c.args[0]) + ") [LKR] [LKW] [LF]");
    } else if (n == "__islocked") {
      need_args(c, 1);
      x.events.push_back("ISLOCKED(" + pointer(c.args[0]) + ") [RL] [RU]");
    } else if (n == "__unlock") {
      need_args(c, 1);
      x.events.push_back("MARK(" + pointer(c.args[0]) + ") [UL]");
    } else if (n == "__srcu") {
      // herd's SRCU event: on the srcu_struct's location, neither read nor write.
      need_args(c, 1);
      x.events.push_back("MARK(" + pointer(c.args[0]) + ") [" + tagged(c) + "]");
    } else if (n == "__atomic_add_unless") {
      need_args(c, 3);  // (X, V, W): add V to *X unless *X == W
      const std::string t = tagged(c) + " RMW";
      x.events.push_back("ADD_UNLESS(" + pointer(c.args[0]) + ", " + value(c.args[1]) + ", " + value(c.args[2]) +
                         ") [" + t + "] [" + t + "]");
    } else {
      fail("unknown macro or herd primitive '" + n + "'");
    }
  }

  std::shared_ptr<const std::string> file_;
  std::map<std::string, Macro> macros_;
  std::map<std::string, bool> lvalue_params_;
  std::uint32_t line_ = 0;
};

}  // namespace

std::string herd_def_to_lowering(const std::string& text, const std::string& path, std::string_view target) {
  auto file = std::make_shared<const std::string>(path);
  std::vector<std::string> lines;
  std::map<std::string, Macro> macros;
  std::vector<std::string> order;
  {
    std::istringstream in(text);
    for (std::string raw; std::getline(in, raw);) lines.push_back(raw);
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string line = trim(lines[i]);
    const auto lineno = static_cast<std::uint32_t>(i + 1);
    if (line.empty() || line.rfind("//", 0) == 0) continue;
    const auto open = line.find('(');
    const auto close = line.find(')');
    if (open == std::string::npos || close == std::string::npos || close < open)
      throw diag::UserError(diag::ErrorKind::Model, {file, {lineno, 1}, {lineno, 1}},
                            "expected 'NAME(PARAMS) BODY'");
    Macro m;
    m.name = trim(line.substr(0, open));
    m.line = lineno;
    const std::string params = line.substr(open + 1, close - open - 1);
    if (!trim(params).empty()) m.params = split_top(params, ',');
    m.body = trim(line.substr(close + 1));
    if (macros.count(m.name) != 0)
      throw diag::UserError(diag::ErrorKind::Model, {file, {lineno, 1}, {lineno, 1}},
                            "macro '" + m.name + "' is defined twice");
    order.push_back(m.name);
    macros.emplace(m.name, m);
  }
  DefTranslator translator(file, macros);
  std::vector<std::string> out(lines.size());
  for (const auto& name : order) {
    const Macro& m = macros.at(name);
    out[m.line - 1] = translator.line_of(m);
  }
  std::string result;
  for (const auto& l : out) result += l + "\n";
  result += "arch " + std::string(target) + "\n";
  // herd's C semantics: the events of one statement are in program order,
  // and an `if` orders only its own branches.
  result += "rmw-program-order\nctrl-within-branches\n";
  return result;
}

}  // namespace xmcheck::checker
