#!/usr/bin/env bash
# Determinism: every regression suite (tests/regression/*, each with the options
# of its suite.cfg) and the examples, checked twice with -j 1 and once with -j 2,
# in herd and in JSON format, print byte-identical stdout and the same exit
# status. No --stats: nothing else in the output may depend on timing, on the
# worker a test ran on, or on what that worker checked before.
#   usage: XMCHECK=path/to/xmcheck run_deterministic.sh [REPO_ROOT]
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/../../.." && pwd)}
cd "$root" || exit 1
xmcheck=${XMCHECK:?set XMCHECK to the xmcheck binary}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

suites=()
for d in tests/regression/*/; do suites+=("${d%/}"); done
suites+=(examples)  # recursive: examples/cmodx and examples/kernel too

# One pass over every suite: stdout of each suite run appended to $1, exit statuses to $1.rc.
pass() { # out-file format jobs
  local out=$1 format=$2 jobs=$3
  : >"$out"
  : >"$out.rc"
  for suite in "${suites[@]}"; do
    local options=()
    if [[ -f $suite/suite.cfg ]]; then
      read -r -a options <<<"$(sed 's/#.*//' "$suite/suite.cfg" | tr '\n' ' ')"
    fi
    echo "== $suite" >>"$out"
    "$xmcheck" "${options[@]}" --format "$format" -j "$jobs" "$suite" >>"$out" 2>/dev/null
    echo "$suite $?" >>"$out.rc"
  done
}

ok=1
for format in herd json; do
  pass "$tmp/$format.a" "$format" 1
  pass "$tmp/$format.b" "$format" 1
  pass "$tmp/$format.c" "$format" 2
  for run in b c; do
    what="$format, run $run ($([[ $run == b ]] && echo "-j 1 again" || echo "-j 2")) vs run a (-j 1)"
    if ! cmp -s "$tmp/$format.a.rc" "$tmp/$format.$run.rc"; then
      echo "FAIL $what: exit statuses differ:"
      diff "$tmp/$format.a.rc" "$tmp/$format.$run.rc" | head -20
      ok=0
    elif ! cmp -s "$tmp/$format.a" "$tmp/$format.$run"; then
      echo "FAIL $what: stdout differs:"
      diff "$tmp/$format.a" "$tmp/$format.$run" | head -40
      ok=0
    fi
  done
  ((ok)) && echo "ok $format: $(grep -c '^== ' "$tmp/$format.a") suites, $(wc -l <"$tmp/$format.a") lines, identical in 3 runs"
done
((ok))
