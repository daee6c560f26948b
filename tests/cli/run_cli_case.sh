#!/usr/bin/env bash
# One CLI case: run "$XMCHECK" ARGS..., require exit status STATUS and a stderr
# line matching STDERR_REGEX (grep -E).
#   usage: XMCHECK=path run_cli_case.sh STATUS STDERR_REGEX [ARGS...]
set -uo pipefail
xmcheck=${XMCHECK:?set XMCHECK to the xmcheck binary}
status=$1 regex=$2
shift 2
err=$(mktemp)
trap 'rm -f "$err"' EXIT
"$xmcheck" "$@" >/dev/null 2>"$err"
rc=$?
ok=1
if [[ $rc -ne $status ]]; then
  echo "exit status $rc, expected $status" >&2
  ok=0
fi
if ! grep -Eq -- "$regex" "$err"; then
  echo "stderr does not match /$regex/" >&2
  ok=0
fi
if [[ $ok -ne 1 ]]; then
  echo "--- command: $xmcheck $*" >&2
  echo "--- stderr:" >&2
  cat "$err" >&2
  exit 1
fi
echo "ok: xmcheck $* -> exit $rc"
