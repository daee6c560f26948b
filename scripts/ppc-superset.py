#!/usr/bin/env python3
"""Superset check for the Power corpora: xmcheck's states under a model must
include every state of herd's TEST.litmus.expected and of TEST.litmus.observed.

usage: scripts/ppc-superset.py XMCHECK MODEL DIR... [-j N]
Prints one line per failing test and a summary "parsed/executed/superset".
"""
import concurrent.futures, os, re, subprocess, sys

def states_of_block(text):
    out = set()
    lines = text.splitlines()
    for i, l in enumerate(lines):
        if l.startswith("States "):
            n = int(l.split()[1])
            for s in lines[i + 1:i + 1 + n]:
                out.add(norm(s))
            break
    return out

def norm(line):
    atoms = [a.strip() for a in line.strip().split(";") if a.strip()]
    return tuple(sorted(a.replace(" ", "") for a in atoms))

def check(args):
    xm, model, path = args
    try:
        r = subprocess.run([xm, "--model", model, path], capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return path, "timeout", None
    if r.returncode not in (0,):
        return path, "error", (r.stderr.strip().splitlines() or ["rc %d" % r.returncode])[0]
    got = states_of_block(r.stdout)
    missing = set()
    for suffix in (".expected", ".observed"):
        f = path + suffix
        if not os.path.exists(f):
            continue
        text = open(f).read()
        want = states_of_block(text) if suffix == ".expected" else {norm(l) for l in text.splitlines() if l.strip()}
        missing |= {s for s in want if s not in got}
    if missing:
        return path, "missing", "; ".join(" ".join(s) for s in sorted(missing)[:3])
    return path, "ok", None

def main():
    argv = sys.argv[1:]
    jobs = 2
    if "-j" in argv:
        i = argv.index("-j"); jobs = int(argv[i + 1]); del argv[i:i + 2]
    xm, model, dirs = argv[0], argv[1], argv[2:]
    tests = []
    for d in dirs:
        for root, _, files in os.walk(d):
            tests += [os.path.join(root, f) for f in files if f.endswith(".litmus")]
    tests.sort()
    counts = {"ok": 0, "missing": 0, "error": 0, "timeout": 0}
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        for path, status, detail in ex.map(check, [(xm, model, t) for t in tests]):
            counts[status] += 1
            if status != "ok":
                print(f"{status}: {path}: {detail}", flush=True)
    executed = counts["ok"] + counts["missing"]
    print(f"tests {len(tests)}: executed {executed}, superset {counts['ok']}, "
          f"missing {counts['missing']}, errors {counts['error']}, timeouts {counts['timeout']}")
    return 0 if counts["ok"] == len(tests) else 1

sys.exit(main())
