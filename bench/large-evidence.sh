#!/usr/bin/env bash
# Large evidence, whole process (not a test): what hashing costs and where the launcher's flags matter.
#  1. A raw NTFS disk image of IMAGE_GIB (default 3) GiB holding a corpus SYSTEM hive and random filler
#     (mkntfs, one ntfs-3g FUSE mount): `image` and `analyze` through the launcher (which keeps full
#     tiered compilation for a file over 512 MiB) against the same with the launcher's C1-only flags
#     forced, and `sha256sum` of the image as the peer for the hash alone; then `image` of the same
#     image split into 1 GiB segments (raw .001, .002, ...; IMAGE_GIB >= 3), hashed side by side.
#  2. A SYSTEM hive of HIVE_MB (default 100) MB made by LargeSystemHive from the same corpus hive (the
#     size of a real SOFTWARE hive): `analyze` through the launcher, and `regripper -f system` on it.
# Everything is made in a temporary folder, removed afterwards; nothing is committed.
# Usage: bench/large-evidence.sh [TEMPLATE-SYSTEM-HIVE]   (RUNS=N hyperfine runs, default 3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/bench/lib.sh"
template="$(realpath "${1:-$here/../shared/corpus/hives/dissect-regf/SYSTEM}")"
need_file "$template"
for t in mkntfs ntfs-3g fusermount hyperfine regripper sha256sum; do
  command -v "$t" >/dev/null || { echo "bench: $t is missing (apt-get install ntfs-3g fuse3 hyperfine regripper)" >&2; exit 2; }
done
build_jars
tmp="$(mktemp -d)"
trap 'fusermount -u "$tmp/mnt" 2>/dev/null || true; rm -rf "$tmp"' EXIT
pm="$here/portmortem"
c1="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedArchiveFile=$here/reports/target/portmortem.jsa"
runs="${RUNS:-3}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

img="$tmp/disk.raw"
truncate -s "${IMAGE_GIB:-3}G" "$img"
mkntfs -F -q -Q -L WIN "$img" >/dev/null 2>&1
mkdir -p "$tmp/mnt"
ntfs-3g "$img" "$tmp/mnt"
mkdir -p "$tmp/mnt/Windows/System32/config"
cp "$template" "$tmp/mnt/Windows/System32/config/SYSTEM"
# filler so that the image is mostly data, as a real one is (the hash reads every byte either way)
head -c "$(( (${IMAGE_GIB:-3} * 1024 - 256) ))M" /dev/urandom >"$tmp/mnt/pagefile.sys"
fusermount -u "$tmp/mnt"
echo "image: $img ($(du -h --apparent-size "$img" | cut -f1))"
hyperfine --warmup 0 --runs "$runs" --output=null --style basic \
  "$pm image $img" \
  "env PORTMORTEM_JAVA_OPTS='$c1' $pm image $img" \
  "$pm analyze $img -o $tmp/r.html --json $tmp/r.json" \
  "env PORTMORTEM_JAVA_OPTS='$c1' $pm analyze $img -o $tmp/r.html --json $tmp/r.json" \
  "sha256sum $img"
# the same image split into 1 GiB segments (disk.001, .002, ...), whose files are hashed side by side
split -b 1G -a 3 --numeric-suffixes=1 "$img" "$tmp/disk."
rm -f "$img"
hyperfine --warmup 0 --runs "$runs" --output=null --style basic \
  "$pm image $tmp/disk.001" \
  "sha256sum $tmp/disk.001 $tmp/disk.002 $tmp/disk.003"
rm -f "$tmp"/disk.0*

mkdir -p "$tmp/case"
java -Xmx3g -cp "$benchjar" org.portmortem.bench.LargeSystemHive "$template" "$tmp/case/SYSTEM" "${HIVE_MB:-100}" 1
hyperfine --warmup 1 --runs "$runs" --output=null --style basic \
  "$pm analyze $tmp/case -o $tmp/r.html --json $tmp/r.json --no-logs" \
  "regripper -r $tmp/case/SYSTEM -f system"
