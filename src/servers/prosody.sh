#!/usr/bin/env bash
# Starts, stops and fills a private Prosody for Parley's tests and for trying the demo by hand.
#
#   prosody.sh start DIR      write a config into DIR, start Prosody in the foreground as a child
#                             of this script's caller (it keeps running after the script returns),
#                             wait until its ports belong to its pid, print its settings
#   prosody.sh register DIR USER PASSWORD   add (or reset) an account
#   prosody.sh stop DIR       stop exactly the Prosody started in DIR (TERM: it closes its streams)
#   prosody.sh kill DIR       kill it without warning (KILL), as a crash or power cut would
#
# Settings, from the environment (defaults in brackets):
#   PARLEY_XMPP_DOMAIN [chat.parley.test]   the chat domain; the certificate is made for it
#   PARLEY_C2S_PORT    [5222]               client connections, STARTTLS required
#   PARLEY_HTTP_PORT   [5280]               XMPP over WebSocket at ws://127.0.0.1:PORT/xmpp-websocket
#   PARLEY_XMPP_TLS    [on]                 off: no STARTTLS at all, plain logins allowed (to test
#                                           that clients refuse such a server)
#   PARLEY_XMPP_INTERFACES [127.0.0.1]      the addresses it listens on, space separated (the fault
#                                           tests add the gateway of src/faults/netns.sh)
# Everything listens on 127.0.0.1 only unless PARLEY_XMPP_INTERFACES says otherwise. DIR holds the config, the certificate (DIR/cert.pem is
# what clients trust), the accounts, the log and the pid file; delete it when done.
set -euo pipefail

die() { echo "prosody.sh: $*" >&2; exit 1; }
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: prosody.sh start|stop|kill|register DIR [USER PASSWORD]"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
domain=${PARLEY_XMPP_DOMAIN:-chat.parley.test}
c2s_port=${PARLEY_C2S_PORT:-5222}
http_port=${PARLEY_HTTP_PORT:-5280}
tls=${PARLEY_XMPP_TLS:-on}
interfaces=$(printf '"%s", ' ${PARLEY_XMPP_INTERFACES:-127.0.0.1})
config="$dir/prosody.cfg.lua"

write_config() {
  if [ ! -f "$dir/cert.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$domain" \
      -addext "subjectAltName=DNS:$domain" \
      -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
    chmod 600 "$dir/key.pem"
  fi
  mkdir -p "$dir/data" "$dir/certs"
  cat > "$config" <<CFG
-- Written by src/servers/prosody.sh; changes are lost on the next start.
run_as_root = true
daemonize = false
-- Signals are small stanzas: send them at once instead of waiting for the peer's delayed ACK.
network_settings = { nagle = false }
pidfile = "$dir/prosody.pid"
data_path = "$dir/data"
certificates = "$dir/certs"
log = { info = "$dir/prosody.log"; error = "$dir/prosody.err" }

modules_enabled = { "roster", "saslauth", $([ "$tls" = off ] || echo '"tls", ')"disco", "ping", "presence", "websocket" }
modules_disabled = { "s2s", "offline", "register", "c2s_limits" }
authentication = "internal_hashed"
c2s_require_encryption = $([ "$tls" = off ] && echo false || echo true)
allow_unencrypted_plain_auth = $([ "$tls" = off ] && echo true || echo false)

interfaces = { $interfaces}
c2s_ports = { $c2s_port }
c2s_direct_tls_ports = { }
http_ports = { $http_port }
http_interfaces = { $interfaces}
https_ports = { }
consider_websocket_secure = true
cross_domain_websocket = true

VirtualHost "$domain"
$([ "$tls" = off ] || echo "  ssl = { certificate = \"$dir/cert.pem\"; key = \"$dir/key.pem\" }")
CFG
}

case "$cmd" in
  start)
    command -v prosody >/dev/null || die "prosody is not installed (run src/scripts/install-deps.sh)"
    if pid=$(server_pid "$dir/prosody.pid" "$config"); then die "already running in $dir (pid $pid)"; fi
    write_config
    : > "$dir/prosody.log"
    # setsid: a terminal's Ctrl-C to the caller does not reach the server half way through a test.
    setsid prosody --config "$config" -F > "$dir/prosody.out" 2>&1 < /dev/null &
    pid=$!
    echo "$pid" > "$dir/prosody.pid"
    # Prosody does not exit when a port is taken: wait until both ports are ours, or give up.
    await_ports prosody "$pid" "$dir/prosody.out and $dir/prosody.err" "t:$c2s_port" "t:$http_port"
    echo "domain=$domain"
    echo "c2s=127.0.0.1:$c2s_port"
    echo "websocket=ws://127.0.0.1:$http_port/xmpp-websocket"
    echo "certificate=$dir/cert.pem"
    echo "pid=$pid"
    ;;
  register)
    user=${3:-}; password=${4:-}
    [ -n "$user" ] && [ -n "$password" ] || die "usage: prosody.sh register DIR USER PASSWORD"
    [ -f "$config" ] || die "no config in $dir; start the server first"
    prosodyctl --config "$config" register "$user" "$domain" "$password" >/dev/null 2>"$dir/register.err" \
      || die "could not register $user@$domain: $(cat "$dir/register.err")"
    ;;
  stop)
    stop_server "$dir/prosody.pid" "$config"
    ;;
  kill)
    if pid=$(server_pid "$dir/prosody.pid" "$config"); then
      kill -9 "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$dir/prosody.pid"
    ;;
  *) die "unknown command '$cmd': use start, stop, kill or register" ;;
esac
