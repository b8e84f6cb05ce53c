#!/usr/bin/env bash
# Prints the mouth-to-ear latency table of a 1:1 audio call on loopback: Parley to Parley on a
# private test PulseAudio (tone bursts in, recordings out) and, in the same run, the QuickBlox
# JS SDK to itself in two Chromium pages. Optional argument: the number of bursts (default 24).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "${PARLEY_SKIP_DEPS:-}" = 1 ] || { bash src/scripts/install-deps.sh; bash src/interop/setup.sh; }
export PULSE_SERVER="unix:$PWD/engine/target/bench-pulse/native"
exec bash src/scripts/run-engine-main.sh dev.parley.engine.bench.MouthToEarBenchmark "$@"
