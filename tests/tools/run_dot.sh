#!/usr/bin/env bash
# --dot DIR writes one NAME.dot per test that Graphviz parses (`dot -Tsvg`), with
# --witness-style clusters and --explain clusters; --png renders NAME.png; C
# tests are drawn with prelude calls folded (--dot-detail: everything).
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
# C tests (issue #12): prelude calls are boxes, the IPI is drawn, the prelude's
# bookkeeping and transitive ctrl edges are not -- unless --dot-detail.
mb=examples/kernel/membarrier-mp.litmus
"$xmcheck" --arch arm64 --dot "$tmp/c" --explain "$mb" >/dev/null 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
"$xmcheck" --arch arm64 --dot "$tmp/cd" --dot-detail --explain "$mb" >/dev/null 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
c=$tmp/c/membarrier-mp.dot cd=$tmp/cd/membarrier-mp.dot
grep -q '<B>membarrier()</B>' "$c" || { echo "FAIL: no membarrier() box in $mb"; ok=0; }
grep -q '<B>ipi_mb() interrupt</B>' "$c" || { echo "FAIL: no ipi_mb() interrupt box in $mb"; ok=0; }
grep -q 'label="ipi", color=magenta3' "$c" || { echo "FAIL: no ipi edge in $mb"; ok=0; }
grep -q 'label="ipi-done", color=magenta3' "$c" || { echo "FAIL: no ipi-done edge in $mb"; ok=0; }
grep -q 'e[0-9]*: W\[membarrier_state\]=0' "$c" && { echo "FAIL: membarrier_state's initial write drawn in $mb"; ok=0; }
grep -q 'label="B"\|: B"' "$c" && { echo "FAIL: branches drawn in $mb"; ok=0; }
ctrl=$(grep -c 'label="ctrl"' "$c") ctrl_detail=$(grep -c 'label="ctrl"' "$cd")
((ctrl <= 3 && ctrl_detail > 20)) || { echo "FAIL: ctrl edges: $ctrl (want <= 3), --dot-detail $ctrl_detail (want > 20)"; ok=0; }
grep -q 'e[0-9]*: W\[membarrier_state\]=0' "$cd" || { echo "FAIL: --dot-detail lost membarrier_state in $mb"; ok=0; }
grep -q 'forbidden by external' "$c" || { echo "FAIL: no explanation cluster in $mb"; ok=0; }
for f in "$c" "$cd"; do
  dot -Tsvg "$f" -o /dev/null 2>"$tmp/dot.err" || { echo "FAIL: dot cannot parse $f"; cat "$tmp/dot.err"; ok=0; }
done
"$xmcheck" --dot "$tmp/png" --png examples/mp.litmus >/dev/null 2>"$tmp/err" || ok=0
[[ -s $tmp/png/mp.png ]] || { echo "FAIL: --png wrote no mp.png"; cat "$tmp/err"; ok=0; }
((ok)) && echo "dot.parse: $files files parsed by dot" || exit 1
