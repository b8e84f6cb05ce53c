#!/usr/bin/env bash
# Runs every Parley test: installs what the tests need (Debian packages, the browser interop
# harness), then builds all modules and runs their test suites, under Xvfb when there is no
# display. The tests start their own
# Prosody (and Chromium with the QuickBlox JS SDK) through src/servers and src/interop, and
# stop them when they end. This is README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash src/scripts/install-deps.sh
bash src/interop/setup.sh
# The Swing tests click real widgets: without a display they get a virtual one of their own.
bash src/scripts/with-display.sh mvn -B -ntp verify "$@"
