#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Timestamps.app and Timestamps-VERSION.dmg on macOS from Homebrew's
# GTK 4, the way dune3d ships GTK on the Mac: the app and every non-system
# dylib it loads go into the bundle, with their load paths rewritten to
# point inside it, so the app runs on a Mac without Homebrew.
#
# Needs (brew install): meson ninja pkg-config gtk4 libadwaita libxml2
#   json-glib librsvg libsoup glib-networking libsodium isa-l adwaita-icon-theme
#   gettext
# The build insists on ISA-L (-Disal=enabled), so a Mac without the isa-l
# formula fails here instead of shipping the slower zlib inflater; its
# libisal dylib is bundled with the others by bundle_dylibs below.
#
# Usage: macos/build-app.sh [OUTPUT_DIR]   (default: _build-macos/dist)
set -euo pipefail

SOURCE=$(cd "$(dirname "$0")/.." && pwd)
BUILD="$SOURCE/_build-macos"
DIST=${1:-"$BUILD/dist"}
BREW=$(brew --prefix)

APP="$DIST/Timestamps.app"
CONTENTS="$APP/Contents"
MACOS="$CONTENTS/MacOS"
FRAMEWORKS="$CONTENTS/Frameworks"
RES="$CONTENTS/Resources"
PIXBUF_DIR=lib/gdk-pixbuf-2.0/2.10.0

# The app installs into the bundle's Resources, as into any prefix.
options=(--buildtype=release --prefix="$RES" -Dpackaging_tests=disabled -Disal=enabled)
if [ -f "$BUILD/build.ninja" ]; then
  meson setup --reconfigure "$BUILD" "$SOURCE" "${options[@]}"
else
  meson setup "$BUILD" "$SOURCE" "${options[@]}"
fi
meson compile -C "$BUILD"
rm -rf "$APP"
mkdir -p "$MACOS" "$FRAMEWORKS" "$RES"
meson install -C "$BUILD"

cp "$BUILD/macos/Info.plist" "$CONTENTS/Info.plist"
VERSION=$(/usr/libexec/PlistBuddy -c 'Print CFBundleShortVersionString' "$CONTENTS/Info.plist")

# The binaries live in MacOS; "Timestamps" there is the launcher below.
# (APFS is case-insensitive: the app binary cannot be "timestamps".)
mv "$RES/bin/timestamps" "$MACOS/timestamps-bin"
mv "$RES/bin/timestamps-cli" "$MACOS/timestamps-cli"
rmdir "$RES/bin"
# Linux desktop integration; Info.plist does that job here.
rm -rf "$RES/share/applications" "$RES/share/metainfo" "$RES/share/mime"

# Where a dependency found by otool really is. Homebrew writes absolute
# paths, some formulae @rpath or @loader_path ones.
resolve () {
  local dep=$1 from=$2
  case "$dep" in
    @rpath/*) echo "$BREW/lib/${dep#@rpath/}" ;;
    @loader_path/*) echo "$(dirname "$from")/${dep#@loader_path/}" ;;
    *) echo "$dep" ;;
  esac
}

# Copies every non-system dylib FILE loads into Frameworks, recursively, and
# points FILE at the copies. System libraries (/usr/lib, /System) stay:
# every Mac has them, and they are not allowed in a bundle anyway.
bundle_dylibs () {
  local file=$1 dep real name
  while read -r dep; do
    # A dylib lists itself first; once copied its id is @executable_path.
    [ "$(basename "$dep")" = "$(basename "$file")" ] && continue
    case "$dep" in
      /usr/lib/* | /System/*) continue ;;
      @executable_path/*) continue ;;
    esac
    real=$(resolve "$dep" "$file")
    name=$(basename "$real")
    if [ ! -f "$FRAMEWORKS/$name" ]; then
      cp -L "$real" "$FRAMEWORKS/$name"
      chmod u+w "$FRAMEWORKS/$name"
      install_name_tool -id "@executable_path/../Frameworks/$name" "$FRAMEWORKS/$name"
      bundle_dylibs "$FRAMEWORKS/$name"
    fi
    install_name_tool -change "$dep" "@executable_path/../Frameworks/$name" "$file"
  done < <(otool -L "$file" | tail -n +2 | awk '{print $1}')
}

# GSettings: our schema and GTK's own (the file chooser's settings).
SCHEMAS="$RES/share/glib-2.0/schemas"
cp "$BREW"/share/glib-2.0/schemas/org.gtk.gtk4.*.gschema.xml "$SCHEMAS/"
glib-compile-schemas --strict "$SCHEMAS"

# Icons: Adwaita for GTK's and libadwaita's symbolic icons, hicolor for
# the theme index the app icon is found through.
mkdir -p "$RES/share/icons"
cp -R "$BREW/share/icons/Adwaita" "$RES/share/icons/"
cp "$BREW/share/icons/hicolor/index.theme" "$RES/share/icons/hicolor/"
for theme in "$RES"/share/icons/*/; do
  gtk4-update-icon-cache --quiet --force "$theme"
done

# gdk-pixbuf loaders (librsvg's, for the SVG icons). gdk-pixbuf-query-
# loaders names each loader by its absolute path on this machine; the cache
# keeps it relative to Resources, and the launcher writes the absolute one
# for wherever the bundle is (Homebrew's gdk-pixbuf may not be built
# relocatable, so it would not resolve a relative path itself).
mkdir -p "$RES/$PIXBUF_DIR/loaders"
cp "$BREW/$PIXBUF_DIR"/loaders/*.so "$RES/$PIXBUF_DIR/loaders/"
gdk-pixbuf-query-loaders "$RES/$PIXBUF_DIR"/loaders/*.so \
  | sed -e "s|\"$RES/|\"|" > "$RES/$PIXBUF_DIR/loaders.cache"

# The GIO TLS module (glib-networking): without it GIO and libsoup cannot
# open https://, which refreshing a licence file online needs.
mkdir -p "$RES/lib/gio/modules"
cp "$BREW"/lib/gio/modules/libgiognutls.so "$RES/lib/gio/modules/"
gio-querymodules "$RES/lib/gio/modules"

for file in "$MACOS/timestamps-bin" "$MACOS/timestamps-cli" \
            "$RES/$PIXBUF_DIR"/loaders/*.so "$RES"/lib/gio/modules/*.so; do
  chmod u+w "$file"
  bundle_dylibs "$file"
done

# The launcher: GTK, GIO and gdk-pixbuf look for their data in the prefix
# they were built for; this points them into the bundle. Finder of old
# macOS versions adds a -psn_ argument that the app would take for a file.
cat > "$MACOS/Timestamps" <<'LAUNCHER'
#!/bin/sh
contents=$(cd "$(dirname "$0")/.." && pwd)
res="$contents/Resources"
export XDG_DATA_DIRS="$res/share"
export GSETTINGS_SCHEMA_DIR="$res/share/glib-2.0/schemas"
# The bundle can be anywhere and read-only: its loader cache, made
# absolute, goes to the user's cache folder.
cache="$HOME/Library/Caches/me.timestamps.Timestamps"
mkdir -p "$cache"
sed -e "s|^\"lib/|\"$res/lib/|" "$res/lib/gdk-pixbuf-2.0/2.10.0/loaders.cache" > "$cache/loaders.cache"
export GDK_PIXBUF_MODULE_FILE="$cache/loaders.cache"
export GIO_MODULE_DIR="$res/lib/gio/modules"
export TIMESTAMPS_LOCALEDIR="$res/share/locale"
case "${1-}" in -psn_*) shift ;; esac
exec "$contents/MacOS/timestamps-bin" "$@"
LAUNCHER
chmod +x "$MACOS/Timestamps"

# The icon, from the same SVG as on Linux.
ICONSET="$BUILD/Timestamps.iconset"
rm -rf "$ICONSET"
mkdir -p "$ICONSET"
for size in 16 32 128 256 512; do
  rsvg-convert -w "$size" -h "$size" "$SOURCE/resources/icons/hicolor/scalable/apps/me.timestamps.Timestamps.svg" \
    -o "$ICONSET/icon_${size}x${size}.png"
  rsvg-convert -w $((size * 2)) -h $((size * 2)) "$SOURCE/resources/icons/hicolor/scalable/apps/me.timestamps.Timestamps.svg" \
    -o "$ICONSET/icon_${size}x${size}@2x.png"
done
iconutil --convert icns --output "$RES/Timestamps.icns" "$ICONSET"

# Ad-hoc signature: install_name_tool broke the ones the files had, and
# Apple silicon runs no unsigned code. Inner code first, the bundle last.
find "$FRAMEWORKS" "$RES/lib" -type f \( -name '*.dylib' -o -name '*.so' \) -print0 \
  | xargs -0 codesign --force --sign -
codesign --force --sign - "$MACOS/timestamps-bin" "$MACOS/timestamps-cli"
codesign --force --sign - "$APP"
codesign --verify --deep --strict "$APP"

# The disk image: the app beside a link to /Applications to drag it onto.
STAGE="$BUILD/dmg"
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname Timestamps -srcfolder "$STAGE" -ov -format UDZO "$DIST/Timestamps-$VERSION.dmg"
echo "$DIST/Timestamps-$VERSION.dmg"
