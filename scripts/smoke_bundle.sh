#!/bin/sh
# The bundle on its own, as on a council member's laptop: no virtualenv, no project on the
# path, a fresh home. `parapp --version`, the demo, a report, workbooks written and read (an
# .xls error value named: xlrd and calamine are in), result notices laid out by worker
# processes started with "spawn" (as on Windows), and the window opening the demo (offscreen)
# and staying open until stopped, with nothing failed in its log.
#
#     sh scripts/smoke_bundle.sh [dist/parapp]
set -eu
BUNDLE=$(cd "${1:-dist/parapp}" && pwd)
FIXTURES=$(cd "$(dirname "$0")/../tests/fixtures" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
run() {  # the bundle's parapp alone: a bare environment, a fresh home
    set -- env -i HOME="$WORK" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        "$BUNDLE/parapp" "$@"
    if [ -n "${IN_BACKGROUND:-}" ]; then exec "$@"; fi
    "$@"
}
run --version | grep -q '^parapp '
run demo demo.parapp --units 12
run report annex demo.parapp -o annex.pdf
head -c 5 annex.pdf | grep -q '%PDF-'
run export data demo.parapp -o du-lieu.xlsx
run import scores demo.parapp du-lieu.xlsx | grep -q '0 dòng có thay đổi'
if run import scores demo.parapp "$FIXTURES/loi-gia-tri.xls" >xls.out 2>&1; then
    echo "an .xls holding #DIV/0! was imported"; exit 1
fi
grep -q 'Điểm!C2: ô chứa giá trị lỗi #DIV/0! của Excel' xls.out || { cat xls.out; exit 1; }
run demo lon.parapp --units 45  # 40 notices or more: worker processes
run report notice lon.parapp --all-units -o thong-bao
test "$(ls thong-bao | grep -c '\.pdf$')" -ge 40
status=0
# exec'd in the background job: its pid is parapp's own, so the kill below ends the window
# (killing a shell around it left the window running)
(IN_BACKGROUND=1 run demo.parapp) >window.out 2>&1 & pid=$!
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
