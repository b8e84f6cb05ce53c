#!/usr/bin/env bash
# Starts the demo in its embedded mode under Xvfb (with Openbox) and saves PNGs of the launcher,
# an idle window and its Recent tab (light and dark), an incoming call, a 1:1 call, a 4-person
# call and the dark theme to docs/images, at 100 % and (with the suffix -200) at 200 % UI scale.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash src/scripts/install-deps.sh
mvn -B -q -ntp install -DskipTests
mvn -B -q -ntp test-compile -pl demo
mvn -B -q -ntp dependency:build-classpath -pl demo -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
classpath="demo/target/test-classes:demo/target/classes:$(cat demo/target/test.classpath)"
bash src/scripts/with-display.sh java -cp "$classpath" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  dev.parley.demo.DemoScreenshots docs/images
# twice the pixels need a screen twice the size
DISPLAY= xvfb-run -a -s "-screen 0 3200x2400x24" bash src/scripts/with-display.sh java -cp "$classpath" \
  -Dsun.java2d.uiScale=2 -Dparley.shots.suffix=-200 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  dev.parley.demo.DemoScreenshots docs/images
