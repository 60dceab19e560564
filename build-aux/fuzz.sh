#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every fuzz target (tests/fuzz/), or the TARGETs named, for SECONDS
# each (default 60), one after the other on one core, in its own clang build (_build-fuzz, or
# $TS_FUZZ_BUILD). The corpus each target grows stays in the build folder
# for the next run. Fails on any crash, leak or timeout; the input that
# caused it is kept as BUILD/fuzz-artifacts/TARGET-*, to be minimised into
# tests/fuzz/regressions/TARGET/. Each run appends a line per target to
# BUILD/fuzz-results.tsv: the date, target, seconds asked for,
# executions, result, and the CPU seconds it got (less than asked for
# on a busy machine: libFuzzer's limit is wall time).
set -eu
cd "$(dirname "$0")/.."

seconds=${1:-60}
[ $# -gt 0 ] && shift
only="$*"
build=${TS_FUZZ_BUILD:-_build-fuzz}
shared=${TS_SHARED_DIR:-../shared}

# Quiet unless something fails: then the whole log.
quietly () {
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log"
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

if [ ! -f "$build/build.ninja" ]; then
  CC=${CC:-clang} quietly meson setup "$build" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dlicense_key=test -Dpackaging_tests=disabled
fi
quietly meson compile -C "$build" fuzz

seeds="$build/tests/fuzz/seeds"
# The shared corpus's real files as further seeds, by format; the largest
# (the benchmark's 100 000-point sets) would only slow every mutation.
shared_seeds="$build/fuzz-shared-seeds"
rm -rf "$shared_seeds"
mkdir -p "$shared_seeds/als" "$shared_seeds/flp" "$shared_seeds/cue"
for folder in corpus wild; do
  if [ -d "$shared/$folder" ]; then
    find "$shared/$folder" -type f -size -1024k \( -name '*.als' -o -name '*.flp' -o -name '*.cue' \) |
      while read -r path; do
        extension=${path##*.}
        cp "$path" "$shared_seeds/$extension/$(echo "$path" | cksum | cut -d' ' -f1).$extension"
      done
  fi
done

artifacts="$build/fuzz-artifacts"
logs="$build/fuzz-logs"
mkdir -p "$artifacts" "$logs"
results="$build/fuzz-results.tsv"
status=0

# target, dictionary, seed folders (from tests/fuzz/meson.build's table)
while read -r target dictionary folders; do
  case " ${only:-$target} " in
    *" $target "*) ;;
    *) continue ;;
  esac
  corpus="$build/fuzz-corpus/$target"
  mkdir -p "$corpus"
  set --
  for folder in $folders; do
    set -- "$@" "$seeds/$folder"
    if [ -d "$shared_seeds/$folder" ]; then
      set -- "$@" "$shared_seeds/$folder"
    fi
  done
  if [ "$dictionary" != - ]; then
    set -- -dict="tests/fuzz/$dictionary" "$@"
  fi

  log="$logs/$target.log"
  times="$logs/$target.time"
  result=ok
  # No leak may hide behind GLib's caches: its slices go to malloc.
  G_SLICE=always-malloc ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    /usr/bin/time -o "$times" -f '%U %S' \
    "$build/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=262144 -print_final_stats=1 -artifact_prefix="$artifacts/$target-" \
    "$corpus" "$@" >"$log" 2>&1 || result=failed
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cpu=$(awk 'END { printf "%.0f", $1 + $2 }' "$times")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$target" "$seconds" \
    "${executions:-0}" "$result" "$cpu" >>"$results"
  echo "fuzz-$target: ${executions:-0} executions in $seconds s ($cpu s of CPU): $result"
  if [ "$result" != ok ]; then
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -n 5 || true
    status=1
  fi
done <<'TARGETS'
als als.dict als
als-gzip als.dict als
als-reference als.dict als
als-reference-gzip als.dict als
als-differential als.dict als
flp flp.dict flp
cue cue.dict cue
detect - detect als flp cue
export - als flp cue
license-key license.dict license-key
license-file license.dict license-file
webdav webdav.dict webdav
library library.dict library
TARGETS

exit $status
