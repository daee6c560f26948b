# Shared driver of the many-CPU benchmark shapes (bench/kernel*.sh), sourced
# by each shape script after it defines gen N FILE ARCH (writes a C litmus test
# with N executing/bystander CPUs besides the patching/writing CPU P0; ARCH for
# shapes whose kernel idiom differs per architecture).
#
# Runs N = 1..NMAX on every architecture in each search mode and prints one
# Markdown table. Each run gets xmcheck's own --timeout (default 20 s, env
# TIMEOUT) and, in case a phase does not poll it, coreutils' timeout a little
# later; either way the row says "timeout". Once an (arch, mode) pair times out
# its larger N are skipped: they only get slower, and the bench must end.
#   env: XMCHECK (binary), TIMEOUT (s), ARCHS ("x86 arm64 powerpc riscv"),
#        MODES ("default"; add "count-executions" for every execution)
set -euo pipefail
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
xmcheck=${XMCHECK:-$bench_root/build/frontend/xmcheck}
limit=${TIMEOUT:-20}
archs=${ARCHS:-x86 arm64 powerpc riscv}
modes=${MODES:-default}
[[ -x $xmcheck ]] || { echo "bench: build first; no $xmcheck" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time" >&2; exit 2; }
bench_tmp=$(mktemp -d)
trap 'rm -rf "$bench_tmp"' EXIT

# bench_exists_any N FORMAT: `exists (A1 \/ ... \/ AN)`, Ai = FORMAT with
# every %d replaced by i (the CPU's number), e.g. '%d:r0=1 /\ %d:r=1'.
# Observing every CPU's registers this way gives one state per combination of
# the CPUs' outcomes (3^N when each has three), so the output itself is
# exponential; shapes whose CPUs are interchangeable and may each see several
# outcomes observe CPU 1 alone (bench_exists_first), which by symmetry answers
# for every CPU while the search still places every CPU's IPIs everywhere.
bench_exists_any() {
  local n=$1 format=$2 i
  printf 'exists ('
  for ((i = 1; i <= n; i++)); do
    ((i > 1)) && printf ' \\/ '
    printf '%s' "${format//%d/$i}"
  done
  echo ')'
}

# bench_exists_first FORMAT: `exists (A1)`, A1 = FORMAT for CPU 1.
bench_exists_first() { echo "exists (${1//%d/1})"; }

# stat NAME: the count before NAME in the --stats line ("N skeletons").
bench_stat() { grep -o "[0-9]* $1" "$bench_tmp/err" | head -1 | grep -o '^[0-9]*' || true; }

# bench_run NMAX: the table, one row per (N, arch, mode) that was run.
bench_run() {
  local nmax=$1 n arch mode wall rss verdict rc
  local -A gave_up=()
  printf '| N | arch | mode | verdict | skeletons | solver calls | wall | peak RSS |\n'
  printf '|---|---|---|---|---|---|---|---|\n'
  for ((n = 1; n <= nmax; n++)); do
    for arch in $archs; do
      gen "$n" "$bench_tmp/test-$n.litmus" "$arch"
      for mode in $modes; do
        [[ -n ${gave_up[$arch/$mode]:-} ]] && continue
        local opts=(--arch "$arch" --stats --timeout "$limit")
        [[ $mode == count-executions ]] && opts+=(--count-executions)
        rc=0
        /usr/bin/time -f '%e %M' -o "$bench_tmp/t" timeout -k 5 "$((${limit%.*} + 10))" \
          "$xmcheck" "${opts[@]}" "$bench_tmp/test-$n.litmus" >"$bench_tmp/out" 2>"$bench_tmp/err" || rc=$?
        # GNU time prepends "Command exited with non-zero status" on failure.
        read -r wall rss < <(tail -1 "$bench_tmp/t")
        verdict=$(awk '/^Observation/ {print $3}' "$bench_tmp/out")
        if grep -q 'timeout after' "$bench_tmp/out" "$bench_tmp/err" || ((rc == 124 || rc == 137)); then
          verdict=timeout
          gave_up[$arch/$mode]=1
        elif ((rc != 0)); then
          verdict="error $rc"
        fi
        printf '| %d | %s | %s | %s | %s | %s | %.2f s | %.1f MB |\n' "$n" "$arch" "$mode" "${verdict:-?}" \
          "$(bench_stat skeletons)" "$(bench_stat 'solver calls')" "$wall" \
          "$(awk -v k="$rss" 'BEGIN {print k / 1024}')"
      done
    done
  done
}
