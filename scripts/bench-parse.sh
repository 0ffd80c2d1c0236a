#!/usr/bin/env bash
# Parser benchmark: tfaudit's Go grammar + model vs Go's go/parser over the same files.
# usage: scripts/bench-parse.sh DIR...   (needs `go` on PATH; builds target/tfaudit.jar if absent)
# WARM_PASSES (default 30): passes in the warm JVM; the JIT needs about 20 on a provider-sized tree.
# The machine may be shared: each step prints the load average (uptime) it ran under.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: $0 DIR..." >&2; exit 2; }
[ -f target/tfaudit.jar ] || ./mvnw -q package -DskipTests
JAR=target/tfaudit.jar
BENCH="java -cp $JAR io.tfaudit.bench.ParseBenchmark"

TIME=(/usr/bin/time -f "wall %e s, cpu %U+%S s, max RSS %M KB")
load() { echo "   [$(uptime | sed 's/.*load average/load average/')]"; }
echo "== commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores"
echo "== go/parser (src/test/go/parsebench)"
bin=target/go-bin/parsebench
mkdir -p target/go-bin
(cd src/test/go/parsebench && GOCACHE="$PWD/../../../../target/go-cache" GOFLAGS=-mod=mod go build -o "../../../../$bin" .)
echo "-- 1 worker";  load; "${TIME[@]}" "$bin" -passes 7 -workers 1 "$@" 2>&1 | grep -E '^(cold|median|errors|wall)'
echo "-- 2 workers"; load; "${TIME[@]}" "$bin" -passes 7 -workers 2 "$@" 2>&1 | grep -E '^(cold|median|errors|wall)'

echo "== tfaudit, warm (one JVM, passes 2..N)"
WARM=${WARM_PASSES:-30}
echo "-- 1 worker";  load; $BENCH -passes "$WARM" -workers 1 "$@" | grep -E '^(median|errors)'
echo "-- 2 workers"; load; $BENCH -passes "$WARM" -workers 2 "$@" | grep -E '^(median|errors)'

echo "== tfaudit, cold (fresh JVM, first pass; 3 runs)"
for i in 1 2 3; do load; $BENCH -passes 1 -workers 1 "$@" | grep '^cold'; done
echo "-- whole command, fresh JVM (it restarts itself tuned: C1, serial GC), all cores: java -jar $JAR parse"
for i in 1 2 3; do load; "${TIME[@]}" java -jar $JAR parse "$@" 2>&1 | tail -2; done
echo "-- what the model keeps alive (io.tfaudit.bench.ModelFootprint)"
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp $JAR io.tfaudit.bench.ModelFootprint -top 12 "$@"
