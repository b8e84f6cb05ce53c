#!/usr/bin/env bash
# Runs a main class from the components' test sources (benchmarks, screenshots) in a plain JVM
# with the test class path, under Xvfb when there is no display. JMH forks need a plain JVM's
# class path, which exec:java does not give.
#   run-components-main.sh MAIN_CLASS [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
bash src/scripts/install-deps.sh
mvn -B -q -ntp install -DskipTests -pl engine,components -am
mvn -B -q -ntp test-compile -pl components
mvn -B -q -ntp dependency:build-classpath -pl components -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
classpath="components/target/test-classes:components/target/classes:$(cat components/target/test.classpath)"
bash src/scripts/with-display.sh java -cp "$classpath" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@"
