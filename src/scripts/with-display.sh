#!/usr/bin/env bash
# Runs a command with a display for Swing: as is when DISPLAY is set, otherwise on a private
# Xvfb (xvfb-run) with the Openbox window manager, which keeps new windows on top and gives
# them the focus as a desktop does (without one, clicks on freshly raised windows get lost).
#   with-display.sh COMMAND [ARGS...]
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then
  exec env PARLEY_OWN_DISPLAY=1 xvfb-run -a -s "-screen 0 1600x1200x24" bash "$0" "$@"
fi
wm=
if [ "${PARLEY_OWN_DISPLAY:-}" = 1 ] && command -v openbox >/dev/null; then
  openbox >/dev/null 2>&1 &
  wm=$!
  sleep 0.5
fi
set +e
"$@"
rc=$?
set -e
[ -n "$wm" ] && kill "$wm" 2>/dev/null
exit $rc
