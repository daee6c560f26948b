#!/usr/bin/env bash
# --memory-limit: a runaway test becomes Unknown ("memory limit") instead of
# taking the machine down, and a failed allocation (std::bad_alloc, or the
# solver's) is Unknown too, never a crash or an internal error.
#   usage: XMCHECK=path/to/xmcheck run_memory_limit.sh
source "$(dirname "$0")/common.sh"
bash tests/hardening/gen_wide.sh "$tmp" 16

max_rss_kb "$tmp/out" "$tmp/err" "$xmcheck" --memory-limit 300M "$tmp/wide-x86.litmus"
expect_status "--memory-limit 300M" 5
expect_line "--memory-limit stderr" "$tmp/err" "^$tmp/wide-x86\.litmus: warning: memory limit 300 MiB exceeded.*: states may be missing, verdict Unknown$"
expect_line "--memory-limit result" "$tmp/out" '^Observation wide-x86 Unknown$'
if ((rss_kb > 600 * 1024)); then fail "--memory-limit 300M: peak resident memory $rss_kb KiB"; fi
echo "--memory-limit 300M: exit $rc after $elapsed_ms ms, peak $rss_kb KiB"

# Allocations fail under a virtual-memory cap (ulimit -v): whichever fails
# first, ours (std::bad_alloc) or the solver's, the test is Unknown, exit 5.
# XMCHECK_NO_VM_CAP names a build that cannot run under such a cap (ASan).
if [[ -n ${XMCHECK_NO_VM_CAP:-} ]]; then
  echo "ulimit -v part skipped: a $XMCHECK_NO_VM_CAP build cannot start under a virtual-memory cap"
  finish "memory limits"
  exit $?
fi
tried=0
for kib in 150000 250000 400000; do
  if ! (ulimit -v "$kib" && "$xmcheck" --version) >/dev/null 2>&1; then continue; fi
  tried=$((tried + 1))
  (ulimit -v "$kib" && exec "$xmcheck" --memory-limit 0 "$tmp/wide-x86.litmus") >"$tmp/out" 2>"$tmp/err"
  rc=$?
  expect_status "ulimit -v $kib" 5
  expect_line "ulimit -v $kib" "$tmp/err" "^$tmp/wide-x86\.litmus: warning: out of memory \((std::bad_alloc|in the solver)\): states may be missing, verdict Unknown$"
  echo "ulimit -v $kib: exit $rc: $(grep -o 'out of memory ([^)]*)' "$tmp/err")"
done
((tried > 0)) || fail "xmcheck does not start under any of the virtual-memory caps tried"
finish "memory limits"
