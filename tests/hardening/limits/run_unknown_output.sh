#!/usr/bin/env bash
# No silent incomplete answer: when the solver gives up (forced with a tiny
# --solver-rlimit), the verdict is Unknown with the reason on stderr, exit 5,
# in herd and JSON output (valid against docs/json-schema.json). And with
# --format json, stdout stays one valid JSON document when a model cannot be
# loaded or a --variant is unknown.
#   usage: XMCHECK=path/to/xmcheck run_unknown_output.sh
source "$(dirname "$0")/common.sh"

run_timed "$tmp/out" "$tmp/err" "$xmcheck" --solver-rlimit 1 examples/mp.litmus
expect_status "solver unknown" 5
expect_line "solver unknown stderr" "$tmp/err" '^examples/mp\.litmus: warning: the solver answered unknown \(no reason given; a solver rlimit is set\): states may be missing, verdict Unknown$'
expect_line "solver unknown" "$tmp/out" '^States 0 \(incomplete\)$'
expect_line "solver unknown" "$tmp/out" '^Observation mp Unknown$'
expect_no_line "solver unknown" "$tmp/out" '^(Ok|No)$'

have_schema=0
python3 -c 'import jsonschema' 2>/dev/null && have_schema=1
# check_json FILE PYTHON-ASSERTIONS: FILE is one JSON document (schema-valid when
# jsonschema is installed) and `doc` satisfies the assertions.
check_json() {
  python3 - "$1" docs/json-schema.json "$have_schema" "$2" <<'PY' || fail "JSON check of $1: $2"
import json, sys
path, schema_path, have_schema, assertions = sys.argv[1:5]
doc = json.load(open(path))
if have_schema == "1":
    import jsonschema
    schema = json.load(open(schema_path))
    jsonschema.validators.validator_for(schema)(schema).validate(doc)
exec(assertions)
PY
}

run_timed "$tmp/out" "$tmp/err" "$xmcheck" --solver-rlimit 1 --format json examples/mp.litmus tests/regression/c/MP+o-o.litmus
expect_status "solver unknown, json" 5
check_json "$tmp/out" '
assert len(doc) == 5, doc  # mp (asm), MP+o-o on x86, arm64, powerpc, riscv
for t in doc:
    assert t["result"] == t["verdict"] == t["observation"] == "Unknown", t
    assert t["unknown_reason"] == "solver-unknown" and not t["timed_out"], t'

run_timed "$tmp/out" "$tmp/err" "$xmcheck" --timeout 0.5 --stats --format json tests/hardening/limits/many-coherence-orders.litmus
expect_status "timeout, json" 5
check_json "$tmp/out" '
t = doc[0]
assert t["result"] == "Unknown" and t["unknown_reason"] == "timeout" and t["timed_out"], t
assert t["stats"]["candidates"] > 0 and t["stats"]["skeletons"] > 0, t["stats"]'

run_timed "$tmp/out" "$tmp/err" "$xmcheck" --format json examples/mp.litmus
check_json "$tmp/out" 'assert "unknown_reason" not in doc[0] and doc[0]["observation"] == "Sometimes"'

# Run-stopping errors keep stdout one JSON document.
run_timed "$tmp/out" "$tmp/err" "$xmcheck" --format json --model no-such.cat examples/mp.litmus
expect_status "missing model, json" 3
expect_line "missing model" "$tmp/err" '^no-such\.cat: error: cannot open model file'
check_json "$tmp/out" 'assert doc == []'
run_timed "$tmp/out" "$tmp/err" "$xmcheck" --format json --model README.md examples/mp.litmus
expect_status "malformed model, json" 3
check_json "$tmp/out" 'assert doc == []'
run_timed "$tmp/out" "$tmp/err" "$xmcheck" --format json --variant nosuch examples/mp.litmus
expect_status "unknown variant, json" 1
check_json "$tmp/out" 'assert doc == []'
finish "incomplete answers are Unknown"
