#!/usr/bin/env bash
# Starts and stops a private coturn (TURN over UDP and TCP) on loopback for Parley's tests and
# for trying relayed calls by hand.
#
#   coturn.sh start DIR    write DIR/turnserver.conf, start turnserver as a child, wait until
#                          its port belongs to its pid, print its settings
#   coturn.sh stop DIR     stop exactly the turnserver started in DIR
#
# Settings, from the environment (defaults in brackets):
#   PARLEY_TURN_PORT      [3478]            listening port (UDP and TCP)
#   PARLEY_TURN_USER      [parley]          long-term credential user
#   PARLEY_TURN_PASSWORD  [parley-secret]   its password
# Relays are allocated on 127.0.0.1; --allow-loopback-peers lets it relay between loopback peers.
set -euo pipefail

die() { echo "coturn.sh: $*" >&2; exit 1; }
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: coturn.sh start|stop DIR"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
port=${PARLEY_TURN_PORT:-3478}
user=${PARLEY_TURN_USER:-parley}
password=${PARLEY_TURN_PASSWORD:-parley-secret}
config="$dir/turnserver.conf"

case "$cmd" in
  start)
    command -v turnserver >/dev/null || die "coturn is not installed (run src/scripts/install-deps.sh)"
    if pid=$(server_pid "$dir/turnserver.pid" "$config"); then die "already running in $dir (pid $pid)"; fi
    cat > "$config" <<CFG
# Written by src/servers/coturn.sh; changes are lost on the next start.
listening-ip=127.0.0.1
relay-ip=127.0.0.1
listening-port=$port
min-port=49160
max-port=49960
realm=parley.test
lt-cred-mech
user=$user:$password
allow-loopback-peers
no-tls
no-dtls
no-cli
no-multicast-peers
fingerprint
log-file=$dir/turnserver.log
simple-log
CFG
    setsid turnserver -c "$config" > "$dir/turnserver.out" 2>&1 < /dev/null &
    pid=$!
    echo "$pid" > "$dir/turnserver.pid"
    await_ports turnserver "$pid" "$dir/turnserver.out" "u:$port" "t:$port"
    echo "turn=turn:127.0.0.1:$port"
    echo "user=$user"
    echo "pid=$pid"
    ;;
  stop)
    stop_server "$dir/turnserver.pid" "$config"
    ;;
  *) die "unknown command '$cmd': use start or stop" ;;
esac
