#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest without building it (and without network).

flatpak-builder only warns about what it does not understand (a
misspelt property is ignored, exit status 0): any output on stderr or
any warning line fails here. Then the manifest as flatpak-builder read
it must ask for GNOME 50, grant exactly the permissions the app needs,
and pin every source. The libraries the runtime lacks must be there at the
verified pins (flatpak/README.md says how each was verified), and the app
must insist on ISA-L, so that a build without it fails instead of
silently falling back to zlib.

Usage: check-manifest.py FLATPAK_BUILDER MANIFEST APP_ID
"""
import json
import pathlib
import subprocess
import sys
import tempfile

RUNTIME = ("org.gnome.Platform", "org.gnome.Sdk", "50")
# IPC for X11's shared memory, the display, GL, and the network for
# refreshing licence files; no --filesystem: files come through the portal.
FINISH_ARGS = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11",
               "--device=dri", "--share=network"]
# module: (url, tag, commit), each verified against Debian 12's source
# package of the same version; see flatpak/README.md.
PINS = {
    "libsodium": ("https://github.com/jedisct1/libsodium.git", "1.0.18",
                  "4f5e89fa84ce1d178a6765b8b46f2b6f91216677"),
    "isa-l": ("https://github.com/intel/isa-l.git", "v2.30.0",
              "2df39cf5f1b9ccaa2973f6ef273857e4dc46f0cf"),
}
APP_MODULE = "timestamps"
# Options the app module must be configured with.
APP_OPTS = ["-Dpackaging_tests=disabled", "-Disal=enabled"]


def sources(modules):
    for module in modules:
        if isinstance(module, dict):
            for source in module.get("sources", []):
                yield module["name"], source
            yield from sources(module.get("modules", []))


def main():
    builder, manifest, app_id = sys.argv[1:4]
    manifest = pathlib.Path(manifest).resolve()
    problems = []
    # flatpak-builder leaves a state folder in the working directory.
    with tempfile.TemporaryDirectory(prefix="ts-flatpak-") as cwd:
        result = subprocess.run([builder, "--show-manifest", str(manifest)],
                                capture_output=True, text=True, cwd=cwd)
    if result.returncode != 0:
        problems.append(f"flatpak-builder failed ({result.returncode})")
    if result.stderr.strip():
        problems.append(f"flatpak-builder said on stderr:\n{result.stderr.strip()}")
    problems += [f"warning: {line}" for line in result.stdout.splitlines() if "warning" in line.lower()]
    if problems:
        print("\n".join(problems))
        return 1

    parsed = json.loads(result.stdout)
    if parsed.get("id") != app_id:
        problems.append(f"id {parsed.get('id')}, expected {app_id}")
    got = (parsed.get("runtime"), parsed.get("sdk"), parsed.get("runtime-version"))
    if got != RUNTIME:
        problems.append(f"runtime, sdk, version {got}, expected {RUNTIME}")
    finish_args = parsed.get("finish-args", [])
    if sorted(finish_args) != sorted(FINISH_ARGS):
        problems.append(f"finish-args {finish_args}, expected {FINISH_ARGS}")
    if any(arg.startswith("--filesystem") for arg in finish_args):
        problems.append("--filesystem: the app opens files through the portal")

    modules = {m.get("name"): m for m in parsed.get("modules", []) if isinstance(m, dict)}
    names = list(modules)
    for name, pin in PINS.items():
        git = [s for s in modules.get(name, {}).get("sources", []) if s.get("type") == "git"]
        got = [(s.get("url"), s.get("tag"), s.get("commit")) for s in git]
        if got != [pin]:
            problems.append(f"{name}: git source {got}, expected {[pin]}")
        if name in names and APP_MODULE in names and names.index(name) > names.index(APP_MODULE):
            problems.append(f"{name} is built after {APP_MODULE}, which needs it")
    opts = modules.get(APP_MODULE, {}).get("config-opts", [])
    for opt in APP_OPTS:
        if opt not in opts:
            problems.append(f"{APP_MODULE}: config-opts {opts} lack {opt}")
    if any(o.startswith("-Disal=") and o != "-Disal=enabled" for o in opts):
        problems.append(f"{APP_MODULE}: -Disal other than enabled in {opts}")

    checked = 0
    for module, source in sources(parsed.get("modules", [])):
        checked += 1
        kind = source.get("type")
        if kind == "git":
            if len(source.get("commit", "")) != 40 or not source.get("tag"):
                problems.append(f"{module}: a git source needs its tag and the tag's full commit")
        elif kind in ("archive", "file"):
            if "path" not in source and len(source.get("sha256", "")) != 64:
                problems.append(f"{module}: a downloaded {kind} needs its sha256")
        elif kind in ("patch", "dir"):
            if not (manifest.parent / source.get("path", "")).exists():
                problems.append(f"{module}: {source.get('path')} does not exist next to the manifest")
        else:
            problems.append(f"{module}: a {kind} source, which this check does not know how to pin")
    if checked == 0:
        problems.append("no sources")

    for problem in problems:
        print(problem)
    print(f"{checked} sources checked")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
