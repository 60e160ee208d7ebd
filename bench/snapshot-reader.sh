#!/usr/bin/env bash
# Benchmark of the snapshot reader (not a test): builds large netstat -anob listings by repeating a
# real one with varied ports (in a temporary folder, never committed) and reads each in process
# (JMH, SnapshotReaderBenchmark) under -Xmx512m.
# Usage: bench/snapshot-reader.sh [SOURCE-LISTING [MEGABYTES...]]   (default: jc-win10, 19 and 60 MB)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/bench/lib.sh"
source_listing="$(realpath "${1:-$here/../shared/corpus/netstat/jc-win10/netstat-aonb.out}")"
shift || true
sizes=("${@:-19 60}")
need_file "$source_listing"
build_jars
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for mb in ${sizes[@]}; do
  "$here/bench/make-netstat.py" "$source_listing" "$tmp/netstat-$mb.out" "$mb"
  java -jar "$benchjar" SnapshotReaderBenchmark -jvmArgs -Xmx512m -p listing="$tmp/netstat-$mb.out"
done
