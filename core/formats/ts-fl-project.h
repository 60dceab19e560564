/* ts-fl-project.h - what Timestamps reads from an FL Studio project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ts-project-error.h"
#include "ts-project-facts.h"
#include "ts-tempo-map.h"

G_BEGIN_DECLS

#define TS_FL_ERROR (ts_fl_error_quark ())

/* What only an FL Studio project can get wrong; the reader fails with the
 * TS_PROJECT_ERROR codes (empty, too large, unknown format, truncated,
 * damaged) for everything else. */
typedef enum {
  /* The playlist's items have a record size no known version writes, and
   * the project has tempo automation, whose clips sit in those items. The
   * file may be fine: a newer FL Studio may write it. */
  TS_FL_ERROR_UNKNOWN_PLAYLIST,
} TsFlError;

/**
 * TsFlMarkerKind:
 *
 * What a time marker does, from the top byte of its position. Only
 * %TS_FL_MARKER_PLAIN is a timestamp; the others steer playback or set the
 * time signature. Values are the bytes FL Studio writes.
 */
typedef enum {
  TS_FL_MARKER_PLAIN = 0,
  TS_FL_MARKER_MARKER_LOOP = 1,
  TS_FL_MARKER_MARKER_SKIP = 2,
  TS_FL_MARKER_PAUSE = 3,
  TS_FL_MARKER_LOOP = 4,
  TS_FL_MARKER_START = 5,
  TS_FL_MARKER_TIME_SIGNATURE = 8,
  TS_FL_MARKER_PUNCH_IN = 9,
  TS_FL_MARKER_PUNCH_OUT = 10,
  /* FL 20.8 writes 6 and perhaps 7 too; their meaning is not documented,
   * so they and any later value land here with @raw_kind kept. */
  TS_FL_MARKER_OTHER = 255,
} TsFlMarkerKind;

typedef struct {
  guint32         position;     /* pulses from the start (low 24 bits) */
  TsFlMarkerKind  kind;
  guint8          raw_kind;     /* the top byte as stored */
  guint8          numerator;    /* time signature; 0 when the file has none */
  guint8          denominator;
  char           *name;         /* UTF-8 as stored (not trimmed), never NULL */
} TsFlMarker;

/* A time marker inside a pattern (FL 20.7+ piano roll), not on the
 * playlist: its position counts from the pattern's start. */
typedef struct {
  guint16     pattern;
  TsFlMarker  marker;
} TsFlPatternMarker;

/* An automation clip whose target is the master tempo. Its points are
 * read where they are in the file, once to check them and once to join
 * the clips on the timeline: copied, 100 000 of them would cost more
 * than reading them. */
typedef struct {
  guint16   channel;   /* the channel's number in the channel rack */
  guint     n_points;
  gsize     records;   /* offset of the first point's record in the file */
  gboolean  bends;     /* a point before the last has tension */
} TsFlTempoChannel;

/* A tempo automation clip placed on the playlist. */
typedef struct {
  guint32   start;    /* pulses */
  guint32   length;   /* pulses */
  guint16   channel;
  guint16   track;    /* playlist track, 0 = the first */
  gboolean  muted;
} TsFlTempoClip;

typedef struct {
  guint16  id;            /* FL's arrangement number */
  char    *name;          /* FL's default name when the file has none */
  GArray  *markers;       /* TsFlMarker in file order */
  GArray  *tempo_clips;   /* TsFlTempoClip in playlist order, muted ones too */
  GArray  *tempo_points;  /* TsTempoPoint: the clips joined on the timeline */
  gboolean has_curves;    /* a joined clip bends a segment (tension) */
  guint    n_items;       /* playlist items of every kind, muted ones too */
  guint64  end;           /* pulses: where the last of them ends */
  gboolean unreadable;    /* a playlist event had a layout we cannot read */
} TsFlArrangement;

typedef struct {
  char      *version;           /* "20.0.5.91" as stored, or NULL */
  char      *version_text;      /* "FL Studio 20.0.5.91" */
  guint      major_version;     /* 0 when unknown */
  guint16    format;
  guint16    n_channels;
  guint16    ppq;               /* pulses per quarter note */
  double     tempo;             /* BPM */
  GArray    *arrangements;      /* TsFlArrangement, never empty after a read */
  GArray    *tempo_channels;    /* TsFlTempoChannel in declaration order */
  GArray    *pattern_markers;   /* TsFlPatternMarker in file order */
  int        current_arrangement; /* index current at save time, or -1 */
} TsFlProject;

GQuark       ts_fl_error_quark                     (void);

gboolean     ts_fl_project_looks_like              (const guint8       *data,
                                                    gsize               length);
gboolean     ts_fl_project_read                    (TsFlProject        *project,
                                                    const guint8       *data,
                                                    gsize               length,
                                                    const char         *display_name,
                                                    GError            **error);
void         ts_fl_project_clear                   (TsFlProject        *project);

const char  *ts_fl_project_get_version             (const TsFlProject  *project);
guint        ts_fl_project_get_n_arrangements      (const TsFlProject  *project);
const char  *ts_fl_project_get_arrangement_name    (const TsFlProject  *project,
                                                    guint               arrangement);
guint        ts_fl_project_get_default_arrangement (const TsFlProject  *project);
gboolean     ts_fl_project_default_skips_current   (const TsFlProject  *project,
                                                    guint              *current);
gboolean     ts_fl_project_arrangement_has_markers (const TsFlProject  *project,
                                                    guint               arrangement);
gboolean     ts_fl_project_has_curved_automation   (const TsFlProject  *project,
                                                    guint               arrangement);
TsTempoMap  *ts_fl_project_build_tempo_map        (const TsFlProject  *project,
                                                    guint               arrangement);
GArray      *ts_fl_project_collect_markers         (const TsFlProject  *project,
                                                    guint               arrangement);
double       ts_fl_project_get_end_beat            (const TsFlProject  *project,
                                                    guint               arrangement);
void         ts_fl_project_derive                  (const TsFlProject  *project,
                                                    guint               arrangement,
                                                    TsProjectFacts     *facts);

G_END_DECLS
