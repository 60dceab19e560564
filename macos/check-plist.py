#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the macOS bundle's Info.plist as Launch Services will read it.

The bundle can only be built on a Mac; the plist can be checked anywhere.
A wrong key there shows up only after install, as a Finder that does not
offer Timestamps for a set.

Usage: check-plist.py INFO_PLIST APP_ID VERSION
"""
import plistlib
import sys

# Extension: the rank it must have. The DAWs own their projects, so
# Timestamps must not take a double-click from them.
EXTENSIONS = {"als": {"Alternate"}, "flp": {"Alternate"}, "cue": {"Alternate", "Default"}}


def main():
    path, app_id, version = sys.argv[1:4]
    with open(path, "rb") as f:
        info = plistlib.load(f)
    problems = []

    expected = {
        "CFBundleIdentifier": app_id,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundlePackageType": "APPL",
        "CFBundleExecutable": "Timestamps",
    }
    for key, value in expected.items():
        if info.get(key) != value:
            problems.append(f"{key} is {info.get(key)!r}, expected {value!r}")
    if not info.get("CFBundleIconFile"):
        problems.append("no CFBundleIconFile")

    declared = {}
    for key in ("UTImportedTypeDeclarations", "UTExportedTypeDeclarations"):
        for declaration in info.get(key, []):
            identifier = declaration.get("UTTypeIdentifier")
            tags = declaration.get("UTTypeTagSpecification", {}).get("public.filename-extension", [])
            if isinstance(tags, str):
                tags = [tags]
            if not identifier or not tags:
                problems.append(f"{key}: a declaration without identifier or extension: {declaration}")
            if not declaration.get("UTTypeConformsTo"):
                problems.append(f"{key}: {identifier} conforms to nothing")
            declared[identifier] = (key, set(tags))
    # We own none of these formats: exporting one would claim it.
    for identifier, (key, tags) in declared.items():
        if key == "UTExportedTypeDeclarations" and tags & set(EXTENSIONS):
            problems.append(f"{identifier} exports {sorted(tags & set(EXTENSIONS))}, which belong to others")

    covered = {}
    for document in info.get("CFBundleDocumentTypes", []):
        name = document.get("CFBundleTypeName", "?")
        if document.get("CFBundleTypeRole") != "Viewer":
            problems.append(f"{name}: role {document.get('CFBundleTypeRole')!r}, expected 'Viewer'")
        for identifier in document.get("LSItemContentTypes", []):
            if identifier not in declared:
                problems.append(f"{name}: {identifier} is not declared in the plist")
                continue
            for extension in declared[identifier][1]:
                covered[extension] = document.get("LSHandlerRank")
    for extension, ranks in EXTENSIONS.items():
        if extension not in covered:
            problems.append(f"no document type opens .{extension}")
        elif covered[extension] not in ranks:
            problems.append(f".{extension}: LSHandlerRank {covered[extension]!r}, expected one of {sorted(ranks)}")

    for problem in problems:
        print(f"{path}: {problem}")
    print(f"{len(expected)} keys, {len(declared)} types, {len(covered)} extensions checked")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
