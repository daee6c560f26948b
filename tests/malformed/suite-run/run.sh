#!/usr/bin/env bash
# Suite run with one bad input and one good one (README, "Exit codes"): the
# bad file gets its positioned error on stderr, the run continues, the good
# file's result block is printed on stdout, and the exit code is the maximum
# over the inputs (2, a malformed litmus test).
#   usage: XMCHECK=path/to/xmcheck run.sh [REPO_ROOT]
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/../../.." && pwd)}
cd "$root" || exit 1
xmcheck=${XMCHECK:?set XMCHECK to the xmcheck binary}
dir=tests/malformed/suite-run
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$xmcheck" "$dir" >"$tmp/out" 2>"$tmp/err"
rc=$?
want_line=$(sed -n 1p "$dir/a-bad.expected-failure")
want_exit=$(sed -n 2p "$dir/a-bad.expected-failure" | sed -n 's/^exit //p')
ok=1
[[ $rc -eq $want_exit ]] || { echo "exit $rc, expected $want_exit"; ok=0; }
grep -Fxq -- "$want_line" "$tmp/err" || { echo "stderr lacks: $want_line"; sed 's/^/  stderr: /' "$tmp/err"; ok=0; }
diff -u --label "$dir/b-good.litmus.expected" --label stdout "$dir/b-good.litmus.expected" "$tmp/out" || ok=0
((ok)) && echo "suite-run: ok" || { echo "suite-run: FAILED"; exit 1; }
