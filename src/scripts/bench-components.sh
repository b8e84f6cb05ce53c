#!/usr/bin/env bash
# Prints the rendering benchmark tables of the Swing components: the frame path (JMH: libyuv
# floor, Parley's path, per-frame BufferedImage at 640x480, 1280x720, 1920x1080), the EDT time
# per painted frame, and the EDT busy share with four views. Runs under Xvfb when there is no
# display.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash src/scripts/install-deps.sh
mvn -B -q -ntp install -DskipTests -pl engine,components -am
mvn -B -q -ntp test-compile -pl components
mvn -B -q -ntp dependency:build-classpath -pl components -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
classpath="components/target/test-classes:components/target/classes:$(cat components/target/bench.classpath)"
run=(java -cp "$classpath" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn dev.parley.components.RenderBenchmarks)
if [ -n "${DISPLAY:-}" ]; then "${run[@]}"; else xvfb-run -a -s "-screen 0 1600x1200x24" "${run[@]}"; fi
