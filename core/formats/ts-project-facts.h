/* ts-project-facts.h - what every format reduces to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <math.h>

#include "ts-tempo-map.h"

G_BEGIN_DECLS

/**
 * TsProjectFacts:
 * @tempo_map: (nullable): beats to seconds, or %NULL for formats whose
 *   markers are in seconds already
 * @markers: #TsMarker in file order
 * @end_beat: where the last clip ends, in beats, or NAN when the format
 *   does not say or there is no clip
 * @curved_automation: a curved tempo segment was approximated as linear
 * @arrangements: (nullable): the names of all arrangements,
 *   %NULL-terminated, or %NULL when the format has no arrangements
 * @warnings: (nullable): what of the file was left out and why, one
 *   message a user understands each, %NULL-terminated, or %NULL when
 *   the whole file was read
 *
 * The shared facts of one arrangement, which each format derives from its
 * own data in one function, ts_<format>_derive(): all a tracklist needs.
 */
typedef struct {
  TsTempoMap *tempo_map;
  GArray     *markers;
  double      end_beat;
  gboolean    curved_automation;
  GStrv       arrangements;
  GStrv       warnings;
} TsProjectFacts;

#define TS_PROJECT_FACTS_INIT { NULL, NULL, NAN, FALSE, NULL, NULL }

void ts_project_facts_clear (TsProjectFacts *facts);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TsProjectFacts, ts_project_facts_clear)

G_END_DECLS
