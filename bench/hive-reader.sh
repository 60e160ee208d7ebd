#!/usr/bin/env bash
# Benchmark of the regf hive reader (not a test). Quotes two figures for one hive:
#  1. in-process (JMH): open + full traversal with every value decoded;
#  2. whole process: `portmortem dump --format jsonl HIVE > /dev/null` against `reglookup HIVE` and
#     `hivexml HIVE` on the same file in the same run (hyperfine if installed, else bash `time`).
# Usage: bench/hive-reader.sh [HIVE]   (default: the largest corpus SYSTEM hive)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/bench/lib.sh"
hive="$(realpath "${1:-$here/../shared/corpus/hives/dissect-regf/SYSTEM}")"
need_file "$hive"
build_jars
echo "== in-process traversal (JMH)"
java -jar "$benchjar" HiveTraversalBenchmark -p hive="$hive"
echo
echo "== whole process, output to /dev/null"
commands=("$here/portmortem dump --format jsonl $hive")
command -v reglookup >/dev/null && commands+=("reglookup $hive")
command -v hivexml >/dev/null && commands+=("hivexml $hive")
compare "${commands[@]}"
