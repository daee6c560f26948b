#!/usr/bin/env bash
# Builds the libFuzzer harnesses (Clang, ASan + UBSan) into build-fuzz/ and runs
# each for a while. Seeds come from the repository's own examples, tests and
# models (never from ../shared); the growing corpora and any crash inputs stay
# in build-fuzz/. Exits non-zero if any target finds a crash, a leak, a
# sanitizer report, a run over 10 s or an input over the RSS limit.
#   usage: scripts/fuzz.sh [--seconds N] [--jobs J] [--seed S] [TARGET...]
#     --seconds N  time per target (default 60: the CI smoke run; 1800 for a long run)
#     --jobs J     targets run at a time (default 1)
#     --seed S     libFuzzer's random seed (default: a new one each run; CI fixes it
#                  so that a red smoke run can be replayed)
#     TARGET       litmus_asm litmus_c model lowering pipeline (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=60 jobs=1 seed=0 targets=()
while (($#)); do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 1 ;;
    *) targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=(litmus_asm litmus_c model lowering pipeline)

bash scripts/install-deps.sh
build=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DXMCHECK_FUZZ=ON -DXMCHECK_BUILD_TESTS=OFF -DXMCHECK_WERROR=ON >/dev/null
cmake --build "$build" -j "$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}")

# Seed corpora: one file per example, regression test, malformed case or model.
make_seeds() {  # make_seeds TARGET FILE...
  local dir=$build/seeds/$1; shift
  rm -rf "$dir"; mkdir -p "$dir"
  for f in "$@"; do cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; done
}
mapfile -t litmus < <(find examples tests/regression tests/malformed -name '*.litmus' | sort)
asm=() c=()
for f in "${litmus[@]}"; do
  if head -n1 "$f" | grep -q '^C[[:space:]]'; then c+=("$f"); else asm+=("$f"); fi
done
make_seeds litmus_asm "${asm[@]}"
make_seeds litmus_c "${c[@]}" axioms/prelude/linux.c
make_seeds model axioms/*/*.cat tests/malformed/*.cat tests/unit/axioms/data/*.cat
make_seeds lowering axioms/*/*.lower
make_seeds pipeline "${litmus[@]}"

run_one() {
  local t=$1 work=$build/corpus/$1 art=$build/artifacts/$1/ log=$build/logs/$1.log
  mkdir -p "$work" "$art" "$(dirname "$log")"
  local t0=$SECONDS
  # -max_len / -timeout: the issue's bar is "no run over 10 s on inputs under 4 KB".
  if "$build/tests/fuzz/fuzz_$t" "$work" "$build/seeds/$t" -max_total_time="$seconds" \
       -max_len=4096 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 -seed="$seed" \
       -artifact_prefix="$art" >"$log" 2>&1; then
    echo "fuzz $t: ok, $(summary "$log" $((SECONDS - t0)))"
  else
    echo "fuzz $t: FAILED, $(summary "$log" $((SECONDS - t0))); see $log and $art" >&2
    tail -n 40 "$log" >&2
    return 1
  fi
}
summary() {  # LOG SECONDS: executions, coverage (edges) and features from libFuzzer's final stats
  local runs cov ft
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$1" | tail -n1)
  cov=$(grep -o 'cov: [0-9]*' "$1" | tail -n1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$1" | tail -n1 | cut -d' ' -f2)
  echo "${runs:-?} executions in $2 s, coverage ${cov:-?} edges, ${ft:-?} features"
}

status=0
running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if ((running >= jobs)); then wait -n || status=1; running=$((running - 1)); fi
done
while ((running > 0)); do wait -n || status=1; running=$((running - 1)); done
exit "$status"
