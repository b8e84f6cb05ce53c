#!/usr/bin/env bash
# Saves a PNG of each Swing widget in FlatLaf Light and Dark under docs/images, from real calls
# (in-process signaling, test pattern video).
cd "$(dirname "$0")/../.." && exec bash src/scripts/run-components-main.sh dev.parley.components.WidgetScreenshots docs/images
