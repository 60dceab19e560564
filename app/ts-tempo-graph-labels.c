/* ts-tempo-graph-labels.c - where the tempo graph writes its markers' labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of labels above the plot: a marker's number and title where
 * the next marker leaves room, its number where only that fits, nothing
 * where even that would touch the label before (the hover readout names
 * every marker). No label overlaps another or runs past the edges.
 */
#define G_LOG_DOMAIN "ts-tempo-graph"

#include "config.h"

#include "ts-tempo-graph-labels.h"

/* From a marker's line to its text, and between two labels. */
#define LABEL_OFFSET 3.0
#define LABEL_GAP    4.0
/* Less room than this shows a title as a few letters and "…". */
#define MIN_TITLE_ROOM 57.0

/**
 * ts_tempo_graph_place_labels:
 * @markers: (array length=n_markers): sorted by x
 * @left: where labels may start, the widget's left edge or later
 * @right: where they must end, the widget's right edge or sooner
 * @labels: (out caller-allocates) (array length=n_markers): one per marker
 */
void
ts_tempo_graph_place_labels (const TsGraphMarker *markers,
                             guint                n_markers,
                             double               left,
                             double               right,
                             TsGraphLabel        *labels)
{
  double free_from = left;

  for (guint i = 0; i < n_markers; i++)
    {
      const TsGraphMarker *marker = &markers[i];
      double next_x = i + 1 < n_markers ? markers[i + 1].x : right;
      double start = MAX (marker->x + LABEL_OFFSET, left);
      double title_room = MIN (next_x - LABEL_OFFSET - LABEL_GAP, right) - start;
      TsGraphLabel *label = &labels[i];

      label->kind = TS_GRAPH_LABEL_NONE;
      label->start = start;
      label->width = 0.0;

      if (start >= free_from && title_room >= MIN_TITLE_ROOM)
        {
          label->kind = TS_GRAPH_LABEL_TITLE;
          label->width = MIN (marker->title_width, title_room);
        }
      else
        {
          /* Near the right edge the number goes left of its line. */
          if (start + marker->number_width > right)
            start = marker->x - LABEL_OFFSET - marker->number_width;
          if (start >= free_from && start >= left && start + marker->number_width <= right)
            {
              label->kind = TS_GRAPH_LABEL_NUMBER;
              label->start = start;
              label->width = marker->number_width;
            }
        }

      if (label->kind != TS_GRAPH_LABEL_NONE)
        free_from = label->start + label->width + LABEL_GAP;
    }
}
