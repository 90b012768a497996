#!/bin/sh
# Register the unpacked bundle with the desktop, for this user only (no administrator rights):
# a menu entry, the icon, and .parapp files opening in parapp on a double-click.
#
#     sh parapp/install.sh          (from the folder the bundle was unpacked in)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$DATA/applications" "$DATA/mime/packages" "$DATA/icons/hicolor/256x256/apps"
# the folder goes in quotes in Exec (a space would split it); \ & | are literal to sed
FOLDER=$(printf '%s\n' "$HERE" | sed 's/[\\&|]/\\&/g')
sed "s|@BUNDLE@|$FOLDER|" "$HERE/share/parapp.desktop" > "$DATA/applications/parapp.desktop"
cp "$HERE/share/parapp-mime.xml" "$DATA/mime/packages/parapp.xml"
cp "$HERE/share/parapp.png" "$DATA/icons/hicolor/256x256/apps/parapp.png"
command -v update-mime-database >/dev/null && update-mime-database "$DATA/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$DATA/applications" || true
command -v xdg-mime >/dev/null && xdg-mime default parapp.desktop application/x-parapp || true
echo "parapp: menu entry and .parapp files registered for $(id -un)"
