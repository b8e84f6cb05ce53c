#!/usr/bin/env bash
# Starts and stops a private Janus WebRTC server (Debian's janus 1.1) on loopback, with only the
# video room plugin and the WebSocket transport, for Parley's conference tests and for trying
# rooms by hand.
#
#   janus.sh start DIR     write DIR/janus.jcfg and its plugin and transport configs, start janus
#                          as a child, wait until its WebSocket port belongs to its pid, print
#                          its settings
#   janus.sh stop DIR      stop exactly the janus started in DIR
#
# Settings, from the environment (defaults in brackets):
#   PARLEY_JANUS_PORT      [8188]    WebSocket port (ws://127.0.0.1:PORT, protocol janus-protocol)
#   PARLEY_JANUS_ROOM      [1234]    a video room created at start (up to 16 publishers, VP8 and Opus)
#   PARLEY_JANUS_RTP       [20000-20999]  UDP ports for media
#   PARLEY_JANUS_TOKEN_SECRET  [none]  when set, every request needs a token signed with this
#                          secret (token_auth_secret; realm "janus", plugin janus.plugin.videoroom)
set -euo pipefail

die() { echo "janus.sh: $*" >&2; exit 1; }
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: janus.sh start|stop DIR"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
port=${PARLEY_JANUS_PORT:-8188}
room=${PARLEY_JANUS_ROOM:-1234}
rtp=${PARLEY_JANUS_RTP:-20000-20999}
config="$dir/janus.jcfg"
lib=$(dirname "$(dpkg -L janus 2>/dev/null | grep -m1 '/janus/plugins/libjanus_videoroom.so$' || echo /usr/lib/x86_64-linux-gnu/janus/plugins/x)")

case "$cmd" in
  start)
    command -v janus >/dev/null || die "janus is not installed (run src/scripts/install-deps.sh)"
    [ -f "$lib/libjanus_videoroom.so" ] || die "janus's video room plugin is missing (looked in $lib)"
    if pid=$(server_pid "$dir/janus.pid" "$config"); then die "already running in $dir (pid $pid)"; fi
    # every plugin and transport but the video room and WebSockets stays off
    plugins_off=$(cd "$lib" && ls libjanus_*.so | grep -v '^libjanus_videoroom.so$' | paste -sd, -)
    transports_off=$(cd "$lib/../transports" && ls libjanus_*.so | grep -v '^libjanus_websockets.so$' | paste -sd, -)
    cat > "$config" <<CFG
# Written by src/servers/janus.sh; changes are lost on the next start.
general: {
    configs_folder = "$dir"
    plugins_folder = "$lib"
    transports_folder = "$lib/../transports"
    events_folder = "$lib/../events"
    loggers_folder = "$lib/../loggers"
    log_to_stdout = true
    debug_level = 4
    session_timeout = ${PARLEY_JANUS_SESSION_TIMEOUT:-60}
    server_name = "Parley test Janus"
$(if [ -n "${PARLEY_JANUS_TOKEN_SECRET:-}" ]; then
    printf '    token_auth = true\n    token_auth_secret = "%s"\n' "$PARLEY_JANUS_TOKEN_SECRET"
  fi)
}
media: {
    rtp_port_range = "$rtp"
}
nat: {
    ice_enforce_list = "lo"
    ice_ignore_list = "vmnet"
}
plugins: {
    disable = "$plugins_off"
}
transports: {
    disable = "$transports_off"
}
events: {
    broadcast = false
}
loggers: {
    disable = "libjanus_jsonlog.so"
}
CFG
    cat > "$dir/janus.transport.websockets.jcfg" <<CFG
general: {
    json = "compact"
    ws = true
    ws_port = $port
    ws_ip = "127.0.0.1"
    wss = false
}
admin: {
    admin_ws = false
    admin_wss = false
}
CFG
    cat > "$dir/janus.plugin.videoroom.jcfg" <<CFG
general: {
}
room-$room: {
    description = "Parley test room"
    publishers = 16
    bitrate = 1024000
    fir_freq = 10
    audiocodec = "opus"
    videocodec = "vp8"
}
CFG
    setsid janus -F "$dir" -C "$config" > "$dir/janus.log" 2>&1 < /dev/null &
    pid=$!
    echo "$pid" > "$dir/janus.pid"
    await_ports janus "$pid" "$dir/janus.log" "t:$port"
    echo "url=ws://127.0.0.1:$port"
    echo "room=$room"
    echo "pid=$pid"
    ;;
  stop)
    stop_server "$dir/janus.pid" "$config"
    ;;
  *) die "unknown command '$cmd': use start or stop" ;;
esac
