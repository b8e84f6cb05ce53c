#!/usr/bin/env bash
# Runs a main class from the engine's test sources (the engine benchmarks) in a plain JVM with
# the test class path, after building what it needs (bench-build.sh).
#   run-engine-main.sh MAIN_CLASS [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "${PARLEY_SKIP_DEPS:-}" = 1 ] || bash src/scripts/install-deps.sh
bash src/scripts/bench-build.sh
classpath="engine/target/test-classes:engine/target/classes:$(cat engine/target/test.classpath)"
exec java -cp "$classpath" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Djava.util.logging.config.file=engine/src/test/resources/logging.properties "$@"
