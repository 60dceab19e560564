#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what building and testing Timestamps needs on Debian 12.
set -eu

SUDO=
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
fi

PACKAGES="
  build-essential meson ninja-build pkg-config python3 gzip time
  libglib2.0-dev libjson-glib-dev libsodium-dev zlib1g-dev libisal-dev isal libxml2-dev
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libsecret-1-dev glib-networking gettext desktop-file-utils appstream
  libgtk-4-bin libxml2-utils librsvg2-common shared-mime-info libglib2.0-bin
  xvfb xauth dbus-daemon at-spi2-core
  clang libclang-rt-14-dev
  ffmpeg cuetools
  apache2
  flatpak-builder shellcheck nsis binutils-mingw-w64-x86-64 mingw-w64-x86-64-dev
"

# Only what is missing: a second run starts building at once, without
# asking the mirrors for package lists it does not need.
missing=
for package in $PACKAGES; do
  status=$(dpkg-query -W -f '${db:Status-Status}' "$package" 2>/dev/null || true)
  if [ "$status" != installed ]; then
    missing="$missing $package"
  fi
done
if [ -z "$missing" ]; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086 # one word per package
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
