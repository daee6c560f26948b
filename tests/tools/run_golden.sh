#!/usr/bin/env bash
# Golden regression suite: runs xmcheck on every DIR/*.litmus (sorted) with the
# options of DIR/suite.cfg and diffs stdout with DIR/NAME.litmus.expected.
# suite.cfg: xmcheck options, whitespace-separated, `#` starts a comment;
# `{suite}` stands for DIR.
#   usage: XMCHECK=path/to/xmcheck run_golden.sh DIR
set -uo pipefail
dir=${1:?usage: run_golden.sh DIR}
dir=${dir%/}
root=$(cd "$(dirname "$0")/../.." && pwd)
xmcheck=${XMCHECK:-$root/build/frontend/xmcheck}

options=()
if [[ -f $dir/suite.cfg ]]; then
  read -r -a options <<<"$(sed 's/#.*//' "$dir/suite.cfg" | tr '\n' ' ')"
fi
# `{suite}` in an option is the suite's directory (a model shipped with it).
options=("${options[@]//\{suite\}/$dir}")

passed=0 failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
while IFS= read -r test; do
  expected=$test.expected
  if [[ ! -f $expected ]]; then
    echo "FAIL $test: missing $expected"
    failed=$((failed + 1))
    continue
  fi
  "$xmcheck" "${options[@]}" "$test" >"$out"
  rc=$?
  if [[ $rc -eq 0 ]] && diff -u --label "$expected" --label "xmcheck $test" "$expected" "$out"
  then
    passed=$((passed + 1))
  else
    [[ $rc -eq 0 ]] || echo "FAIL $test: xmcheck exited with $rc"
    failed=$((failed + 1))
  fi
done < <(find "$dir" -maxdepth 1 -name '*.litmus' -type f | LC_ALL=C sort)
echo "golden $dir: $passed passed, $failed failed"
((passed + failed > 0)) || echo "golden $dir: warning: no *.litmus tests found"
((failed == 0))
