#!/usr/bin/env bash
# Runs the Parley demo in its embedded mode (no server): builds what it needs first.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash src/scripts/install-deps.sh
mvn -B -q -ntp install -DskipTests
mvn -B -q -ntp exec:java -pl demo "$@"
