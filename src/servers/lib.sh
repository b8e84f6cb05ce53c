# Shared by prosody.sh and coturn.sh: start a server as a child, wait for its ports, stop
# exactly the process a directory's pid file names. Source it; it defines functions only.

# The pid in PIDFILE when that process runs CONFIG (so a reused pid is never ours); fails otherwise.
server_pid() {
  local pidfile=$1 config=$2 pid
  [ -f "$pidfile" ] || return 1
  pid=$(cat "$pidfile")
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$config" || return 1
  echo "$pid"
}

# True when PID listens on every PROTO:PORT given (PROTO t for TCP, u for UDP), on any address.
owns_ports() {
  local pid=$1; shift
  local spec
  for spec in "$@"; do
    ss -Hl"${spec%%:*}"np "sport = :${spec#*:}" 2>/dev/null | grep -q "pid=$pid," || return 1
  done
}

# Waits up to 10 s until PID owns every PROTO:PORT; dies naming the log when it exits or never does.
await_ports() {
  local name=$1 pid=$2 log=$3; shift 3
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || die "$name exited at start; see $log"
    owns_ports "$pid" "$@" && return 0
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  die "$name (pid $pid) did not get ports $* within 10 s; are they taken? $(ss -Hlntup | grep -E "$(printf ':%s |' "${@#*:}")^$" | tr -s ' ')"
}

# Stops the server PIDFILE names if it runs CONFIG: TERM, up to 5 s, then KILL.
stop_server() {
  local pidfile=$1 config=$2 pid
  if pid=$(server_pid "$pidfile" "$config"); then
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}
