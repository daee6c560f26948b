#!/usr/bin/env bash
# Malformed-input suite: every tests/malformed/NAME.litmus (and NAME.cat, a model)
# must be rejected with exactly the error line in NAME.expected-failure:
#   line 1: the exact stderr line, "tests/malformed/NAME.litmus:LINE:COL: error: ..."
#   line 2: "exit N", the expected exit status
# Paths are passed relative to the repository root, as written in line 1.
#   usage: XMCHECK=path/to/xmcheck run_malformed.sh [REPO_ROOT]
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || exit 1
xmcheck=${XMCHECK:-$root/build/frontend/xmcheck}
host=tests/malformed/host/ok.litmus   # a valid test, input of the model cases

passed=0 failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shopt -s nullglob
for input in tests/malformed/*.litmus tests/malformed/*.cat; do
  expected=${input%.*}.expected-failure
  if [[ ! -f $expected ]]; then
    echo "FAIL $input: missing $expected"
    failed=$((failed + 1))
    continue
  fi
  want_line=$(sed -n 1p "$expected")
  want_exit=$(sed -n 2p "$expected" | sed -n 's/^exit \([0-9][0-9]*\)$/\1/p')
  if [[ -z $want_exit ]]; then
    echo "FAIL $input: line 2 of $expected must read 'exit N'"
    failed=$((failed + 1))
    continue
  fi
  if [[ $input == *.cat ]]; then
    "$xmcheck" --model "$input" "$host" >"$tmp/out" 2>"$tmp/err"
  else
    "$xmcheck" "$input" >"$tmp/out" 2>"$tmp/err"
  fi
  rc=$?
  problems=()
  [[ $rc -eq $want_exit ]] || problems+=("exit $rc, expected $want_exit")
  grep -Fxq -- "$want_line" "$tmp/err" || problems+=("stderr lacks the expected line")
  [[ -s $tmp/out ]] && problems+=("unexpected output on stdout")
  if ((${#problems[@]} == 0)); then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $input: $(IFS=';'; echo "${problems[*]}")"
    echo "  expected: $want_line"
    sed 's/^/  stderr:   /' "$tmp/err"
  fi
done
echo "malformed: $passed passed, $failed failed"
((failed == 0))
