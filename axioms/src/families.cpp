// Column families for `cross` (families.hpp).
#include "families.hpp"

#include <unordered_map>

namespace xmcheck::axioms::detail {

namespace {

class Columns {
 public:
  Columns(GraphBuilder& g, std::uint32_t var, std::uint32_t all) : g_(g), var_(var), all_(all) {}

  /// Whether `id` mentions the variable (memoised: the DAG shares nodes).
  bool mentions(std::uint32_t id) {
    if (id == kNone) return false;
    if (id == var_) return true;
    if (auto it = mentions_.find(id); it != mentions_.end()) return it->second;
    const Node n = g_.at(id);
    bool m = false;
    if (n.op != Op::RecVar && n.op != Op::RecOut) m = mentions(n.a) || mentions(n.b);
    mentions_[id] = m;
    return m;
  }

  /// U for a column-shaped `id`, or kNone.
  std::uint32_t column(std::uint32_t id) {
    const Node n = g_.at(id);
    if (!n.rel) return kNone;
    switch (n.op) {
      case Op::Cart:  // A * {e}: the pairs (a, e), a in A
        if (n.b == var_ && !mentions(n.a)) return g_.binary(Op::Cart, true, n.a, all_);
        return kNone;
      case Op::Union: {  // both operands columns
        const std::uint32_t a = column(n.a), b = column(n.b);
        return a == kNone || b == kNone ? kNone : g_.binary(Op::Union, true, a, b);
      }
      case Op::Inter: {  // restricting a column keeps a column
        if (!mentions(n.b)) return wrap(Op::Inter, column(n.a), n.b, false);
        if (!mentions(n.a)) return wrap(Op::Inter, column(n.b), n.a, true);
        const std::uint32_t a = column(n.a), b = column(n.b);
        return a == kNone || b == kNone ? kNone : g_.binary(Op::Inter, true, a, b);
      }
      case Op::Diff:  // a column minus anything independent of e
        return mentions(n.b) ? kNone : wrap(Op::Diff, column(n.a), n.b, false);
      case Op::Seq:  // r ; column: still ends at e
        return mentions(n.a) ? kNone : wrap(Op::Seq, column(n.b), n.a, true);
      default: return kNone;
    }
  }

 private:
  std::uint32_t wrap(Op op, std::uint32_t col, std::uint32_t other, bool other_left) {
    if (col == kNone) return kNone;
    return other_left ? g_.binary(op, true, other, col) : g_.binary(op, true, col, other);
  }

  GraphBuilder& g_;
  std::uint32_t var_, all_;
  std::unordered_map<std::uint32_t, bool> mentions_;
};

}  // namespace

std::optional<std::uint32_t> column_family(GraphBuilder& g, std::uint32_t rel, std::uint32_t var,
                                           std::uint32_t all) {
  Columns c(g, var, all);
  const std::uint32_t u = c.column(rel);
  if (u == kNone) return std::nullopt;
  return u;
}

}  // namespace xmcheck::axioms::detail
