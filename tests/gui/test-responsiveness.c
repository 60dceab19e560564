/* test-responsiveness.c - the window draws first, reads in workers and
 * fills its list in bounded steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These are the properties that keep the window responsive, checked
 * without a clock: how long the app takes is the benchmark's business
 * (build-aux/bench.py), where a number can drift with the machine without
 * failing anyone's CI.
 */
#define G_LOG_DOMAIN "test-responsiveness"

#include "config.h"

#include <glib/gstdio.h>

#include "ts-als-writer.h"
#include "ts-gui-test-utils.h"
#include "ts-project-view-private.h"
#include "ts-stage-probe.h"

#define N_TEMPO_EVENTS 100000
#define N_LOCATORS 200

/* What the probe saw; written from worker threads, read on the main one. */
typedef struct
{
  GThread *main_thread;
  int      painted;                  /* the first frame's paint phase ran */
  int      n_reached[TS_N_STAGES];
  int      n_on_main_thread;
  int      n_before_paint;
} Watch;

static Watch watch;

static void
on_stage (TsStage  stage,
          gpointer user_data)
{
  Watch *self = user_data;

  g_atomic_int_inc (&self->n_reached[stage]);
  if (g_thread_self () == self->main_thread)
    g_atomic_int_inc (&self->n_on_main_thread);
  if (!g_atomic_int_get (&self->painted))
    g_atomic_int_inc (&self->n_before_paint);
}

static void
watch_reset (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (watch.n_reached); i++)
    g_atomic_int_set (&watch.n_reached[i], 0);
  g_atomic_int_set (&watch.n_on_main_thread, 0);
  g_atomic_int_set (&watch.n_before_paint, 0);
  g_atomic_int_set (&watch.painted, 0);
}

static void
on_paint (GdkFrameClock *clock,
          gpointer       data)
{
  g_atomic_int_set (&watch.painted, 1);
}

/* The frame clock's paint phase comes before its after-paint phase, where
 * the window starts reading: a read that starts before it is a read that
 * competes with the first frame. */
static void
on_realize (GtkWidget *window,
            gpointer   data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "paint", G_CALLBACK (on_paint), NULL);
}

static char *
write_big_set (const char *dir)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (11, 128.0);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "marathon.als", NULL);

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 128.0);
  for (guint i = 0; i < N_TEMPO_EVENTS; i++)
    ts_als_writer_add_tempo_event (writer, i * 0.5, 120.0 + (i % 64) * 0.25);
  for (guint i = 0; i < N_LOCATORS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Artist %u - Track %u", i, i);

      ts_als_writer_add_locator (writer, i * (N_TEMPO_EVENTS * 0.5 / N_LOCATORS), name);
    }
  g_assert_true (ts_als_writer_write_file (writer, path, TRUE, &error));
  g_assert_no_error (error);

  return path;
}

static TsWindow *
new_watched_window (void)
{
  TsWindow *window = ts_gui_new_window ();

  watch_reset ();
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);

  return window;
}

/* Spins the main loop one iteration at a time until @view has all its
 * rows, and checks that no iteration added more than one step of rows
 * while the list still builds widgets for them. Returns the iterations
 * that added rows. */
static guint
wait_loaded_in_steps (TsProjectView *view)
{
  GListModel *rows = ts_project_view_get_rows (view);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint n_steps = 0;

  while (ts_project_view_get_loading (view))
    {
      guint before = g_list_model_get_n_items (rows);
      guint after;

      /* A hang guard far above any real load, not a timing limit. */
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);

      g_main_context_iteration (NULL, TRUE);
      after = g_list_model_get_n_items (rows);

      g_assert_cmpuint (after, >=, before);
      if (after > before)
        {
          n_steps++;
          if (before < TS_PROJECT_VIEW_ROWS_STEPPED)
            g_assert_cmpuint (after - before, <=, TS_PROJECT_VIEW_ROWS_PER_STEP);
        }
    }

  return n_steps;
}

/* Files given on the command line are opened before the window is shown:
 * the window still draws before anything is read. */
static void
test_first_frame_before_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-gui-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  TsWindow *window;

  g_assert_no_error (error);
  path = write_big_set (dir);
  file = g_file_new_for_path (path);

  window = new_watched_window ();
  ts_window_open_files (window, &file, 1);
  gtk_window_present (GTK_WINDOW (window));
  ts_gui_wait_loaded (ts_window_get_current_view (window));

  g_assert_cmpint (g_atomic_int_get (&watch.painted), ==, 1);
  g_assert_cmpint (g_atomic_int_get (&watch.n_reached[TS_STAGE_READ]), ==, 1);
  g_assert_cmpint (g_atomic_int_get (&watch.n_before_paint), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* Opens @path by a drop: reading, the tempo map and the tracklist run in
 * worker threads, and the rows reach the list in bounded steps. */
static void
assert_opens_off_main_thread (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TsTracklist) expected = ts_gui_core_tracklist (path, G_MAXUINT, TS_TEMPO_MODE_DAW);
  guint n_tracks = ts_tracklist_get_n_tracks (expected);
  TsWindow *window = new_watched_window ();
  TsProjectView *view;
  guint n_steps;

  gtk_window_present (GTK_WINDOW (window));
  ts_gui_drop_files (window, &file, 1);
  view = ts_window_get_current_view (window);
  n_steps = wait_loaded_in_steps (view);

  g_assert_true (ts_document_get_tracklist (ts_project_view_get_document (view)) != NULL);
  ts_gui_assert_rows_match (view, expected);

  /* The stages of opening; freeing comes when the window goes. */
  for (guint stage = TS_STAGE_READ; stage <= TS_STAGE_TRACKLIST; stage++)
    g_assert_cmpint (g_atomic_int_get (&watch.n_reached[stage]), >=, 1);
  g_assert_cmpint (g_atomic_int_get (&watch.n_on_main_thread), ==, 0);

  /* Every step but a last one past the stepped rows is a full one. */
  if (n_tracks <= TS_PROJECT_VIEW_ROWS_STEPPED)
    g_assert_cmpuint (n_steps, ==, (n_tracks + TS_PROJECT_VIEW_ROWS_PER_STEP - 1) /
                                   TS_PROJECT_VIEW_ROWS_PER_STEP);
  else
    g_assert_cmpuint (n_steps, ==, TS_PROJECT_VIEW_ROWS_STEPPED / TS_PROJECT_VIEW_ROWS_PER_STEP + 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_big_set_off_main_thread (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-gui-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = write_big_set (dir);

  assert_opens_off_main_thread (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* More rows than are stepped: the rest arrive in one splice. */
static void
test_many_markers_in_steps (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-gui-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (11, 124.0);
  guint n_locators = TS_PROJECT_VIEW_ROWS_STEPPED * 3 + 7;

  g_assert_no_error (error);
  path = g_build_filename (dir, "all-nighter.als", NULL);
  for (guint i = 0; i < n_locators; i++)
    {
      g_autofree char *name = g_strdup_printf ("Artist %u - Track %u", i, i);

      ts_als_writer_add_locator (writer, i * 64.0, name);
    }
  g_assert_true (ts_als_writer_write_file (writer, path, TRUE, &error));
  g_assert_no_error (error);

  assert_opens_off_main_thread (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* The largest sets of the corpus: the most tempo points, and the most XML. */
static void
test_corpus_set_off_main_thread (gconstpointer data)
{
  const char *shared = g_getenv ("TS_SHARED_DIR");
  g_autofree char *path = NULL;

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/corpus not found (set TS_SHARED_DIR)");
      return;
    }
  path = g_build_filename (shared, "corpus", data, NULL);
  assert_opens_off_main_thread (path);
}

int
main (int   argc,
      char *argv[])
{
  ts_gui_test_init (&argc, &argv);

  watch.main_thread = g_thread_self ();
  ts_stage_probe_set (on_stage, &watch);

  g_test_add_func ("/responsiveness/first-frame-before-read", test_first_frame_before_read);
  g_test_add_func ("/responsiveness/big-set-off-main-thread", test_big_set_off_main_thread);
  g_test_add_func ("/responsiveness/many-markers-in-steps", test_many_markers_in_steps);
  g_test_add_data_func ("/responsiveness/corpus/most-tempo-points",
                        "dawtool/bench/als100000.als", test_corpus_set_off_main_thread);
  g_test_add_data_func ("/responsiveness/corpus/most-xml",
                        "public/als/owenbush-ableton-inspector-Broom_Bap.als",
                        test_corpus_set_off_main_thread);

  return g_test_run ();
}
