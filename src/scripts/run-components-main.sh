#!/usr/bin/env bash
# Runs a main class from the components' test sources (benchmarks, screenshots) in a plain JVM
# with the test class path, under Xvfb when there is no display, after building what it needs
# (bench-build.sh). JMH forks need a plain JVM's class path, which exec:java does not give.
#   run-components-main.sh MAIN_CLASS [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "${PARLEY_SKIP_DEPS:-}" = 1 ] || bash src/scripts/install-deps.sh
bash src/scripts/bench-build.sh
classpath="components/target/test-classes:components/target/classes:$(cat components/target/test.classpath)"
bash src/scripts/with-display.sh java -cp "$classpath" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@"
