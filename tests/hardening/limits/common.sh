# Helpers shared by the tests/hardening/limits scripts (sourced).
#   run_timed OUT ERR CMD...: runs CMD (under `timeout 120`), sets $rc and $elapsed_ms.
#   max_rss_kb OUT ERR CMD...: like run_timed, also sets $rss_kb (-1 without /usr/bin/time).
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$root" || exit 1
xmcheck=${XMCHECK:?set XMCHECK to the xmcheck binary}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok=1

run_timed() {
  local out=$1 err=$2
  shift 2
  local start end
  start=$(date +%s%N)
  timeout 120 "$@" >"$out" 2>"$err"
  rc=$?
  end=$(date +%s%N)
  elapsed_ms=$(((end - start) / 1000000))
}

max_rss_kb() {
  local out=$1 err=$2
  shift 2
  if [[ -x /usr/bin/time ]]; then
    run_timed "$out" "$err" /usr/bin/time -o "$tmp/rss" -f '%M' "$@"
    rss_kb=$(tail -1 "$tmp/rss" | tr -cd '0-9')
    [[ -n $rss_kb ]] || rss_kb=-1
  else
    run_timed "$out" "$err" "$@"
    rss_kb=-1
  fi
}

fail() {
  echo "FAIL: $*"
  ok=0
}

# expect_status WHAT WANT: compares $rc.
expect_status() {
  [[ $rc -eq $2 ]] || fail "$1: exit status $rc, expected $2"
}

# expect_line WHAT FILE REGEX: some line of FILE matches REGEX (grep -E).
expect_line() {
  grep -Eq -- "$3" "$2" || { fail "$1: no line matches /$3/ in:"; sed 's/^/    /' "$2" | head -20; }
}

# expect_no_line WHAT FILE REGEX
expect_no_line() {
  ! grep -Eq -- "$3" "$2" || { fail "$1: a line matches /$3/:"; grep -E -- "$3" "$2" | head -5 | sed 's/^/    /'; }
}

finish() {
  ((ok)) && echo "ok: $1" || { echo "FAILED: $1"; exit 1; }
}
