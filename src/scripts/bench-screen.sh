#!/usr/bin/env bash
# Prints what sharing a 1920x1080 screen costs (capture thread CPU and frames per second, XShm
# and AWT Robot), on a private 1920x1080 Xvfb. Optional argument: the frame rate (default 15).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "${PARLEY_SKIP_DEPS:-}" = 1 ] || bash src/scripts/install-deps.sh
bash src/scripts/bench-build.sh
PARLEY_SKIP_DEPS=1 PARLEY_SKIP_BUILD=1 DISPLAY= exec xvfb-run -a -s "-screen 0 1920x1080x24" bash src/scripts/run-engine-main.sh \
  dev.parley.engine.bench.ScreenCaptureBenchmark "$@"
