/* ts-track-row.h - one marker as the marker list shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ts-time-format.h"
#include "ts-tracklist.h"

G_BEGIN_DECLS

#define TS_TYPE_TRACK_ROW (ts_track_row_get_type ())

G_DECLARE_FINAL_TYPE (TsTrackRow, ts_track_row, TS, TRACK_ROW, GObject)

TsTrackRow  *ts_track_row_new                (const TsTrack      *track,
                                              const char         *key);
const char  *ts_track_row_get_key            (TsTrackRow         *self);
guint        ts_track_row_get_index          (TsTrackRow         *self);
double       ts_track_row_get_seconds        (TsTrackRow         *self);
double       ts_track_row_get_beat           (TsTrackRow         *self);
const char  *ts_track_row_get_time          (TsTrackRow         *self);
void         ts_track_row_update_time        (TsTrackRow         *self,
                                              const TsTimeFormat *format);
const char  *ts_track_row_get_title          (TsTrackRow         *self);
void         ts_track_row_set_title          (TsTrackRow         *self,
                                              const char         *title);
const char  *ts_track_row_get_original_title (TsTrackRow         *self);
gboolean     ts_track_row_get_shown          (TsTrackRow         *self);
void         ts_track_row_set_shown          (TsTrackRow         *self,
                                              gboolean            shown);

G_END_DECLS
