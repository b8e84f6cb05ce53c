#!/usr/bin/env bash
# Saves a PNG of each Swing widget in FlatLaf Light and Dark under docs/images, from real calls
# (in-process signaling, test pattern video). Runs under Xvfb when there is no display.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash src/scripts/install-deps.sh
mvn -B -q -ntp install -DskipTests -pl engine,components -am
mvn -B -q -ntp test-compile -pl components
mvn -B -q -ntp dependency:build-classpath -pl components -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
classpath="components/target/test-classes:components/target/classes:$(cat components/target/bench.classpath)"
run=(java -cp "$classpath" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn dev.parley.components.WidgetScreenshots docs/images)
if [ -n "${DISPLAY:-}" ]; then "${run[@]}"; else xvfb-run -a -s "-screen 0 1600x1200x24" "${run[@]}"; fi
