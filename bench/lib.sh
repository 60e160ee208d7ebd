# Shared by the bench/*.sh scripts: the jars, and one way to compare whole processes.
benchjar="$here/bench/target/benchmarks.jar"

need_file() {
  if [ ! -f "$1" ]; then
    echo "bench: no file at $1 (give one as the argument)" >&2
    exit 2
  fi
}

# The product jar (through the launcher, which builds it and its class-data archive) and the JMH jar.
build_jars() {
  "$here/portmortem" --version >/dev/null
  [ -f "$benchjar" ] || (cd "$here" && mvn -B -q -o -DskipTests package -pl bench -am)
}

# Whole processes side by side in one run, output to /dev/null: hyperfine when installed
# (apt-get install hyperfine), else bash `time` over five runs each.
compare() {
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup "${WARMUP:-2}" --runs "${RUNS:-10}" --output=null --style basic "$@"
  else
    for c in "$@"; do
      echo "$c"
      time (for _ in 1 2 3 4 5; do $c >/dev/null 2>&1; done)
    done
  fi
}
