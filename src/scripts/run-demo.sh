#!/usr/bin/env bash
# Runs the Parley demo: builds what it needs first. Without arguments, the embedded mode (no
# server); with --server HOST[:PORT] --user ID --password P ... it signs in to an XMPP server
# (see README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."

bash src/scripts/install-deps.sh demo
mvn -B -q -ntp install -DskipTests
mvn -B -q -ntp exec:java -pl demo -Dexec.args="$*"
