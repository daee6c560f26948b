#!/usr/bin/env bash
# Conformance with herd7: runs xmcheck ONCE over every *.litmus under CORPUS_DIR
# (an @LIST in sorted path order), cuts stdout into per-test result blocks, and
# for each TEST.litmus.expected compares with herd7's output:
#   - the `Test NAME KIND` line and the `[Loop ]Ok|No` line, exactly;
#   - the SET of state lines (order-insensitive; thin-air names S<n> renamed);
#   - the SET of `Flag` lines;
#   - with TEST.litmus.observed (hardware results): every observed state is
#     among xmcheck's states.
# For TEST.litmus.expected-failure, xmcheck must reject the test with a
# positioned "TEST:line:col: error: ..." line on stderr.
# Exits 77 (ctest SKIP_RETURN_CODE) when CORPUS_DIR is absent.
#   usage: XMCHECK=path/to/xmcheck run_conformance.sh CORPUS_DIR [xmcheck options...]
set -uo pipefail
corpus=${1:?usage: run_conformance.sh CORPUS_DIR [xmcheck options...]}
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
xmcheck=${XMCHECK:-$root/build/frontend/xmcheck}

if [[ ! -d $corpus ]]; then
  echo "conformance: corpus $corpus not found (../shared is not part of the repository); skipped"
  exit 77
fi
corpus=$(cd "$corpus" && pwd)
name=$(basename "$corpus")

# Tests herd rejects only because of a herd limitation: xmcheck answers them and
# must print the verdict line recorded (with the reason) in this file.
limitations=${XMCHECK_HERD_LIMITATIONS:-$root/tests/conformance/herd-limitations.tsv}
declare -A limited
if [[ -f $limitations ]]; then
  while IFS=$'\t' read -r key verdict _; do
    [[ -z $key || $key == \#* ]] && continue
    limited[$key]=$verdict
  done <"$limitations"
fi

# Tests xmcheck does not answer as herd does yet (known gaps, each with its
# reason: a feature not built yet): a listed test must still differ, so the
# list stays true; an unlisted one must match.
gaps=${XMCHECK_KNOWN_GAPS:-$root/tests/conformance/known-gaps.tsv}
declare -A gap
if [[ -f $gaps ]]; then
  while IFS=$'\t' read -r key reason; do
    [[ -z $key || $key == \#* ]] && continue
    [[ -n $reason ]] || { echo "conformance: $gaps: '$key' has no reason"; exit 1; }
    gap[$key]=$reason
  done <"$gaps"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$corpus" -name '*.litmus' -type f | LC_ALL=C sort >"$tmp/list"
"$xmcheck" "$@" "@$tmp/list" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [[ $rc -eq 1 || $rc -eq 3 ]]; then
  # A usage or model error stops xmcheck before any test: nothing to compare.
  echo "conformance $name: xmcheck stopped with exit $rc:"
  sed "s/^/    /" "$tmp/err"
  exit 1
fi

# A block runs from its `Test` line to the empty line after its `Observation`
# line (a state over no location is itself an empty line); block i goes to
# $tmp/blocks/i.
mkdir "$tmp/blocks"
awk -v dir="$tmp/blocks" '
  BEGIN { n = 0; open = 0; observed = 0 }
  !open && /^Test / { open = 1; file = dir "/" n }
  open && observed && /^$/ { close(file); n++; open = 0; observed = 0; next }
  open { print > file }
  open && /^Observation / { observed = 1 }
' "$tmp/out"

# Part of a block: the Test line, the verdict line, the sorted state lines.
test_line() { sed -n 1p "$1"; }
verdict_line() { grep -E '^(Loop )?(Ok|No|Undef)$' "$1" | head -1; }
flag_lines() { grep -E '^Flag ' "$1" | LC_ALL=C sort | tr '\n' ' '; }
# herd names an unsolved value (out of thin air) S<n> after an internal
# counter, xmcheck S0: within a state, such names are renamed S#1, S#2, ... in
# order of appearance, so that states compare up to that naming.
state_lines() {
  awk 'NR == 2 && /^States / { n = $2; next }
       NR > 2 && n > 0 {
         line = $0; out = ""; k = 0; delete seen
         while (match(line, /=S[0-9]+;/)) {
           sym = substr(line, RSTART + 1, RLENGTH - 2)
           if (!(sym in seen)) seen[sym] = "S#" (++k)
           out = out substr(line, 1, RSTART) seen[sym] ";"
           line = substr(line, RSTART + RLENGTH)
         }
         print out line; n--
       }' "$1" | LC_ALL=C sort
}

passed=0 failed=0 unlisted=0 block=0 observed_tests=0 gapped=0
fail() { # test, reason
  local key=$name/${1#"$corpus"/}
  if [[ -n ${gap[$key]:-} ]]; then
    gapped=$((gapped + 1))
    gap_hit[$key]=1
    return
  fi
  failed=$((failed + 1))
  echo "FAIL ${1#"$corpus"/}: $2"
}
declare -A gap_hit
while IFS= read -r test; do
  # The diagnostic of a rejected test starts with its path (as listed).
  # (a timeout is a warning: the test still prints its block, verdict Unknown)
  diag=$(awk -v p="$test:" 'index($0, p) == 1 && / error: /' "$tmp/err" | head -1)
  positioned=0
  [[ $diag =~ ^.+:[0-9]+:[0-9]+:\ error:\  ]] && positioned=1
  got=""
  if [[ -z $diag && -f $tmp/blocks/$block ]]; then
    got=$tmp/blocks/$block
    block=$((block + 1))
  fi

  if [[ -f $test.expected ]]; then
    if [[ -z $got ]]; then
      fail "$test" "rejected: ${diag:-no result and no diagnostic}"
      continue
    fi
    reasons=()
    [[ $(test_line "$got") == "$(test_line "$test.expected")" ]] ||
      reasons+=("Test line: got '$(test_line "$got")', herd '$(test_line "$test.expected")'")
    [[ $(verdict_line "$got") == "$(verdict_line "$test.expected")" ]] ||
      reasons+=("verdict: got '$(verdict_line "$got")', herd '$(verdict_line "$test.expected")'")
    [[ $(flag_lines "$got") == "$(flag_lines "$test.expected")" ]] ||
      reasons+=("flags: got '$(flag_lines "$got")', herd '$(flag_lines "$test.expected")'")
    state_lines "$test.expected" >"$tmp/want_states"
    state_lines "$got" >"$tmp/got_states"
    if ! cmp -s "$tmp/want_states" "$tmp/got_states"; then
      reasons+=("states differ")
    fi
    # Hardware results (ppc/, riscv/): every state a machine showed must be allowed.
    if [[ -f $test.observed ]]; then
      LC_ALL=C sort -u "$test.observed" | sed '/^$/d' >"$tmp/observed"
      observed_tests=$((observed_tests + 1))
      if [[ -n $(LC_ALL=C comm -23 "$tmp/observed" "$tmp/got_states") ]]; then
        reasons+=("a state real hardware showed is forbidden")
        LC_ALL=C comm -23 "$tmp/observed" "$tmp/got_states" | sed 's/^/    observed only: /'
      fi
    fi
    if ((${#reasons[@]} == 0)); then
      passed=$((passed + 1))
    else
      fail "$test" "$(IFS=';'; echo "${reasons[*]}")"
      if ! cmp -s "$tmp/want_states" "$tmp/got_states"; then
        comm -23 "$tmp/want_states" "$tmp/got_states" | sed 's/^/    herd only:    /'
        comm -13 "$tmp/want_states" "$tmp/got_states" | sed 's/^/    xmcheck only: /'
      fi
    fi
  elif [[ -f $test.expected-failure && -n ${limited[$name/${test#"$corpus"/}]:-} ]]; then
    want=${limited[$name/${test#"$corpus"/}]}
    if [[ -z $got ]]; then
      fail "$test" "herd limitation: xmcheck should answer it but rejected it: ${diag:-no result}"
    elif [[ $(verdict_line "$got") != "$want" ]]; then
      fail "$test" "herd limitation: verdict '$(verdict_line "$got")', recorded '$want'"
    else
      passed=$((passed + 1))
    fi
  elif [[ -f $test.expected-failure ]]; then
    if ((positioned)); then
      passed=$((passed + 1))
    elif [[ -n $diag ]]; then
      fail "$test" "rejected without a position: $diag"
    else
      fail "$test" "accepted, but herd rejects it: $(head -1 "$test.expected-failure")"
    fi
  else
    unlisted=$((unlisted + 1))
  fi
done <"$tmp/list"

if [[ $rc -eq 70 ]]; then
  echo "conformance $name: xmcheck reported an internal error:"
  grep -F 'internal error' "$tmp/err" | sed 's/^/    /'
fi
# A listed gap that now matches herd must leave the list.
for key in "${!gap[@]}"; do
  [[ $key == "$name"/* && -f $corpus/${key#"$name"/} && -z ${gap_hit[$key]:-} ]] || continue
  failed=$((failed + 1))
  echo "FAIL ${key#"$name"/}: listed in $(basename "$gaps") but now matches herd: remove it"
done
((gapped == 0)) || echo "conformance $name: $gapped known gaps ($(basename "$gaps"), each with its reason)"
((unlisted == 0)) || echo "conformance $name: $unlisted tests without herd results ignored"
((observed_tests == 0)) || echo "conformance $name: $observed_tests tests with hardware results, each observed state checked"
echo "conformance $name: $passed passed, $failed failed"
((failed == 0 && rc != 70))
