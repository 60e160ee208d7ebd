#!/usr/bin/env bash
# Benchmark of the system model and boot plan (not a test). Quotes two figures for one SYSTEM hive:
#  1. in-process: open + model + boot plan, median of repeated runs after a warm-up;
#  2. whole process: `portmortem services --system HIVE --format csv > /dev/null` against
#     `regripper -r HIVE -p svc` on the same file (hyperfine if installed, else bash `time`).
# Usage: bench/boot-plan.sh [SYSTEM [SOFTWARE]]   (default: the largest corpus SYSTEM hive)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
hive="${1:-$here/../shared/corpus/hives/dissect-regf/SYSTEM}"
software="${2:-}"
jar="$here/reports/target/portmortem.jar"
if [ ! -f "$hive" ]; then
  echo "bench: no hive at $hive (give one as the argument)" >&2
  exit 2
fi
if [ ! -f "$jar" ]; then
  (cd "$here" && mvn -B -q -o -DskipTests package -pl reports -am)
fi
echo "== in-process model and boot plan"
java -cp "$jar" org.portmortem.bench.BootPlanBenchmark "$hive" $software 20
echo
echo "== whole process, output to /dev/null"
commands=("java -jar $jar services --system $hive --format csv")
command -v regripper >/dev/null && commands+=("regripper -r $hive -p svc")
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "${RUNS:-5}" --output=null --style basic "${commands[@]}"
else
  for c in "${commands[@]}"; do
    echo "$c"
    time (for _ in 1 2 3; do $c >/dev/null 2>&1; done)
  done
fi
