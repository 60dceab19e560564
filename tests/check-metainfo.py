#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the built metainfo for what Flathub and software centres need.

appstreamcli validates the format; this checks what the format leaves
optional and Flathub does not: a content rating, a launchable that is our
desktop file, a release for the version being built, a default screenshot
of the size of the one we ship, branding colours, and no pedantic hint
beyond the one we accept.

Usage: check-metainfo.py METAINFO DESKTOP_ID VERSION SCREENSHOT_PNG
"""
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

# GNOME app ids are reverse DNS with the app's name capitalised
# (org.gnome.TextEditor); Flathub accepts them, appstreamcli hints anyway.
ACCEPTED_HINTS = {"cid-contains-uppercase-letter"}


def png_size(path):
    with open(path, "rb") as png:
        header = png.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    return struct.unpack(">II", header[16:24])


def main():
    metainfo, desktop_id, version, screenshot = sys.argv[1:5]
    problems = []
    root = ET.parse(metainfo).getroot()

    rating = root.find("content_rating")
    if rating is None or rating.get("type") != "oars-1.1":
        problems.append("no <content_rating type=\"oars-1.1\">")

    launchables = [l.text for l in root.findall("launchable[@type='desktop-id']")]
    if launchables != [desktop_id]:
        problems.append(f"launchable {launchables}, expected [{desktop_id!r}]")

    releases = root.findall("releases/release")
    if not releases:
        problems.append("no <release>")
    else:
        newest = releases[0]
        if newest.get("version") != version:
            problems.append(f"newest release {newest.get('version')}, meson builds {version}: add the release")
        if not newest.get("date"):
            problems.append("the newest release has no date")
        if newest.find("description") is None:
            problems.append("the newest release has no description")

    defaults = root.findall("screenshots/screenshot[@type='default']")
    if len(defaults) != 1:
        problems.append(f"{len(defaults)} default screenshots, expected 1")
    else:
        shot = defaults[0]
        if not (shot.findtext("caption") or "").strip():
            problems.append("the default screenshot has no caption")
        image = shot.find("image[@type='source']")
        width, height = png_size(screenshot)
        if image is None or (image.get("width"), image.get("height")) != (str(width), str(height)):
            problems.append(f"the default screenshot is not declared as {width}x{height}, the size of {screenshot}")

    schemes = {c.get("scheme_preference") for c in root.findall("branding/color[@type='primary']")}
    if schemes != {"light", "dark"}:
        problems.append(f"branding colours for {sorted(s for s in schemes if s)}, expected light and dark")

    report = subprocess.run(["appstreamcli", "validate", "--no-net", "--pedantic", "--format", "yaml", metainfo],
                            capture_output=True, text=True)
    for line in report.stdout.splitlines():
        line = line.strip()
        if line.startswith("- tag:"):
            tag = line.split(":", 1)[1].strip()
            if tag not in ACCEPTED_HINTS:
                problems.append(f"appstreamcli --pedantic: {tag}")
    if report.returncode != 0:
        problems.append(f"appstreamcli failed ({report.returncode}):\n{report.stdout}{report.stderr}")

    for problem in problems:
        print(f"{metainfo}: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
