#!/usr/bin/env bash
# Parser benchmark: tfaudit's Go grammar + model vs Go's go/parser over the same files.
# usage: scripts/bench-parse.sh DIR...   (needs `go` on PATH; builds target/tfaudit.jar if absent)
# WARM_PASSES (default 30): passes in the warm JVM; the JIT needs about 20 on a provider-sized tree.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: $0 DIR..." >&2; exit 2; }
[ -f target/tfaudit.jar ] || ./mvnw -q package -DskipTests
JAR=target/tfaudit.jar
BENCH="java -cp $JAR io.tfaudit.bench.ParseBenchmark"

echo "== go/parser (src/test/go/parsebench)"
bin=target/go-bin/parsebench
mkdir -p target/go-bin
(cd src/test/go/parsebench && GOCACHE="$PWD/../../../../target/go-cache" GOFLAGS=-mod=mod go build -o "../../../../$bin" .)
echo "-- 1 worker";  "$bin" -passes 7 -workers 1 "$@" | grep -E '^(cold|median|errors)'
echo "-- 2 workers"; "$bin" -passes 7 -workers 2 "$@" | grep -E '^(cold|median|errors)'

echo "== tfaudit, warm (one JVM, passes 2..N)"
WARM=${WARM_PASSES:-30}
echo "-- 1 worker";  $BENCH -passes "$WARM" -workers 1 "$@" | grep -E '^(median|errors)'
echo "-- 2 workers"; $BENCH -passes "$WARM" -workers 2 "$@" | grep -E '^(median|errors)'

echo "== tfaudit, cold (fresh JVM, first pass; 3 runs)"
for i in 1 2 3; do $BENCH -passes 1 -workers 1 "$@" | grep '^cold'; done
echo "-- whole command, fresh JVM, all cores: java -jar $JAR parse"
for i in 1 2 3; do /usr/bin/time -f "wall %e s, cpu %U+%S s, max RSS %M KB" java -jar $JAR parse "$@" | tail -1; done
