/* ts-tempo-map.h - beats to seconds through a tempo curve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsTempoMode:
 * @TS_TEMPO_MODE_DAW: what the listener hears: the DAW samples the tempo
 *   curve on its grid and holds each sample until the next grid line.
 * @TS_TEMPO_MODE_EXACT: the mathematical integral of the linear curve.
 */
typedef enum {
  TS_TEMPO_MODE_DAW,
  TS_TEMPO_MODE_EXACT,
} TsTempoMode;

typedef struct {
  double beat;
  double bpm;
} TsTempoPoint;

typedef struct _TsTempoMap TsTempoMap;

TsTempoMap   *ts_tempo_map_new              (double              base_bpm,
                                             double              grid,
                                             const TsTempoPoint *points,
                                             guint               n_points);
TsTempoMap   *ts_tempo_map_new_for_array    (double              base_bpm,
                                             double              grid,
                                             GArray             *points);
TsTempoMap   *ts_tempo_map_ref              (TsTempoMap         *self);
void          ts_tempo_map_unref            (TsTempoMap         *self);

guint         ts_tempo_map_get_n_points     (const TsTempoMap   *self);
const TsTempoPoint *
              ts_tempo_map_get_point        (const TsTempoMap   *self,
                                             guint               index);
gboolean      ts_tempo_map_has_automation   (const TsTempoMap   *self);

double        ts_tempo_map_seconds_at_beat  (const TsTempoMap   *self,
                                             TsTempoMode         mode,
                                             double              beat);
double        ts_tempo_map_bpm_at_beat      (const TsTempoMap   *self,
                                             TsTempoMode         mode,
                                             double              beat);
double        ts_tempo_map_beat_at_seconds  (const TsTempoMap   *self,
                                             TsTempoMode         mode,
                                             double              seconds);

const char   *ts_tempo_mode_to_string       (TsTempoMode         mode);
gboolean      ts_tempo_mode_from_string     (const char         *string,
                                             TsTempoMode        *mode);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsTempoMap, ts_tempo_map_unref)

G_END_DECLS
