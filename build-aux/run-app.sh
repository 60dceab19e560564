#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the dependencies, builds Timestamps, prints the tracklist of a
# sample mix the build generates and opens it in the app (which needs a
# display: prefix with `xvfb-run -a` on a headless machine).
set -eu
cd "$(dirname "$0")/.."

build-aux/install-deps.sh

BUILD=_build
if [ ! -f "$BUILD/build.ninja" ]; then
  meson setup "$BUILD"
fi
meson compile -C "$BUILD"
"$BUILD/app/timestamps-cli" "$BUILD/tests/demo-mix.als"
# devenv points GSettings, resources and translations at the build tree.
meson devenv -C "$BUILD" ./app/timestamps tests/demo-mix.als
