// Dense bit-set relation algebra: rows of 64-bit words, row-major.
#include "xmcheck/axioms/relation.hpp"

#include <algorithm>
#include <bit>

#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::axioms {

namespace {

std::size_t words_for(std::size_t n) { return (n + 63) / 64; }

/// Mask of the valid bits of the last word for a universe of n elements.
std::uint64_t tail_mask(std::size_t n) {
  const std::size_t r = n % 64;
  return r == 0 ? ~std::uint64_t{0} : (std::uint64_t{1} << r) - 1;
}

template <typename F>
void for_each_bit(const std::uint64_t* w, std::size_t nw, F&& f) {
  for (std::size_t i = 0; i < nw; ++i) {
    std::uint64_t x = w[i];
    while (x != 0) {
      const auto b = static_cast<std::size_t>(std::countr_zero(x));
      f(i * 64 + b);
      x &= x - 1;
    }
  }
}

}  // namespace

// ------------------------------------------------------------------ EventSet

EventSet::EventSet(std::size_t n) : n_(n), bits_(words_for(n), 0) {}

EventSet EventSet::full(std::size_t n) {
  EventSet s(n);
  std::fill(s.bits_.begin(), s.bits_.end(), ~std::uint64_t{0});
  if (!s.bits_.empty()) s.bits_.back() &= tail_mask(n);
  return s;
}

bool EventSet::contains(std::size_t e) const {
  XMCHECK_ASSERT(e < n_, "event out of range");
  return ((bits_[e / 64] >> (e % 64)) & 1U) != 0;
}

void EventSet::insert(std::size_t e) {
  XMCHECK_ASSERT(e < n_, "event out of range");
  bits_[e / 64] |= std::uint64_t{1} << (e % 64);
}

void EventSet::erase(std::size_t e) {
  XMCHECK_ASSERT(e < n_, "event out of range");
  bits_[e / 64] &= ~(std::uint64_t{1} << (e % 64));
}

bool EventSet::empty() const {
  return std::all_of(bits_.begin(), bits_.end(), [](std::uint64_t w) { return w == 0; });
}

std::size_t EventSet::count() const {
  std::size_t c = 0;
  for (auto w : bits_) c += static_cast<std::size_t>(std::popcount(w));
  return c;
}

std::vector<std::size_t> EventSet::elements() const {
  std::vector<std::size_t> out;
  for_each_bit(bits_.data(), bits_.size(), [&](std::size_t e) { out.push_back(e); });
  return out;
}

EventSet& EventSet::operator|=(const EventSet& o) {
  XMCHECK_ASSERT(n_ == o.n_, "event set sizes differ");
  for (std::size_t i = 0; i < bits_.size(); ++i) bits_[i] |= o.bits_[i];
  return *this;
}

EventSet& EventSet::operator&=(const EventSet& o) {
  XMCHECK_ASSERT(n_ == o.n_, "event set sizes differ");
  for (std::size_t i = 0; i < bits_.size(); ++i) bits_[i] &= o.bits_[i];
  return *this;
}

EventSet& EventSet::operator-=(const EventSet& o) {
  XMCHECK_ASSERT(n_ == o.n_, "event set sizes differ");
  for (std::size_t i = 0; i < bits_.size(); ++i) bits_[i] &= ~o.bits_[i];
  return *this;
}

EventSet EventSet::complement() const {
  EventSet s(n_);
  for (std::size_t i = 0; i < bits_.size(); ++i) s.bits_[i] = ~bits_[i];
  if (!s.bits_.empty()) s.bits_.back() &= tail_mask(n_);
  return s;
}

void EventSet::clear() { std::fill(bits_.begin(), bits_.end(), 0); }

// ------------------------------------------------------------------ Relation

Relation::Relation(std::size_t n) : n_(n), words_per_row_(words_for(n)), bits_(n * words_for(n), 0) {}

Relation Relation::identity(std::size_t n) {
  Relation r(n);
  for (std::size_t i = 0; i < n; ++i) r.insert(i, i);
  return r;
}

Relation Relation::identity_on(const EventSet& s) {
  Relation r(s.size());
  for_each_bit(s.words().data(), s.words().size(), [&](std::size_t e) { r.insert(e, e); });
  return r;
}

Relation Relation::product(const EventSet& a, const EventSet& b) {
  XMCHECK_ASSERT(a.size() == b.size(), "event set sizes differ");
  Relation r(a.size());
  for_each_bit(a.words().data(), a.words().size(), [&](std::size_t e) {
    std::copy(b.words().begin(), b.words().end(), r.row_words(e));
  });
  return r;
}

bool Relation::contains(std::size_t a, std::size_t b) const {
  XMCHECK_ASSERT(a < n_ && b < n_, "event out of range");
  return ((row_words(a)[b / 64] >> (b % 64)) & 1U) != 0;
}

void Relation::insert(std::size_t a, std::size_t b) {
  XMCHECK_ASSERT(a < n_ && b < n_, "event out of range");
  row_words(a)[b / 64] |= std::uint64_t{1} << (b % 64);
}

void Relation::erase(std::size_t a, std::size_t b) {
  XMCHECK_ASSERT(a < n_ && b < n_, "event out of range");
  row_words(a)[b / 64] &= ~(std::uint64_t{1} << (b % 64));
}

bool Relation::empty() const {
  return std::all_of(bits_.begin(), bits_.end(), [](std::uint64_t w) { return w == 0; });
}

std::size_t Relation::count() const {
  std::size_t c = 0;
  for (auto w : bits_) c += static_cast<std::size_t>(std::popcount(w));
  return c;
}

std::vector<std::pair<std::size_t, std::size_t>> Relation::pairs() const {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t a = 0; a < n_; ++a)
    for_each_bit(row_words(a), words_per_row_, [&](std::size_t b) { out.emplace_back(a, b); });
  return out;
}

Relation& Relation::operator|=(const Relation& o) {
  XMCHECK_ASSERT(n_ == o.n_, "relation sizes differ");
  for (std::size_t i = 0; i < bits_.size(); ++i) bits_[i] |= o.bits_[i];
  return *this;
}

Relation& Relation::operator&=(const Relation& o) {
  XMCHECK_ASSERT(n_ == o.n_, "relation sizes differ");
  for (std::size_t i = 0; i < bits_.size(); ++i) bits_[i] &= o.bits_[i];
  return *this;
}

Relation& Relation::operator-=(const Relation& o) {
  XMCHECK_ASSERT(n_ == o.n_, "relation sizes differ");
  for (std::size_t i = 0; i < bits_.size(); ++i) bits_[i] &= ~o.bits_[i];
  return *this;
}

Relation Relation::complement() const {
  Relation r(n_);
  if (words_per_row_ == 0) return r;
  const std::uint64_t mask = tail_mask(n_);
  for (std::size_t a = 0; a < n_; ++a) {
    const std::uint64_t* src = row_words(a);
    std::uint64_t* dst = r.row_words(a);
    for (std::size_t w = 0; w < words_per_row_; ++w) dst[w] = ~src[w];
    dst[words_per_row_ - 1] &= mask;
  }
  return r;
}

Relation Relation::inverse() const {
  Relation r(n_);
  for (std::size_t a = 0; a < n_; ++a)
    for_each_bit(row_words(a), words_per_row_, [&](std::size_t b) { r.insert(b, a); });
  return r;
}

void Relation::clear() { std::fill(bits_.begin(), bits_.end(), 0); }

void Relation::compose_into(const Relation& o, Relation& out) const {
  XMCHECK_ASSERT(n_ == o.n_ && n_ == out.n_, "relation sizes differ");
  XMCHECK_ASSERT(&out != this && &out != &o, "compose_into output aliases an operand");
  const std::size_t wpr = words_per_row_;
  if (wpr == 1) {  // up to 64 events, nearly every litmus test: one word per row
    for (std::size_t a = 0; a < n_; ++a) {
      std::uint64_t row = bits_[a], acc = 0;
      for (; row != 0; row &= row - 1) acc |= o.bits_[static_cast<std::size_t>(std::countr_zero(row))];
      out.bits_[a] = acc;
    }
    return;
  }
  for (std::size_t a = 0; a < n_; ++a) {
    std::uint64_t* dst = out.row_words(a);
    std::fill(dst, dst + wpr, 0);
    for_each_bit(row_words(a), wpr, [&](std::size_t b) {
      const std::uint64_t* src = o.row_words(b);
      for (std::size_t w = 0; w < wpr; ++w) dst[w] |= src[w];
    });
  }
}

Relation Relation::compose(const Relation& o) const {
  Relation out(n_);
  compose_into(o, out);
  return out;
}

void Relation::close_transitively() {
  // Warshall on bit rows: for each k, every row containing k absorbs row k.
  const std::size_t wpr = words_per_row_;
  if (wpr == 1) {  // one word per row: skip the k with no successor
    for (std::size_t k = 0; k < n_; ++k) {
      const std::uint64_t rk = bits_[k];
      if (rk == 0) continue;
      const std::uint64_t kb = std::uint64_t{1} << k;
      for (std::size_t i = 0; i < n_; ++i)
        if ((bits_[i] & kb) != 0) bits_[i] |= rk;
    }
    return;
  }
  for (std::size_t k = 0; k < n_; ++k) {
    const std::uint64_t* rk = row_words(k);
    const std::size_t kw = k / 64;
    const std::uint64_t kb = std::uint64_t{1} << (k % 64);
    for (std::size_t i = 0; i < n_; ++i) {
      std::uint64_t* ri = row_words(i);
      if ((ri[kw] & kb) == 0) continue;
      for (std::size_t w = 0; w < wpr; ++w) ri[w] |= rk[w];
    }
  }
}

Relation Relation::plus() const {
  Relation r = *this;
  r.close_transitively();
  return r;
}

Relation Relation::star() const {
  Relation r = plus();
  for (std::size_t i = 0; i < n_; ++i) r.insert(i, i);
  return r;
}

Relation Relation::optional() const {
  Relation r = *this;
  for (std::size_t i = 0; i < n_; ++i) r.insert(i, i);
  return r;
}

EventSet Relation::domain() const {
  EventSet s(n_);
  for (std::size_t a = 0; a < n_; ++a) {
    const std::uint64_t* row = row_words(a);
    for (std::size_t w = 0; w < words_per_row_; ++w)
      if (row[w] != 0) {
        s.insert(a);
        break;
      }
  }
  return s;
}

EventSet Relation::range() const {
  EventSet s(n_);
  auto& sw = s.words();
  for (std::size_t a = 0; a < n_; ++a) {
    const std::uint64_t* row = row_words(a);
    for (std::size_t w = 0; w < words_per_row_; ++w) sw[w] |= row[w];
  }
  return s;
}

bool Relation::is_irreflexive() const {
  for (std::size_t i = 0; i < n_; ++i)
    if (contains(i, i)) return false;
  return true;
}

bool Relation::is_acyclic() const {
  if (!is_irreflexive()) return false;
  return find_cycle().empty();
}

std::vector<std::size_t> Relation::find_cycle() const {
  // Iterative DFS with colours; a back edge closes a cycle.
  enum : unsigned char { White, Grey, Black };
  std::vector<unsigned char> colour(n_, White);
  std::vector<std::size_t> parent(n_, n_);
  struct Frame {
    std::size_t node;
    std::size_t next;  // next successor candidate
  };
  std::vector<Frame> stack;
  for (std::size_t root = 0; root < n_; ++root) {
    if (colour[root] != White) continue;
    colour[root] = Grey;
    stack.push_back({root, 0});
    while (!stack.empty()) {
      Frame& f = stack.back();
      const std::uint64_t* row = row_words(f.node);
      std::size_t succ = n_;
      for (std::size_t b = f.next; b < n_; ++b) {
        const std::uint64_t w = row[b / 64] >> (b % 64);
        if (w == 0) {
          b = (b / 64) * 64 + 63;  // skip to the next word
          continue;
        }
        b += static_cast<std::size_t>(std::countr_zero(w));
        succ = b;
        break;
      }
      if (succ == n_) {
        colour[f.node] = Black;
        stack.pop_back();
        continue;
      }
      f.next = succ + 1;
      if (colour[succ] == Grey) {
        std::vector<std::size_t> cycle;
        for (std::size_t v = f.node; v != succ; v = parent[v]) cycle.push_back(v);
        cycle.push_back(succ);
        std::reverse(cycle.begin(), cycle.end());
        return cycle;
      }
      if (colour[succ] == White) {
        colour[succ] = Grey;
        parent[succ] = f.node;
        stack.push_back({succ, 0});
      }
    }
  }
  return {};
}

EventSet Relation::row(std::size_t a) const {
  XMCHECK_ASSERT(a < n_, "event out of range");
  EventSet s(n_);
  std::copy(row_words(a), row_words(a) + words_per_row_, s.words().begin());
  return s;
}

}  // namespace xmcheck::axioms
