#!/usr/bin/env bash
# Benchmark of the .reg reader (not a test): builds .reg files of deep key ladders (in a temporary
# folder, never committed) with bench/make-reg-ladder.py and times `portmortem dump FILE --key Select`
# on each, which reads the whole file into a hive and prints one key: wall time and peak memory
# (GNU time's maximum resident set size) per size and depth.
# Usage: bench/reg-reader.sh ["MB:DEPTH"...]   (default: 5:1000 10:1000 20:1000 10:10000 20:10000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cases=("${@:-5:1000 10:1000 20:1000 10:10000 20:10000}")
jar="$here/reports/target/portmortem.jar"
[ -f "$jar" ] || (cd "$here" && mvn -B -q -o -DskipTests package -pl reports -am)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
printf '%-8s %-7s %-10s %-10s %s\n' MB DEPTH KEYS SECONDS PEAK-RSS-MB
for c in ${cases[@]}; do
  mb="${c%%:*}"; depth="${c##*:}"
  f="$tmp/ladder-$mb-$depth.reg"
  "$here/bench/make-reg-ladder.py" "$f" "$mb" "$depth"
  keys=$(( $(grep -c '^\[' "$f") * depth ))
  /usr/bin/time -f '%e %M' -o "$tmp/time" java ${JAVA_OPTS:--Xmx4g} -jar "$jar" dump "$f" --key Select >/dev/null \
      2>"$tmp/err" || echo "  (failed: $(grep -m1 -v "^\s*at " "$tmp/err"))"
  read -r secs kb < <(tail -n 1 "$tmp/time")
  printf '%-8s %-7s %-10s %-10s %s\n' "$(du -m "$f" | cut -f1)" "$depth" "$keys" "$secs" "$((kb / 1024))"
done
