#!/bin/sh
# Qt's system libraries, Xvfb, a Chinese font and an emoji font (for the speller's phrase board), on
# Debian/Ubuntu. Elsewhere (Windows, macOS) the PySide6 wheel and the system fonts bring what is
# needed and this script does nothing.
# The list is the one that made PySide6 6.11 + pyqtgraph run offscreen and under Xvfb here.
set -eu
PACKAGES="xvfb libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
libxcb-image0 libxcb-render-util0 libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libdbus-1-3 fonts-noto-cjk
fonts-noto-color-emoji"

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-system-deps: no apt-get here; nothing to install." >&2
    exit 0
fi
missing=""
for package in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
if [ -z "$missing" ]; then
    exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "install-system-deps: installing$missing" >&2
$SUDO apt-get update -qq
# shellcheck disable=SC2086 # the list is meant to split into words
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
