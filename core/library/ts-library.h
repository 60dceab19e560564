/* ts-library.h - every tracklist the user opened, one JSON file each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where: ts_library_new (NULL) keeps the documents in
 * g_get_user_data_dir()/timestamps/library/<id>.json, so XDG_DATA_HOME
 * decides. What sync keeps about them lives beside it, in
 * ts_library_get_sync_directory(): .../timestamps/sync/.
 *
 * One document, schema 1, written by ts_library_document_to_json() as
 * one JSON object with its members in this order, ending in a newline:
 *
 *   {"schema": 1,
 *    "id": "0b6f…-…",                       lower-case UUID = file name
 *    "revision": 3,                          saves so far, >= 1 on disk
 *    "hash": "9f86…",                        see "Document hash" below
 *    "created": "2026-12-03T08:41:34Z",      UTC, whole seconds
 *    "modified": "2026-12-03T09:02:10Z",
 *    "deleted": false,                       true: a tombstone
 *    "source": {"name": "set.als", "path": "/home/u/set.als" | null,
 *               "hash": "<sha-256 of the project file>" | null},
 *    "project": {"format": "ableton" | "fl-studio" | "cue" (TsFormatInfo id),
 *                "daw_version": "Ableton Live 11.3.4" | null,
 *                "bpm": 124.0 | null, "tempo_automation": false,
 *                "curved_automation": false, "end": 3600.5 | null,
 *                "arrangement": -1 | index,
 *                "arrangements": ["Main", …] | null},
 *    "markers": [{"seconds": 0.0, "beat": 0.0 | null, "title": "A - B"}, …],
 *    "settings": {"mode": "daw" | "exact", "template": "{time} {title}",
 *                 "hours": "auto" | "always" | "never",
 *                 "milliseconds": false, "rounding": "down" | "nearest"},
 *    "edits": {"titles": {"<marker key>": "new title", …},
 *              "hidden": ["<marker key>", …]}}
 *
 * Markers are the project's, unedited, in playing order, with the seconds
 * of settings.mode. A marker key is "n\u001ftitle" for the n-th (from 0)
 * marker called title (ts_edits_make_keys()); edits of keys the markers no
 * longer have are dropped when the source is read again. "titles" members
 * and "hidden" are sorted by key (byte order). Doubles have 17 significant
 * digits and read back to the same binary64; NaN is null.
 *
 * Document hash: lower-case hex SHA-256 of the document serialised as
 * above without the "hash" member (ts_library_document_compute_hash()).
 * A file whose hash does not match is damaged. Equal hashes mean equal
 * documents, revision and times included, so sync can compare what it
 * reads back with what it wrote.
 *
 * Damaged and future documents: a file that is not valid JSON, not a
 * document, has a wrong hash or is larger than TS_LIBRARY_MAX_DOCUMENT_SIZE
 * is renamed to <id>.json.broken (never deleted, never overwritten: a
 * second one becomes <id>.json.broken.1, …) and reported as
 * TS_LIBRARY_ERROR_DAMAGED / _TOO_LARGE. A document with a schema above
 * TS_LIBRARY_SCHEMA_VERSION stays where it is, is reported as
 * TS_LIBRARY_ERROR_FUTURE_VERSION and is never written over: saving or
 * storing that id fails with the same error.
 *
 * Writes are atomic (temporary file, fsync, rename). Each write checks the
 * revision on disk first and fails with TS_LIBRARY_ERROR_CHANGED when
 * someone else (another process, sync) saved in between: load again,
 * apply the change again, save again.
 *
 * Tombstones: ts_library_delete() marks the document deleted and saves it
 * (new revision); the content stays, so undo is deleted = FALSE and
 * ts_library_save(). ts_library_list() returns tombstones too (callers
 * showing tracklists skip deleted ones); ts_library_find_source() skips
 * them, so opening a deleted project again makes a new document.
 * ts_library_remove_tombstone() is sync's, to forget a tombstone every
 * computer has had for long enough.
 *
 * Sync's slot, the last synced version: ts_library_save_base() writes a
 * document verbatim to <sync dir>/base/<id>.json, ts_library_load_base()
 * reads it back (TS_LIBRARY_ERROR_NOT_FOUND when there is none),
 * ts_library_delete_base() forgets it. Everything else in the sync
 * directory belongs to sync.
 *
 * Change notification: TsLibrary::document-changed (id) after every save,
 * store or delete through this object, and, once ts_library_watch() was
 * called, for changes other processes make to the directory.
 */
#pragma once

#include <gio/gio.h>

#include "ts-library-document.h"

G_BEGIN_DECLS

#define TS_LIBRARY_ERROR (ts_library_error_quark ())

typedef enum {
  TS_LIBRARY_ERROR_NOT_FOUND,
  TS_LIBRARY_ERROR_BAD_ID,
  TS_LIBRARY_ERROR_DAMAGED,
  TS_LIBRARY_ERROR_TOO_LARGE,
  TS_LIBRARY_ERROR_FUTURE_VERSION,
  TS_LIBRARY_ERROR_CHANGED,
  TS_LIBRARY_ERROR_WRITE,
} TsLibraryError;

GQuark ts_library_error_quark (void);

#define TS_TYPE_LIBRARY (ts_library_get_type ())

G_DECLARE_FINAL_TYPE (TsLibrary, ts_library, TS, LIBRARY, GObject)

TsLibrary         *ts_library_new                (const char         *directory);
const char        *ts_library_get_directory      (TsLibrary          *self);
const char        *ts_library_get_sync_directory (TsLibrary          *self);
void               ts_library_watch              (TsLibrary          *self);

GPtrArray         *ts_library_list               (TsLibrary          *self,
                                                  GPtrArray         **problems,
                                                  GError            **error);
TsLibraryDocument *ts_library_load               (TsLibrary          *self,
                                                  const char         *id,
                                                  GError            **error);
gboolean           ts_library_save               (TsLibrary          *self,
                                                  TsLibraryDocument  *document,
                                                  GError            **error);
gboolean           ts_library_store              (TsLibrary          *self,
                                                  TsLibraryDocument  *document,
                                                  guint64             expected_revision,
                                                  GError            **error);
gboolean           ts_library_delete             (TsLibrary          *self,
                                                  TsLibraryDocument  *document,
                                                  GError            **error);
gboolean           ts_library_remove_tombstone   (TsLibrary          *self,
                                                  const char         *id,
                                                  guint64             revision,
                                                  GError            **error);

TsLibraryDocument *ts_library_find_source        (TsLibrary          *self,
                                                  const char         *source_hash,
                                                  const char         *source_path,
                                                  GError            **error);
TsLibraryDocument *ts_library_add_file           (TsLibrary          *self,
                                                  GFile              *file,
                                                  GCancellable       *cancellable,
                                                  GError            **error);
char              *ts_library_hash_file          (GFile              *file,
                                                  GCancellable       *cancellable,
                                                  GError            **error);

TsLibraryDocument *ts_library_load_base          (TsLibrary          *self,
                                                  const char         *id,
                                                  GError            **error);
gboolean           ts_library_save_base          (TsLibrary          *self,
                                                  const TsLibraryDocument *document,
                                                  GError            **error);
gboolean           ts_library_delete_base        (TsLibrary          *self,
                                                  const char         *id,
                                                  GError            **error);

G_END_DECLS
