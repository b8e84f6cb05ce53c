#!/usr/bin/env bash
# Installs the demo's Debian package (package-demo.sh), starts it under a display, waits for
# the launcher window ("Parley demo"), then removes the package and checks that it is gone.
# Part of the README's test command; needs root (dpkg) and x11-utils (xwininfo).
set -euo pipefail
cd "$(dirname "$0")/../.."
deb=$(ls demo/target/package/parley-demo_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "test-demo-package.sh: no package; run src/scripts/package-demo.sh first" >&2; exit 1; }
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null || true
  "${sudo_cmd[@]}" dpkg -r parley-demo >/dev/null 2>&1 || true
}
trap cleanup EXIT
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "./$deb" >/dev/null
launcher=/opt/parley-demo/bin/parley-demo
[ -x "$launcher" ] || { echo "test-demo-package.sh: $launcher was not installed" >&2; exit 1; }
home=$(mktemp -d)
HOME="$home" "$launcher" > "$home/demo.log" 2>&1 &
app=$!
for _ in $(seq 1 60); do
  windows=$(xwininfo -root -tree 2>/dev/null || true)
  if grep -q '"Parley demo"' <<<"$windows"; then
    echo "test-demo-package.sh: the installed demo shows its launcher window"
    kill "$app"; wait "$app" 2>/dev/null || true; app=
    "${sudo_cmd[@]}" dpkg -r parley-demo >/dev/null
    if [ -e /opt/parley-demo ]; then echo "test-demo-package.sh: /opt/parley-demo is left after removal" >&2; exit 1; fi
    echo "test-demo-package.sh: removed cleanly"
    exit 0
  fi
  kill -0 "$app" 2>/dev/null || { echo "test-demo-package.sh: the demo exited:" >&2; cat "$home/demo.log" >&2; exit 1; }
  sleep 1
done
echo "test-demo-package.sh: no launcher window within 60 s; the demo said:" >&2
cat "$home/demo.log" >&2
exit 1
