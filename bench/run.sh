#!/usr/bin/env bash
# Benchmark: checks a corpus folder in ONE xmcheck call and reports total wall
# time (hyperfine median), per-test median and max (from --stats), and peak RSS
# (GNU time). Prints a Markdown table on stdout.
#   usage: bench/run.sh [CORPUS_DIR [xmcheck options...]]
#   default: ../shared/corpus/aarch64-ifetch (the issue's target: total <= 1.25 s,
#   median <= 5 ms, max <= 100 ms, RSS <= 200 MB; herd7 reference in the corpus README)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus/aarch64-ifetch}
shift || true
xmcheck=${XMCHECK:-$root/build/frontend/xmcheck}
runs=${BENCH_RUNS:-10}

if [[ ! -d $corpus ]]; then
  echo "bench: corpus $corpus not found (../shared is not part of the repository)" >&2
  exit 77
fi
[[ -x $xmcheck ]] || { echo "bench: build first (bash scripts/build.sh); no $xmcheck" >&2; exit 2; }
for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool (apt-get install hyperfine time)" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ntests=$(find -L "$corpus" -name '*.litmus' | wc -l)

# Total wall time of one call over the whole folder.
# BENCH_WARMUP: warm-up runs (default 2). BENCH_ANY_EXIT=1 times a run whose
# exit code is not 0 (the LKMM folder: tests refused as unsupported, exit 4).
ignore=()
[[ ${BENCH_ANY_EXIT:-0} == 1 ]] && ignore=(-i)
hyperfine -N "${ignore[@]}" -w "${BENCH_WARMUP:-2}" -r "$runs" --export-json "$tmp/h.json" \
  "$xmcheck $* $corpus" >/dev/null 2>&1 || { echo "bench: xmcheck failed" >&2; exit 1; }
total=$(grep -o '"median": *[0-9.e-]*' "$tmp/h.json" | head -1 | grep -o '[0-9.e-]*$')

# Per-test times from --stats (time inside the checker, parse excluded).
"$xmcheck" "$@" --stats "$corpus" 2>"$tmp/stats" >/dev/null || true
grep '^stats ' "$tmp/stats" | sed -E 's/.*: ([0-9.]+) ms.*/\1/' | sort -g >"$tmp/times"
n=$(wc -l <"$tmp/times")
median=$(awk -v n="$n" 'NR == int((n + 1) / 2) {print}' "$tmp/times")
max=$(tail -1 "$tmp/times")
slowest=$(grep '^stats ' "$tmp/stats" | sort -t: -k2 -g | tail -1 | sed -E 's/^stats ([^:]*):.*/\1/')

# Peak resident set size of the same call.
/usr/bin/time -f '%M' -o "$tmp/rss" "$xmcheck" "$@" "$corpus" >/dev/null 2>&1 || true
rss_kb=$(tail -1 "$tmp/rss")

printf '| corpus | tests | total wall (median of %s) | per-test median | per-test max | peak RSS |\n' "$runs"
printf '|---|---|---|---|---|---|\n'
printf '| %s | %s | %.3f s | %.2f ms | %.2f ms | %.1f MB |\n' "$(basename "$corpus")" "$ntests" \
  "$total" "$median" "$max" "$(awk -v k="$rss_kb" 'BEGIN {print k / 1024}')"
echo
echo "slowest test: ${slowest#"$corpus"/} (${max} ms); per-test times exclude parsing and process start."
