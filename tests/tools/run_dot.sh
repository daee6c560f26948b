#!/usr/bin/env bash
# --dot DIR writes one NAME.dot per test that Graphviz parses (`dot -Tsvg`), with
# --witness-style clusters and --explain clusters; --png renders NAME.png.
# Exits 77 (ctest SKIP_RETURN_CODE) when Graphviz's `dot` is not installed.
#   usage: XMCHECK=path/to/xmcheck run_dot.sh [REPO_ROOT]
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || exit 1
xmcheck=${XMCHECK:-$root/build/frontend/xmcheck}
if ! command -v dot >/dev/null; then
  echo "dot.parse: Graphviz dot not found (Debian: graphviz); skipped"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$xmcheck" --dot "$tmp/dot" --explain examples examples/mp.litmus >"$tmp/out" 2>"$tmp/err" ||
  { echo "xmcheck failed:"; cat "$tmp/err"; exit 1; }
tests=$(grep -c '^Test ' "$tmp/out")
files=$(find "$tmp/dot" -name '*.dot' | wc -l)
ok=1
# examples/mp.litmus is given twice: its second file is mp.2.dot.
[[ $files -eq $tests && -f $tmp/dot/mp.2.dot ]] ||
  { echo "FAIL: $tests tests but $files .dot files:"; ls "$tmp/dot"; ok=0; }
for f in "$tmp"/dot/*.dot; do
  if ! dot -Tsvg "$f" -o /dev/null 2>"$tmp/dot.err"; then
    echo "FAIL: dot cannot parse $(basename "$f"):"
    sed 's/^/    /' "$tmp/dot.err"
    ok=0
  fi
done
grep -q 'cluster_s1P0' "$tmp/dot/mp.dot" || { echo "FAIL: mp.dot has no thread cluster"; ok=0; }
"$xmcheck" --dot "$tmp/png" --png examples/mp.litmus >/dev/null 2>"$tmp/err" || ok=0
[[ -s $tmp/png/mp.png ]] || { echo "FAIL: --png wrote no mp.png"; cat "$tmp/err"; ok=0; }
((ok)) && echo "dot.parse: $files files parsed by dot" || exit 1
