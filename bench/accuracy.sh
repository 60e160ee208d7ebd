#!/usr/bin/env bash
# The README's Accuracy table: every real listing of ../shared/corpus that `analyze` accepts, each with
# the corpus SYSTEM hive of its Windows family (no listing has its own machine's hive in the corpus).
# Prints one tab-separated row per listing: sockets explained / unexplained / artefact, the unexplained
# sockets a rule judged as from another machine, findings high / medium / low / info, machineMatch.
#
#   bench/accuracy.sh [JAR]        (default: reports/target/portmortem.jar; build it with
#                                   mvn -B -q -pl reports -am package -DskipTests)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${1:-$here/reports/target/portmortem.jar}
corpus=${CORPUS:-$here/../shared/corpus}
hives=$corpus/hives
net=$corpus/netstat
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# hive <TAB> listing[,second listing of the same case]
pairs=$(cat <<PAIRS
dissect-regf/SYSTEM	jc-win10/netstat-an.out
dissect-regf/SYSTEM	jc-win10/netstat-aon.out
dissect-regf/SYSTEM	jc-win10/netstat-aonb.out
dissect-regf/SYSTEM	jc-win10/netstat.out
dissect-regf/SYSTEM	velociraptor/NetstatEnriched_Netstat.json
dissect-regf/SYSTEM	memory/msticpy-velociraptor/Windows.Network.Netstat.json
dissect-regf/SYSTEM	memory/seanlengwx-4014/netscan_output.txt
dissect-regf/SYSTEM	memory/ram-image-soysal/netscan.txt
dissect-regf/SYSTEM	memory/suninatas-level30/windows.netscan.txt
dissect-regf/SYSTEM	memory/jerseyctf-recent-memory/windows.netstat.txt
regipy/SYSTEM_B	memory/autovol3-base-rd01/netscan.csv
regipy/SYSTEM_B	memory/autovol3-base-rd01/netscan-backup.csv
regipy/SYSTEM_B	memory/autovol3-base-rd01/netstat.csv
regipy/SYSTEM	memory/otterctf-alexisauriac/netscan.txt
bcc-m57/SYSTEM	memory/cridex-phr-model/sockscan.txt,memory/cridex-phr-model/connections.txt
bcc-m57/SYSTEM	memory/cridex-shehacks-kca/sockets.txt,memory/cridex-shehacks-kca/connscan.txt
PAIRS
)
printf 'hive\tlisting\texplained\tunexplained\tartefact\tother-machine\thigh\tmedium\tlow\tinfo\tmachineMatch\n'
n=0
while IFS=$'\t' read -r hive listings; do
    n=$((n + 1))
    args=()
    IFS=, read -ra files <<<"$listings"
    for f in "${files[@]}"; do args+=(--snapshot "$net/$f"); done
    json=$out/$n.json
    if ! java -jar "$jar" analyze --system "$hives/$hive" "${args[@]}" --json "$json" -o "$out/$n.html" \
        --timestamp 2026-01-01T00:00:00Z >"$out/$n.log" 2>&1; then
        # exit 1 only means findings at or above --fail-on (none given): anything else is a refusal
        if [ ! -s "$json" ]; then
            printf '%s\t%s\trefused: %s\n' "$hive" "$listings" "$(tail -1 "$out/$n.log")"
            continue
        fi
    fi
    jq -r --arg hive "$hive" --arg listing "$listings" '
        [.observed.snapshots[].sockets[]] as $s
        | [.findings[] | select(.id | startswith("observed.unexplained")) | select(.id | endswith(":other-machine"))] as $other
        | [$hive, $listing,
           ([$s[] | select(.verdict == "explained")] | length),
           ([$s[] | select(.verdict == "unexplained")] | length),
           ([$s[] | select(.verdict == "artefact")] | length),
           ([$other[].sockets[]] | length),
           .findingCounts.high, .findingCounts.medium, .findingCounts.low, .findingCounts.info,
           ([.observed.snapshots[].machineMatch.verdict] | join("/"))]
        | @tsv' "$json"
done <<<"$pairs"
