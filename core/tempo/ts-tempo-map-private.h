/* ts-tempo-map-private.h - what tests ask a tempo map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a reader put into a map: the app and the exporters only ask it for
 * times and tempos, so these stay out of the public header.
 */
#pragma once

#include "ts-tempo-map.h"

G_BEGIN_DECLS

double ts_tempo_map_get_base_bpm (const TsTempoMap *self);
double ts_tempo_map_get_grid     (const TsTempoMap *self);

G_END_DECLS
