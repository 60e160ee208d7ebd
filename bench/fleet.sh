#!/usr/bin/env bash
# Fleet benchmark (not a test): N generated hosts (default 200, flat case folders written by
# org.portmortem.bench.FleetGenerator from the reference systems), side by side in one run:
#  1. `./portmortem fleet` (embedded engine, one JVM, workers = cores), run as users run it: through
#     the launcher (its flags and class-data archive), the heap capped at 1 GB (JAVA_TOOL_OPTIONS);
#  2. a shell loop of `./portmortem analyze HOST --json ...` (one JVM per host, the launcher's flags);
#  3. a shell loop of `regripper -r SYSTEM -f system` plus `regripper -r SOFTWARE -f software`.
# Each is timed with /usr/bin/time -v: wall time, hosts per second and peak resident memory (for a
# loop, the largest single process). LOOP_HOSTS=K runs the two loops on the first K hosts only
# (their rate is per host, so it is comparable; the output says so).
# FLEET_ONLY=1 measures the embedded engine alone.
# Usage: bench/fleet.sh [N]      e.g. LOOP_HOSTS=50 bench/fleet.sh 200
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-200}"
loop_hosts="${LOOP_HOSTS:-$n}"
source "$here/bench/lib.sh"
build_jars
work="$(mktemp -d "${TMPDIR:-/tmp}/portmortem-fleet-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
java -cp "$benchjar" org.portmortem.bench.FleetGenerator "$n" "$work/fleet" --flat --fixtures "$here/fixtures" >/dev/null
hosts=("$work"/fleet/*/)
loop=("${hosts[@]:0:$loop_hosts}")
echo "fleet of $n hosts in $work/fleet ($(du -sh "$work/fleet" | cut -f1)); loops on ${#loop[@]} hosts; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

measure() { # name hosts command...
  local name="$1" count="$2"; shift 2
  /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/err.txt" || { echo "$name failed:"; cat "$work/err.txt"; return 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$work/time.txt")
  printf '%-44s %5d hosts %9.1f s %8.2f hosts/s  peak %6.0f MB\n' "$name" "$count" "$wall" \
      "$(echo "$count / $wall" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}

measure "./portmortem fleet (embedded, -Xmx1g)" "$n" \
    env JAVA_TOOL_OPTIONS=-Xmx1g "$here/portmortem" fleet "$work/fleet" --out "$work/out" --force
if [ -n "${FLEET_ONLY:-}" ]; then exit 0; fi
measure "loop: ./portmortem analyze --json" "${#loop[@]}" bash -c '
  for h in "$@"; do "'"$here"'/portmortem" analyze "$h" -o "'"$work"'/a.html" --json "'"$work"'/a.json" >/dev/null; done' _ "${loop[@]}"
if command -v regripper >/dev/null; then
  measure "loop: regripper -f system + -f software" "${#loop[@]}" bash -c '
    for h in "$@"; do regripper -r "$h/SYSTEM" -f system >/dev/null 2>&1; regripper -r "$h/SOFTWARE" -f software >/dev/null 2>&1; done' _ "${loop[@]}"
fi
