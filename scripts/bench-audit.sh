#!/usr/bin/env bash
# Audit benchmark: the whole audit through the CLI in a fresh JVM (wall, CPU, peak memory),
# on a provider checkout and on synthetic providers of 50, 200 and 800 extra connectors.
# The CLI relaunches itself in a tuned JVM (TunedJvm); "untuned" keeps it in the first one.
# usage: scripts/bench-audit.sh [PROVIDER_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/tfaudit.jar ] || ./mvnw -q package -DskipTests
JAR=target/tfaudit.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() { # label provider [jvm options]
  /usr/bin/time -f "  $1: wall %e s, cpu %U+%S s, peak RSS %M KB" -o "$work/time" \
    java -Xmx1g ${3:-} -jar $JAR audit --provider "$2" --results "$work/results" --fail-on none >"$work/out" 2>/dev/null
  echo "$(cat "$work/time") — $(tail -1 "$work/out")"
}
if [ $# -gt 0 ]; then
  echo "== $1"
  for _ in $(seq "${2:-1}"); do
    measure tuned "$1"
    measure untuned "$1" -Dtfaudit.tunedJvm=false
  done
fi
for n in 50 200 800; do
  java -cp $JAR io.tfaudit.bench.SyntheticProvider "$n" "$work/p$n" > /dev/null
  echo "== synthetic provider, sample + $n connectors"
  measure tuned "$work/p$n"
  measure untuned "$work/p$n" -Dtfaudit.tunedJvm=false
done
