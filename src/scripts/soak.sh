#!/usr/bin/env bash
# The long soak of docs/reliability.md: 1,000 sequential 1:1 video calls in one JVM through the
# in-process hub and 200 through a private Prosody (or CALLS and XMPP_CALLS), printing threads,
# open files, resident memory and heap every 100 calls. Its own JVM with a fixed heap, touched in
# full at start (AlwaysPreTouch), so that resident memory grows only with native memory and is
# neither a build tool's nor the Java heap filling its pages.
#   soak.sh [CALLS] [XMPP_CALLS]
set -euo pipefail
cd "$(dirname "$0")/../.."
bash src/scripts/install-deps.sh
mvn -B -q -ntp install -DskipTests -pl engine -am
mvn -B -q -ntp test-compile -pl engine
mvn -B -q -ntp dependency:build-classpath -pl engine -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
classpath="engine/target/test-classes:engine/target/classes:$(cat engine/target/test.classpath)"
exec java -Xms256m -Xmx256m -XX:+AlwaysPreTouch -cp "$classpath" -Dparley.projectRoot="$PWD" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Djava.util.logging.config.file=engine/src/test/resources/logging.properties \
  dev.parley.engine.bench.SoakBenchmark "$@"
