#!/usr/bin/env bash
# Prints CPU (process CPU time per wall second), resident memory and per-stream received frame
# rates of a 640x480@30 video mesh of 2, 3 and 4 participants in one JVM, 20 s each.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash src/scripts/install-deps.sh
mvn -B -q -ntp install -DskipTests -pl engine -am
mvn -B -q -ntp test-compile exec:java -pl engine -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.parley.engine.bench.MeshBenchmark \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
