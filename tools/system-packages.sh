#!/bin/sh
# Installs Debian packages. `run`: the libraries Qt needs to open the window (a fresh desktop often
# lacks libxcb-cursor0, and Qt then refuses to start). `test` (the default): those, and what the
# tests use: a real Secret Service (dbus, gnome-keyring), a virtual screen (xvfb) and PDF rendering
# (poppler-utils). Does nothing when they are present; without root, or on other systems, it lists
# what is missing and goes on.
set -eu

RUNTIME="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
libxcb-shape0 libxcb-xinerama0 libxcb-xfixes0 libxcb-xkb1 libnss3 libasound2 fonts-dejavu-core"
TESTS="dbus dbus-x11 gnome-keyring xvfb xauth poppler-utils"

case "${1:-test}" in
    run) PACKAGES="$RUNTIME" ;;
    test) PACKAGES="$RUNTIME $TESTS" ;;
    *) echo "system-packages: usage: system-packages.sh [run|test]" >&2; exit 2 ;;
esac

if [ ! -f /etc/debian_version ] || ! command -v dpkg-query >/dev/null 2>&1; then
    echo "system-packages: not Debian; make sure you have: $PACKAGES" | tr '\n' ' '
    echo
    exit 0
fi

missing=""
for package in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $package" ;;
    esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "system-packages: missing:$missing (run as root, or: sudo apt-get install$missing)"
    exit 0
fi
echo "system-packages: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
