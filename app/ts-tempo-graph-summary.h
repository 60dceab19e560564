/* ts-tempo-graph-summary.h - the tempo graph in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-tempo-map.h"

G_BEGIN_DECLS

gboolean  ts_tempo_graph_is_flat     (const TsTempoMap *tempo_map);
char     *ts_tempo_graph_summarize   (const TsTempoMap *tempo_map,
                                      GListModel       *rows);

G_END_DECLS
