#!/usr/bin/env bash
# Saves a PNG of each Swing widget in FlatLaf Light and Dark under docs/images, from real calls
# (in-process signaling, test pattern video); the speaking indicator and the device menu on a
# private test PulseAudio (src/servers/pulse.sh) with one microphone that plays a tone.
set -euo pipefail
cd "$(dirname "$0")/../.."
pulse=$(mktemp -d /tmp/parley-shots-pulse.XXXXXX)
trap 'bash src/servers/pulse.sh stop "$pulse" >/dev/null 2>&1 || true; rm -rf "$pulse"' EXIT
bash src/scripts/install-deps.sh
bash src/servers/pulse.sh start "$pulse" mic:quiet:0 mic:bob-voice:660 speaker:speakers speaker:headset >/dev/null
PULSE_SERVER="unix:$pulse/native" bash src/scripts/run-components-main.sh dev.parley.components.WidgetScreenshots docs/images
