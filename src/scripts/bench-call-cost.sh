#!/usr/bin/env bash
# Prints what one 1:1 640x480@30 video call costs: Parley (two JVMs) against the QuickBlox JS SDK
# (two pages of Debian's Chromium), both over a private Prosody: CPU seconds per call-minute and
# memory (PSS) per side, and the received frame rate.
#   bench-call-cost.sh [SECONDS]    measured seconds per side (default 60)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "${PARLEY_SKIP_DEPS:-}" = 1 ] || { bash src/scripts/install-deps.sh; bash src/interop/setup.sh; }
# a plain JVM (not Maven's), so that the Parley peers it starts get the same class path
exec bash src/scripts/run-engine-main.sh dev.parley.engine.CallCostBenchmark "$@"
