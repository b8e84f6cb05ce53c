#!/usr/bin/env bash
# Prints mesh vs SFU figures side by side: a 4-person 640x480@30 call as a mesh and through a
# private Janus (src/servers/janus.sh), then Janus conferences of 8 and 12 people: CPU per
# person, Janus's CPU, upload per person, received frame rates. Everyone runs in one JVM.
#   bench-conference.sh [SECONDS]    measured seconds per row (default 20)
exec bash "$(dirname "$0")/run-engine-main.sh" dev.parley.engine.bench.ConferenceBenchmark "$@"
