#!/usr/bin/env python3
"""The search's shortcuts do not change results (docs/design.md).

For every DIR given (each with its suite.cfg options, if any), runs xmcheck
with --format jsonl and compares test by test:
  default vs --no-core-blocking: identical objects (states, counts, flags...);
  default vs --skeleton-search solver and direct: identical objects except the
    search statistics (Z3 or the direct enumeration finds the skeletons);
  default (one execution per state) vs --count-executions (every execution):
    identical states, verdicts, results and flags (docs/design.md, "Exact
    flags"); the default's witness counts count states (positive/negative =
    satisfying and other states).
DIR@OPT,OPT... adds xmcheck options; tests are found recursively. A trailing
!no-core-blocking (DIR!no-core-blocking or DIR@OPTS!no-core-blocking) leaves
out the --no-core-blocking run, for suites where blocking skeletons one at a
time is exponential (many-CPU tests); the comparison with every execution
still runs. Directories that do not exist are reported and skipped (the
external corpus).
  usage: XMCHECK=path/to/xmcheck run_search_modes.py DIR[@OPTIONS] [...]
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
XMCHECK = os.environ.get("XMCHECK", os.path.join(ROOT, "build", "frontend", "xmcheck"))


def suite_options(d):
    cfg = os.path.join(d, "suite.cfg")
    if not os.path.isfile(cfg):
        return []
    words = []
    with open(cfg) as f:
        for line in f:
            words += line.split("#", 1)[0].split()
    return words


def run(d, options, extra):
    tests = sorted(os.path.join(r, f) for r, _, fs in os.walk(d) for f in fs if f.endswith(".litmus"))
    if not tests:
        return {}
    p = subprocess.run([XMCHECK, "--format", "jsonl", "-q"] + extra + options + ["--"] + tests,
                       capture_output=True, text=True)
    out = {}
    for line in p.stdout.splitlines():
        o = json.loads(line)
        out[(o.get("file"), o.get("architecture"))] = o
    return out


def without_engine(options):
    """`options` without a --skeleton-search choice of the suite's own."""
    out, skip = [], False
    for o in options:
        if skip:
            skip = False
        elif o == "--skeleton-search":
            skip = True
        elif not o.startswith("--skeleton-search="):
            out.append(o)
    return out


def without_stats(o):
    """The result object without its search statistics (absent unless --stats)."""
    if o is None:
        return None
    return {k: v for k, v in o.items() if k != "stats"}


def main(dirs):
    failures = 0
    checked = 0
    present = [a for a in dirs if os.path.isdir(a.partition("!")[0].partition("@")[0])]
    if not present:
        print("search modes: skipped, none of the directories exists (is ../shared absent?)")
        return 77
    for arg in dirs:
        arg, bang, skipped = arg.partition("!")
        if bang and skipped != "no-core-blocking":
            print(f"search modes: unknown suffix !{skipped} in {arg}!{skipped}")
            return 2
        d, _, opts = arg.partition("@")
        if not os.path.isdir(d):
            print(f"skip {d}: not present")
            continue
        options = suite_options(d) + [o for o in opts.split(",") if o]
        base = run(d, options, [])
        no_cores = None if bang else run(d, options, ["--no-core-blocking"])
        # Every execution instead of one per state: a suite naming the default
        # (--states-only) would make that a usage error.
        every = run(d, [o for o in options if o != "--states-only"], ["--count-executions"])
        engines = {name: run(d, without_engine(options), ["--skeleton-search", name]) for name in ("solver", "direct")}
        for key, b in sorted(base.items(), key=lambda kv: (kv[0][0] or "", kv[0][1] or "")):
            checked += 1
            if no_cores is not None and without_stats(no_cores.get(key)) != without_stats(b):
                failures += 1
                print(f"FAIL {key}: --no-core-blocking differs")
                continue
            e = every.get(key)
            if e is None:
                failures += 1
                print(f"FAIL {key}: missing with --count-executions")
                continue
            differing = [n for n, got in engines.items() if without_stats(got.get(key)) != without_stats(b)]
            if differing:
                failures += 1
                print(f"FAIL {key}: --skeleton-search {'/'.join(differing)} differs")
                continue
            for field in ("states", "result", "validated", "verdict", "observation", "timed_out", "flags",
                          "undefined_behaviour"):
                if b.get(field) != e.get(field):
                    failures += 1
                    print(f"FAIL {key}: --count-executions changes {field}: {b.get(field)} -> {e.get(field)}")
                    break
            else:
                sat = sum(1 for st in e.get("states", []) if st["satisfies_condition"])
                counts = (b.get("positive"), b.get("negative"))
                if "states" in e and counts != (sat, len(e["states"]) - sat):
                    failures += 1
                    print(f"FAIL {key}: default counts {counts}, expected the states' {(sat, len(e['states']) - sat)}")
        print(f"search modes {d}: {len(base)} results compared")
    print(f"search modes: {checked} results, {failures} failures")
    if checked == 0:
        print("search modes: no tests found")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
