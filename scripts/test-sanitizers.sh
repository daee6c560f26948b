#!/usr/bin/env bash
# Builds xmcheck and its tests with AddressSanitizer + UndefinedBehaviorSanitizer
# into build-asan/ (a second build directory) and runs the whole test suite
# under them. Any sanitizer report fails the test that triggered it. Clang
# builds it, so the suite also runs with the other compiler than the release
# build's GCC (it evaluates function arguments in another order, for one).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build=build-asan
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXMCHECK_WERROR=ON \
  -DXMCHECK_BUILD_TESTS=ON -DXMCHECK_SANITIZE=address,undefined \
  -DXMCHECK_MIN_SET_WORDS=2
cmake --build "$build" -j "$(nproc)"
# Leaks count as failures too; UBSan stops at the first report (see
# cmake/Sanitizers.cmake) and prints where.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=86
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
log=$build/ctest.log
status=0
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" 2>&1 | tee "$log" || status=$?
echo "== sanitizer ctest summary"
grep -E '^[0-9]+% tests passed|tests? failed out of|^The following tests|^[[:space:]]+[0-9]+ - |Skipped' "$log" || true
exit "$status"
