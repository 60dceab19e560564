/* ts-tempo-graph-labels.h - where the tempo graph writes its markers' labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A ticked marker, left to right, with the widths its two labels take. */
typedef struct
{
  double x;             /* its line */
  double number_width;  /* "4" */
  double title_width;   /* "4 Artist - Title", not ellipsized */
} TsGraphMarker;

typedef enum {
  TS_GRAPH_LABEL_NONE,    /* no room: hovering names it */
  TS_GRAPH_LABEL_NUMBER,
  TS_GRAPH_LABEL_TITLE,   /* the number and title, ellipsized to width */
} TsGraphLabelKind;

typedef struct
{
  TsGraphLabelKind kind;
  double           start;  /* the text's left edge */
  double           width;  /* the most it may take */
} TsGraphLabel;

void ts_tempo_graph_place_labels (const TsGraphMarker *markers,
                                  guint                n_markers,
                                  double               left,
                                  double               right,
                                  TsGraphLabel        *labels);

G_END_DECLS
