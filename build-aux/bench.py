#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark timestamps-cli against `gzip -dc`, and the app, on the corpus.

Usage: bench.py TIMESTAMPS_CLI TS_BENCH_APP [SHARED_DIR]

For every bench file, runs timestamps-cli and (for gzip files) `gzip -dc`
several times each and prints the median wall time with its spread, the
peak RSS and the XML throughput as a Markdown table for the README. Then
runs the app (TS_BENCH_APP under xvfb-run, one process a run) on the
largest sets: cold start, drop to all rows shown, and the longest
main-loop stall. Last, `timestamps-cli batch` over a generated folder of
BATCH_PROJECTS small cue sheets: its wall time and the cost per project.
Batch export is Pro: the licence comes from TS_BENCH_LICENSE (a program
printing a test-key licence, which a -Dlicense_key=test build accepts) or
else from the user's own stored licence. Every figure is reported, never judged: this machine's
speed drifts, so no number here decides anything by itself.

Peak RSS comes from GNU time (package `time`), not from this script's own
wait4(): a child forked from Python inherits Python's pages, and Linux
counts them in the child's high-water mark.
"""

import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib

RUNS = 21
RSS_RUNS = 3
APP_RUNS = 7
BATCH_PROJECTS = 1000
BATCH_RUNS = 7
APP_FILES = ("dawtool/bench/als100000.als", "public/als/owenbush-ableton-inspector-Broom_Bap.als")


def run_once(argv):
    """Wall seconds of one run, output discarded."""
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def times(argv, runs=RUNS):
    return [run_once(argv) for _ in range(runs)]


def alternating(commands, runs=RUNS):
    """Wall seconds of each command, run in turn, so that a change in the
    machine's speed falls on all of them alike."""
    results = {key: [] for key in commands}
    for _ in range(runs):
        for key, argv in commands.items():
            results[key].append(run_once(argv))
    return results


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
    return {key: [run[key] / 1000 for run in runs if run[key] is not None] for key in runs[0]}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cli, app = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    shared = sys.argv[3] if len(sys.argv) > 3 else os.path.join(here, "..", "..", "shared")
    if not os.path.isdir(os.path.join(shared, "corpus")):
        sys.exit(f"bench: no corpus under {shared}")

    # A build configured with -Disal=disabled, to show what zlib alone gives.
    zlib_cli = os.environ.get("TS_BENCH_CLI_ZLIB")
    igzip = shutil.which("igzip")

    print(f"{datetime.date.today()}, {machine()}")
    print(f"{RUNS} runs each, the programs alternating; median wall time (fastest–slowest); "
          "ratios are of medians from the same run; peak RSS is the largest of the runs\n")
    print("| file | size | XML | timestamps-cli | gzip -dc | ÷ gzip | igzip -dc | ÷ igzip "
          "| zlib build ÷ gzip | MB/s of XML | peak RSS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    flp_medians = {}
    for path in bench_files(shared):
        inflated = xml_size(path)
        gzipped = inflated is not None
        commands = {"cli": [cli, path]}
        if gzipped:
            commands["gzip"] = ["gzip", "-dc", path]
            if igzip:
                commands["igzip"] = [igzip, "-dc", path]
            if zlib_cli:
                commands["zlib"] = [zlib_cli, path]
        runs = alternating(commands)
        medians = {key: statistics.median(values) for key, values in runs.items()}
        cli_rss = peak_rss_kib([cli, path])

        def against(key, base):
            return f"{medians[key] / medians[base]:.2f}×" if key in medians and base in medians else "—"

        name = os.path.relpath(path, os.path.join(shared, "corpus", "dawtool"))
        if name.startswith("bench/flp"):
            flp_medians[name] = medians["cli"]
        xml = f"{inflated / 1e6:.2f} MB" if gzipped else "—"
        rate = f"{inflated / medians['cli'] / 1e6:.0f}" if gzipped else "—"
        print(f"| {name} | {os.path.getsize(path) / 1e3:.0f} kB | {xml} | {ms(runs['cli'])} | "
              f"{ms(runs['gzip']) if gzipped else '—'} | {against('cli', 'gzip')} | "
              f"{ms(runs['igzip']) if 'igzip' in runs else '—'} | {against('cli', 'igzip')} | "
              f"{against('zlib', 'gzip')} | {rate} | {cli_rss / 1024:.1f} MB |")

    if "bench/flp0.flp" in flp_medians and "bench/flp100000.flp" in flp_medians:
        print(f"\nFL Studio: 100 000 tempo points cost "
              f"{flp_medians['bench/flp100000.flp'] / flp_medians['bench/flp0.flp']:.2f}× an empty project")

    print(f"\nThe app, {APP_RUNS} processes each under Xvfb; median (fastest–slowest)\n")
    print("| file | cold start | drop to all rows shown | ÷ timestamps-cli | longest main-loop stall |")
    print("|---|---:|---:|---:|---:|")
    splits = {}
    for name in APP_FILES:
        path = os.path.join(shared, "corpus", name)
        figures = app_runs(app, path)
        cli_time = statistics.median(times([cli, path]))
        ratio = statistics.median(figures["open_ms"]) / cli_time
        splits[name] = figures
        print(f"| {os.path.basename(path)} | {ms(figures['cold_start_ms'])} | {ms(figures['open_ms'])} | "
              f"{ratio:.1f}× | {ms(figures['max_stall_ms'])} |")

    print("\nWhere the drop to all rows went, medians of the same runs "
          "(tests/gui/ts-bench-app.c says what each step spans)\n")
    print("| file | read (worker) | tempo map and tracklist (worker) | rows into the view | layout | paint |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, figures in splits.items():
        steps = [f"{statistics.median(figures[key]) * 1000:.1f} ms" if figures[key] else "—"
                 for key in ("read_ms", "tracklist_ms", "rows_ms", "layout_ms", "paint_ms")]
        print(f"| {os.path.basename(name)} | " + " | ".join(steps) + " |")

    bench_batch(cli)


def write_cue_sheets(folder, count):
    """COUNT small cue sheets of 10 tracks, a few per subfolder."""
    for i in range(count):
        sub = os.path.join(folder, f"set{i // 50:02d}")
        os.makedirs(sub, exist_ok=True)
        tracks = "".join(f'  TRACK {t + 1:02d} AUDIO\n    PERFORMER "Artist {t}"\n'
                         f'    TITLE "Track {t}"\n    INDEX 01 {t * 4:02d}:{t * 7 % 60:02d}:00\n'
                         for t in range(10))
        with open(os.path.join(sub, f"mix{i:04d}.cue"), "w") as f:
            f.write(f'FILE "mix{i:04d}.wav" WAVE\n{tracks}')


def batch_env(cli, config):
    """An environment in which CLI has Pro, or None when none is at hand."""
    env = dict(os.environ, XDG_CONFIG_HOME=config)
    tool = os.environ.get("TS_BENCH_LICENSE")
    if tool:
        key = subprocess.run([tool], capture_output=True, text=True, check=True).stdout.strip()
        if subprocess.run([cli, "license", "activate", key], env=env,
                          capture_output=True).returncode == 0:
            return env
    status = subprocess.run([cli, "license", "status"], capture_output=True, text=True)
    if status.returncode == 0 and json.loads(status.stdout)["state"] == "active":
        return dict(os.environ)
    return None


def bench_batch(cli):
    with tempfile.TemporaryDirectory(prefix="ts-bench-batch-") as root:
        projects, out, config = (os.path.join(root, name) for name in ("projects", "out", "config"))
        write_cue_sheets(projects, BATCH_PROJECTS)
        env = batch_env(cli, config)
        if env is None:
            print(f"\ntimestamps-cli batch: skipped, it needs Pro (build with -Dlicense_key=test "
                  "or activate a licence)")
            return
        argv = [cli, "batch", projects, "--format", "text", "--output-dir", out]
        runs = []
        for _ in range(BATCH_RUNS):
            shutil.rmtree(out, ignore_errors=True)
            start = time.perf_counter()
            subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            runs.append(time.perf_counter() - start)
        per_project = [run / BATCH_PROJECTS for run in runs]
        print(f"\ntimestamps-cli batch, {BATCH_PROJECTS} cue sheets of 10 tracks, {os.cpu_count()} threads, "
              f"{BATCH_RUNS} runs: {ms(runs)}, {statistics.median(per_project) * 1e6:.0f} µs per project")


if __name__ == "__main__":
    main()
