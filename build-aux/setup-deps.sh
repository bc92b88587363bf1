#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian 12 packages Ministerial needs to build, test and run,
# but only when one of them is missing. Quiet when everything is present.
#
#   build-aux/setup-deps.sh
#
# Needs root, or sudo, the first time. Safe to run again and again.
set -euo pipefail

packages=(
  # build
  gcc libc6-dev pkg-config meson ninja-build gettext
  libgtk-4-dev libadwaita-1-dev libical-dev libjson-glib-dev
  libglib2.0-bin shared-mime-info
  # runtime: SVG icons (only recommended by GTK, and recommends are off)
  librsvg2-common
  # validation of data files
  desktop-file-utils appstream-util appstream
  # tests: a display, a D-Bus session, accessibility, calendars, PDFs, images
  xvfb xauth xdotool at-spi2-core dbus dbus-x11
  python3 python3-icalendar python3-vobject python3-pyatspi radicale
  poppler-utils imagemagick
  # fonts for deterministic rendering and agendas (Latin, CJK)
  fonts-noto-core fonts-noto-cjk fonts-dejavu-core
  # benchmarks: the MIP solver of bench/mip-yardstick.py
  coinor-cbc
)

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
  if [[ "$status" != ii* ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "setup-deps: installing ${missing[*]}" >&2

if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "setup-deps: missing packages (${missing[*]}) and neither root nor sudo to install them" >&2
  exit 1
fi

"${as_root[@]}" apt-get update -q </dev/null
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
