#pragma once
// herd's typed state, shared by the architectures whose herd semantics types
// register and memory values by the init block's C declarations (an untyped
// value is an `int`): the bits a value of C type `type` keeps, and whether it
// is signed (`int` 32 signed, `int64_t` 64, `uint8_t` 8 unsigned, pointers 64).
#include <string>

#include "value.hpp"
#include "wrapping.hpp"

namespace xmcheck::checker {

struct CValueType {
  int bits = 32;
  bool is_signed = true;
};

[[nodiscard]] inline CValueType c_value_type(const std::string& type) {
  if (type.empty() || type == "int" || type == "int32_t" || type == "signed int" || type == "signed") return {32, true};
  if (type == "uint32_t" || type == "unsigned int" || type == "unsigned") return {32, false};
  if (type == "int16_t" || type == "short") return {16, true};
  if (type == "uint16_t" || type == "unsigned short") return {16, false};
  if (type == "int8_t" || type == "char" || type == "signed char") return {8, true};
  if (type == "uint8_t" || type == "unsigned char") return {8, false};
  return {64, true};  // int64_t, uint64_t, long, pointers, ins_t ...
}

/// True for the unsigned 64-bit types (`uint64_t`, `unsigned long`, ...).
[[nodiscard]] inline bool c_unsigned_64(const std::string& type) {
  return type == "uint64_t" || type == "unsigned long" || type == "unsigned long long" || type == "uintptr_t";
}

/// An integer value as a value of `type` (herd's cast for printing and
/// comparing final values); other values unchanged.
[[nodiscard]] inline Val c_typed_value(Val v, const std::string& type) {
  if (v.kind != Val::Kind::Int) return v;
  const CValueType t = c_value_type(type);
  if (t.bits >= 64) return v;
  v.v = t.is_signed ? sign_extend(v.v, t.bits) : zero_extend(v.v, t.bits);
  return v;
}

}  // namespace xmcheck::checker
