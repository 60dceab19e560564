/* ts-tempo-envelope.c - the tempo's lowest and highest value per column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tempo graph has a few hundred pixel columns and a set may have
 * 100 000 tempo points. One sample per column shows whichever point
 * happens to fall under it, a different one at each width, and drawing
 * the zigzag of such samples costs the renderer far more than the rest
 * of the window. The envelope keeps, for each column, the range the
 * tempo takes in that column's stretch of time: the tempo where the
 * stretch starts and ends and at every point inside it. Between two
 * points the tempo is a straight ramp, and a DAW's held grid samples lie
 * on it, so that range holds every tempo the stretch plays. Computed once
 * for a width, it costs a few map lookups per column and one pass over
 * the points.
 */
#define G_LOG_DOMAIN "ts-tempo-envelope"

#include "config.h"

#include <math.h>

#include "ts-tempo-envelope.h"

typedef struct {
  double min_bpm;
  double max_bpm;
} Column;

struct _TsTempoEnvelope {
  TsTempoMap  *map;
  TsTempoMode  mode;
  double       end_seconds;
  guint        n_columns;
  Column      *columns;     /* min > max: the tempo is unknown there */
};

static void
column_add (Column *column,
            double  bpm)
{
  if (!isfinite (bpm))
    return;
  column->min_bpm = MIN (column->min_bpm, bpm);
  column->max_bpm = MAX (column->max_bpm, bpm);
}

/**
 * ts_tempo_envelope_new:
 * @end_seconds: where the last column ends; the first starts at 0
 * @n_columns: how many columns of equal length the time is cut into
 *
 * Column i covers the seconds from i to i + 1 times
 * @end_seconds / @n_columns, both ends included, so that neighbouring
 * columns meet and a steep ramp drawn from them has no gaps.
 */
TsTempoEnvelope *
ts_tempo_envelope_new (TsTempoMap  *map,
                       TsTempoMode  mode,
                       double       end_seconds,
                       guint        n_columns)
{
  TsTempoEnvelope *self;
  guint n_points;
  guint next_point = 0;
  double start_beat;

  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (end_seconds > 0.0 && isfinite (end_seconds), NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  self = g_new0 (TsTempoEnvelope, 1);
  self->map = ts_tempo_map_ref (map);
  self->mode = mode;
  self->end_seconds = end_seconds;
  self->n_columns = n_columns;
  self->columns = g_new (Column, n_columns);

  n_points = ts_tempo_map_get_n_points (map);
  start_beat = ts_tempo_map_beat_at_seconds (map, mode, 0.0);

  for (guint i = 0; i < n_columns; i++)
    {
      Column *column = &self->columns[i];
      double end_beat = ts_tempo_map_beat_at_seconds (map, mode, end_seconds * (i + 1) / n_columns);

      column->min_bpm = G_MAXDOUBLE;
      column->max_bpm = -G_MAXDOUBLE;
      /* What the mode plays at both ends, and the ramp itself there: a
       * DAW sample taken inside the stretch lies on the ramp between the
       * ends and the points. */
      column_add (column, ts_tempo_map_bpm_at_beat (map, mode, start_beat));
      column_add (column, ts_tempo_map_bpm_at_beat (map, mode, end_beat));
      column_add (column, ts_tempo_map_bpm_at_beat (map, TS_TEMPO_MODE_EXACT, start_beat));
      column_add (column, ts_tempo_map_bpm_at_beat (map, TS_TEMPO_MODE_EXACT, end_beat));

      /* The points are sorted by beat: each is visited once, by the
       * first column whose stretch reaches it. */
      while (next_point < n_points && !(ts_tempo_map_get_point (map, next_point)->beat > start_beat))
        next_point++;
      for (; next_point < n_points; next_point++)
        {
          const TsTempoPoint *point = ts_tempo_map_get_point (map, next_point);

          if (!(point->beat < end_beat))
            break;
          column_add (column, point->bpm);
        }

      start_beat = end_beat;
    }

  return self;
}

void
ts_tempo_envelope_free (TsTempoEnvelope *self)
{
  if (self == NULL)
    return;

  ts_tempo_map_unref (self->map);
  g_free (self->columns);
  g_free (self);
}

/* Whether @self is the envelope these arguments would make: a graph keeps
 * one until its map, mode, time span or width changes. */
gboolean
ts_tempo_envelope_matches (const TsTempoEnvelope *self,
                           const TsTempoMap      *map,
                           TsTempoMode            mode,
                           double                 end_seconds,
                           guint                  n_columns)
{
  return self != NULL && self->map == map && self->mode == mode &&
         self->end_seconds == end_seconds && self->n_columns == n_columns;
}

guint
ts_tempo_envelope_get_n_columns (const TsTempoEnvelope *self)
{
  return self->n_columns;
}

/* Returns: %FALSE when the tempo is not known anywhere in @column */
gboolean
ts_tempo_envelope_get_column (const TsTempoEnvelope *self,
                              guint                  column,
                              double                *min_bpm,
                              double                *max_bpm)
{
  g_return_val_if_fail (column < self->n_columns, FALSE);

  *min_bpm = self->columns[column].min_bpm;
  *max_bpm = self->columns[column].max_bpm;
  return *min_bpm <= *max_bpm;
}

/* The lowest and highest tempo of all columns; %FALSE when none is known. */
gboolean
ts_tempo_envelope_get_range (const TsTempoEnvelope *self,
                             double                *min_bpm,
                             double                *max_bpm)
{
  *min_bpm = G_MAXDOUBLE;
  *max_bpm = -G_MAXDOUBLE;
  for (guint i = 0; i < self->n_columns; i++)
    {
      *min_bpm = MIN (*min_bpm, self->columns[i].min_bpm);
      *max_bpm = MAX (*max_bpm, self->columns[i].max_bpm);
    }
  return *min_bpm <= *max_bpm;
}
