#!/usr/bin/env bash
# Prints CPU (process CPU time per wall second), resident memory and per-stream received frame
# rates of a 640x480@30 video mesh of 2, 3 and 4 participants in one JVM, 20 s each.
exec bash "$(dirname "$0")/run-engine-main.sh" dev.parley.engine.bench.MeshBenchmark
