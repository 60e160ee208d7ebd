#!/usr/bin/env bash
# Benchmark of the snapshot reader (not a test): builds large netstat -anob listings by repeating a
# real one with varied ports (in a temporary folder, never committed) and reads each with
# org.portmortem.bench.SnapshotReaderBenchmark under -Xmx512m.
# Usage: bench/snapshot-reader.sh [SOURCE-LISTING [MEGABYTES...]]   (default: jc-win10, 19 and 60 MB)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source="${1:-$here/../shared/corpus/netstat/jc-win10/netstat-aonb.out}"
shift || true
sizes=("${@:-19 60}")
jar="$here/reports/target/portmortem.jar"
[ -f "$jar" ] || (cd "$here" && mvn -B -q -o -DskipTests package -pl reports -am)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for mb in ${sizes[@]}; do
  "$here/bench/make-netstat.py" "$source" "$tmp/netstat-$mb.out" "$mb"
  java -Xmx512m -cp "$jar" org.portmortem.bench.SnapshotReaderBenchmark "$tmp/netstat-$mb.out" "${RUNS:-5}"
done
