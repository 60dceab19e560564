/* ts-tempo-graph-summary.c - the tempo graph in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a screen reader says for the graph: how the tempo moves and where
 * the markers are, the two things the picture shows.
 */
#define G_LOG_DOMAIN "ts-tempo-graph"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-tempo-graph-summary.h"
#include "ts-time-format.h"
#include "ts-track-row.h"

/* A long set would take minutes to read out; the list has the rest. */
#define MAX_SPOKEN_MARKERS 10

static double
start_bpm (const TsTempoMap *tempo_map)
{
  return ts_tempo_map_bpm_at_beat (tempo_map, TS_TEMPO_MODE_EXACT, 0.0);
}

/* Whether the tempo never changes: the graph then is a flat line. */
gboolean
ts_tempo_graph_is_flat (const TsTempoMap *tempo_map)
{
  guint n_points = ts_tempo_map_get_n_points (tempo_map);
  double bpm = start_bpm (tempo_map);

  for (guint i = 0; i < n_points; i++)
    if (ts_tempo_map_get_point (tempo_map, i)->bpm != bpm)
      return FALSE;

  return TRUE;
}

static void
append_tempo (GString          *text,
              const TsTempoMap *tempo_map)
{
  guint n_points = ts_tempo_map_get_n_points (tempo_map);
  double min_bpm = start_bpm (tempo_map);
  double max_bpm = min_bpm;

  if (ts_tempo_graph_is_flat (tempo_map))
    {
      g_string_append_printf (text, _("Steady tempo of %.2f BPM."), min_bpm);
      return;
    }

  for (guint i = 0; i < n_points; i++)
    {
      double bpm = ts_tempo_map_get_point (tempo_map, i)->bpm;

      min_bpm = MIN (min_bpm, bpm);
      max_bpm = MAX (max_bpm, bpm);
    }

  g_string_append_printf (text,
                          ngettext ("Tempo between %.2f and %.2f BPM, %u tempo point.",
                                    "Tempo between %.2f and %.2f BPM, %u tempo points.", n_points),
                          min_bpm, max_bpm, n_points);
}

static void
append_markers (GString    *text,
                GListModel *rows)
{
  TsTimeFormat format = TS_TIME_FORMAT_INIT;
  g_autoptr(GString) times = g_string_new (NULL);
  guint n_rows = rows != NULL ? g_list_model_get_n_items (rows) : 0;
  guint n_shown = 0;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(TsTrackRow) row = g_list_model_get_item (rows, i);

      if (!ts_track_row_get_shown (row))
        continue;

      if (n_shown++ < MAX_SPOKEN_MARKERS)
        {
          g_autofree char *time = ts_format_time (ts_track_row_get_seconds (row), &format);

          if (times->len > 0)
            /* Translators: between the marker times the graph reads out. */
            g_string_append (times, C_("marker times", ", "));
          g_string_append (times, time);
        }
    }

  g_string_append_c (text, ' ');
  if (n_shown == 0)
    g_string_append (text, _("No markers."));
  else if (n_shown <= MAX_SPOKEN_MARKERS)
    /* Translators: %s lists the times, e.g. "0:00, 4:23, 8:30". */
    g_string_append_printf (text, ngettext ("Marker at %s.", "Markers at %s.", n_shown), times->str);
  else
    /* Translators: %s lists the first times, %u counts the others. */
    g_string_append_printf (text, ngettext ("Markers at %s and %u more.", "Markers at %s and %u more.",
                                            n_shown - MAX_SPOKEN_MARKERS),
                            times->str, n_shown - MAX_SPOKEN_MARKERS);
}

/**
 * ts_tempo_graph_summarize:
 * @rows: (nullable): the #TsTrackRow markers; unticked ones are left out
 *
 * Returns: (transfer full): e.g. "Tempo between 120.00 and 136.00 BPM,
 *   3 tempo points. Markers at 0:00, 0:15, 1:05."
 */
char *
ts_tempo_graph_summarize (const TsTempoMap *tempo_map,
                          GListModel       *rows)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (tempo_map != NULL, NULL);

  append_tempo (text, tempo_map);
  append_markers (text, rows);

  return g_string_free (text, FALSE);
}
