/* ts-library-document.h - one tracklist of the library, as plain data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file format is described at the top of ts-library.h.
 */
#pragma once

#include "ts-edits.h"
#include "ts-time-format.h"
#include "ts-tracklist.h"

G_BEGIN_DECLS

/* The schema this build writes; a document with a higher one is from a
 * newer Timestamps and is left alone (TS_LIBRARY_ERROR_FUTURE_VERSION). */
#define TS_LIBRARY_SCHEMA_VERSION 1

/* No real tracklist comes near this; a larger file is refused before it is
 * read (TS_LIBRARY_ERROR_TOO_LARGE). */
#define TS_LIBRARY_MAX_DOCUMENT_SIZE ((gsize) 64 << 20)

/**
 * TsLibraryDocument:
 * @id: a lower-case UUID, also the file name: `<id>.json`
 * @revision: how many times the document was saved; 0 before the first
 *   save. ts_library_save() adds one, ts_library_store() keeps it.
 * @hash: (nullable): the document hash as last read or written, lower-case
 *   hex SHA-256 (see ts-library.h); %NULL for a document never saved
 * @created: when the tracklist entered the library, Unix time in seconds
 * @modified: when it was last saved, Unix time in seconds
 * @deleted: a tombstone: the user deleted it. The content stays, so that
 *   a deletion can be undone and merged like any other field.
 * @source_path: (nullable): the project file's absolute path
 * @source_hash: (nullable): lower-case hex SHA-256 of the project file's
 *   bytes when it was last read
 * @tracklist: the markers (seconds, beat, original title) and what the
 *   project says: @tracklist->file is the source file's name, ->format,
 *   ->daw_version, ->bpm, ->mode (the mode the user chose and the seconds
 *   were computed in), ->arrangement(s), ->end_seconds
 * @edits: the user's renamed and hidden markers, by marker key
 *   (ts_edits_make_keys() of @tracklist)
 * @template_: the text template the user chose
 * @time_format: the time format the user chose
 */
typedef struct {
  char         *id;
  guint64       revision;
  char         *hash;
  gint64        created;
  gint64        modified;
  gboolean      deleted;
  char         *source_path;
  char         *source_hash;
  TsTracklist  *tracklist;
  TsEdits      *edits;
  char         *template_;
  TsTimeFormat  time_format;
} TsLibraryDocument;

TsLibraryDocument *ts_library_document_new             (const TsTracklist        *tracklist);
TsLibraryDocument *ts_library_document_copy            (const TsLibraryDocument  *self);
void               ts_library_document_free            (TsLibraryDocument        *self);

void               ts_library_document_set_source      (TsLibraryDocument        *self,
                                                        const TsTracklist        *tracklist,
                                                        const char               *path,
                                                        const char               *hash);
GPtrArray         *ts_library_document_get_keys        (const TsLibraryDocument  *self);
TsTracklist       *ts_library_document_build_tracklist (const TsLibraryDocument  *self);

char              *ts_library_document_to_json         (const TsLibraryDocument  *self);
char              *ts_library_document_compute_hash    (const TsLibraryDocument  *self);
TsLibraryDocument *ts_library_document_from_json       (const char               *data,
                                                        gsize                     length,
                                                        const char               *name,
                                                        GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsLibraryDocument, ts_library_document_free)

G_END_DECLS
