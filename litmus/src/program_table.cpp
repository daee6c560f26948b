#include "program_table.hpp"

#include <cctype>
#include <string_view>

#include "arch/arch_syntax.hpp"
#include "lexer.hpp"

namespace xmcheck::litmus::internal {
namespace {

using TokenIt = std::vector<Token>::const_iterator;

/// Tokens [first, last) of one cell; `end` is where the cell's text ends (the
/// `|` or `;` after it), used to anchor errors in empty cells.
struct Cell {
  TokenIt first;
  TokenIt last;
  std::size_t end = 0;
  [[nodiscard]] bool empty() const { return first == last; }
};

struct Row {
  std::vector<Cell> cells;
  std::size_t begin = 0;  ///< offset of its first token (or of its `;`)
  std::size_t end = 0;    ///< offset after its `;`
  [[nodiscard]] bool blank() const { return cells.size() == 1 && cells[0].empty(); }
};

// Rows end at `;`, cells at `|`. Text after the last `;` is an unterminated row.
std::vector<Row> split_rows(const SourceText& src, const std::vector<Token>& tokens, ArchId arch) {
  std::vector<Row> rows;
  Row row;
  TokenIt cell_start = tokens.begin();
  row.begin = cell_start->where.begin;
  for (auto it = tokens.begin(); it != tokens.end(); ++it) {
    if (it->kind == Token::Kind::End) {
      if (it != cell_start || !row.cells.empty())
        src.fail(std::prev(it)->where.end, std::prev(it)->where.end,
                 "expected ';' at end of program row");
      break;
    }
    // herd's X86_64 `lock; incl (x)`: this `;` belongs to the instruction.
    if (it->is(";") && it != cell_start && std::next(it)->kind != Token::Kind::End &&
        internal::syntax(arch).semicolon_continues(*std::prev(it), *std::next(it)))
      continue;
    if (it->is("|") || it->is(";")) {
      row.cells.push_back({cell_start, it, it->where.begin});
      cell_start = std::next(it);
      if (it->is(";")) {
        row.end = it->where.end;
        rows.push_back(std::move(row));
        row = Row{};
        row.begin = cell_start->where.begin;
      }
    }
  }
  return rows;
}

/// `P3` or `P3.F` -> column identity; fails otherwise.
ThreadCode thread_header(const SourceText& src, const Cell& cell) {
  if (cell.empty()) src.fail(cell.end, cell.end + 1, "expected thread name like 'P0'");
  const Token& tok = *cell.first;
  const std::string_view name = tok.text;
  std::size_t digits_end = name.empty() ? 0 : 1;  // a quoted "" token has no text
  while (digits_end < name.size() && std::isdigit(static_cast<unsigned char>(name[digits_end])) != 0)
    ++digits_end;
  const std::string_view rest = name.substr(digits_end);
  const bool valid = tok.is_ident() && name.size() >= 2 && name[0] == 'P' && digits_end > 1 &&
                     digits_end <= 5 && (rest.empty() || rest == ".F");
  if (!valid) src.fail(tok.where, "expected thread name like 'P0' or 'P0.F', found " + tok.describe());
  if (std::next(cell.first) != cell.last)
    src.fail(std::next(cell.first)->where, "unexpected " + std::next(cell.first)->describe() +
                                               " after thread name");
  ThreadCode t;
  t.proc = std::stoi(std::string(name.substr(1, digits_end - 1)));
  t.is_handler = !rest.empty();
  t.name = tok.text;
  t.span = src.span(tok.where);
  return t;
}

/// Labels `L0:` (several allowed) then an optional instruction.
CodeLine parse_cell(const SourceText& src, const Cell& cell, ArchId arch) {
  CodeLine line;
  TokenIt it = cell.first;
  while (it != cell.last && it->is_ident() && std::next(it) != cell.last && std::next(it)->is(":")) {
    line.labels.push_back(it->text);
    it += 2;
  }
  if (it != cell.last) {
    std::vector<Token> instr_tokens(it, cell.last);
    Token end;
    end.where = {cell.end, cell.end};
    instr_tokens.push_back(end);
    line.instr = parse_instruction(arch, src, instr_tokens);
  }
  if (!cell.empty()) line.span = src.span(cell.first->where.begin, std::prev(cell.last)->where.end);
  return line;
}

void add_line(const SourceText& src, ThreadCode& thread, const Cell& cell, CodeLine line) {
  TokenIt label_tok = cell.first;
  for (const auto& label : line.labels) {
    if (!thread.labels.emplace(label, thread.code.size()).second)
      src.fail(label_tok->where, "duplicate label '" + label + "' in thread " + thread.name);
    label_tok += 2;
  }
  if (line.instr) thread.code.push_back(std::move(*line.instr));
}

}  // namespace

std::vector<ThreadCode> parse_program_table(const SourceText& src, Region region, ArchId arch) {
  const std::vector<Token> tokens = tokenize(src, region, arch);
  std::vector<Row> rows = split_rows(src, tokens, arch);
  // herd allows one stray `;` before the header row.
  if (!rows.empty() && rows.front().blank()) rows.erase(rows.begin());
  if (rows.empty()) src.fail(region.begin, region.end, "expected program table after init block");

  std::vector<ThreadCode> threads;
  for (const auto& cell : rows.front().cells) {
    ThreadCode t = thread_header(src, cell);
    for (const auto& other : threads)
      if (other.name == t.name) src.fail(cell.first->where, "duplicate thread " + t.name);
    threads.push_back(std::move(t));
  }
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const Row& row = rows[r];
    if (row.blank()) continue;  // a lone `;` adds nothing to any thread
    if (row.cells.size() != threads.size())
      src.fail(row.begin, row.end,
               "row has " + std::to_string(row.cells.size()) + " columns, header has " +
                   std::to_string(threads.size()));
    for (std::size_t c = 0; c < threads.size(); ++c)
      add_line(src, threads[c], row.cells[c], parse_cell(src, row.cells[c], arch));
  }
  return threads;
}

}  // namespace xmcheck::litmus::internal
