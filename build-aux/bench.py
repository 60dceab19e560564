#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark timestamps-cli against `gzip -dc` on the corpus bench files.

Usage: bench.py TIMESTAMPS_CLI [SHARED_DIR]

For every bench file, runs timestamps-cli and (for gzip files) `gzip -dc`
several times each and prints the median wall time, the peak RSS and the
XML throughput as a Markdown table for the README.

Peak RSS comes from GNU time (package `time`), not from this script's own
wait4(): a child forked from Python inherits Python's pages, and Linux
counts them in the child's high-water mark.
"""

import os
import statistics
import subprocess
import sys
import time
import zlib

RUNS = 21
RSS_RUNS = 3


def run_once(argv):
    """Wall seconds of one run, output discarded."""
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def median_time(argv):
    return statistics.median(run_once(argv) for _ in range(RUNS))


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


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cli = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    shared = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "shared")
    if not os.path.isdir(os.path.join(shared, "corpus")):
        sys.exit(f"bench: no corpus under {shared}")

    print(f"{RUNS} runs each; median wall time; peak RSS is the largest of the runs\n")
    print("| file | size | XML | timestamps-cli | gzip -dc | ratio | MB/s of XML | peak RSS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for path in bench_files(shared):
        inflated = xml_size(path)
        cli_time = median_time([cli, path])
        cli_rss = peak_rss_kib([cli, path])
        if inflated is not None:
            gz_time = median_time(["gzip", "-dc", path])
            gz = f"{gz_time * 1000:.1f} ms"
            ratio = f"{cli_time / gz_time:.2f}×"
            rate = f"{inflated / cli_time / 1e6:.0f}"
            xml = f"{inflated / 1e6:.2f} MB"
        else:
            gz = ratio = rate = xml = "—"
        name = os.path.relpath(path, os.path.join(shared, "corpus", "dawtool"))
        print(f"| {name} | {os.path.getsize(path) / 1e3:.0f} kB | {xml} | {cli_time * 1000:.1f} ms | {gz} | "
              f"{ratio} | {rate} | {cli_rss / 1024:.1f} MB |")


if __name__ == "__main__":
    main()
