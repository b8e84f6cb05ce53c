#!/usr/bin/env bash
# Saves a PNG of each Swing widget and of the call window's parts in FlatLaf Light and Dark
# under docs/images, at 100 % and (with the suffix -200) at 200 % UI scale, from real calls
# (in-process signaling, test pattern video); the speaking indicator and the device menu on a
# private test PulseAudio (src/servers/pulse.sh) with one microphone that plays a tone.
set -euo pipefail
cd "$(dirname "$0")/../.."
pulse=$(mktemp -d /tmp/parley-shots-pulse.XXXXXX)
trap 'bash src/servers/pulse.sh stop "$pulse" >/dev/null 2>&1 || true; rm -rf "$pulse"' EXIT
bash src/scripts/install-deps.sh
bash src/servers/pulse.sh start "$pulse" mic:quiet:0 mic:bob-voice:660 speaker:speakers speaker:headset >/dev/null
export PULSE_SERVER="unix:$pulse/native"
bash src/scripts/run-components-main.sh dev.parley.components.WidgetScreenshots docs/images
# twice the pixels need a screen twice the size
DISPLAY= xvfb-run -a -s "-screen 0 3200x2400x24" bash src/scripts/run-components-main.sh -Dsun.java2d.uiScale=2 \
  -Dparley.shots.suffix=-200 dev.parley.components.WidgetScreenshots docs/images
