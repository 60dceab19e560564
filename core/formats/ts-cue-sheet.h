/* ts-cue-sheet.h - what Timestamps reads from a cue sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ts-project-error.h"
#include "ts-project-facts.h"

G_BEGIN_DECLS

#define TS_CUE_ERROR (ts_cue_error_quark ())

/* What only a cue sheet can get wrong; the reader fails with the
 * TS_PROJECT_ERROR codes (empty, too large, unknown format, damaged) for
 * everything else. */
typedef enum {
  /* A sheet with its header but no TRACK: well formed, nothing to list. */
  TS_CUE_ERROR_NO_TRACKS,
} TsCueError;

/* CD frames: a cue sheet's unit of time. */
#define TS_CUE_FRAMES_PER_SECOND 75

/* Real sheets are a few kilobytes; anything near this is not one. */
#define TS_CUE_MAX_SIZE (16 * 1024 * 1024)

typedef enum {
  TS_CUE_TIME_MSF,  /* INDEX 01 mm:ss:ff, the standard */
  TS_CUE_TIME_HMS,  /* INDEX 01 hh:mm:ss, what rekordbox writes */
} TsCueTimeStyle;

/**
 * TsCueTrack:
 * @number: the TRACK number as written
 * @performer: the track's own PERFORMER, %NULL when it has none; never the
 *   sheet's (a sheet-level PERFORMER names the mix, not the track)
 * @title: the track's own TITLE, or %NULL
 * @file: the FILE in force at the track's INDEX 01 (the last FILE line
 *   before it), or %NULL when the sheet has none (Mixxx)
 * @index01: where the track starts, in frames
 * @index00: where its pregap starts, in frames, or -1 without INDEX 00
 *
 * Times are as written, relative to @file: with several FILE lines they are
 * not added up, since a cue sheet does not say how long each file is.
 */
typedef struct {
  guint   number;
  char   *performer;
  char   *title;
  char   *file;
  gint64  index01;
  gint64  index00;
} TsCueTrack;

/**
 * TsCueSheet:
 * @performer: the sheet-level PERFORMER, or %NULL
 * @title: the sheet-level TITLE, or %NULL
 * @rem: the sheet-level REM lines without "REM " ("DATE 2020-03-11"),
 *   %NULL-terminated
 * @writer: the program that wrote the sheet ("rekordbox", "Mixxx", ...),
 *   or %NULL when the sheet does not say
 * @time_style: how the INDEX times were read
 * @tracks: #TsCueTrack in file order
 * @warnings: (nullable): what was left out, %NULL-terminated: a sheet cut
 *   off inside its last track keeps the tracks before it, and says so
 */
typedef struct {
  char           *performer;
  char           *title;
  GStrv           rem;
  char           *writer;
  TsCueTimeStyle  time_style;
  GArray         *tracks;
  GStrv           warnings;
} TsCueSheet;

GQuark       ts_cue_error_quark           (void);

gboolean     ts_cue_sheet_looks_like      (const guint8      *data,
                                           gsize              length);
gboolean     ts_cue_sheet_read            (TsCueSheet        *sheet,
                                           const guint8      *data,
                                           gsize              length,
                                           const char        *display_name,
                                           GError           **error);
void         ts_cue_sheet_clear           (TsCueSheet        *sheet);

const char  *ts_cue_sheet_get_writer      (const TsCueSheet  *sheet);
char        *ts_cue_track_dup_text        (const TsCueTrack  *track);
GArray      *ts_cue_sheet_collect_markers (const TsCueSheet  *sheet);
void         ts_cue_sheet_derive          (const TsCueSheet  *sheet,
                                           guint              arrangement,
                                           TsProjectFacts    *facts);

G_END_DECLS
