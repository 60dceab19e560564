/* test-tempo-graph.c - what the tempo graph says under the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-tempo-graph"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ts-format-info.h"
#include "ts-gui-test-utils.h"
#include "ts-tempo-graph.h"
#include "ts-tempo-graph-labels.h"
#include "ts-track-row.h"

/* The DAWs' own grids, as the readers use them. */
#define ABLETON_GRID (ts_format_info_get (TS_FORMAT_ABLETON)->tempo_grid)

/* 120 BPM for 8 beats (4 s), then a ramp down to 60 BPM at beat 16. */
static TsTempoMap *
ramp_map (void)
{
  const TsTempoPoint points[] = { { 0.0, 120.0 }, { 8.0, 120.0 }, { 16.0, 60.0 } };

  return ts_tempo_map_new (120.0, ABLETON_GRID, points, G_N_ELEMENTS (points));
}

static char *
expected_description (TsTempoMap  *map,
                      TsTempoMode  mode,
                      double       seconds)
{
  TsTimeFormat format = { TS_HOURS_AUTO, TRUE, TS_ROUND_DOWN };
  g_autofree char *time = ts_format_time (seconds, &format);
  double beat = ts_tempo_map_beat_at_seconds (map, mode, seconds);

  return g_strdup_printf ("%s · %.2f BPM", time, ts_tempo_map_bpm_at_beat (map, mode, beat));
}

/* The readout is the time and the tempo the core gives for that time, in
 * the graph's mode. */
static void
test_describe_at (void)
{
  g_autoptr(TsTempoMap) map = ramp_map ();
  GtkWidget *graph = g_object_ref_sink (ts_tempo_graph_new ());
  g_autofree char *nothing = ts_tempo_graph_describe_at (TS_TEMPO_GRAPH (graph), 1.0);
  const double times[] = { 0.0, 2.0, 5.3, 7.77, 30.0 };

  g_assert_null (nothing);

  for (int mode = TS_TEMPO_MODE_DAW; mode <= TS_TEMPO_MODE_EXACT; mode++)
    {
      ts_tempo_graph_set_tempo_map (TS_TEMPO_GRAPH (graph), map, mode, NAN);
      for (guint i = 0; i < G_N_ELEMENTS (times); i++)
        {
          g_autofree char *got = ts_tempo_graph_describe_at (TS_TEMPO_GRAPH (graph), times[i]);
          g_autofree char *expected = expected_description (map, mode, times[i]);

          g_assert_cmpstr (got, ==, expected);
        }
    }

  /* Before the ramp both modes read 120; inside it they part. */
  {
    g_autofree char *steady = ts_tempo_graph_describe_at (TS_TEMPO_GRAPH (graph), 2.0);
    g_autofree char *daw = NULL;
    g_autofree char *exact = ts_tempo_graph_describe_at (TS_TEMPO_GRAPH (graph), 5.3);

    g_assert_cmpstr (steady, ==, "0:02.000 · 120.00 BPM");
    ts_tempo_graph_set_tempo_map (TS_TEMPO_GRAPH (graph), map, TS_TEMPO_MODE_DAW, NAN);
    daw = ts_tempo_graph_describe_at (TS_TEMPO_GRAPH (graph), 5.3);
    g_assert_cmpstr (daw, !=, exact);
  }

  g_object_unref (graph);
}

static gboolean
has_size (gpointer data)
{
  return gtk_widget_get_width (data) > 200 && gtk_widget_get_height (data) > 100;
}

/* Hovering draws the readout: the graph under a pointer differs from the
 * graph without one, and looks the same again once the pointer leaves. */
static void
test_hover_draws (void)
{
  g_autoptr(TsTempoMap) map = ramp_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-graph-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "hover.png", NULL);
  g_autofree char *plain_path = g_build_filename (dir, "plain.png", NULL);
  g_autofree char *left_path = g_build_filename (dir, "left.png", NULL);
  g_autofree char *hover = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *left = NULL;
  gsize hover_len, plain_len, left_len;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *graph = ts_tempo_graph_new ();
  GtkEventController *motion = NULL;
  g_autoptr(GListModel) controllers = NULL;

  ts_tempo_graph_set_tempo_map (TS_TEMPO_GRAPH (graph), map, TS_TEMPO_MODE_DAW, NAN);
  gtk_window_set_child (GTK_WINDOW (window), graph);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 240);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ts_gui_wait_for (has_size, graph, TS_GUI_HANG_GUARD_MS));

  controllers = gtk_widget_observe_controllers (graph);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && motion == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        motion = controller;
    }
  g_assert_nonnull (motion);

  /* The paintable shows the widget as last drawn: wait for a frame. */
  ts_gui_wait_frame (graph);
  g_assert_true (ts_gui_save_png (graph, plain_path, &error));
  g_signal_emit_by_name (motion, "motion", gtk_widget_get_width (graph) / 2.0, 60.0);
  ts_gui_wait_frame (graph);
  g_assert_true (ts_gui_save_png (graph, path, &error));
  g_signal_emit_by_name (motion, "leave");
  ts_gui_wait_frame (graph);
  g_assert_true (ts_gui_save_png (graph, left_path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (plain_path, &plain, &plain_len, NULL));
  g_assert_true (g_file_get_contents (path, &hover, &hover_len, NULL));
  g_assert_true (g_file_get_contents (left_path, &left, &left_len, NULL));
  g_assert_false (hover_len == plain_len && memcmp (hover, plain, plain_len) == 0);
  g_assert_cmpmem (left, left_len, plain, plain_len);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (plain_path);
  g_unlink (path);
  g_unlink (left_path);
  g_rmdir (dir);
}

static TsTrackRow *
new_row (guint       index,
         double      seconds,
         const char *title)
{
  TsTrack track = { index, seconds, seconds * 2.0, (char *)title };
  g_autofree char *key = g_strdup_printf ("%u", index);

  return ts_track_row_new (&track, key);
}

static int
min_height (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &minimum, NULL, NULL, NULL);

  return minimum;
}

/* What a screen reader says for the picture: the tempo's range and the
 * ticked markers' times, following ticks as they change; a steady tempo
 * is said to be steady, and drawn lower. */
static void
test_text_alternative (void)
{
  g_autoptr(TsTempoMap) ramp = ramp_map ();
  g_autoptr(TsTempoMap) steady = ts_tempo_map_new (124.0, ABLETON_GRID, NULL, 0);
  g_autoptr(GListStore) rows = g_list_store_new (TS_TYPE_TRACK_ROW);
  g_autoptr(TsTrackRow) intro = new_row (1, 0.0, "Intro");
  g_autoptr(TsTrackRow) hook = new_row (2, 4.5, "Hook");
  g_autoptr(TsTrackRow) outro = new_row (3, 65.0, "Outro");
  GtkWidget *graph = g_object_ref_sink (ts_tempo_graph_new ());
  int ramp_height;

  g_list_store_append (rows, intro);
  g_list_store_append (rows, hook);
  g_list_store_append (rows, outro);
  ts_tempo_graph_set_markers (TS_TEMPO_GRAPH (graph), G_LIST_MODEL (rows));
  ts_tempo_graph_set_tempo_map (TS_TEMPO_GRAPH (graph), ramp, TS_TEMPO_MODE_DAW, NAN);
  gtk_test_accessible_assert_property (graph, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Tempo between 60.00 and 120.00 BPM, 3 tempo points. "
                                       "Markers at 0:00, 0:04, 1:05.");
  ramp_height = min_height (graph);

  ts_track_row_set_shown (hook, FALSE);
  ts_tempo_graph_markers_edited (TS_TEMPO_GRAPH (graph));
  gtk_test_accessible_assert_property (graph, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Tempo between 60.00 and 120.00 BPM, 3 tempo points. "
                                       "Markers at 0:00, 1:05.");

  g_list_store_remove_all (rows);
  ts_tempo_graph_set_tempo_map (TS_TEMPO_GRAPH (graph), steady, TS_TEMPO_MODE_DAW, NAN);
  gtk_test_accessible_assert_property (graph, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Steady tempo of 124.00 BPM. No markers.");
  g_assert_cmpint (min_height (graph), <, ramp_height);

  g_object_unref (graph);
}

static char *
draw_with_rows (GtkWidget  *graph,
                const char *path,
                gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  ts_gui_wait_frame (graph);
  g_assert_true (ts_gui_save_png (graph, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, len, NULL));
  g_unlink (path);

  return contents;
}

/* An unticked marker stays on the graph, drawn unlike a ticked one. */
static void
test_unticked_marker_drawn_dimmed (void)
{
  g_autoptr(TsTempoMap) map = ramp_map ();
  g_autoptr(GListStore) rows = g_list_store_new (TS_TYPE_TRACK_ROW);
  g_autoptr(TsTrackRow) row = new_row (1, 3.0, "Hook");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-graph-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "graph.png", NULL);
  g_autofree char *none = NULL;
  g_autofree char *ticked = NULL;
  g_autofree char *unticked = NULL;
  gsize none_len, ticked_len, unticked_len;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *graph = ts_tempo_graph_new ();

  ts_tempo_graph_set_tempo_map (TS_TEMPO_GRAPH (graph), map, TS_TEMPO_MODE_DAW, NAN);
  ts_tempo_graph_set_markers (TS_TEMPO_GRAPH (graph), G_LIST_MODEL (rows));
  gtk_window_set_child (GTK_WINDOW (window), graph);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 240);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ts_gui_wait_for (has_size, graph, TS_GUI_HANG_GUARD_MS));

  none = draw_with_rows (graph, path, &none_len);
  g_list_store_append (rows, row);
  ticked = draw_with_rows (graph, path, &ticked_len);
  ts_track_row_set_shown (row, FALSE);
  ts_tempo_graph_markers_edited (TS_TEMPO_GRAPH (graph));
  unticked = draw_with_rows (graph, path, &unticked_len);

  g_assert_false (unticked_len == none_len && memcmp (unticked, none, none_len) == 0);
  g_assert_false (unticked_len == ticked_len && memcmp (unticked, ticked, ticked_len) == 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_rmdir (dir);
}

/* Hovering names the marker nearest the pointer, ticked ones only, by
 * its number on the graph: dense markers show no title of their own. */
static void
test_hover_names_nearest_marker (void)
{
  g_autoptr(TsTempoMap) map = ramp_map ();
  g_autoptr(GListStore) rows = g_list_store_new (TS_TYPE_TRACK_ROW);
  g_autoptr(TsTrackRow) intro = new_row (1, 0.0, "Intro");
  g_autoptr(TsTrackRow) hook = new_row (2, 4.5, "Hook");
  g_autoptr(TsTrackRow) outro = new_row (3, 65.0, "Outro");
  GtkWidget *graph = g_object_ref_sink (ts_tempo_graph_new ());
  g_autofree char *readout = expected_description (map, TS_TEMPO_MODE_DAW, 5.3);
  g_autofree char *at_hook = g_strconcat (readout, "\n2 Hook", NULL);
  g_autofree char *at_outro = g_strconcat (readout, "\n1 Outro", NULL);
  g_autofree char *got = NULL;
  g_autofree char *got_unticked = NULL;

  g_list_store_append (rows, intro);
  g_list_store_append (rows, hook);
  g_list_store_append (rows, outro);
  ts_tempo_graph_set_markers (TS_TEMPO_GRAPH (graph), G_LIST_MODEL (rows));
  ts_tempo_graph_set_tempo_map (TS_TEMPO_GRAPH (graph), map, TS_TEMPO_MODE_DAW, NAN);

  got = ts_tempo_graph_describe_at (TS_TEMPO_GRAPH (graph), 5.3);
  g_assert_cmpstr (got, ==, at_hook);

  /* Unticked, Hook has no number; Outro is the second marker shown. */
  ts_track_row_set_shown (hook, FALSE);
  ts_track_row_set_shown (intro, FALSE);
  ts_tempo_graph_markers_edited (TS_TEMPO_GRAPH (graph));
  got_unticked = ts_tempo_graph_describe_at (TS_TEMPO_GRAPH (graph), 5.3);
  g_assert_cmpstr (got_unticked, ==, at_outro);

  g_object_unref (graph);
}

/* Placed labels never overlap each other or run past the edges. */
static void
assert_labels_apart (const TsGraphLabel *labels,
                     guint               n,
                     double              left,
                     double              right)
{
  double end = left;

  for (guint i = 0; i < n; i++)
    {
      if (labels[i].kind == TS_GRAPH_LABEL_NONE)
        continue;

      g_assert_cmpfloat (labels[i].start, >=, end);
      g_assert_cmpfloat (labels[i].width, >, 0.0);
      g_assert_cmpfloat (labels[i].start + labels[i].width, <=, right);
      end = labels[i].start + labels[i].width;
    }
}

/* A dense set, a marker at the very right edge and titles longer than the
 * room: every label that is shown has its own room, and the readout
 * names the rest. */
static void
test_labels_never_overlap (void)
{
  const double left = 0.0;
  const double right = 600.0;
  TsGraphMarker dense[300];
  TsGraphLabel dense_labels[G_N_ELEMENTS (dense)];
  TsGraphMarker sparse[] = {
    { 48.5, 7.0, 120.0 }, { 250.5, 7.0, 400.0 }, { 450.5, 7.0, 40.0 }, { 596.5, 14.0, 90.0 },
  };
  TsGraphLabel sparse_labels[G_N_ELEMENTS (sparse)];
  guint n_numbers = 0;
  guint n_none = 0;

  /* 300 markers 1.1 px apart, numbers as wide as their digits. */
  for (guint i = 0; i < G_N_ELEMENTS (dense); i++)
    {
      dense[i].x = 48.5 + i * 1.1;
      dense[i].number_width = i + 1 < 10 ? 7.0 : i + 1 < 100 ? 14.0 : 21.0;
      dense[i].title_width = dense[i].number_width + 150.0;
    }
  ts_tempo_graph_place_labels (dense, G_N_ELEMENTS (dense), left, right, dense_labels);
  assert_labels_apart (dense_labels, G_N_ELEMENTS (dense), left, right);
  for (guint i = 0; i < G_N_ELEMENTS (dense); i++)
    {
      n_numbers += dense_labels[i].kind == TS_GRAPH_LABEL_NUMBER;
      n_none += dense_labels[i].kind == TS_GRAPH_LABEL_NONE;
    }
  g_assert_cmpuint (n_numbers, >, 1);
  g_assert_cmpuint (n_none, >, 0);

  ts_tempo_graph_place_labels (sparse, G_N_ELEMENTS (sparse), left, right, sparse_labels);
  assert_labels_apart (sparse_labels, G_N_ELEMENTS (sparse), left, right);
  /* Room for the whole title, for an ellipsized one, for a short one. */
  g_assert_cmpint (sparse_labels[0].kind, ==, TS_GRAPH_LABEL_TITLE);
  g_assert_cmpfloat (sparse_labels[0].width, ==, 120.0);
  g_assert_cmpint (sparse_labels[1].kind, ==, TS_GRAPH_LABEL_TITLE);
  g_assert_cmpfloat (sparse_labels[1].width, <, 400.0);
  g_assert_cmpint (sparse_labels[2].kind, ==, TS_GRAPH_LABEL_TITLE);
  /* At the edge, the number goes left of its line rather than off it. */
  g_assert_cmpint (sparse_labels[3].kind, ==, TS_GRAPH_LABEL_NUMBER);
  g_assert_cmpfloat (sparse_labels[3].start + sparse_labels[3].width, <, sparse[3].x);
}

int
main (int   argc,
      char *argv[])
{
  ts_gui_test_init (&argc, &argv);

  g_test_add_func ("/tempo-graph/describe-at", test_describe_at);
  g_test_add_func ("/tempo-graph/hover-draws", test_hover_draws);
  g_test_add_func ("/tempo-graph/text-alternative", test_text_alternative);
  g_test_add_func ("/tempo-graph/unticked-marker-drawn-dimmed", test_unticked_marker_drawn_dimmed);
  g_test_add_func ("/tempo-graph/hover-names-nearest-marker", test_hover_names_nearest_marker);
  g_test_add_func ("/tempo-graph/labels-never-overlap", test_labels_never_overlap);

  return g_test_run ();
}
