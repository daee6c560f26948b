#!/usr/bin/env python3
"""Growth per added CPU from bench/kernel-all.sh output (Markdown tables).

For each shape and architecture: the largest N that completed (wall, peak
RSS, skeletons, solver calls) and least-squares fits of log(wall) and
log(skeletons) against log(N) over N >= NMIN (time ~ N^k, skeletons ~ N^j),
plus the measured ratio of the last two completed N.
  usage: bench/fit_growth.py RESULTS.md [NMIN]   (default NMIN 6)
"""
import math
import re
import sys


def fit(points):
    """Slope of log(y) against log(x); None with fewer than 2 points."""
    pts = [(math.log(x), math.log(y)) for x, y in points if y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    den = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / den if den else None


def main():
    path = sys.argv[1]
    nmin = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    shape = None
    rows = {}  # (shape, arch) -> [(n, wall, rss, skeletons, calls, verdict)]
    for line in open(path):
        m = re.match(r"#+ .*?(kernel[\w-]*)", line)  # kernel-all.sh's or kernel-results.md's headings
        if m:
            shape = m.group(1)
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if shape is None or len(cells) != 8 or not cells[0].isdigit():
            continue
        n, arch, _mode, verdict, sk, calls, wall, rss = cells
        rows.setdefault((shape, arch), []).append(
            (int(n), float(wall.split()[0]), float(rss.split()[0]), int(sk or 0), int(calls or 0), verdict))
    print("| shape | arch | largest N | wall | RSS | skeletons | solver calls | time ~ | skeletons ~ | x, last step |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for (sh, arch), rs in rows.items():
        done = [r for r in rs if r[5] not in ("timeout",) and not r[5].startswith("error")]
        if not done:
            continue
        last = done[-1]
        tail = [r for r in done if r[0] >= nmin]
        k = fit([(r[0], r[1]) for r in tail])
        j = fit([(r[0], r[3]) for r in tail])
        step = done[-1][1] / done[-2][1] if len(done) > 1 and done[-2][1] > 0 else None
        fmt = lambda v: "n/a" if v is None else f"{v:.2f}"
        timed_out = " (then timeout)" if len(done) < len(rs) else ""
        print(f"| {sh} | {arch} | {last[0]}{timed_out} | {last[1]:.2f} s | {last[2]:.0f} MB | {last[3]:,} | "
              f"{last[4]:,} | N^{fmt(k)} | N^{fmt(j)} | {fmt(step)} |")


if __name__ == "__main__":
    main()
