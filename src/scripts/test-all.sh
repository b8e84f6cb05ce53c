#!/usr/bin/env bash
# Runs every Parley test: installs what the tests need (Debian packages, the browser interop
# harness), then builds all modules and runs their test suites, under Xvfb when there is no
# display, then the embedding example (examples/embed), the demo's Debian package and a smoke run of every
# benchmark. The tests start their own
# Prosody (and Chromium with the QuickBlox JS SDK) through src/servers and src/interop, and
# stop them when they end. This is README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash src/scripts/install-deps.sh
bash src/interop/setup.sh
# The Swing tests click real widgets: without a display they get a virtual one of their own.
# `install` rather than `verify`: the embedding example below builds against the artifacts
# (parley-bom, engine, components) as an application outside this build would.
bash src/scripts/with-display.sh mvn -B -ntp install "$@"
bash src/scripts/with-display.sh mvn -B -ntp -f examples/embed/pom.xml verify
# The demo as people install it: a Debian package with its own runtime, installed, started,
# removed.
PARLEY_SKIP_DEPS=1 PARLEY_SKIP_BUILD=1 bash src/scripts/package-demo.sh
bash src/scripts/with-display.sh bash src/scripts/test-demo-package.sh
# Every benchmark once, briefly, so that none of them rots (about 3 minutes; the figures of a
# smoke run mean nothing, bench-all.sh without --smoke measures).
PARLEY_BENCH_BUILT=1 bash src/scripts/bench-all.sh --smoke
