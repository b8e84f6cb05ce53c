#!/usr/bin/env bash
# Installs the Debian packages Parley's build and tests need, only those that are missing.
#   libpulse0        webrtc-java's native library links against it
#   gcc, libc6-dev,  build Parley's frame converter (engine/src/main/native), libyuv linked in
#   libyuv-dev       statically; without them the engine builds and converts frames the slower way
#   prosody          the XMPP server the signaling tests run against (c2s TLS + WebSocket)
#   coturn           the TURN server
#   openssl          makes Prosody's self-signed certificate on the fly
#   xvfb             a display for the Swing tests and the demo screenshots
#   openbox          a window manager on that display, so windows stack and take focus as on a desktop
#   chromium         runs the QuickBlox JavaScript SDK, our interoperability peer
#   iproute2         ss, to check that a server port belongs to the process we started; ip netns
#                    and veth pairs for the network fault harness (src/faults/netns.sh)
#   nftables         the fault harness's rules: cut or thin out one peer's traffic
#   pulseaudio       a private sound server with test microphones and speakers (src/servers/pulse.sh)
#   pulseaudio-utils pactl to plug test devices in and out, parec to record what a speaker plays
#   fakeroot         jpackage builds the demo's Debian package with it (package-demo.sh)
#   binutils         objcopy/strip, which jpackage's runtime image needs
#   x11-utils        xwininfo: test-demo-package.sh waits for the installed demo's window
#   trayer           a system tray on the test display, for the demo's call notifications
set -euo pipefail

packages=(libpulse0 gcc libc6-dev libyuv-dev prosody coturn openssl xvfb openbox chromium iproute2 nftables pulseaudio pulseaudio-utils janus fakeroot binutils x11-utils trayer)
# `install-deps.sh demo`: only what running the demo needs.
if [ "${1:-}" = demo ]; then
  packages=(libpulse0 gcc libc6-dev libyuv-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "parley: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi
