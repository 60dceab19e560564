/* ts-tempo-envelope.h - the tempo's lowest and highest value per column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-tempo-map.h"

G_BEGIN_DECLS

typedef struct _TsTempoEnvelope TsTempoEnvelope;

TsTempoEnvelope *ts_tempo_envelope_new          (TsTempoMap            *map,
                                                 TsTempoMode            mode,
                                                 double                 end_seconds,
                                                 guint                  n_columns);
void             ts_tempo_envelope_free         (TsTempoEnvelope       *self);

gboolean         ts_tempo_envelope_matches      (const TsTempoEnvelope *self,
                                                 const TsTempoMap      *map,
                                                 TsTempoMode            mode,
                                                 double                 end_seconds,
                                                 guint                  n_columns);

guint            ts_tempo_envelope_get_n_columns (const TsTempoEnvelope *self);
gboolean         ts_tempo_envelope_get_column   (const TsTempoEnvelope *self,
                                                 guint                  column,
                                                 double                *min_bpm,
                                                 double                *max_bpm);
gboolean         ts_tempo_envelope_get_range    (const TsTempoEnvelope *self,
                                                 double                *min_bpm,
                                                 double                *max_bpm);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsTempoEnvelope, ts_tempo_envelope_free)

G_END_DECLS
