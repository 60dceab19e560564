#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the dependencies, builds with AddressSanitizer and UBSan, and
# runs every test. This is what CI runs.
set -eu
cd "$(dirname "$0")/.."

build-aux/install-deps.sh

BUILD=_build-test
if [ -f "$BUILD/build.ninja" ]; then
  meson setup --reconfigure "$BUILD" -Db_sanitize=address,undefined -Db_lundef=false
else
  meson setup "$BUILD" -Db_sanitize=address,undefined -Db_lundef=false
fi
meson compile -C "$BUILD"
# UBSan reports are failures, not warnings.
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  meson test -C "$BUILD" --print-errorlogs --num-processes 2
