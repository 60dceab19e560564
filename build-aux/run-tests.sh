#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the dependencies, builds with AddressSanitizer and UBSan, and
# runs every test (GUI tests under Xvfb). This is what CI runs.
set -eu
cd "$(dirname "$0")/.."

build-aux/install-deps.sh

setup () {
  if [ -f "$1/build.ninja" ]; then
    meson setup --reconfigure "$@"
  else
    meson setup "$@"
  fi
}

status=0

# Every test, with AddressSanitizer and UBSan; UBSan reports are failures.
# The test build trusts the test licence key, so tests can issue licences.
# ISA-L inflates there, where it is installed (install-deps.sh sees to it).
setup _build-test -Db_sanitize=address,undefined -Db_lundef=false -Dlicense_key=test -Disal=enabled
meson compile -C _build-test
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  xvfb-run -a meson test -C _build-test --print-errorlogs --num-processes 2 || status=1

# Where ISA-L is missing zlib inflates: the tests that read Live sets run
# again in a build without it.
zlib_tests="gzip-source ableton-set hostile-input conformance project cli"
setup _build-zlib -Db_sanitize=address,undefined -Db_lundef=false -Dlicense_key=test -Disal=disabled
# shellcheck disable=SC2046 # one target per test
meson compile -C _build-zlib app/timestamps-cli app/timestamps-cli-pro timestamps-gmo \
  $(for name in $zlib_tests; do echo "tests/test-$name"; done)
# shellcheck disable=SC2086 # one word per test
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  meson test -C _build-zlib --no-rebuild --print-errorlogs --num-processes 2 $zlib_tests || status=1

# Every fuzz target for 60 s in its own clang build (libFuzzer); any
# crash, leak or timeout fails the run. About twelve minutes in all.
build-aux/fuzz.sh 60 || status=1

# One closing line over both runs, in the plain form any CI reads.
python3 - _build-test/meson-logs/testlog.json _build-zlib/meson-logs/testlog.json <<'EOF'
import json, sys
results = [json.loads(line)["result"] for path in sys.argv[1:] for line in open(path) if line.strip()]
passed = sum(result in ("OK", "EXPECTEDFAIL") for result in results)
skipped = sum(result == "SKIP" for result in results)
print(f"{passed} passed, {len(results) - passed - skipped} failed, {skipped} skipped")
EOF
exit $status
