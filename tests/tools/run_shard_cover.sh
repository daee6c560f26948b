#!/usr/bin/env bash
# --shard I/N: N shard runs over DIR together print every test of DIR exactly
# once, with the same result blocks as the unsharded run (compared as sorted
# sets of blocks), and each shard is non-empty when DIR has >= N tests.
#   usage: XMCHECK=path/to/xmcheck run_shard_cover.sh DIR [N] [xmcheck options...]
set -uo pipefail
dir=${1:?usage: run_shard_cover.sh DIR [N] [options...]}
n=${2:-3}
shift $(($# >= 2 ? 2 : 1))
root=$(cd "$(dirname "$0")/../.." && pwd)
xmcheck=${XMCHECK:-$root/build/frontend/xmcheck}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One line per result block (its lines joined by \x1f), sorted.
blocks() { awk 'BEGIN { RS = ""; FS = "\n"; OFS = "\x1f" } { $1 = $1; print }' | LC_ALL=C sort; }

"$xmcheck" "$@" "$dir" >"$tmp/all" || { echo "shard: unsharded run failed"; exit 1; }
blocks <"$tmp/all" >"$tmp/all.blocks"
: >"$tmp/shards.blocks"
ok=1
for ((i = 1; i <= n; i++)); do
  "$xmcheck" "$@" --shard "$i/$n" "$dir" >"$tmp/shard$i" || { echo "shard $i/$n failed"; ok=0; }
  count=$(grep -c '^Test ' "$tmp/shard$i")
  echo "shard $i/$n: $count tests"
  ((count > 0)) || { echo "shard $i/$n is empty"; ok=0; }
  blocks <"$tmp/shard$i" >>"$tmp/shards.blocks"
done
LC_ALL=C sort -o "$tmp/shards.blocks" "$tmp/shards.blocks"
total=$(wc -l <"$tmp/all.blocks")
if ! cmp -s "$tmp/all.blocks" "$tmp/shards.blocks"; then
  echo "shards differ from the unsharded run (- unsharded, + shards):"
  diff "$tmp/all.blocks" "$tmp/shards.blocks" | tr '\037' ' ' | head -20
  ok=0
fi
dups=$(grep '^Test ' "$tmp"/shard* -h | sort | uniq -d | wc -l)
((dups == 0)) || { echo "$dups Test lines appear in more than one shard"; ok=0; }
((ok)) && echo "shard: $n shards cover the $total tests of $dir exactly once" || exit 1
