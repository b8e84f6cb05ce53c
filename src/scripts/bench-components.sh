#!/usr/bin/env bash
# Prints the rendering benchmark tables of the Swing components: the frame path (JMH: libyuv
# floor, Parley's path, per-frame BufferedImage at 640x480, 1280x720, 1920x1080), the EDT time
# per painted frame, and the EDT busy share with four views.
exec bash "$(dirname "$0")/run-components-main.sh" dev.parley.components.RenderBenchmarks
