/* ts-ableton-set.h - what Timestamps reads from an Ableton Live set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ts-project-error.h"
#include "ts-project-facts.h"
#include "ts-tempo-map.h"

G_BEGIN_DECLS

/* Nothing a set can get wrong is Live's alone: the reader fails with the
 * TS_PROJECT_ERROR codes (empty, too large, unknown format, truncated,
 * damaged). */

/* Live writes the first tempo event at this beat; it means "from the start". */
#define TS_ABLETON_SENTINEL_BEAT (-63072000.0)

/* One tempo event, as ts_ableton_set_get_tempo_event() gives it. */
typedef struct {
  double   beat;
  double   bpm;
  /* Live 11+ bezier handles; a segment whose handles sit off the straight
   * line is curved, which the tempo engine approximates as linear. */
  gboolean has_curve;
  double   curve1_x;
  double   curve1_y;
  double   curve2_x;
  double   curve2_y;
} TsAbletonTempoEvent;

/* The handles of tempo event number @event. */
typedef struct {
  guint   event;
  double  curve1_x;
  double  curve1_y;
  double  curve2_x;
  double  curve2_y;
} TsAbletonCurve;

typedef struct {
  double  beat;
  char   *name;
} TsAbletonLocator;

typedef struct {
  char   *creator;        /* "Ableton Live 10.1.7" */
  char   *minor_version;  /* "10.0_377" */
  guint   live_version;   /* 8 to 12: the major line the layout follows */
  double  tempo;          /* Tempo/Manual (Live 8: the first tempo event) */
  /* The tempo events apart from the handles of the few that have them:
   * handles for every event would make the array of a 100 000-point set
   * 3.5 times larger, and its pages cost more than reading it. */
  GArray *tempo_events;   /* TsTempoPoint in file order */
  GArray *tempo_curves;   /* TsAbletonCurve by event */
  GArray *locators;       /* TsAbletonLocator in file order */
  /* The beat where the last clip in the Arrangement View ends: the largest
   * CurrentEnd of the clips on the tracks' arrangement lanes (session
   * clips, take lanes, frozen renders and automation do not count), or
   * NAN when the arrangement has no clips. A CurrentEnd that is not a
   * finite number makes the set TS_PROJECT_ERROR_DAMAGED. */
  double  end_beat;
  /* A gzip file cut off after everything above was read whole says so
   * here (it is read, not refused); NULL for a whole file. */
  char   *warning;
} TsAbletonSet;

gboolean     ts_ableton_set_looks_like       (const guint8  *data,
                                              gsize          length);
gboolean     ts_ableton_set_read             (TsAbletonSet  *set,
                                              const guint8  *data,
                                              gsize          length,
                                              const char    *display_name,
                                              GError       **error);
void         ts_ableton_set_clear            (TsAbletonSet  *set);

void         ts_ableton_set_get_tempo_event  (const TsAbletonSet  *set,
                                              guint                index,
                                              TsAbletonTempoEvent *event);
gboolean     ts_ableton_set_has_curves       (const TsAbletonSet *set);
TsTempoMap  *ts_ableton_set_build_tempo_map  (const TsAbletonSet *set);
GArray      *ts_ableton_set_collect_markers  (const TsAbletonSet *set);
double       ts_ableton_set_get_end_beat     (const TsAbletonSet *set);
void         ts_ableton_set_derive           (const TsAbletonSet *set,
                                              guint               arrangement,
                                              TsProjectFacts     *facts);

G_END_DECLS
