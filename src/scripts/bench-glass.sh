#!/usr/bin/env bash
# Prints the glass-to-glass latency of a Parley 1:1 640x480@30 video call on loopback: capture
# of a test-pattern frame to its paint in a RemoteVideoView (the frame number is read back from
# the painted image), p50/p95 over FRAMES painted frames (default 450).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "${PARLEY_SKIP_DEPS:-}" = 1 ] || { bash src/scripts/install-deps.sh; bash src/interop/setup.sh; }
exec bash src/scripts/run-components-main.sh dev.parley.components.GlassToGlassBenchmark "$@"
