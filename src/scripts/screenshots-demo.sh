#!/usr/bin/env bash
# Starts the demo in its embedded mode under Xvfb (with Openbox) and saves PNGs of the launcher,
# an idle window, an incoming call, a 1:1 call, a 4-person call and the dark theme to docs/images.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash src/scripts/install-deps.sh
mvn -B -q -ntp install -DskipTests
mvn -B -q -ntp test-compile -pl demo
mvn -B -q -ntp dependency:build-classpath -pl demo -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
classpath="demo/target/test-classes:demo/target/classes:$(cat demo/target/test.classpath)"
bash src/scripts/with-display.sh java -cp "$classpath" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  dev.parley.demo.DemoScreenshots docs/images
