#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Windows installer, Timestamps-VERSION-setup.exe, in an MSYS2
# UCRT64 shell. The payload is a self-contained tree, laid out as GLib and
# GTK expect relative to their DLLs (bin/, lib/, share/), so it runs on a
# Windows without MSYS2:
#   bin/    timestamps.exe, timestamps-cli.exe and every DLL they load
#   lib/    gdk-pixbuf loaders with their cache, the GIO TLS module
#   share/  compiled GSettings schemas, Adwaita and hicolor icons, locale
#
# Needs (pacman -S --needed):
#   mingw-w64-ucrt-x86_64-{toolchain,meson,ninja,pkgconf,python,gtk4,
#   libadwaita,libxml2,json-glib,librsvg,libsoup3,glib-networking,libsodium,
#   isa-l,adwaita-icon-theme,imagemagick,ntldd,nsis,gettext}
# The build insists on ISA-L (-Disal=enabled), so a shell without
# mingw-w64-ucrt-x86_64-isa-l fails here instead of shipping the slower
# zlib inflater; its DLL is bundled with the others by the closure below.
#
# Usage: windows/build-msys2.sh [OUTPUT_DIR]   (default: _build-windows/dist)
set -euo pipefail

if [ "${MSYSTEM:-}" != UCRT64 ]; then
  echo "build-msys2.sh: run me in an MSYS2 UCRT64 shell (MSYSTEM=UCRT64)" >&2
  exit 1
fi

SOURCE=$(cd "$(dirname "$0")/.." && pwd)
BUILD="$SOURCE/_build-windows"
DIST=${1:-"$BUILD/dist"}
PAYLOAD="$BUILD/payload"
# MINGW_PREFIX is /ucrt64 in the UCRT64 shell.
PREFIX=$MINGW_PREFIX
PIXBUF_DIR=lib/gdk-pixbuf-2.0/2.10.0
SVG="$SOURCE/resources/icons/hicolor/scalable/apps/me.timestamps.Timestamps.svg"

# The icon first: meson compiles it into timestamps.exe.
ICON_DIR="$BUILD/icon"
mkdir -p "$ICON_DIR"
for size in 16 24 32 48 64 256; do
  rsvg-convert -w "$size" -h "$size" "$SVG" -o "$ICON_DIR/$size.png"
done
magick "$ICON_DIR"/{16,24,32,48,64,256}.png "$ICON_DIR/timestamps.ico"

# Installs into the payload as into any prefix; Windows GLib finds its data
# relative to the DLLs, so the prefix path itself is never used at run time.
options=(--buildtype=release --prefix="$PAYLOAD" -Dpackaging_tests=disabled -Disal=enabled
         "-Dwindows_icon_dir=$(cygpath -m "$ICON_DIR")")
if [ -f "$BUILD/build.ninja" ]; then
  meson setup --reconfigure "$BUILD" "$SOURCE" "${options[@]}"
else
  meson setup "$BUILD" "$SOURCE" "${options[@]}"
fi
meson compile -C "$BUILD"
rm -rf "$PAYLOAD"
meson install -C "$BUILD"
VERSION=$(meson introspect --projectinfo "$BUILD" | python -c 'import json, sys; print(json.load(sys.stdin)["version"])')

# Linux desktop integration; the installer registers the file types.
rm -rf "$PAYLOAD/share/applications" "$PAYLOAD/share/metainfo" "$PAYLOAD/share/mime"

# GSettings: our schema and GTK's own (the file chooser's settings).
SCHEMAS="$PAYLOAD/share/glib-2.0/schemas"
cp "$PREFIX"/share/glib-2.0/schemas/org.gtk.gtk4.*.gschema.xml "$SCHEMAS/"
glib-compile-schemas --strict "$SCHEMAS"

# Icons: Adwaita for the symbolic icons GTK and libadwaita draw, hicolor's
# index for the app icon.
cp -R "$PREFIX/share/icons/Adwaita" "$PAYLOAD/share/icons/"
cp "$PREFIX/share/icons/hicolor/index.theme" "$PAYLOAD/share/icons/hicolor/"
for theme in "$PAYLOAD"/share/icons/*/; do
  gtk4-update-icon-cache --quiet --force "$theme"
done

# gdk-pixbuf loaders (librsvg's, for SVG icons). gdk-pixbuf on Windows is
# relocatable: a path in loaders.cache relative to the install root is
# found wherever the user installs. query-loaders writes absolute ones,
# with either slash; keep what follows the root.
mkdir -p "$PAYLOAD/$PIXBUF_DIR/loaders"
cp "$PREFIX/$PIXBUF_DIR"/loaders/*.dll "$PAYLOAD/$PIXBUF_DIR/loaders/"
gdk-pixbuf-query-loaders "$PAYLOAD/$PIXBUF_DIR"/loaders/*.dll \
  | sed -E 's#^"[^"]*[/\\]+(lib[/\\]+gdk-pixbuf-2\.0[/\\])#"\1#' > "$PAYLOAD/$PIXBUF_DIR/loaders.cache"

# The GIO TLS module (glib-networking), for https:// through libsoup; GIO
# looks in lib/gio/modules beside its DLL's folder.
mkdir -p "$PAYLOAD/lib/gio/modules"
cp "$PREFIX/lib/gio/modules/libgiognutls.dll" "$PAYLOAD/lib/gio/modules/"
gio-querymodules "$PAYLOAD/lib/gio/modules"

# The DLL closure: everything the programs and modules load from UCRT64
# (ntldd -R follows dependencies recursively), into bin/ beside the exe,
# where Windows looks first. System DLLs stay out.
closure () {
  ntldd -R "$@" | awk '{print $3}' | sed 's|\\|/|g' | grep -i "$(cygpath -m "$PREFIX")/bin/" | sort -u
}
mapfile -t dlls < <(closure "$PAYLOAD"/bin/*.exe "$PAYLOAD/$PIXBUF_DIR"/loaders/*.dll "$PAYLOAD"/lib/gio/modules/*.dll)
for dll in "${dlls[@]}"; do
  cp "$(cygpath -u "$dll")" "$PAYLOAD/bin/"
done
# GTK starts gdbus.exe for D-Bus on Windows.
cp "$PREFIX/bin/gdbus.exe" "$PAYLOAD/bin/"

# The installer, from exactly the files in the payload.
mkdir -p "$DIST"
python "$SOURCE/windows/nsis-file-lists.py" "$PAYLOAD" "$BUILD/nsis"
makensis -V2 -WX -INPUTCHARSET UTF8 \
  "-DVERSION=$VERSION" \
  "-DLISTS=$(cygpath -w "$BUILD/nsis")" \
  "-DOUTFILE=$(cygpath -w "$DIST/Timestamps-$VERSION-setup.exe")" \
  "-DLICENSE=$(cygpath -w "$SOURCE/COPYING")" \
  "-DICON=$(cygpath -w "$ICON_DIR/timestamps.ico")" \
  "$(cygpath -w "$SOURCE/windows/timestamps.nsi")"
echo "$DIST/Timestamps-$VERSION-setup.exe"
