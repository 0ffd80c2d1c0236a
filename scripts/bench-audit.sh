#!/usr/bin/env bash
# Audit benchmark: the whole audit through the CLI in a fresh JVM (wall, CPU, peak memory),
# on a provider checkout and on synthetic providers of 50, 200 and 800 extra connectors.
# usage: scripts/bench-audit.sh [PROVIDER_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/tfaudit.jar ] || ./mvnw -q package -DskipTests
JAR=target/tfaudit.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() {
  /usr/bin/time -f "  wall %e s, cpu %U+%S s, peak RSS %M KB" \
    java -Xmx1g -jar $JAR audit --provider "$1" --results "$work/results" --fail-on none 2>&1 >"$work/out" | tail -1
  tail -1 "$work/out" | sed 's/^/  /'
}
if [ $# -gt 0 ]; then
  echo "== $1"; measure "$1"
fi
for n in 50 200 800; do
  java -cp $JAR io.tfaudit.bench.SyntheticProvider "$n" "$work/p$n" > /dev/null
  echo "== synthetic provider, sample + $n connectors"; measure "$work/p$n"
done
