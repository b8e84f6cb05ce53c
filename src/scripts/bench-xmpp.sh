#!/usr/bin/env bash
# Prints the signaling benchmark table: XMPP login, startCall -> sessionReceived and
# acceptCall -> connected through a private Prosody, for Parley and, in the same run, for the
# QuickBlox JS SDK in Chromium (the anchor), with the Parley/JS ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "${PARLEY_SKIP_DEPS:-}" = 1 ] || { bash src/scripts/install-deps.sh; bash src/interop/setup.sh; }
exec bash src/scripts/run-engine-main.sh dev.parley.engine.bench.XmppSignalingBenchmark
