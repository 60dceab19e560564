/* ts-tempo-graph.h - BPM over time with the markers drawn on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ts-tempo-map.h"

G_BEGIN_DECLS

#define TS_TYPE_TEMPO_GRAPH (ts_tempo_graph_get_type ())

G_DECLARE_FINAL_TYPE (TsTempoGraph, ts_tempo_graph, TS, TEMPO_GRAPH, GtkWidget)

GtkWidget  *ts_tempo_graph_new              (void);
void        ts_tempo_graph_set_tempo_map    (TsTempoGraph *self,
                                             TsTempoMap   *tempo_map,
                                             TsTempoMode   mode,
                                             double        end_seconds);
void        ts_tempo_graph_set_markers      (TsTempoGraph *self,
                                             GListModel   *rows);
void        ts_tempo_graph_markers_edited   (TsTempoGraph *self);
char       *ts_tempo_graph_describe_at      (TsTempoGraph *self,
                                             double        seconds);

G_END_DECLS
