#!/usr/bin/env bash
# Starts, stops and fills a private Prosody for Parley's tests and for trying the demo by hand.
#
#   prosody.sh start DIR      write a config into DIR, start Prosody in the foreground as a child
#                             of this script's caller (it keeps running after the script returns),
#                             wait until its ports belong to its pid, print its settings
#   prosody.sh register DIR USER PASSWORD   add (or reset) an account
#   prosody.sh stop DIR       stop exactly the Prosody started in DIR
#
# Settings, from the environment (defaults in brackets):
#   PARLEY_XMPP_DOMAIN [chat.parley.test]   the chat domain; the certificate is made for it
#   PARLEY_C2S_PORT    [5222]               client connections, STARTTLS required
#   PARLEY_HTTP_PORT   [5280]               XMPP over WebSocket at ws://127.0.0.1:PORT/xmpp-websocket
# Everything listens on 127.0.0.1 only. DIR holds the config, the certificate (DIR/cert.pem is
# what clients trust), the accounts, the log and the pid file; delete it when done.
set -euo pipefail

die() { echo "prosody.sh: $*" >&2; exit 1; }

cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: prosody.sh start|stop|register DIR [USER PASSWORD]"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
domain=${PARLEY_XMPP_DOMAIN:-chat.parley.test}
c2s_port=${PARLEY_C2S_PORT:-5222}
http_port=${PARLEY_HTTP_PORT:-5280}
config="$dir/prosody.cfg.lua"

# True when a TCP port on loopback is listened on by the given pid.
port_owned_by() {
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -q "pid=$2,"
}

running_pid() {
  [ -f "$dir/prosody.pid" ] || return 1
  local pid; pid=$(cat "$dir/prosody.pid")
  # Only a process that runs our config is ours to stop.
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$config" || return 1
  echo "$pid"
}

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
pidfile = "$dir/prosody.pid"
data_path = "$dir/data"
certificates = "$dir/certs"
log = { info = "$dir/prosody.log"; error = "$dir/prosody.err" }

modules_enabled = { "roster", "saslauth", "tls", "disco", "ping", "presence", "websocket" }
modules_disabled = { "s2s", "offline", "register", "c2s_limits" }
authentication = "internal_hashed"
c2s_require_encryption = true
allow_unencrypted_plain_auth = false

interfaces = { "127.0.0.1" }
c2s_ports = { $c2s_port }
c2s_direct_tls_ports = { }
http_ports = { $http_port }
http_interfaces = { "127.0.0.1" }
https_ports = { }
consider_websocket_secure = true
cross_domain_websocket = true

VirtualHost "$domain"
  ssl = { certificate = "$dir/cert.pem"; key = "$dir/key.pem" }
CFG
}

case "$cmd" in
  start)
    command -v prosody >/dev/null || die "prosody is not installed (run src/scripts/install-deps.sh)"
    if pid=$(running_pid); then die "already running in $dir (pid $pid)"; fi
    write_config
    : > "$dir/prosody.log"
    # setsid: a terminal's Ctrl-C to the caller does not reach the server half way through a test.
    setsid prosody --config "$config" -F > "$dir/prosody.out" 2>&1 < /dev/null &
    pid=$!
    echo "$pid" > "$dir/prosody.pid"
    # Prosody does not exit when a port is taken: wait until both ports are ours, or give up.
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || die "prosody exited at start; see $dir/prosody.out and $dir/prosody.err"
      if port_owned_by "$c2s_port" "$pid" && port_owned_by "$http_port" "$pid"; then
        echo "domain=$domain"
        echo "c2s=127.0.0.1:$c2s_port"
        echo "websocket=ws://127.0.0.1:$http_port/xmpp-websocket"
        echo "certificate=$dir/cert.pem"
        echo "pid=$pid"
        exit 0
      fi
      sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
    die "prosody (pid $pid) did not get ports $c2s_port and $http_port within 10 s; are they taken? $(ss -Hltnp "( sport = :$c2s_port or sport = :$http_port )" | tr -s ' ')"
    ;;
  register)
    user=${3:-}; password=${4:-}
    [ -n "$user" ] && [ -n "$password" ] || die "usage: prosody.sh register DIR USER PASSWORD"
    [ -f "$config" ] || die "no config in $dir; start the server first"
    prosodyctl --config "$config" register "$user" "$domain" "$password" >/dev/null 2>"$dir/register.err" \
      || die "could not register $user@$domain: $(cat "$dir/register.err")"
    ;;
  stop)
    if pid=$(running_pid); then
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/prosody.pid"
    ;;
  *) die "unknown command '$cmd': use start, stop or register" ;;
esac
