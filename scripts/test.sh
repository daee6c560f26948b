#!/usr/bin/env bash
# Installs dependencies, builds with warnings as errors, runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh -DXMCHECK_WERROR=ON -DXMCHECK_BUILD_TESTS=ON
log=build/ctest.log
status=0
ctest --test-dir build --output-on-failure -j "$(nproc)" 2>&1 | tee "$log" || status=$?
echo "== ctest summary"
grep -E '^[0-9]+% tests passed|tests? failed out of|^The following tests|^[[:space:]]+[0-9]+ - |Skipped' "$log" || true
exit "$status"
