#pragma once
// Dense bit-set relation algebra over the events of one candidate execution.
// Events are numbered 0..n-1. Sizes are fixed at construction; mixing sizes is an
// invariant violation.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace xmcheck::axioms {

class EventSet {
 public:
  EventSet() = default;
  explicit EventSet(std::size_t n);
  static EventSet full(std::size_t n);

  [[nodiscard]] std::size_t size() const { return n_; }
  [[nodiscard]] bool contains(std::size_t e) const;
  void insert(std::size_t e);
  void erase(std::size_t e);
  [[nodiscard]] bool empty() const;
  [[nodiscard]] std::size_t count() const;
  [[nodiscard]] std::vector<std::size_t> elements() const;

  EventSet& operator|=(const EventSet& o);
  EventSet& operator&=(const EventSet& o);
  EventSet& operator-=(const EventSet& o);  ///< set difference
  [[nodiscard]] EventSet complement() const;
  /// Sets every element to absent without reallocating.
  void clear();
  friend bool operator==(const EventSet&, const EventSet&) = default;

  [[nodiscard]] const std::vector<std::uint64_t>& words() const { return bits_; }
  std::vector<std::uint64_t>& words() { return bits_; }

 private:
  std::size_t n_ = 0;
  std::vector<std::uint64_t> bits_;
};

class Relation {
 public:
  Relation() = default;
  explicit Relation(std::size_t n);
  static Relation identity(std::size_t n);
  static Relation identity_on(const EventSet& s);      ///< [S]
  static Relation product(const EventSet& a, const EventSet& b);  ///< A * B

  [[nodiscard]] std::size_t size() const { return n_; }
  [[nodiscard]] bool contains(std::size_t a, std::size_t b) const;
  void insert(std::size_t a, std::size_t b);
  void erase(std::size_t a, std::size_t b);
  [[nodiscard]] bool empty() const;
  [[nodiscard]] std::size_t count() const;
  [[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> pairs() const;

  Relation& operator|=(const Relation& o);
  Relation& operator&=(const Relation& o);
  Relation& operator-=(const Relation& o);
  [[nodiscard]] Relation complement() const;
  [[nodiscard]] Relation inverse() const;
  [[nodiscard]] Relation compose(const Relation& o) const;   ///< this ; o
  [[nodiscard]] Relation plus() const;                       ///< transitive closure
  [[nodiscard]] Relation star() const;                       ///< reflexive-transitive closure
  [[nodiscard]] Relation optional() const;                   ///< r | id
  [[nodiscard]] EventSet domain() const;
  [[nodiscard]] EventSet range() const;
  [[nodiscard]] bool is_irreflexive() const;
  [[nodiscard]] bool is_acyclic() const;
  /// Some cycle of the relation as an event sequence (empty if acyclic); used to
  /// explain why a check fails.
  [[nodiscard]] std::vector<std::size_t> find_cycle() const;
  friend bool operator==(const Relation&, const Relation&) = default;

  /// Row `a` as a set of successors.
  [[nodiscard]] EventSet row(std::size_t a) const;

  // ---- raw access for fast in-place algorithms (added by axioms/) ----
  /// Words per row: ceil(size()/64). Row `a` occupies words [a*wpr, (a+1)*wpr).
  [[nodiscard]] std::size_t words_per_row() const { return words_per_row_; }
  [[nodiscard]] const std::uint64_t* row_words(std::size_t a) const {
    return bits_.data() + a * words_per_row_;
  }
  std::uint64_t* row_words(std::size_t a) { return bits_.data() + a * words_per_row_; }
  [[nodiscard]] const std::vector<std::uint64_t>& words() const { return bits_; }
  std::vector<std::uint64_t>& words() { return bits_; }
  /// Sets every pair to absent without reallocating.
  void clear();
  /// this = this ; o, written into `out` (which must not alias either operand).
  void compose_into(const Relation& o, Relation& out) const;
  /// Replaces this relation by its transitive closure, in place.
  void close_transitively();

 private:
  std::size_t n_ = 0;
  std::size_t words_per_row_ = 0;
  std::vector<std::uint64_t> bits_;  // row-major, n_ rows
};

}  // namespace xmcheck::axioms
