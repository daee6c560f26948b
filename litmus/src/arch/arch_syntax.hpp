#pragma once
// What an architecture plug-in tells the litmus parser and printer: its
// names, its assembly syntax, and its register names. One implementation per
// folder litmus/src/arch/<id>/; the registry (registry.cpp) collects them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexer.hpp"
#include "token_cursor.hpp"
#include "xmcheck/litmus/ast.hpp"
#include "xmcheck/litmus/arch.hpp"
#include "xmcheck/litmus/instruction.hpp"

namespace xmcheck::litmus::internal {

class ArchSyntax {
 public:
  ArchSyntax() = default;
  ArchSyntax(const ArchSyntax&) = delete;
  ArchSyntax& operator=(const ArchSyntax&) = delete;
  virtual ~ArchSyntax() = default;

  [[nodiscard]] virtual ArchNames names() const = 0;
  /// Punctuation characters beyond the common ones (x86: `$` and `%`).
  [[nodiscard]] virtual std::string_view extra_punctuation() const { return {}; }
  /// True if the `;` between `before` and `after` in a program cell belongs to
  /// the instruction instead of ending the row (herd's x86 `lock; incl (x)`).
  [[nodiscard]] virtual bool semicolon_continues(const Token& /*before*/, const Token& /*after*/) const {
    return false;
  }
  /// One instruction from its tokens (non-empty, then an End token). Unknown
  /// mnemonics throw UserError(Unsupported); malformed operands UserError(Litmus).
  [[nodiscard]] virtual Instruction parse(const SourceText& src, const std::vector<Token>& tokens) const = 0;
  /// herd's spelling of an instruction; a no-op prints as "NOP".
  [[nodiscard]] virtual std::string print(const Instruction& instr) const = 0;
  /// The canonical mnemonic of the no-op that the value `NOP` stands for.
  [[nodiscard]] virtual std::string_view nop_mnemonic() const = 0;
  /// A prefix a register may carry in init and conditions (x86: `%`), or "".
  [[nodiscard]] virtual std::string_view register_prefix() const { return {}; }
  /// The canonical name of a register used as a location (`0:W3` -> "X3"),
  /// or nullopt if `name` is not a register that may be one.
  [[nodiscard]] virtual std::optional<std::string> location_register(std::string_view name) const = 0;
  /// True if `first` starts a location only this architecture writes (Power's
  /// symbolic register `%name`), in init and constraints.
  [[nodiscard]] virtual bool at_own_location(const Token& /*first*/) const { return false; }
  /// Parses such a location, or another architecture-only form (Power's
  /// `P0:r5`); nullopt, consuming nothing, for the shared forms.
  [[nodiscard]] virtual std::optional<Location> parse_own_location(TokenCursor& /*cur*/) const {
    return std::nullopt;
  }
  /// Called once the whole test is parsed (Power: allocates symbolic registers).
  virtual void finish(LitmusTest& /*test*/) const {}
};

/// The plug-in of a registered architecture (asserts on kCDialect/kNoArch).
[[nodiscard]] const ArchSyntax& syntax(ArchId arch);
/// Parses one instruction with `arch`'s syntax and stamps it with `arch`.
[[nodiscard]] Instruction parse_instruction(ArchId arch, const SourceText& src, const std::vector<Token>& tokens);
[[nodiscard]] Instruction parse_instruction(ArchId arch, const SourceText& src, Region region);

}  // namespace xmcheck::litmus::internal
