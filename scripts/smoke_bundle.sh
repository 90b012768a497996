#!/bin/sh
# The bundle on its own, as on a council member's laptop: no virtualenv, no project on the
# path, a fresh home. `parapp --version`, the demo, a report, and the window opening the demo
# (offscreen) and staying open until stopped, with nothing failed in its log.
#
#     sh scripts/smoke_bundle.sh [dist/parapp]
set -eu
BUNDLE=$(cd "${1:-dist/parapp}" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
run() {
    env -i HOME="$WORK" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        "$BUNDLE/parapp" "$@"
}
run --version | grep -q '^parapp '
run demo demo.parapp --units 12
run report annex demo.parapp -o annex.pdf
head -c 5 annex.pdf | grep -q '%PDF-'
status=0
run demo.parapp >window.out 2>&1 & pid=$!
sleep 20
kill "$pid" 2>/dev/null || status=$?  # it ended by itself: a failure
wait "$pid" 2>/dev/null || true
test "$status" = 0 || { echo "the window did not stay open"; cat window.out; exit 1; }
log="$WORK/.local/state/parapp/log/parapp.log"
grep -q 'end Đang mở demo.parapp: done' "$log" || { echo "the demo was not opened"; cat "$log"; exit 1; }
if grep -q 'Traceback\|ERROR' "$log"; then echo "errors in the log"; cat "$log"; exit 1; fi
# the desktop registration, for a user without administrator rights
if [ -f "$BUNDLE/install.sh" ]; then
    env -i HOME="$WORK" PATH=/usr/bin:/bin XDG_DATA_HOME="$WORK/data" sh "$BUNDLE/install.sh"
    grep -qF "Exec=\"$BUNDLE/parapp\" %f" "$WORK/data/applications/parapp.desktop"
    grep -q 'glob pattern="\*.parapp"' "$WORK/data/mime/packages/parapp.xml"
    test -s "$WORK/data/icons/hicolor/256x256/apps/parapp.png"
fi
echo "bundle smoke test: ok ($(du -sh "$BUNDLE" | cut -f1))"
