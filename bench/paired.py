#!/usr/bin/env python3
"""Paired whole-process comparison (not a test): runs two commands N times each, alternating which goes
first, and prints both medians, the median of the paired differences and in how many pairs B was faster,
for the wall time and for the CPU time (user + system) of each run and its children.

On this shared 2-core machine the speed of everything drifts by 10-50 % within minutes, so two hyperfine
blocks run one after the other can disagree by more than the effect being measured; alternating pairs
see the same drift. CPU time drifts less than wall time, and on two busy processors the CPU a change
saves anywhere is mostly wall time saved. Usage: bench/paired.py 'COMMAND A' 'COMMAND B' [N=20]

With --medians first, one unmeasured pair is run as a warm-up, then N alternated pairs, and only the two
wall-time medians are printed, in seconds ("0.231 0.185"): how bench/peers.sh times each comparison.
"""
import resource
import statistics
import subprocess
import sys
import time


def timed(cmd):
    """Wall seconds and CPU seconds (user + system of the finished children) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def summary(what, ta, tb):
    diffs = [x - y for x, y in zip(ta, tb)]
    return (f"{what}: A median {statistics.median(ta) * 1000:.0f} ms, B median {statistics.median(tb) * 1000:.0f} ms;"
            f" A - B paired median {statistics.median(diffs) * 1000:+.0f} ms;"
            f" B less in {sum(1 for d in diffs if d > 0)} of {len(diffs)} pairs")


def main():
    args = sys.argv[1:]
    medians_only = bool(args) and args[0] == "--medians"
    if medians_only:
        args = args[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    a, b = args[0], args[1]
    n = int(args[2]) if len(args) > 2 else 20
    if medians_only:
        timed(a)
        timed(b)
    runs = ([], [])  # A's, B's: (wall, CPU) per run
    for i in range(n):
        for which in ((0, 1) if i % 2 == 0 else (1, 0)):
            runs[which].append(timed((a, b)[which]))
    if medians_only:
        print(f"{statistics.median(w for w, _ in runs[0]):.3f} {statistics.median(w for w, _ in runs[1]):.3f}")
        return
    print(f"A: {a}\nB: {b}")
    print(summary("wall", [w for w, _ in runs[0]], [w for w, _ in runs[1]]))
    print(summary("CPU ", [c for _, c in runs[0]], [c for _, c in runs[1]]))


if __name__ == "__main__":
    main()
