#!/usr/bin/env bash
# Benchmark of the regf hive reader (not a test). Quotes two figures for one hive:
#  1. in-process: open + full traversal with every value decoded, MB of hive per second;
#  2. whole process: `portmortem dump --format jsonl HIVE > /dev/null` against `reglookup HIVE` and
#     `hivexml HIVE` on the same file in the same run (hyperfine if installed, else bash `time`).
# Usage: bench/hive-reader.sh [HIVE]   (default: the largest corpus SYSTEM hive)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
hive="${1:-$here/../shared/corpus/hives/dissect-regf/SYSTEM}"
jar="$here/reports/target/portmortem.jar"
if [ ! -f "$hive" ]; then
  echo "bench: no hive at $hive (give one as the argument)" >&2
  exit 2
fi
if [ ! -f "$jar" ]; then
  (cd "$here" && mvn -B -q -o -DskipTests package -pl reports -am)
fi
echo "== in-process traversal"
java -cp "$jar" org.portmortem.bench.HiveTraversalBenchmark "$hive" 20
echo
echo "== whole process, output to /dev/null"
commands=("java -jar $jar dump --format jsonl $hive")
command -v reglookup >/dev/null && commands+=("reglookup $hive")
command -v hivexml >/dev/null && commands+=("hivexml $hive")
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs "${RUNS:-10}" --output=null --style basic "${commands[@]}"
else
  for c in "${commands[@]}"; do
    echo "$c"
    time (for _ in 1 2 3 4 5; do $c >/dev/null 2>&1; done)
  done
fi
