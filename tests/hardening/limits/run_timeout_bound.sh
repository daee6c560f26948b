#!/usr/bin/env bash
# --timeout bounds the whole check of a test: a thread with 2^16 traces (the
# encoder's loops used to ignore the limit: 174 s for --timeout 5), a C test
# over both architectures (one budget for both, not one each), and statistics
# that stay accurate when the search stops early. An incomplete result prints
# no verdict: `States N (incomplete)`, `Unknown`, `Observation NAME Unknown`.
#   usage: XMCHECK=path/to/xmcheck run_timeout_bound.sh
source "$(dirname "$0")/common.sh"
bash tests/hardening/gen_wide.sh "$tmp" 16
limit=3
bound_ms=9000  # the limit, plus releasing what the search built, plus a loaded machine

run_timed "$tmp/out" "$tmp/err" "$xmcheck" --timeout "$limit" "$tmp/wide-x86.litmus"
expect_status "asm, 2^16 traces" 5
((elapsed_ms <= bound_ms)) || fail "asm, 2^16 traces: --timeout $limit took $elapsed_ms ms"
expect_line "asm stderr" "$tmp/err" "^$tmp/wide-x86\.litmus: warning: timeout after $limit s: states may be missing, verdict Unknown$"
expect_line "asm marks the states" "$tmp/out" '^States [0-9]+ \(incomplete\)$'
expect_line "asm result" "$tmp/out" '^Unknown$'
expect_line "asm observation" "$tmp/out" '^Observation wide-x86 Unknown$'
expect_no_line "asm observation" "$tmp/out" '^Observation wide-x86 (Never|Sometimes|Always)'
echo "asm: exit $rc after $elapsed_ms ms"

run_timed "$tmp/out" "$tmp/err" "$xmcheck" --timeout "$limit" "$tmp/wide-c.litmus"
expect_status "C, both architectures" 5
((elapsed_ms <= bound_ms)) || fail "C: --timeout $limit for the whole test (both architectures) took $elapsed_ms ms"
expect_line "C stderr" "$tmp/err" "timeout after $limit s for x86: states may be missing"
expect_line "C stderr" "$tmp/err" "timeout after $limit s for arm64: states may be missing"
expect_no_line "C observation" "$tmp/out" '^Observation wide-c (Never|Sometimes|Always)'
echo "C: exit $rc after $elapsed_ms ms"

# A search stopped among coherence orders: its statistics count what was done.
run_timed "$tmp/out" "$tmp/err" "$xmcheck" --timeout 0.5 --stats tests/hardening/limits/many-coherence-orders.litmus
expect_status "stats" 5
stats=$(grep '^stats ' "$tmp/err")
read -r skeletons calls candidates < <(sed -E 's/.* ([0-9]+) skeletons, ([0-9]+) solver calls, ([0-9]+) candidates.*/\1 \2 \3/' <<<"$stats")
# (0 solver calls: the small search went without Z3, docs/design.md "Skeletons")
if ! ((candidates > 0 && skeletons > 0 && (calls == 0 || calls >= skeletons))); then
  fail "stats after a timeout: $stats"
fi
echo "stats: $stats"
finish "timeout bounds the whole test"
