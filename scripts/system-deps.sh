#!/bin/sh
# Shared libraries Qt (PySide6) loads even offscreen. Installed only when missing and only as root;
# otherwise say what is missing and go on (a desktop machine normally has them).
set -e
need=""
for lib in libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 libglib-2.0.so.0; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || need="$need $lib"
done
[ -z "$need" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Qt runtime libraries for:$need"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
        fonts-liberation >/dev/null
else
    echo "Warning: Qt may fail to start, missing:$need (install libegl1 libgl1 libxkbcommon0 libfontconfig1)" >&2
fi
