#!/usr/bin/env bash
# -j N: the stdout (and exit status) of a parallel run are byte-identical to -j 1.
#   usage: XMCHECK=path/to/xmcheck run_parallel_identical.sh DIR [JOBS] [xmcheck options...]
set -uo pipefail
dir=${1:?usage: run_parallel_identical.sh DIR [JOBS] [options...]}
jobs=${2:-2}
shift $(($# >= 2 ? 2 : 1))
root=$(cd "$(dirname "$0")/../.." && pwd)
xmcheck=${XMCHECK:-$root/build/frontend/xmcheck}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok=1
for format in herd jsonl; do
  "$xmcheck" "$@" --format "$format" -j 1 "$dir" >"$tmp/j1" 2>/dev/null
  rc1=$?
  "$xmcheck" "$@" --format "$format" -j "$jobs" "$dir" >"$tmp/jn" 2>/dev/null
  rcn=$?
  if [[ $rc1 -ne $rcn ]]; then
    echo "FAIL $format: exit $rc1 with -j 1, $rcn with -j $jobs"
    ok=0
  elif ! cmp -s "$tmp/j1" "$tmp/jn"; then
    echo "FAIL $format: stdout of -j $jobs differs from -j 1:"
    diff "$tmp/j1" "$tmp/jn" | head -20
    ok=0
  else
    echo "ok $format: -j $jobs output identical to -j 1 ($(wc -l <"$tmp/j1") lines, exit $rc1)"
  fi
done
((ok))
