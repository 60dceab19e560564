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

# The app needs a session bus (for GApplication, dconf and the
# accessibility bus); a console, a container or xvfb-run has none, and GTK
# warns without one. A private bus then lives as long as the app; its
# daemon's own chatter about activating services is not the app's.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  bus_dir=$(mktemp -d)
  dbus-daemon --session --fork --print-address=3 --print-pid=4 \
    3>"$bus_dir/address" 4>"$bus_dir/pid" 2>/dev/null
  DBUS_SESSION_BUS_ADDRESS=$(cat "$bus_dir/address")
  export DBUS_SESSION_BUS_ADDRESS
  trap 'kill "$(cat "$bus_dir/pid")"; rm -r "$bus_dir"' EXIT
  # A signal ends the script through exit, so the bus goes too.
  trap 'exit 1' HUP INT TERM
fi

# devenv points GSettings, resources and translations at the build tree.
meson devenv -C "$BUILD" ./app/timestamps tests/demo-mix.als
