#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when timestamps-cli links a library reading a project does not need.

Usage: check-cli-libraries.py TIMESTAMPS_CLI

Every library the dynamic linker loads costs start-up time on every run,
and reading a small set takes about that long: the Pro commands run in
timestamps-cli-pro for that reason (app/ts-cli-pro-launch.c), and the Live
set reader does without libxml2. This reads the program's ELF NEEDED
entries, so that a call into Pro code or libxml2 from timestamps-cli shows
up here, not as a slower benchmark.
"""

import subprocess
import sys

# What the Pro commands bring in, and nothing reading a project needs.
PRO_ONLY = ("libgio-2.0", "libjson-glib", "libsodium", "libsoup", "libsecret", "libgobject-2.0")
# The fast Live set reader decodes attributes itself; libxml2, with ICU
# and libstdc++ behind it, cost every run about 1.3 ms to load.
NOT_FOR_READING = ("libxml2",)


def main():
    cli = sys.argv[1]
    done = subprocess.run(["objdump", "-p", cli], capture_output=True, text=True)
    if done.returncode != 0:
        print(f"1..0 # SKIP objdump cannot read {cli}: {done.stderr.strip()}")
        return 0
    needed = [line.split()[1] for line in done.stdout.splitlines() if line.strip().startswith("NEEDED")]
    print("1..1")
    print(f"# NEEDED: {' '.join(needed)}")
    wrong = [lib for lib in needed if lib.startswith(PRO_ONLY + NOT_FOR_READING)]
    if wrong:
        print(f"not ok 1 timestamps-cli links what reading projects does not need: {' '.join(wrong)}")
        return 1
    print("ok 1 timestamps-cli links only what reading projects needs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
