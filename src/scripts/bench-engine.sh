#!/usr/bin/env bash
# Prints the engine benchmark table: engine start, and acceptCall -> connectedToUser for
# in-process 1:1 video calls (median and p95 over 20 calls). A fresh JVM, so the first start
# includes loading the native library.
exec bash "$(dirname "$0")/run-engine-main.sh" dev.parley.engine.bench.CallSetupBenchmark
