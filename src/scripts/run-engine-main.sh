#!/usr/bin/env bash
# Runs a main class from the engine's test sources (the engine benchmarks) with the test class
# path, after building what it needs.
#   run-engine-main.sh MAIN_CLASS [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
bash src/scripts/install-deps.sh
mvn -B -q -ntp install -DskipTests -pl engine -am
mvn -B -q -ntp test-compile exec:java -pl engine -Dexec.classpathScope=test \
  -Dexec.mainClass="$1" -Dexec.args="${*:2}" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Djava.util.logging.config.file=engine/src/test/resources/logging.properties
