#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the dependencies, builds Timestamps and prints the tracklist of a
# sample mix the build generates.
set -eu
cd "$(dirname "$0")/.."

build-aux/install-deps.sh

BUILD=_build
if [ ! -f "$BUILD/build.ninja" ]; then
  meson setup "$BUILD"
fi
meson compile -C "$BUILD"
"$BUILD/app/timestamps-cli" "$BUILD/tests/demo-mix.als"
