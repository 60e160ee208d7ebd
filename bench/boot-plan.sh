#!/usr/bin/env bash
# Benchmark of the system model and boot plan (not a test). Quotes two figures for one SYSTEM hive:
#  1. in-process (JMH): open + model + boot plan;
#  2. whole process: `portmortem services --system HIVE --format csv > /dev/null` against
#     `regripper -r HIVE -p svc` on the same file (hyperfine if installed, else bash `time`).
# Usage: bench/boot-plan.sh [SYSTEM [SOFTWARE]]   (default: the largest corpus SYSTEM hive)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/bench/lib.sh"
hive="$(realpath "${1:-$here/../shared/corpus/hives/dissect-regf/SYSTEM}")"
software="${2:+$(realpath "$2")}"
need_file "$hive"
build_jars
echo "== in-process model and boot plan (JMH)"
java -jar "$benchjar" BootPlanBenchmark -p system="$hive" -p software="$software"
echo
echo "== whole process, output to /dev/null"
commands=("$here/portmortem services --system $hive --format csv")
command -v regripper >/dev/null && commands+=("regripper -r $hive -p svc")
compare "${commands[@]}"
