#!/usr/bin/env bash
# Prints the signaling benchmark table: XMPP login, startCall -> sessionReceived and
# acceptCall -> connected through a private Prosody, for Parley and, in the same run, for the
# QuickBlox JS SDK in Chromium (the anchor), with the Parley/JS ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash src/scripts/install-deps.sh
bash src/interop/setup.sh
mvn -B -q -ntp install -DskipTests -pl engine -am
mvn -B -q -ntp test-compile exec:java -pl engine -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.parley.engine.bench.XmppSignalingBenchmark \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Djava.util.logging.config.file=engine/src/test/resources/logging.properties
