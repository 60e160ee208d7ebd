#!/usr/bin/env bash
# Whole-process comparison with the peer tools on the same hives in the same run (not a test): every
# ported SYSTEM plugin `rip -p P --no-logs` against `regripper -r HIVE -p P`, `rip -f system` against
# `regripper -f system`, and `dump --format jsonl` against `reglookup` and `hivexml`, on each hive given
# (default: the four largest SYSTEM hives of ../shared/corpus); `analyze` of the last hive alone against
# `regripper -f system`, and of the XP reference system's regf pair against RegRipper's two profiles. A CSV
# of median wall times (seconds) in $OUT (default /tmp/portmortem-peers.csv), and a table of them.
# Usage: RUNS=5 bench/peers.sh [HIVE...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/bench/lib.sh"
corpus="$here/../shared/corpus/hives"
hives=("$@")
if [ ${#hives[@]} -eq 0 ]; then
  hives=("$corpus/regipy/SYSTEM_WIN_10_1709" "$corpus/regipy/SYSTEM_B" "$corpus/regipy/SYSTEM" "$corpus/dissect-regf/SYSTEM")
fi
out="${OUT:-/tmp/portmortem-peers.csv}"
"$here/portmortem" --version >/dev/null
pm="$here/portmortem"
# Plugins RegRipper itself has (PortMortem's own additions have no peer to compare with).
plugins=()
while read -r name types rest; do
  case "$rest" in *"(PortMortem addition)"*) continue ;; esac
  case "$types" in *SYSTEM*) plugins+=("$name") ;; esac
done < <("$pm" rip --list)
echo "hive,command,portmortem_s,peer,peer_s" >"$out"
# Each comparison: RUNS (default 5) runs of each command alternated with the other's after one warm-up
# run of each, and the median wall time of each (bench/paired.py --medians): on this machine, whose
# speed drifts within minutes, two blocks of runs one after the other (hyperfine's way) and their means
# let one slow phase or one slow run decide a ratio. Times include starting the command's shell, about
# a millisecond, for both.
pair() { # hive label portmortem-command peer-name peer-command
  local a b
  read -r a b < <(python3 "$here/bench/paired.py" --medians "$3" "$5" "${RUNS:-5}") || return 0
  echo "$1,$2,$a,$4,$b" >>"$out"
}
for h in "${hives[@]}"; do
  need_file "$h"
  name="$(basename "$(dirname "$h")")/$(basename "$h")"
  for p in "${plugins[@]}"; do
    pair "$name" "rip -p $p" "$pm rip -r $h -p $p --no-logs" "regripper -p $p" "regripper -r $h -p $p"
  done
  pair "$name" "rip -f system" "$pm rip -r $h -f system --no-logs" "regripper -f system" "regripper -r $h -f system"
  pair "$name" "dump --format jsonl" "$pm dump $h --format jsonl --no-logs" "reglookup" "reglookup $h"
  pair "$name" "dump --format jsonl" "$pm dump $h --format jsonl --no-logs" "hivexml" "hivexml $h"
done
# analyze of the last hive alone (a case folder of SYSTEM only: the corpus has no SOFTWARE hive) against
# RegRipper's SYSTEM profile on the same file: the SYSTEM half of the pair comparison below, at a real
# Windows 10 hive's size.
alone="$(mktemp -d)"
mkdir -p "$alone/case"
cp "${hives[-1]}" "$alone/case/SYSTEM"
pair "$(basename "$(dirname "${hives[-1]}")")/$(basename "${hives[-1]}") alone" "analyze (html + json)" \
  "$pm analyze $alone/case -o $alone/r.html --json $alone/r.json --no-logs" \
  "regripper -f system" "regripper -r ${hives[-1]} -f system"
rm -rf "$alone"
# analyze of a SYSTEM + SOFTWARE pair against RegRipper's two profiles on the same pair. The corpus
# holds no SOFTWARE hive, so the pair is the Windows XP reference system written as binary hives.
pairdir="$(mktemp -d)"
mkdir -p "$pairdir/case"
for h in SYSTEM SOFTWARE; do
  "$pm" convert "$here/fixtures/winxp-default/$h.reg" "$pairdir/case/$h" --timestamp 2020-01-01T00:00:00Z >/dev/null
done
pair "winxp-default (regf pair)" "analyze (html + json)" \
  "$pm analyze $pairdir/case -o $pairdir/r.html --json $pairdir/r.json --no-logs" \
  "regripper -f system + -f software" \
  "bash -c 'regripper -r $pairdir/case/SYSTEM -f system; regripper -r $pairdir/case/SOFTWARE -f software'"
rm -rf "$pairdir"
python3 - "$out" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
slower = [r for r in rows if float(r["portmortem_s"]) > float(r["peer_s"])]
for r in rows:
    ratio = float(r["portmortem_s"]) / float(r["peer_s"])
    print(f'{r["hive"]:32} {r["command"]:24} {float(r["portmortem_s"]):7.3f} s  {r["peer"]:20} {float(r["peer_s"]):7.3f} s  x{ratio:5.2f}')
print(f"{len(slower)} of {len(rows)} pairs: PortMortem slower than the peer")
PY
