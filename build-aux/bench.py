#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark timestamps-cli against `gzip -dc`, and the app, on the corpus.

Usage: bench.py TIMESTAMPS_CLI TS_BENCH_APP [SHARED_DIR]

For every bench file, runs timestamps-cli and (for gzip files) `gzip -dc`
several times each and prints the median wall time with its spread, the
peak RSS and the XML throughput as a Markdown table for the README. Then
runs the app (TS_BENCH_APP under xvfb-run, one process a run) on the
largest sets: cold start, drop to all rows shown, and the longest
main-loop stall. Every figure is reported, never judged: this machine's
speed drifts, so no number here decides anything by itself.

Peak RSS comes from GNU time (package `time`), not from this script's own
wait4(): a child forked from Python inherits Python's pages, and Linux
counts them in the child's high-water mark.
"""

import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import zlib

RUNS = 21
RSS_RUNS = 3
APP_RUNS = 7
APP_FILES = ("dawtool/bench/als100000.als", "public/als/owenbush-ableton-inspector-Broom_Bap.als")


def run_once(argv):
    """Wall seconds of one run, output discarded."""
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def times(argv, runs=RUNS):
    return [run_once(argv) for _ in range(runs)]


def ms(values):
    """Median and range of seconds, in milliseconds."""
    return (f"{statistics.median(values) * 1000:.1f} ms "
            f"({min(values) * 1000:.1f}–{max(values) * 1000:.1f})")


def machine():
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            model = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{model}, {os.cpu_count()} cores"


def peak_rss_kib(argv):
    """Largest peak RSS over a few runs, as GNU time reports it."""
    peak = 0
    for _ in range(RSS_RUNS):
        done = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, check=True)
        peak = max(peak, int(done.stderr.strip().splitlines()[-1]))
    return peak


def xml_size(path):
    """Size of the inflated XML, or None when the file is not gzip."""
    with open(path, "rb") as f:
        if f.read(2) != b"\x1f\x8b":
            return None
        f.seek(0)
        inflater = zlib.decompressobj(wbits=31)
        size = 0
        while chunk := f.read(1 << 16):
            size += len(inflater.decompress(chunk))
        return size + len(inflater.flush())


def bench_files(shared):
    corpus = os.path.join(shared, "corpus", "dawtool")
    bench = os.path.join(corpus, "bench")
    files = []
    for prefix, ext in (("als", ".als"), ("flp", ".flp")):
        named = [f for f in os.listdir(bench) if f.startswith(prefix) and f.endswith(ext)]
        named.sort(key=lambda f: int(f[len(prefix):-len(ext)]))
        files += [os.path.join(bench, f) for f in named]
    live9 = os.path.join(corpus, "als", "live9")
    files += sorted(os.path.join(live9, f) for f in os.listdir(live9) if f.endswith(".als"))
    return files


def app_runs(app, path):
    """The app's figures over APP_RUNS processes, each under its own Xvfb."""
    runs = []
    for _ in range(APP_RUNS):
        done = subprocess.run(["xvfb-run", "-a", app, path], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, check=True)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {key: [run[key] / 1000 for run in runs] for key in runs[0]}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cli, app = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    shared = sys.argv[3] if len(sys.argv) > 3 else os.path.join(here, "..", "..", "shared")
    if not os.path.isdir(os.path.join(shared, "corpus")):
        sys.exit(f"bench: no corpus under {shared}")

    print(f"{datetime.date.today()}, {machine()}")
    print(f"{RUNS} runs each; median wall time (fastest–slowest); "
          "peak RSS is the largest of the runs\n")
    print("| file | size | XML | timestamps-cli | gzip -dc | ratio | MB/s of XML | peak RSS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for path in bench_files(shared):
        inflated = xml_size(path)
        cli_times = times([cli, path])
        cli_time = statistics.median(cli_times)
        cli_rss = peak_rss_kib([cli, path])
        if inflated is not None:
            gz_times = times(["gzip", "-dc", path])
            gz = ms(gz_times)
            ratio = f"{cli_time / statistics.median(gz_times):.2f}×"
            rate = f"{inflated / cli_time / 1e6:.0f}"
            xml = f"{inflated / 1e6:.2f} MB"
        else:
            gz = ratio = rate = xml = "—"
        name = os.path.relpath(path, os.path.join(shared, "corpus", "dawtool"))
        print(f"| {name} | {os.path.getsize(path) / 1e3:.0f} kB | {xml} | {ms(cli_times)} | {gz} | "
              f"{ratio} | {rate} | {cli_rss / 1024:.1f} MB |")

    print(f"\nThe app, {APP_RUNS} processes each under Xvfb; median (fastest–slowest)\n")
    print("| file | cold start | drop to all rows shown | ÷ timestamps-cli | longest main-loop stall |")
    print("|---|---:|---:|---:|---:|")
    for name in APP_FILES:
        path = os.path.join(shared, "corpus", name)
        figures = app_runs(app, path)
        cli_time = statistics.median(times([cli, path]))
        ratio = statistics.median(figures["open_ms"]) / cli_time
        print(f"| {os.path.basename(path)} | {ms(figures['cold_start_ms'])} | {ms(figures['open_ms'])} | "
              f"{ratio:.1f}× | {ms(figures['max_stall_ms'])} |")


if __name__ == "__main__":
    main()
