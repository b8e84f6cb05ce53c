#!/usr/bin/env bash
# Prints how calls scale with the picture, widgets included: CPU, received and painted frame
# rates and the EDT's share for 1:1 calls at 480p, 720p and 1080p shown in 640x360 views, and a
# 4-party 640x480 mesh shown in 480x270 views (display-size conversion on).
exec bash "$(dirname "$0")/run-components-main.sh" dev.parley.components.ScalingBenchmark "$@"
