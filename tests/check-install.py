#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs into a temporary folder and checks the desktop integration.

A file manager offers Timestamps for a project only when the installed
MIME types, desktop file, icon and metainfo agree with each other; each
file can validate on its own and the set still not work. This installs
the build with `meson install --destdir`, checks every file, runs the
validators on the installed copies, builds the MIME database of the
prefix and asks GIO what an FL Studio project without extension is.

Usage: check-install.py MESON BUILD_DIR PREFIX APP_ID
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

FL_MAGIC = b"FLhd"


def run(*command, env=None):
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed ({result.returncode}):\n"
                         f"{result.stdout}{result.stderr}")
    return result.stdout


def content_type(path, data_dirs, home):
    """What GIO guesses from the name and the first bytes, as file managers do."""
    env = dict(os.environ, XDG_DATA_DIRS=os.pathsep.join(map(str, data_dirs)),
               XDG_DATA_HOME=str(home), GIO_USE_VFS="local")
    out = run("gio", "info", "--attributes=standard::content-type", str(path), env=env)
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("standard::content-type:"):
            return line.split(":", 3)[-1].strip()
    raise SystemExit(f"gio info printed no content type for {path}:\n{out}")


def known_types(share_dirs):
    types = set()
    for share in share_dirs:
        listing = pathlib.Path(share) / "mime" / "types"
        if listing.exists():
            types.update(listing.read_text().split())
    return types


def main():
    meson, build_dir, prefix, app_id = sys.argv[1:5]
    problems = []
    with tempfile.TemporaryDirectory(prefix="ts-install-") as tmp:
        tmp = pathlib.Path(tmp)
        destdir = tmp / "dest"
        run(meson, "install", "-C", build_dir, "--destdir", str(destdir), "--no-rebuild", "--quiet")
        root = destdir / prefix.lstrip("/")
        share = root / "share"

        expected = [
            root / "bin" / "timestamps",
            root / "bin" / "timestamps-cli",
            root / "libexec" / "timestamps-cli-pro",
            share / "applications" / f"{app_id}.desktop",
            share / "metainfo" / f"{app_id}.metainfo.xml",
            share / "mime" / "packages" / f"{app_id}.xml",
            share / "glib-2.0" / "schemas" / f"{app_id}.gschema.xml",
            share / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id}.svg",
            share / "icons" / "hicolor" / "symbolic" / "apps" / f"{app_id}-symbolic.svg",
            share / "locale" / "de" / "LC_MESSAGES" / "timestamps.mo",
        ]
        for path in expected:
            if not path.is_file():
                problems.append(f"not installed: {path.relative_to(destdir)}")
        for program in (root / "bin" / "timestamps", root / "bin" / "timestamps-cli",
                        root / "libexec" / "timestamps-cli-pro"):
            if program.is_file() and not os.access(program, os.X_OK):
                problems.append(f"not executable: {program.relative_to(destdir)}")
        if problems:
            print("\n".join(problems))
            return 1

        desktop = share / "applications" / f"{app_id}.desktop"
        run("desktop-file-validate", str(desktop))
        run("appstreamcli", "validate", "--no-net", "--strict", str(share / "metainfo" / f"{app_id}.metainfo.xml"))
        run("glib-compile-schemas", "--strict", "--targetdir", str(tmp), str(share / "glib-2.0" / "schemas"))
        run("xmllint", "--noout", *(str(p) for p in share.glob("icons/hicolor/*/apps/*.svg")))

        # What `meson install` into a real prefix does after copying
        # (gnome.post_install), done here on the temporary prefix.
        run("update-mime-database", str(share / "mime"))

        entries = dict(line.split("=", 1) for line in desktop.read_text().splitlines() if "=" in line)
        icon = entries.get("Icon", "")
        if not (share / "icons" / "hicolor" / "scalable" / "apps" / f"{icon}.svg").is_file():
            problems.append(f"Icon={icon} is not an installed icon")
        declared = [t for t in entries.get("MimeType", "").split(";") if t]
        known = known_types([share, "/usr/share"])
        for mime_type in declared:
            if mime_type not in known:
                problems.append(f"MimeType {mime_type} is known neither to the installed nor the system MIME database")
        if not declared:
            problems.append("the desktop file declares no MimeType")

        # The fixtures: names as DJs leave them, contents as the DAWs write them.
        files = tmp / "files"
        files.mkdir()
        home = tmp / "home"
        home.mkdir()
        flp_no_extension = files / "project from FL"
        flp_no_extension.write_bytes(FL_MAGIC + (6).to_bytes(4, "little") + bytes([0, 0, 1, 0, 96, 0]) + b"FLdt\0\0\0\0")
        als = files / "mix.als"
        als.write_bytes(bytes([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]) + bytes(10))
        cue = files / "mix.cue"
        cue.write_text('FILE "mix.wav" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n')

        installed = [share, "/usr/share"]
        expectations = [
            (flp_no_extension, "application/x-fl-studio-project"),
            (als, "application/x-ableton-live-set"),
            (cue, "application/x-cue"),
        ]
        for path, wanted in expectations:
            got = content_type(path, installed, home)
            if got != wanted:
                problems.append(f"{path.name}: GIO says {got}, expected {wanted}")

        # Without the installed database the magic must not be recognised,
        # or the check above proved nothing about what we install.
        system_only = content_type(flp_no_extension, ["/usr/share"], home)
        if system_only == "application/x-fl-studio-project":
            print("note: the system already knows FL Studio projects; "
                  "the magic check above may have read the system's database")

    for problem in problems:
        print(problem)
    print(f"{len(expected)} installed files and {len(expectations)} content types checked")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
