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
if [ -n "${DISPLAY:-}" ]; then
  mvn -B -ntp verify "$@"
else
  # The Swing tests click real widgets: give them a virtual display of their own.
  xvfb-run -a -s "-screen 0 1600x1200x24" mvn -B -ntp verify "$@"
fi
