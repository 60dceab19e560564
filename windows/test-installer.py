#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compiles the real installer script against a stand-in payload.

The installer is built on Windows from the MSYS2 bundle; makensis runs
anywhere, so the script itself is compiled here, warnings as errors, with
a payload laid out like the bundle: a dummy timestamps.exe and data files
(one with spaces and accents in its name, as users' folders have). The
installer is written into the build folder. The uninstaller's list must
remove exactly the payload's files.

Usage: test-installer.py MAKENSIS NSI_SCRIPT FILE_LISTS_SCRIPT LICENSE VERSION OUTPUT_DIR
"""
import pathlib
import re
import subprocess
import sys
import tempfile


def main():
    makensis, nsi, file_lists, licence, version, output_dir = sys.argv[1:7]
    output = pathlib.Path(output_dir) / f"Timestamps-{version}-setup.exe"
    output.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="ts-nsis-") as tmp:
        tmp = pathlib.Path(tmp)
        payload = tmp / "payload"
        (payload / "bin").mkdir(parents=True)
        # Not a program, but a PE header's first bytes: enough for NSIS to pack.
        (payload / "bin" / "timestamps.exe").write_bytes(b"MZ" + bytes(62))
        data = payload / "share" / "timestamps" / "Démo mix"
        data.mkdir(parents=True)
        (data / "read me.txt").write_text("The installer test's stand-in for the app's data.\n")
        lists = tmp / "lists"
        subprocess.run([sys.executable, file_lists, str(payload), str(lists)], check=True)

        # The uninstaller must name every payload file, and nothing else.
        uninstall = (lists / "uninstall-files.nsh").read_text(encoding="utf-8")
        deleted = set(re.findall(r'^Delete "\$INSTDIR\\(.*)"$', uninstall, re.M))
        payload_files = {"\\".join(p.relative_to(payload).parts) for p in payload.rglob("*") if p.is_file()}
        if deleted != payload_files:
            print(f"the uninstaller deletes {sorted(deleted)}, the payload has {sorted(payload_files)}")
            return 1

        result = subprocess.run(
            [makensis, "-V2", "-WX", "-INPUTCHARSET", "UTF8",
             f"-DVERSION={version}", f"-DLISTS={lists}", f"-DOUTFILE={output}",
             f"-DLICENSE={licence}", nsi],
            capture_output=True, text=True)
    if result.returncode != 0:
        print(f"makensis failed ({result.returncode}):\n{result.stdout}{result.stderr}")
        return 1
    if not output.is_file() or output.read_bytes()[:2] != b"MZ":
        print(f"makensis wrote no Windows executable at {output}")
        return 1
    print(f"{output}: {output.stat().st_size} bytes, {len(payload_files)} payload files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
