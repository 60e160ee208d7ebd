#!/usr/bin/env python3
"""Paired whole-process comparison (not a test): runs two commands N times each, alternating which goes
first, and prints both medians, the median of the paired differences and in how many pairs B was faster.

On this shared 2-core machine the speed of everything drifts by 10-20 % within minutes, so two hyperfine
blocks run one after the other can disagree by more than the effect being measured; alternating pairs
see the same drift. Usage: bench/paired.py 'COMMAND A' 'COMMAND B' [N=20]
"""
import statistics
import subprocess
import sys
import time


def timed(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    a, b = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    ta, tb = [], []
    for i in range(n):
        if i % 2 == 0:
            ta.append(timed(a))
            tb.append(timed(b))
        else:
            tb.append(timed(b))
            ta.append(timed(a))
    diffs = [x - y for x, y in zip(ta, tb)]
    print(f"A: {a}\nB: {b}")
    print(f"A median {statistics.median(ta) * 1000:.0f} ms, B median {statistics.median(tb) * 1000:.0f} ms;"
          f" A - B paired median {statistics.median(diffs) * 1000:+.0f} ms;"
          f" B faster in {sum(1 for d in diffs if d > 0)} of {n} pairs")


if __name__ == "__main__":
    main()
