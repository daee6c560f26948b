#!/usr/bin/env bash
# Every many-CPU benchmark shape (bench/kernel*.sh), N = 1..NMAX each, one
# Markdown table per shape under a heading. Same environment variables as the
# shapes (bench/kernel-lib.sh: XMCHECK, TIMEOUT, ARCHS, MODES).
#   usage: bench/kernel-all.sh [NMAX]   (default 5)
set -euo pipefail
dir=$(dirname "$0")
nmax=${1:-5}
for shape in kernel kernel-kick-idle kernel-membarrier-mp kernel-textpoke; do
  printf '### %s (`bench/%s.sh %s`)\n\n' "$shape" "$shape" "$nmax"
  bash "$dir/$shape.sh" "$nmax"
  echo
done
