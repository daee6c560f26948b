#!/usr/bin/env bash
# Writes litmus tests whose first thread reads N locations that a second thread
# may have written, so that unfolding gives that thread 2^N traces:
#   DIR/wide-x86.litmus (asm) and DIR/wide-c.litmus (C, checked per architecture).
#   usage: gen_wide.sh DIR [N]
set -euo pipefail
dir=${1:?usage: gen_wide.sh DIR [N]}
n=${2:-16}
mkdir -p "$dir"
{
  echo "X86_64 wide-x86"
  echo "{ }"
  echo " P0              | P1              ;"
  for ((i = 0; i < n; i++)); do
    printf ' movl (x%d),%%eax | movl $1,(x%d)    ;\n' "$i" "$i"
  done
  echo "exists (0:rax=1)"
} >"$dir/wide-x86.litmus"
{
  echo "C wide-c"
  printf '{ '
  for ((i = 0; i < n; i++)); do printf 'x%d = 0; ' "$i"; done
  echo '}'
  printf 'P0('
  for ((i = 0; i < n; i++)); do printf '%sint *x%d' "$([[ $i -gt 0 ]] && echo ', ')" "$i"; done
  echo ')'
  echo '{'
  echo '	int r0;'
  for ((i = 0; i < n; i++)); do printf '\tr0 = READ_ONCE(*x%d);\n' "$i"; done
  echo '}'
  printf 'P1('
  for ((i = 0; i < n; i++)); do printf '%sint *x%d' "$([[ $i -gt 0 ]] && echo ', ')" "$i"; done
  echo ')'
  echo '{'
  for ((i = 0; i < n; i++)); do printf '\tWRITE_ONCE(*x%d, 1);\n' "$i"; done
  echo '}'
  echo 'exists (0:r0=1)'
} >"$dir/wide-c.litmus"
