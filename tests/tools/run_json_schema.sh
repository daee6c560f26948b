#!/usr/bin/env bash
# Validates xmcheck's --format json and jsonl output against docs/json-schema.json
# (python3 + jsonschema): the examples, a subset of tests/regression/aarch64
# (with --witness --explain --stats), and malformed tests (error objects).
# Exits 77 (ctest SKIP_RETURN_CODE) when python3 or its jsonschema module is missing.
#   usage: XMCHECK=path/to/xmcheck run_json_schema.sh [REPO_ROOT]
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || exit 1
xmcheck=${XMCHECK:-$root/build/frontend/xmcheck}
schema=docs/json-schema.json

if ! command -v python3 >/dev/null; then
  echo "json.schema: python3 not found; skipped"
  exit 77
fi
if ! python3 -c 'import jsonschema' 2>/dev/null; then
  echo "json.schema: python3 module jsonschema not found (Debian: python3-jsonschema); skipped"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ls tests/regression/aarch64/*.litmus | LC_ALL=C sort | awk 'NR % 7 == 1' >"$tmp/subset.list"
sed -i "s|^|$root/|" "$tmp/subset.list"

failed=0
run() { # name, format, xmcheck args...
  local name=$1 format=$2
  shift 2
  "$xmcheck" --format "$format" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  local rc=$?
  if ((rc == 1 || rc == 3 || rc > 4)); then  # 2 and 4: rejected tests, reported as objects
    echo "FAIL $name: xmcheck exited with $rc"
    sed 's/^/    /' "$tmp/$name.err"
    failed=$((failed + 1))
    return
  fi
  if ! python3 - "$schema" "$format" "$tmp/$name.out" <<'PY'; then
import json, sys
import jsonschema
schema_path, fmt, out_path = sys.argv[1:4]
with open(schema_path) as f:
    schema = json.load(f)
validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
with open(out_path) as f:
    text = f.read()
if fmt == "json":
    documents = [json.loads(text)]
    validator = validator_class(schema)
else:
    documents = [json.loads(line) for line in text.splitlines()]
    sub = dict(schema)  # the same $defs, one test object at the root
    sub.pop("type"); sub.pop("items")
    sub["$ref"] = "#/$defs/test"
    validator = validator_class(sub)
count = 0
for doc in documents:
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    for e in errors[:5]:
        print("    %s: %s" % ("/".join(map(str, e.path)), e.message))
    if errors:
        sys.exit(1)
    count += len(doc) if fmt == "json" else 1
if count == 0:
    print("    no test objects")
    sys.exit(1)
print("    %d test objects valid" % count)
PY
    echo "FAIL $name: output does not match $schema"
    failed=$((failed + 1))
  else
    echo "ok $name"
  fi
}

run examples json examples
run examples-jsonl jsonl examples
run regression-subset json --witness --explain --stats "@$tmp/subset.list"
run regression-subset-jsonl jsonl --witness --explain "@$tmp/subset.list"
run malformed json tests/malformed/missing-brace.litmus tests/malformed/unknown-instruction.litmus \
  examples/mp.litmus tests/cli/no-such.litmus
echo "json.schema: $((5 - failed)) passed, $failed failed"
((failed == 0))
