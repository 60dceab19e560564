/* test-responsiveness.c - cold start, and a big set loading without
 * freezing the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-responsiveness"

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "ts-als-writer.h"
#include "ts-gui-test-utils.h"

/* Sanitizers slow every allocation several times over: the numbers are
 * still printed, but only a normal build is held to them. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
# define TIMING_ASSERTED FALSE
#else
# define TIMING_ASSERTED TRUE
#endif

#define MAX_COLD_START_MS 1000.0
#define MAX_STALL_MS 100.0
#define N_TEMPO_EVENTS 100000
#define N_LOCATORS 200

/* How long ago this process was started, from the kernel's own record,
 * so exec and dynamic linking count too. */
static double
process_age_ms (void)
{
  g_autofree char *stat = NULL;
  g_autofree char *uptime = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;
  double start_ticks;

  g_assert_true (g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL));
  g_assert_true (g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL));

  /* The command name may hold spaces; fields count from after its ')'. */
  after_name = strrchr (stat, ')');
  g_assert_nonnull (after_name);
  fields = g_strsplit (after_name + 2, " ", -1);
  g_assert_cmpuint (g_strv_length (fields), >, 19);
  start_ticks = g_ascii_strtod (fields[19], NULL);

  return (g_ascii_strtod (uptime, NULL) - start_ticks / sysconf (_SC_CLK_TCK)) * 1000.0;
}

typedef struct
{
  gboolean painted;
} FirstFrame;

static void
on_after_paint (GdkFrameClock *clock,
                FirstFrame    *frame)
{
  frame->painted = TRUE;
}

static gboolean
painted (gpointer data)
{
  return ((FirstFrame *)data)->painted;
}

static void
wait_first_frame (TsWindow *window)
{
  FirstFrame frame = { FALSE };
  GdkFrameClock *clock;
  gulong handler;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (window)));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frame);
  g_assert_true (ts_gui_wait_for (painted, &frame, 10000));
  g_signal_handler_disconnect (clock, handler);
}

/* Runs first: the process is as fresh as the app's own at start-up. */
static void
test_cold_start (void)
{
  TsWindow *window = ts_window_new (NULL);
  double age;

  wait_first_frame (window);
  age = process_age_ms ();
  g_test_message ("cold start to the first painted frame: %.0f ms", age);
  if (TIMING_ASSERTED)
    g_assert_cmpfloat (age, <, MAX_COLD_START_MS);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  gint64 last;
  gint64 max_gap;
} Stall;

static gboolean
on_tick (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last != 0)
    stall->max_gap = MAX (stall->max_gap, now - stall->last);
  stall->last = now;

  return G_SOURCE_CONTINUE;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Opens @path by a drop and measures the longest gap between main-loop
 * iterations while it loads and while its result is first drawn. */
static void
assert_opens_without_stall (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TsTracklist) expected = NULL;
  TsWindow *window;
  TsProjectView *view;
  Stall stall = { 0 };
  guint source;
  gint64 start;

  window = ts_window_new (NULL);
  wait_first_frame (window);

  source = g_timeout_add (1, on_tick, &stall);
  start = g_get_monotonic_time ();
  ts_gui_drop_files (window, &file, 1);
  view = ts_window_get_current_view (window);
  ts_gui_wait_loaded (view);
  g_test_message ("opened %s in %.0f ms", path, (g_get_monotonic_time () - start) / 1000.0);

  /* The result is drawn in the frames after it arrives: measure those too. */
  ts_gui_wait_for (never, NULL, 500);
  g_source_remove (source);

  g_test_message ("longest main-loop stall: %.1f ms", stall.max_gap / 1000.0);
  if (TIMING_ASSERTED)
    g_assert_cmpfloat (stall.max_gap / 1000.0, <, MAX_STALL_MS);

  g_assert_true (ts_project_view_get_has_result (view));
  expected = ts_gui_core_tracklist (path, G_MAXUINT, TS_TEMPO_MODE_DAW);
  ts_gui_assert_rows_match (view, expected);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_big_set_does_not_stall (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-gui-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (11, 128.0);

  g_assert_no_error (error);
  path = g_build_filename (dir, "marathon.als", NULL);

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

  assert_opens_without_stall (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* The largest sets of the corpus: the most tempo points, and the most XML. */
static void
test_corpus_set_does_not_stall (gconstpointer data)
{
  const char *shared = g_getenv ("TS_SHARED_DIR");
  g_autofree char *path = NULL;

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/corpus not found (set TS_SHARED_DIR)");
      return;
    }
  path = g_build_filename (shared, "corpus", data, NULL);
  assert_opens_without_stall (path);
}

int
main (int   argc,
      char *argv[])
{
  ts_gui_test_init (&argc, &argv);

  g_test_add_func ("/responsiveness/cold-start", test_cold_start);
  g_test_add_func ("/responsiveness/big-set-does-not-stall", test_big_set_does_not_stall);
  g_test_add_data_func ("/responsiveness/corpus/most-tempo-points",
                        "dawtool/bench/als100000.als", test_corpus_set_does_not_stall);
  g_test_add_data_func ("/responsiveness/corpus/most-xml",
                        "public/als/owenbush-ableton-inspector-Broom_Bap.als", test_corpus_set_does_not_stall);

  return g_test_run ();
}
