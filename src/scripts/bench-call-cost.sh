#!/usr/bin/env bash
# Prints what one 1:1 640x480@30 video call costs: Parley (two JVMs) against the QuickBlox JS SDK
# (two pages of Debian's Chromium), both over a private Prosody: CPU seconds per call-minute and
# memory (PSS) per side, and the received frame rate.
#   bench-call-cost.sh [SECONDS]    measured seconds per side (default 60)
set -euo pipefail
cd "$(dirname "$0")/../.."
bash src/scripts/install-deps.sh
bash src/interop/setup.sh
mvn -B -q -ntp install -DskipTests -pl engine -am
mvn -B -q -ntp test-compile -pl engine
mvn -B -q -ntp dependency:build-classpath -pl engine -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
# a plain JVM (not Maven's), so that the Parley peers it starts get the same class path
classpath="engine/target/test-classes:engine/target/classes:$(cat engine/target/test.classpath)"
exec java -cp "$classpath" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn dev.parley.engine.CallCostBenchmark "$@"
