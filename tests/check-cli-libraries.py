#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when timestamps-cli links a library that only its Pro commands need.

Usage: check-cli-libraries.py TIMESTAMPS_CLI

Every library the dynamic linker loads costs start-up time on every run,
and reading a small set takes about that long: the Pro commands run in
timestamps-cli-pro for that reason (app/ts-cli-pro-launch.c). This reads
the program's ELF NEEDED entries, so that a call into Pro code from
timestamps-cli shows up here, not as a slower benchmark.
"""

import subprocess
import sys

# What the Pro commands bring in, and nothing reading a project needs.
PRO_ONLY = ("libgio-2.0", "libjson-glib", "libsodium", "libsoup", "libsecret", "libgobject-2.0")


def main():
    cli = sys.argv[1]
    done = subprocess.run(["objdump", "-p", cli], capture_output=True, text=True)
    if done.returncode != 0:
        print(f"1..0 # SKIP objdump cannot read {cli}: {done.stderr.strip()}")
        return 0
    needed = [line.split()[1] for line in done.stdout.splitlines() if line.strip().startswith("NEEDED")]
    print("1..1")
    print(f"# NEEDED: {' '.join(needed)}")
    wrong = [lib for lib in needed if lib.startswith(PRO_ONLY)]
    if wrong:
        print(f"not ok 1 timestamps-cli links what only Pro needs: {' '.join(wrong)}")
        return 1
    print("ok 1 timestamps-cli links only what reading projects needs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
