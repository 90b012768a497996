#!/bin/sh
# What a bare Debian machine lacks for `make run` and `make test`: venv's pip bootstrap
# (ensurepip, which Debian ships apart as python3-venv; `make` creates .venv with it) and the
# shared libraries Qt (PySide6) loads, offscreen (tests) and on an X11 desktop (make run).
# Installed only when missing and only as root; otherwise say what is missing and go on
# (a desktop machine normally has them).
set -e
venv=""
"${PYTHON:-python3}" -c "import ensurepip" 2>/dev/null || venv="python3-venv"
need=""
for lib in libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 \
           libglib-2.0.so.0 libxkbcommon-x11.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 \
           libxcb-image.so.0 libxcb-render-util.so.0 libxcb-cursor.so.0 libxcb-shape.so.0 \
           libxcb-randr.so.0 libxcb-xinerama.so.0 libxcb-xkb.so.1; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || need="$need $lib"
done
[ -z "$need" ] && [ -z "$venv" ] && exit 0

# apt-get, waiting while another package manager (an update at boot, unattended-upgrades, a
# second terminal) holds apt's lock: up to APT_LOCK_WAIT seconds, then one line saying why.
apt_get() {
    waited=0
    while :; do
        if out=$(apt-get "$@" 2>&1); then
            return 0
        fi
        case "$out" in
            *"Could not get lock"*|*"Unable to lock"*|*"Unable to acquire the dpkg frontend lock"*)
                if [ "$waited" -ge "${APT_LOCK_WAIT:-600}" ]; then
                    echo "parapp: another package manager has held apt's lock for ${waited} s;" \
                         "run this again when it is done" \
                         "(see: ps -C apt-get,apt,dpkg,unattended-upgr)" >&2
                    return 1
                fi
                if [ "$waited" -eq 0 ]; then
                    echo "parapp: another package manager holds apt's lock; waiting for it" \
                         "(up to ${APT_LOCK_WAIT:-600} s)…" >&2
                fi
                sleep 5
                waited=$((waited + 5));;
            *)
                printf '%s\n' "$out" >&2
                return 1;;
        esac
    done
}

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt_get update -qq
    if [ -n "$venv" ]; then
        echo "Installing $venv (Python's venv cannot install pip without it)"
        apt_get install -y -qq --no-install-recommends "$venv"
    fi
    [ -z "$need" ] && exit 0
    echo "Installing Qt runtime libraries for:$need"
    apt_get install -y -qq --no-install-recommends \
        libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
        libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-cursor0 \
        libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 fonts-liberation
else
    [ -n "$venv" ] && echo "Warning: creating .venv needs $venv (as root: apt-get install" \
        "$venv)" >&2
    [ -z "$need" ] && exit 0
    echo "Warning: Qt may fail to start, missing:$need (Debian: libxcb-icccm4 libxcb-keysyms1" \
         "libxcb-image0 libxcb-render-util0 libxcb-cursor0 libegl1 libgl1 libxkbcommon-x11-0)" >&2
fi
