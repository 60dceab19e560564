/* ts-document.h - one open project: its file, what it says, the user's edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-edits.h"
#include "ts-export.h"
#include "ts-tracklist.h"

G_BEGIN_DECLS

#define TS_TYPE_DOCUMENT (ts_document_get_type ())

G_DECLARE_FINAL_TYPE (TsDocument, ts_document, TS, DOCUMENT, GObject)

TsDocument        *ts_document_new                  (GFile              *file);
GFile             *ts_document_get_file             (TsDocument         *self);
const char        *ts_document_get_title            (TsDocument         *self);
void               ts_document_reload               (TsDocument         *self);
gboolean           ts_document_get_loading          (TsDocument         *self);
const GError      *ts_document_get_error            (TsDocument         *self);

const TsTracklist *ts_document_get_tracklist        (TsDocument         *self);
TsTempoMap        *ts_document_get_tempo_map        (TsDocument         *self);
const char        *ts_document_get_marker_key       (TsDocument         *self,
                                                     guint               index);
guint              ts_document_get_n_arrangements   (TsDocument         *self);
const char        *ts_document_get_arrangement_name (TsDocument         *self,
                                                     guint               arrangement);
gboolean           ts_document_get_passed_over_arrangement (TsDocument    *self,
                                                     guint              *saved);

TsTempoMode        ts_document_get_mode             (TsDocument         *self);
void               ts_document_set_mode             (TsDocument         *self,
                                                     TsTempoMode         mode);
guint              ts_document_get_arrangement      (TsDocument         *self);
void               ts_document_set_arrangement      (TsDocument         *self,
                                                     guint               arrangement);
void               ts_document_get_time_format      (TsDocument         *self,
                                                     TsTimeFormat       *format);
void               ts_document_set_time_format      (TsDocument         *self,
                                                     const TsTimeFormat *format);
const char        *ts_document_get_template         (TsDocument         *self);
void               ts_document_set_template         (TsDocument         *self,
                                                     const char         *template_);

const TsEdits     *ts_document_get_edits            (TsDocument         *self);
void               ts_document_set_edits            (TsDocument         *self,
                                                     const TsEdits      *edits);
void               ts_document_set_marker_title     (TsDocument         *self,
                                                     const char         *key,
                                                     const char         *title);
void               ts_document_set_marker_hidden    (TsDocument         *self,
                                                     const char         *key,
                                                     gboolean            hidden);

TsTracklist       *ts_document_build_tracklist      (TsDocument         *self);
char              *ts_document_export               (TsDocument         *self,
                                                     TsExportFormat      format,
                                                     guint              *n_tracks);
char              *ts_document_export_youtube_fix   (TsDocument         *self,
                                                     guint              *n_chapters,
                                                     GArray            **remaining);

G_END_DECLS
