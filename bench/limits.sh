#!/usr/bin/env bash
# Large inputs in a small heap (not a test): makes a SYSTEM hive of HIVE_MB (default 500) megabytes
# from a real one (LargeSystemHive: device instances copied until the size is reached, every
# service SERVICE_COPIES times, default 10) and a netstat -anob listing of NETSTAT_MB (default 200) megabytes (make-netstat.py), both
# in a temporary folder that is removed afterwards, never committed; then runs `dump --format jsonl`,
# `services` and `listeners` on the hive and `netstat` on the listing through ./portmortem with
# -Xmx256m, and prints for each the exit code, user CPU seconds, wall seconds and peak RSS
# (/usr/bin/time -v). Output goes to /dev/null; stderr's last line is shown when a run fails.
# Then `services` and `listeners` on a second hive of the same size with every service copied
# MANY_SERVICE_COPIES (default 145) times: about 100,000 services, the model's worst case.
# Usage: bench/limits.sh [TEMPLATE-SYSTEM-HIVE [SOURCE-LISTING]]
#   HIVE=FILE / LISTING=FILE / MANY_SERVICES_HIVE=FILE use existing large inputs instead of making them;
#   MANY_SERVICE_COPIES=0 skips the second hive; HEAP=256m sets -Xmx.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/bench/lib.sh"
template="$(realpath "${1:-$here/../shared/corpus/hives/dissect-regf/SYSTEM}")"
source_listing="$(realpath "${2:-$here/../shared/corpus/netstat/jc-win10/netstat-aonb.out}")"
need_file "$template"
need_file "$source_listing"
build_jars
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
hive="${HIVE:-}"
if [ -z "$hive" ]; then
  hive="$tmp/SYSTEM"
  # The generator holds the whole output image in memory (HiveWriter builds it before writing).
  java -Xmx3g -cp "$benchjar" org.portmortem.bench.LargeSystemHive "$template" "$hive" "${HIVE_MB:-500}" "${SERVICE_COPIES:-10}"
fi
listing="${LISTING:-}"
if [ -z "$listing" ]; then
  listing="$tmp/netstat.out"
  "$here/bench/make-netstat.py" "$source_listing" "$listing" "${NETSTAT_MB:-200}"
fi
echo "hive:    $hive ($(du -h "$hive" | cut -f1))"
echo "listing: $listing ($(du -h "$listing" | cut -f1))"
# The launcher's own flags, with the heap limit added.
export PORTMORTEM_JAVA_OPTS="-Xmx${HEAP:-256m} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off"
echo "PORTMORTEM_JAVA_OPTS=$PORTMORTEM_JAVA_OPTS   load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-42s %5s %9s %9s %12s\n' command exit "user s" "wall s" "peak RSS MB"
run() {
  local name="$1"
  shift
  local rc=0
  /usr/bin/time -v -o "$tmp/time" "$here/portmortem" "$@" >/dev/null 2>"$tmp/err" || rc=$?
  local user wall rss
  user="$(awk -F': ' '/User time/ {print $2}' "$tmp/time")"
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$tmp/time")"
  rss="$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$tmp/time")"
  printf '%-42s %5s %9s %9s %12s\n' "$name" "$rc" "$user" "$wall" "$rss"
  if [ "$rc" -ne 0 ]; then
    grep -v '^\s*$' "$tmp/err" | grep -v 'Command exited' | tail -1 | cut -c1-200 | sed 's/^/    /'
  fi
}
run "dump --format jsonl" dump "$hive" --format jsonl
run "services --format csv" services --system "$hive" --format csv
run "listeners --format json" listeners --system "$hive" --format json
run "netstat --format json" netstat "$listing" --format json
if [ "${MANY_SERVICE_COPIES:-145}" != 0 ]; then
  many="${MANY_SERVICES_HIVE:-}"
  if [ -z "$many" ]; then
    many="$tmp/SYSTEM-many-services"
    java -Xmx3g -cp "$benchjar" org.portmortem.bench.LargeSystemHive "$template" "$many" "${HIVE_MB:-500}" "${MANY_SERVICE_COPIES:-145}"
  fi
  echo "hive with many services: $many ($(du -h "$many" | cut -f1))"
  run "services --format csv (many services)" services --system "$many" --format csv
  run "listeners --format json (many services)" listeners --system "$many" --format json
fi
