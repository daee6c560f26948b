#!/usr/bin/env bash
# Benchmark of issue 4's interrupts: a JIT publish with
# membarrier(PRIVATE_EXPEDITED_SYNC_CORE) by 1 patching CPU and N executing
# CPUs, each of which can take the IPI at any interrupt point, N = 1..NMAX, on
# both architectures, in both search modes: every execution (the default) and
# --states-only (one execution per reachable state). Prints a Markdown table of
# wall time and peak RSS.
#   usage: bench/kernel.sh [NMAX]   (default 5; target: N=5 under 5 s)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
xmcheck=${XMCHECK:-$root/build/frontend/xmcheck}
nmax=${1:-5}
[[ -x $xmcheck ]] || { echo "bench: build first; no $xmcheck" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen() {  # N executing CPUs
  local n=$1 i
  {
    echo "C jit-membarrier-$n"
    echo '{ code_t f = INSN(1); int ready = 0; }'
    echo
    echo 'P0(code_t *f, int *ready)'
    echo '{'
    echo '	int r0;'
    echo
    echo '	r0 = membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE, 0);'
    echo '	WRITE_ONCE(*f, INSN(2));'
    echo '	flush_icache_range(f, f + 1);'
    echo '	r0 = membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE, 0);'
    echo '	WRITE_ONCE(*ready, 1);'
    echo '}'
    for ((i = 1; i <= n; i++)); do
      echo
      echo "P$i(code_t *f, int *ready)"
      echo '{'
      echo '	int r;'
      echo
      echo '	while (READ_ONCE(*ready) != 1)'
      echo '		;'
      echo '	barrier();'
      echo '	r = (*f)();'
      echo '}'
    done
    echo
    printf 'exists ('
    for ((i = 1; i <= n; i++)); do ((i > 1)) && printf ' \\/ '; printf '%d:r=1' "$i"; done
    echo ')'
  } >"$tmp/jit-$n.litmus"
}

printf '| N (executing CPUs) | arch | mode | verdict | executions (Positive+Negative) | skeletons | core blocks | wall | peak RSS |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
for ((n = 1; n <= nmax; n++)); do
  gen "$n"
  for arch in x86 arm64; do
    for mode in executions states-only; do
      opts=(--arch "$arch" --stats)
      [[ $mode == states-only ]] && opts+=(--states-only)
      /usr/bin/time -f '%e %M' -o "$tmp/t" "$xmcheck" "${opts[@]}" "$tmp/jit-$n.litmus" >"$tmp/out" 2>"$tmp/err" || true
      read -r wall rss <"$tmp/t"
      read -r verdict pos neg < <(awk '/^Observation/ {print $3, $4, $5}' "$tmp/out")
      stat() { grep -o "[0-9]* $1" "$tmp/err" | head -1 | grep -o '^[0-9]*' || true; }
      printf '| %d | %s | %s | %s | %s | %s | %s | %.2f s | %.1f MB |\n' "$n" "$arch" "$mode" "${verdict:-?}" \
        "$((${pos:-0} + ${neg:-0}))" "$(stat skeletons)" "$(stat 'core blocks')" "$wall" \
        "$(awk -v k="$rss" 'BEGIN {print k / 1024}')"
    done
  done
done
