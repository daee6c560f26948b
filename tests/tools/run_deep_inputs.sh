#!/usr/bin/env bash
# Deep and long inputs: xmcheck must answer every one of them, never die of a
# signal (a stack overflow). Each case generates its input into a temporary
# directory, then requires either exactly one positioned error line with the
# expected message and exit status (past a nesting limit: litmus/README.md,
# axioms/README.md, docs/c-dialect.md), or, for long flat chains, the result
# of the equivalent short input.
#   usage: XMCHECK=path/to/xmcheck run_deep_inputs.sh REPO_ROOT CASE
#   CASE: one of the names in the `case` statement at the end (`all` runs every one)
set -uo pipefail
root=${1:?usage: run_deep_inputs.sh REPO_ROOT CASE}
which_case=${2:?usage: run_deep_inputs.sh REPO_ROOT CASE}
cd "$root" || exit 1
xmcheck=${XMCHECK:-$root/build/frontend/xmcheck}
host=tests/malformed/host/ok.litmus   # a valid AArch64 test (MP); model cases check it

# The stack of a default shell: deep recursion must fail here if it is unbounded.
ulimit -s 8192 2>/dev/null || echo "note: the stack limit stays at $(ulimit -s) KiB"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# TEXT repeated N times (through the environment: awk -v would eat backslashes).
repeat() { T=$1 awk -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", ENVIRON["T"] }'; }
# N copies of TEXT separated by SEP.
join_n() {
  SEP=$1 T=$2 awk -v n="$3" 'BEGIN { for (i = 0; i < n; i++) printf "%s%s", (i ? ENVIRON["SEP"] : ""), ENVIRON["T"] }'
}

# The host test without its condition, then `exists PROP`.
host_with_condition() { sed '$d' "$host"; printf 'exists %s\n' "$1"; }

# A C test whose thread P0 runs BODY (statements); the init block is INIT.
c_test() {
  printf 'C deep\n{ %s }\nP0(int *x)\n{\n  int r0;\n' "$2"
  printf '%s\n' "$1"
  printf '}\nexists (0:r0=1)\n'
}

# Runs xmcheck ARGS... (60 s at most); sets rc, and out/err files.
run() {
  timeout 60 "$xmcheck" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
}

fail() {
  echo "FAIL $which: $*"
  sed 's/^/  stderr: /' "$tmp/err" | cut -c1-300 | head -5
  return 1
}

# Past a limit: exit STATUS, one "INPUT:LINE:COL: error: MESSAGE" line on
# stderr (MESSAGE an extended regex), nothing on stdout.
expect_error() {
  local input=$1 status=$2 message=$3
  shift 3
  run "$@"
  ((rc >= 124)) && { fail "exit $rc (timeout or signal)"; return 1; }
  ((rc == status)) || { fail "exit $rc, expected $status"; return 1; }
  local errors line
  errors=$(grep -Ec ':[0-9]+:[0-9]+: error: ' "$tmp/err")
  ((errors == 1)) || { fail "$errors positioned error lines, expected 1"; return 1; }
  line=$(grep -E ':[0-9]+:[0-9]+: error: ' "$tmp/err")
  [[ $line == "$input:"* && ${line#"$input:"} =~ ^[0-9]+:[0-9]+:\ error:\ $message$ ]] ||
    { fail "the error line does not match '$input:LINE:COL: error: $message'"; return 1; }
  [[ -s $tmp/out ]] && { fail "unexpected output on stdout"; return 1; }
  echo "ok   $which: $(head -1 "$tmp/err" | cut -c1-160)"
}

# A long input with the result of a short one: exit 0 for both, and the same
# output except for the echoed condition.
expect_same_result() {
  local long=$1 short=$2
  run "$short"
  ((rc == 0)) || { fail "the short input exits $rc"; return 1; }
  grep -v '^Condition ' "$tmp/out" >"$tmp/want"
  run "$long"
  ((rc == 0)) || { fail "exit $rc, expected 0"; return 1; }
  grep -v '^Condition ' "$tmp/out" >"$tmp/got"
  diff -q "$tmp/want" "$tmp/got" >/dev/null || { fail "the result differs from the short condition's"; return 1; }
  echo "ok   $which: $(grep -E '^(Ok|No)$' "$tmp/got") as the short condition"
}

nest_condition='condition nested too deeply \(limit 256\)'
nest_c='(statement|expression) nested too deeply \(limit 256\)'
nest_model='expression nested too deeply \(limit 500\)'

run_case() {
  which=$1
  local f=$tmp/$which
  case $which in
    # ---- herd litmus conditions (exit 2) ----
    condition-parens)  # 2,000 nested parentheses
      host_with_condition "$(repeat '(' 2000)1:X0=1$(repeat ')' 2000)" >"$f.litmus"
      expect_error "$f.litmus" 2 "$nest_condition" "$f.litmus" ;;
    condition-not)  # 30,000 negations
      host_with_condition "($(repeat '~' 30000)1:X0=1)" >"$f.litmus"
      expect_error "$f.litmus" 2 "$nest_condition" "$f.litmus" ;;
    condition-implies)  # 30,000 `=>`, right-nested
      host_with_condition "($(join_n ' => ' '1:X0=1' 30000))" >"$f.litmus"
      expect_error "$f.litmus" 2 "$nest_condition" "$f.litmus" ;;
    condition-long-and)  # a flat conjunction of 25,000 atoms is accepted
      host_with_condition "($(join_n ' /\ ' '1:X0=1 /\ 1:X2=0' 12500))" >"$f.litmus"
      host_with_condition "(1:X0=1 /\ 1:X2=0)" >"$f-short.litmus"
      expect_same_result "$f.litmus" "$f-short.litmus" ;;
    condition-long-or)  # a flat disjunction of 25,000 atoms is accepted
      host_with_condition "($(join_n ' \/ ' '1:X0=2' 24999) \/ 1:X0=1 /\ 1:X2=0)" >"$f.litmus"
      host_with_condition "(1:X0=1 /\ 1:X2=0)" >"$f-short.litmus"
      expect_same_result "$f.litmus" "$f-short.litmus" ;;
    # ---- C litmus tests (exit 2) ----
    c-expr-parens)  # 3,000 nested parentheses
      c_test "  r0 = $(repeat '(' 3000)1$(repeat ')' 3000);" 'x = 0;' >"$f.litmus"
      expect_error "$f.litmus" 2 "$nest_c" "$f.litmus" ;;
    c-long-sum)  # 1 + 1 + ... (15,000 terms): a left-nested tree, rejected at once
      c_test "  r0 = $(join_n ' + ' 1 15000);" 'x = 0;' >"$f.litmus"
      local start=$SECONDS
      expect_error "$f.litmus" 2 "$nest_c" "$f.litmus" || return 1
      ((SECONDS - start <= 5)) || { fail "took $((SECONDS - start)) s"; return 1; } ;;
    c-deep-blocks)  # 20,000 nested blocks
      c_test "$(repeat '{' 20000) r0 = 1; $(repeat '}' 20000)" 'x = 0;' >"$f.litmus"
      expect_error "$f.litmus" 2 "$nest_c" "$f.litmus" ;;
    c-deep-if)  # 20,000 nested if statements
      c_test "$(repeat 'if (1) ' 20000) r0 = 1;" 'x = 0;' >"$f.litmus"
      expect_error "$f.litmus" 2 "$nest_c" "$f.litmus" ;;
    c-inlined-calls)  # 31 nested calls of functions each 240 levels deep: legal one by one
      { printf 'C deep\n{ x = 0; }\n'
        awk 'BEGIN { for (i = 0; i < 31; i++) {
          e = (i < 30) ? "f" (i + 1) "(r)" : "r"
          for (k = 0; k < 240; k++) e = (k % 2) ? "~" e : "(" e " + 1)"
          printf "int f%d(int r) { return %s; }\n", i, e } }'
        printf 'P0(int *x)\n{\n  int r0;\n  r0 = f0(0);\n}\nexists (0:r0=1)\n'; } >"$f.litmus"
      expect_error "$f.litmus" 4 'inlined calls nested too deeply \(limit 1024\)' "$f.litmus" ;;
    c-init-value)  # ATOMIC_INIT(ATOMIC_INIT(...)) 100,000 deep in the init block
      c_test "  r0 = READ_ONCE(*x);" "x = $(repeat 'ATOMIC_INIT(' 100000)1$(repeat ')' 100000);" >"$f.litmus"
      expect_error "$f.litmus" 2 'value nested too deeply \(limit 256\)' "$f.litmus" ;;
    # ---- model files (exit 3) ----
    model-parens)  # 10,000 nested parentheses
      printf '"t"\nlet x = %spo%s\nacyclic x\n' "$(repeat '(' 10000)" "$(repeat ')' 10000)" >"$f.cat"
      expect_error "$f.cat" 3 "$nest_model" --model "$f.cat" "$host" ;;
    model-long-union)  # po | rf | ... (50,000 terms): a right-nested tree
      printf '"t"\nlet x = %s | co\nacyclic x\n' "$(join_n ' | ' 'po | rf^-1' 25000)" >"$f.cat"
      expect_error "$f.cat" 3 "$nest_model" --model "$f.cat" "$host" ;;
    model-long-seq)  # po ; rf ; ... (18,000 terms)
      printf '"t"\nlet x = %s\nacyclic x\n' "$(join_n ' ; ' 'po ; rf' 9000)" >"$f.cat"
      expect_error "$f.cat" 3 "$nest_model" --model "$f.cat" "$host" ;;
    model-complement)  # 20,000 nested complements
      printf '"t"\nlet x = %spo\nacyclic x\n' "$(repeat '~' 20000)" >"$f.cat"
      expect_error "$f.cat" 3 "$nest_model" --model "$f.cat" "$host" ;;
    model-let-chain)  # each definition one level above the previous (2,000 deep)
      { printf '"t"\nlet a0 = po\n'
        awk 'BEGIN { for (i = 1; i <= 2000; i++) printf "let a%d = a%d ; po\n", i, i - 1 }'
        printf 'acyclic a2000\n'; } >"$f.cat"
      expect_error "$f.cat" 3 "$nest_model" --model "$f.cat" "$host" ;;
    model-let-rec)  # 20,000 let rec, each built on the previous one
      { printf '"t"\nlet rec r0 = po | (r0 ; po)\n'
        awk 'BEGIN { for (i = 1; i < 20000; i++) printf "let rec r%d = r%d | (r%d ; po)\n", i, i, i - 1 }'
        printf 'acyclic r19999\n'; } >"$f.cat"
      expect_error "$f.cat" 3 "$nest_model" --model "$f.cat" "$host" ;;
    model-variant-if)  # 20,000 nested `if "V" ... end`
      printf '"t"\n%sacyclic po\n%s\n' "$(repeat 'if "a" ' 20000)" "$(repeat 'end ' 20000)" >"$f.cat"
      expect_error "$f.cat" 3 '(statement|variant condition) nested too deeply \(limit 500\)' \
        --model "$f.cat" "$host" ;;
    model-include-cycle)  # a.cat includes b.cat includes a.cat
      mkdir -p "$f"
      printf '"a"\ninclude "b.cat"\nacyclic po\n' >"$f/a.cat"
      printf '"b"\ninclude "a.cat"\n' >"$f/b.cat"
      expect_error "$f/b.cat" 3 "include cycle: 'a.cat' is already being included" \
        --model "$f/a.cat" "$host" ;;
    model-include-chain)  # i0.cat includes i1.cat includes ... (550 files)
      mkdir -p "$f"
      awk -v d="$f" -v n=550 'BEGIN { for (i = 0; i < n; i++) { p = d "/i" i ".cat"
        printf "\"t\"\n" > p
        if (i < n - 1) printf "include \"i%d.cat\"\n", i + 1 > p; else print "acyclic po" > p
        close(p) } }'
      expect_error "$f/i499.cat" 3 'include nested too deeply \(limit 500\)' --model "$f/i0.cat" "$host" ;;
    *) echo "unknown case '$which'"; return 2 ;;
  esac
}

all_cases="condition-parens condition-not condition-implies condition-long-and condition-long-or
  c-expr-parens c-long-sum c-deep-blocks c-deep-if c-inlined-calls c-init-value
  model-parens model-long-union model-long-seq model-complement model-let-chain model-let-rec
  model-variant-if model-include-cycle model-include-chain"

if [[ $which_case == all ]]; then
  failed=0
  for c in $all_cases; do run_case "$c" || failed=$((failed + 1)); done
  echo "deep inputs: $failed failed"
  ((failed == 0))
else
  run_case "$which_case"
fi
