#!/usr/bin/env bash
# Prints the engine benchmark table: engine start, and acceptCall -> connectedToUser for
# in-process 1:1 video calls (median and p95 over 20 calls). A fresh JVM, so the first start
# includes loading the native library.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash src/scripts/install-deps.sh
mvn -B -q -ntp install -DskipTests -pl engine -am
mvn -B -q -ntp test-compile exec:java -pl engine -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.parley.engine.bench.CallSetupBenchmark \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
