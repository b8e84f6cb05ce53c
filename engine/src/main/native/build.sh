#!/usr/bin/env bash
# Builds Parley's frame converter (parley_yuv.c) into the engine's classes, where NativeYuv
# finds it. Called by engine/pom.xml's profile native-yuv; needs gcc and libyuv-dev
# (src/scripts/install-deps.sh installs both). libyuv is linked in statically and its symbols
# kept private, so the library needs nothing but libc at run time.
#   build.sh OUTPUT_DIR JAVA_HOME
set -euo pipefail
out=$1/dev/parley/engine/internal/rtc/linux-x86-64
java_home=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
gcc -O2 -fPIC -shared -Wall -Werror -std=c11 \
  -I"$java_home/include" -I"$java_home/include/linux" \
  -o "$out/libparleyyuv.so" "$here/parley_yuv.c" \
  -Wl,-Bstatic -lyuv -Wl,-Bdynamic -Wl,--exclude-libs,ALL -Wl,-z,noexecstack -Wl,-z,defs
