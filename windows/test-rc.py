#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compiles timestamps.rc with MinGW's windres and reads the result back.

On Windows meson compiles the resource into timestamps.exe; here the same
file goes through windres (Debian's binutils-mingw-w64-x86-64, with the
host's cpp and mingw-w64's headers) and the .res it writes is parsed: the
version resource must carry meson's version, as numbers and as text, and
the icon must be in it. The icon is a stand-in made here; build-msys2.sh
makes the real one from the SVG.

Usage: test-rc.py WINDRES CPP MINGW_INCLUDE RC_FILE VERSION
"""
import pathlib
import struct
import subprocess
import sys
import tempfile
import zlib

RT_ICON, RT_GROUP_ICON, RT_VERSION = 3, 14, 16


def stand_in_icon():
    """A 1x1 PNG in an ICO directory: the smallest icon windres accepts."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(bytes(5))) + chunk(b"IEND", b""))
    return struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 1, 1, 0, 0, 1, 32, len(png), 22) + png


def read_id(data, offset):
    """A type or name: 0xFFFF and a number, or a NUL-terminated UTF-16 string."""
    if struct.unpack_from("<H", data, offset)[0] == 0xFFFF:
        return struct.unpack_from("<H", data, offset + 2)[0], offset + 4
    end = offset
    while struct.unpack_from("<H", data, end)[0] != 0:
        end += 2
    return data[offset:end].decode("utf-16-le"), end + 2


def resources(data):
    offset = 0
    while offset + 8 <= len(data):
        size, header = struct.unpack_from("<II", data, offset)
        kind, after = read_id(data, offset + 8)
        name, _ = read_id(data, after)
        yield kind, name, data[offset + header:offset + header + size]
        offset += header + size
        offset += -offset % 4


def main():
    windres, cpp, include, rc, version = sys.argv[1:6]
    numbers = [int(part) for part in version.split(".")] + [0] * (4 - len(version.split(".")))
    with tempfile.TemporaryDirectory(prefix="ts-rc-") as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / "timestamps.ico").write_bytes(stand_in_icon())
        res = tmp / "timestamps.res"
        # mingw-w64's headers expect its compiler's predefined macros.
        result = subprocess.run([windres, f"--preprocessor={cpp}",
                                 "--preprocessor-arg=-D_WIN32", "--preprocessor-arg=-D_WIN64",
                                 f"--preprocessor-arg=-I{include}",
                                 "--preprocessor-arg=-include", "--preprocessor-arg=winapifamily.h",
                                 f"--include-dir={tmp}", "-i", rc, "-O", "res", "-o", str(res)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            print(f"windres failed ({result.returncode}):\n{result.stdout}{result.stderr}")
            return 1
        found = {}
        for kind, name, payload in resources(res.read_bytes()):
            found.setdefault(kind, []).append(payload)

    problems = []
    for kind, what in ((RT_ICON, "icon"), (RT_GROUP_ICON, "icon group"), (RT_VERSION, "version info")):
        if kind not in found:
            problems.append(f"no {what} resource")
    if RT_VERSION in found:
        info = found[RT_VERSION][0]
        fixed = info.find(struct.pack("<I", 0xFEEF04BD))
        if fixed < 0:
            problems.append("the version info has no VS_FIXEDFILEINFO")
        else:
            file_ms, file_ls, product_ms, product_ls = struct.unpack_from("<IIII", info, fixed + 8)
            expected_ms = numbers[0] << 16 | numbers[1]
            expected_ls = numbers[2] << 16 | numbers[3]
            if (file_ms, file_ls, product_ms, product_ls) != (expected_ms, expected_ls) * 2:
                problems.append(f"FILEVERSION/PRODUCTVERSION are not {','.join(map(str, numbers))}")
        for key in ("FileVersion", "ProductVersion"):
            if (key + "\0").encode("utf-16-le") not in info:
                problems.append(f"no {key} string")
        if version.encode("utf-16-le") not in info:
            problems.append(f"the version strings are not {version}")
    for problem in problems:
        print(f"{rc}: {problem}")
    print(f"{sum(map(len, found.values()))} resources checked")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
