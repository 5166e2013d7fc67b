#!/usr/bin/env bash
# Installs the Debian packages a bare machine needs to show a Qt window
# (offscreen for tests, X11 for `make run`), and PostgreSQL, which the tests start as a
# throw-away server for team libraries, and the validators of the menu entry and AppStream
# data in packaging/ (desktop-file-utils, appstream). Installs only what is missing.
set -euo pipefail
pkgs=(
  python3-venv
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-dejavu-core
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0
  libxcb-sync1 libxcb-shm0 libxcb-xkb1 libx11-xcb1
  postgresql
  desktop-file-utils appstream
)
command -v dpkg-query >/dev/null || { echo "not a Debian machine: install the Qt libraries listed in README.md by hand" >&2; exit 0; }
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
