#!/usr/bin/env bash
# Starts and stops a private PulseAudio sound server with test devices, for Parley's audio tests
# and for trying device choice by hand: microphones that play a sine, speakers that record.
#
#   pulse.sh start DIR [mic:NAME:HZ ...] [speaker:NAME ...]
#                          start pulseaudio as a child (no user session, no D-Bus, no real sound
#                          card), its native protocol on DIR/native; the first mic and speaker
#                          are the defaults; prints PULSE_SERVER=unix:DIR/native
#   pulse.sh add DIR mic:NAME:HZ|speaker:NAME
#                          plug a device in while it runs (hot-plug)
#   pulse.sh remove DIR NAME
#                          unplug it
#   pulse.sh tone DIR NAME on|off
#                          let microphone NAME's sine sound, or silence it (tone bursts)
#   pulse.sh default DIR NAME
#                          make NAME the default microphone or speaker
#   pulse.sh stop DIR      stop exactly the pulseaudio started in DIR
#
# A microphone NAME plays a 48 kHz sine at HZ, described as "NAME-HZ-Hz" (a sine into a sink
# NAME-tone, described as "tone-for-NAME", whose monitor is remapped into the source NAME; the
# sink is listed among the speakers); at 0 Hz it is a silent module-null-source described as
# "NAME". A speaker NAME is a module-null-sink, described as "NAME"; what it plays can
# be recorded from the source NAME.monitor (`parec -d NAME.monitor`).
# A process uses the server through PULSE_SERVER=unix:DIR/native.
set -euo pipefail

die() { echo "pulse.sh: $*" >&2; exit 1; }
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: pulse.sh start|add|remove|default|stop DIR ..."
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
shift 2
config="$dir/default.pa"
socket="$dir/native"
export PULSE_SERVER="unix:$socket"

# The load-module lines for a device spec, or dies naming a bad spec.
module_lines() {
  local spec=$1 kind name hz
  IFS=: read -r kind name hz <<<"$spec"
  [[ "$name" =~ ^[A-Za-z0-9_-]+$ ]] || die "bad device name in '$spec' (letters, digits, - and _)"
  case "$kind" in
    mic)
      [[ "$hz" =~ ^[0-9]+$ ]] || die "bad frequency in '$spec' (mic:NAME:HZ)"
      if [ "$hz" = 0 ]; then # a silent microphone
        echo "load-module module-null-source source_name=$name rate=48000 channels=1 description=$name"
        return
      fi
      # module-sine-source hands out its sine in 2 s blocks, far from a microphone's 10 ms; so
      # a sine plays into a sink of its own, whose monitor, remapped, is the microphone: it
      # follows the latency its recorder asks for.
      echo "load-module module-null-sink sink_name=$name-tone rate=48000 channels=1 sink_properties=device.description=tone-for-$name"
      echo "load-module module-sine sink=$name-tone frequency=$hz"
      echo "load-module module-remap-source master=$name-tone.monitor source_name=$name channels=1 source_properties=device.description=$name-$hz-Hz"
      ;;
    speaker)
      echo "load-module module-null-sink sink_name=$name rate=48000 sink_properties=device.description=$name"
      ;;
    *) die "unknown device '$spec': use mic:NAME:HZ or speaker:NAME" ;;
  esac
}

running_pid() { server_pid "$dir/pulse.pid" "$config"; }

# Keeps microphone NAME's tone sink working in 10 ms steps, as a real microphone does: an idle
# null sink works in 2 s blocks, and a recorder that opens it would wait for the block to end.
warm() {
  mkdir -p "$dir/warm"
  setsid parec -d "$1-tone.monitor" --latency-msec=10 --raw > /dev/null 2>&1 < /dev/null &
  echo $! > "$dir/warm/$1.pid"
}

cool() {
  local pidfile=$1
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "^parec "; then kill "$pid" 2>/dev/null || true; fi
  rm -f "$pidfile"
}

# The microphones of a start or add that have a tone (not the silent ones).
tone_mics() {
  local spec kind name hz
  for spec in "$@"; do
    IFS=: read -r kind name hz <<<"$spec"
    [ "$kind" = mic ] && [ "$hz" != 0 ] && echo "$name"
  done
  return 0
}

case "$cmd" in
  start)
    command -v pulseaudio >/dev/null || die "pulseaudio is not installed (run src/scripts/install-deps.sh)"
    if pid=$(running_pid); then die "already running in $dir (pid $pid)"; fi
    rm -f "$socket"
    {
      echo "# Written by src/servers/pulse.sh; changes are lost on the next start."
      echo "load-module module-native-protocol-unix socket=$socket auth-anonymous=1"
      # Speakers first, and the default sink set before any microphone: a tone's sine stream
      # sits on its own sink, and PulseAudio moves the streams of the default sink when the
      # default changes.
      first_mic=; first_speaker=
      for spec in "$@"; do
        IFS=: read -r kind name _ <<<"$spec"
        [ "$kind" = speaker ] || continue
        module_lines "$spec"
        [ -z "$first_speaker" ] && first_speaker=$name
      done
      [ -n "$first_speaker" ] && echo "set-default-sink $first_speaker"
      for spec in "$@"; do
        IFS=: read -r kind name _ <<<"$spec"
        [ "$kind" = speaker ] && continue
        module_lines "$spec"
        [ "$kind" = mic ] && [ -z "$first_mic" ] && first_mic=$name
      done
      [ -n "$first_mic" ] && echo "set-default-source $first_mic"
    } > "$config"
    mkdir -p "$dir/home" "$dir/runtime"
    chmod 700 "$dir/runtime"
    # -n: only our config; no autospawn, no idle exit; HOME and XDG_* keep its state in DIR.
    HOME="$dir/home" XDG_RUNTIME_DIR="$dir/runtime" XDG_CONFIG_HOME="$dir/home" \
      setsid pulseaudio -n -F "$config" --daemonize=no --exit-idle-time=-1 --use-pid-file=no \
      --disallow-module-loading=no --log-target=stderr > "$dir/pulse.log" 2>&1 < /dev/null &
    pid=$!
    echo "$pid" > "$dir/pulse.pid"
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || die "pulseaudio exited at start; see $dir/pulse.log"
      if [ -S "$socket" ] && pactl info >/dev/null 2>&1; then
        # a module line it could not load does not stop pulseaudio: check every device is there
        devices=$(pactl list short sinks; pactl list short sources)
        for spec in "$@"; do
          IFS=: read -r _ name _ <<<"$spec"
          awk -v n="$name" '$2 == n {found = 1} END {exit !found}' <<<"$devices" || {
            kill "$pid" 2>/dev/null || true
            die "device '$name' did not load; see $dir/pulse.log"
          }
        done
        for name in $(tone_mics "$@"); do warm "$name"; done
        echo "PULSE_SERVER=unix:$socket"
        echo "pid=$pid"
        exit 0
      fi
      sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
    die "pulseaudio (pid $pid) did not answer on $socket within 10 s; see $dir/pulse.log"
    ;;
  add)
    running_pid >/dev/null || die "no pulseaudio running in $dir"
    [ $# -eq 1 ] || die "usage: pulse.sh add DIR mic:NAME:HZ|speaker:NAME"
    lines=$(module_lines "$1")
    while read -r -a words; do
      pactl "${words[@]}" >/dev/null
    done <<<"$lines"
    for name in $(tone_mics "$1"); do warm "$name"; done
    ;;
  remove)
    running_pid >/dev/null || die "no pulseaudio running in $dir"
    [ $# -eq 1 ] || die "usage: pulse.sh remove DIR NAME"
    # the device's own module, and for a microphone the sine and the sink behind it
    modules=$(pactl list short modules | awk -v n="$1" '$0 ~ "(source|sink)_name=" n "(-tone)?( |\t|$)" || $0 ~ "sink=" n "-tone( |\t|$)" {print $1}' | sort -rn)
    [ -n "$modules" ] || die "no device named '$1'"
    cool "$dir/warm/$1.pid"
    for module in $modules; do pactl unload-module "$module"; done
    ;;
  tone)
    running_pid >/dev/null || die "no pulseaudio running in $dir"
    [ $# -eq 2 ] && [[ "$2" =~ ^(on|off)$ ]] || die "usage: pulse.sh tone DIR NAME on|off"
    input=$(pactl list short sink-inputs | awk -v s="$(pactl list short sinks | awk -v n="$1-tone" '$2 == n {print $1}')" '$2 == s && s != "" {print $1; exit}')
    [ -n "$input" ] || die "no microphone tone named '$1'"
    pactl set-sink-input-mute "$input" "$([ "$2" = off ] && echo 1 || echo 0)"
    ;;
  default)
    running_pid >/dev/null || die "no pulseaudio running in $dir"
    [ $# -eq 1 ] || die "usage: pulse.sh default DIR NAME"
    if pactl list short sources | awk '{print $2}' | grep -qx "$1" && ! [[ "$1" == *.monitor ]]; then
      pactl set-default-source "$1"
    elif pactl list short sinks | awk '{print $2}' | grep -qx "$1"; then
      pactl set-default-sink "$1"
    else
      die "no device named '$1'"
    fi
    ;;
  stop)
    for pidfile in "$dir"/warm/*.pid; do cool "$pidfile"; done
    stop_server "$dir/pulse.pid" "$config"
    rm -f "$socket"
    ;;
  *) die "unknown command '$cmd': use start, add, remove, tone, default or stop" ;;
esac
