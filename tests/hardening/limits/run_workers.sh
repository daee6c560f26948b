#!/usr/bin/env bash
# -j N starts no more workers (each with a solver context, some 17 MB) than
# there are tests, nor than hardware threads.
#   usage: XMCHECK=path/to/xmcheck run_workers.sh
source "$(dirname "$0")/common.sh"
max_rss_kb "$tmp/out" "$tmp/err" "$xmcheck" -vv -j 64 examples/mp.litmus
expect_status "-j 64, one test" 0
expect_line "-j 64, one test" "$tmp/err" 'debug: 1 tests, 1 worker\(s\)$'
if ((rss_kb > 200 * 1024)); then fail "-j 64 with one test: peak resident memory $rss_kb KiB"; fi
echo "-j 64, one test: peak $rss_kb KiB"
hw=$(nproc 2>/dev/null || echo 1)
run_timed "$tmp/out" "$tmp/err" "$xmcheck" -vv -j 1000 examples
expect_status "-j 1000" 0
want=$((hw < 19 ? hw : 19))
expect_line "-j 1000 over 19 tests" "$tmp/err" "debug: 19 tests, $want worker\(s\)$"
finish "workers"
