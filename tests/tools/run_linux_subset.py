#!/usr/bin/env python3
"""conformance.linux-subset: for every C test of the Linux corpus that xmcheck
can lower, each architecture's final states must be a SUBSET of herd7's LKMM
states (the .expected file): hardware under the kernel's mappings is at least
as strong as the Linux-kernel memory model. A state outside LKMM's set points
at a wrong lowering (axioms/*/*.lower) or a checker bug.

Folders are walked recursively (the lkmm collection has subfolders). One
xmcheck run checks them all (-j 0: one worker per core); each test has a
time limit (env SUBSET_TIMEOUT, seconds, default 20): the states a stopped
run found are still checked, and the run is counted as incomplete.

usage: XMCHECK=path run_linux_subset.py CORPUS_DIR    (exit 77: corpus absent)
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def state_key(line):
    """A state as a set of `loc=value` (herd orders C registers by name,
    xmcheck by declaration: the order is no part of a state). Values out of
    thin air, which herd names S<n> after an internal counter and xmcheck S0,
    are renamed S#1, S#2, ... in the order of the sorted locations."""
    atoms = sorted(a.strip() for a in line.split(";") if a.strip())
    names = {}
    out = []
    for atom in atoms:
        loc, _, value = atom.partition("=")
        if re.fullmatch(r"S[0-9]+", value):
            value = names.setdefault(value, f"S#{len(names) + 1}")
        out.append(f"{loc}={value}")
    return frozenset(out)


def herd_states(path):
    if not os.path.isfile(path):  # herd7 gave no result for this test
        return None
    lines = open(path, encoding="utf-8").read().splitlines()
    for i, line in enumerate(lines):
        if line.startswith("States "):
            n = int(line.split()[1])
            return {state_key(l) for l in lines[i + 1:i + 1 + n]}
    return None


def xmcheck_results(xmcheck, tests):
    """One xmcheck run over every test (-j: all cores); results by file."""
    limit = os.environ.get("SUBSET_TIMEOUT", "20")
    with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as f:
        f.write("\n".join(tests) + "\n")
        listing = f.name
    try:
        run = subprocess.run([xmcheck, "--arch", "all", "--format", "jsonl", "-q", "--timeout", limit,
                              "-j", "0", "@" + listing], capture_output=True, text=True, timeout=3600)
    finally:
        os.unlink(listing)
    by_file = {}
    for line in run.stdout.splitlines():
        if line.strip():
            r = json.loads(line)
            by_file.setdefault(r.get("file", ""), []).append(r)
    errors = {}
    for line in run.stderr.splitlines():
        path = line.split(":", 1)[0]
        errors.setdefault(path, line)
    return by_file, errors


def state_line(result, state):
    values = state["values"]
    return state_key(" ".join(f"{loc}={values[loc]};" for loc in result["observed"]))


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else ""
    xmcheck = os.environ.get("XMCHECK", "xmcheck")
    if not os.path.isdir(corpus):
        print(f"linux-subset: corpus {corpus!r} not found: skipped")
        return 77
    tests = sorted(os.path.relpath(os.path.join(d, f), corpus)
                   for d, _, files in os.walk(corpus) for f in files if f.endswith(".litmus"))
    checked = holds = incomplete = 0
    skipped, violations = [], []
    expected = {}
    for name in tests:
        states = herd_states(os.path.join(corpus, name) + ".expected")
        if states is None:
            skipped.append((name, "no herd7 result"))
        else:
            expected[name] = states
    paths = [os.path.join(corpus, name) for name in expected]
    by_file, errors = xmcheck_results(xmcheck, paths) if paths else ({}, {})
    for name, states in expected.items():
        path = os.path.join(corpus, name)
        results = by_file.get(path, [])
        for r in results:
            if "error" in r:
                msg = r["error"].split("error: ", 1)[-1]
                skipped.append((f"{name} [{r.get('target', r.get('architecture', '?'))}]", msg))
                continue
            checked += 1
            if r.get("timed_out") or r.get("unknown_reason"):
                incomplete += 1
            extra = sorted("; ".join(sorted(k)) + ";" for k in {state_line(r, s) for s in r["states"]} - states)
            if extra:
                violations.append((f"{name} [{r.get('target', r['architecture'])}]", extra))
            else:
                holds += 1
        if not results:
            skipped.append((name, errors.get(path, "no output")))
    for what, why in skipped:
        print(f"SKIP {what}: {why}")
    for what, extra in violations:
        print(f"VIOLATION {what}: states LKMM forbids: {' | '.join(extra)}")
    print(f"linux-subset: {len(tests)} tests, {checked} (test, arch) results checked, "
          f"{holds} subsets hold ({incomplete} of them from runs stopped by the time limit), "
          f"{len(violations)} violations, {len(skipped)} skipped")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
