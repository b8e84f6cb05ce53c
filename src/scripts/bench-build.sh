#!/usr/bin/env bash
# Builds what the benchmark mains run on: the engine and components artifacts, their test
# classes, and each module's test class path in MODULE/target/test.classpath, so that a
# benchmark runs in a plain JVM (JMH forks and peer processes need a plain class path).
# With PARLEY_SKIP_BUILD=1 (bench-all.sh after its one build) it does nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
# With PARLEY_BENCH_BUILT=1 (test-all.sh, right after its build) it only writes the class paths.
[ "${PARLEY_SKIP_BUILD:-}" = 1 ] && exit 0
if [ "${PARLEY_BENCH_BUILT:-}" != 1 ]; then
  mvn -B -q -ntp install -DskipTests -Djapicmp.skip -pl engine,components -am
  mvn -B -q -ntp test-compile -pl engine,components
fi
for module in engine components; do
  mvn -B -q -ntp dependency:build-classpath -pl "$module" -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test.classpath
done
