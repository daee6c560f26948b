#!/usr/bin/env bash
# A directory symlink loop (and an aliased directory, and a second name for a
# test file) does not make a suite run check a test more than once.
#   usage: XMCHECK=path/to/xmcheck run_symlink_loop.sh
source "$(dirname "$0")/common.sh"
mkdir -p "$tmp/suite/sub"
cp examples/mp.litmus "$tmp/suite/a.litmus"
cp examples/sb.litmus "$tmp/suite/sub/b.litmus"
ln -s .. "$tmp/suite/sub/loop"
ln -s sub "$tmp/suite/alias"
ln -s a.litmus "$tmp/suite/0-other-name.litmus"
run_timed "$tmp/out" "$tmp/err" "$xmcheck" -v "$tmp/suite"
expect_status "symlink loop" 0
tests=$(grep -c '^Test ' "$tmp/out")
((tests == 2)) || fail "2 tests below $tmp/suite, $tests result blocks"
expect_line "real paths" "$tmp/err" "checking $tmp/suite/a\.litmus "
expect_line "real paths" "$tmp/err" "checking $tmp/suite/sub/b\.litmus "
finish "symlinked inputs"
