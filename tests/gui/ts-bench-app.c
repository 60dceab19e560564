/* ts-bench-app.c - how fast the app starts and opens a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: ts-bench-app PROJECT
 *
 * Not a test: build-aux/bench.py runs it several times under a display
 * and reports the spread. It prints one JSON line:
 *   cold_start_ms  process start (exec and dynamic linking included) to
 *                  the first painted frame of an empty window
 *   open_ms        PROJECT dropped to the first frame painted with all
 *                  its rows in the list
 *   max_stall_ms   the longest gap between two main-loop iterations from
 *                  the drop until half a second after that frame
 * and where open_ms went, in the order it happens:
 *   read_ms        the document's worker reading the file (drop to the
 *                  tempo map stage, so the hand-off to the worker too)
 *   tracklist_ms   the worker's tempo map and tracklist, and the hand-back
 *                  to the main loop, up to the document's loading ending
 *   rows_ms        the main loop putting the result into the view (its
 *                  rows, the graph's map) until the frame starts
 *   layout_ms      that frame's measuring and placing of every widget
 *   paint_ms       its snapshot of the window, the graph's included, and
 *                  the renderer drawing it
 */
#define G_LOG_DOMAIN "ts-bench-app"

#include "config.h"

#include <math.h>
#include <unistd.h>

#include "ts-gui-test-utils.h"
#include "ts-stage-probe.h"

/* How long ago this process was started, from the kernel's own record. */
static double
process_age_ms (void)
{
  g_autofree char *stat = NULL;
  g_autofree char *uptime = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      !g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL))
    return NAN;

  /* The command name may hold spaces; fields count from after its ')'. */
  after_name = strrchr (stat, ')');
  if (after_name == NULL)
    return NAN;
  fields = g_strsplit (after_name + 2, " ", -1);
  if (g_strv_length (fields) <= 19)
    return NAN;

  return (g_ascii_strtod (uptime, NULL) -
          g_ascii_strtod (fields[19], NULL) / sysconf (_SC_CLK_TCK)) * 1000.0;
}

typedef struct
{
  TsProjectView *view;       /* the view whose rows are awaited, or NULL */
  gint64         painted_at; /* the first paint that qualified, or 0 */
  gint64         last_tick;
  gint64         max_gap;

  /* The steps of opening, as they happen; 0 until they do. */
  GMutex         lock;       /* for stage_at: the worker writes it */
  gint64         stage_at[TS_N_STAGES];
  gint64         loaded_at;
  gint64         frame_at;   /* the frame clock's update phase */
  gint64         laid_out_at;
  gint64         paint_done_at;
} Bench;

static void
on_stage (TsStage  stage,
          gpointer user_data)
{
  Bench *bench = user_data;

  g_mutex_lock (&bench->lock);
  if (bench->stage_at[stage] == 0)
    bench->stage_at[stage] = g_get_monotonic_time ();
  g_mutex_unlock (&bench->lock);
}

static void
on_loading_changed (TsDocument *document,
                    GParamSpec *pspec,
                    Bench      *bench)
{
  if (bench->loaded_at == 0 && !ts_document_get_loading (document))
    bench->loaded_at = g_get_monotonic_time ();
}

/* Handlers connected after GTK's run after its work in each phase: the
 * update phase starts a frame, layout and paint end theirs. */
static void
on_update (GdkFrameClock *clock,
           Bench         *bench)
{
  if (bench->loaded_at != 0 && bench->painted_at == 0)
    bench->frame_at = g_get_monotonic_time ();
}

static void
on_layout (GdkFrameClock *clock,
           Bench         *bench)
{
  if (bench->loaded_at != 0 && bench->painted_at == 0)
    bench->laid_out_at = g_get_monotonic_time ();
}

static void
on_paint (GdkFrameClock *clock,
          Bench         *bench)
{
  if (bench->loaded_at != 0 && bench->painted_at == 0)
    bench->paint_done_at = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  if (bench->painted_at == 0 &&
      (bench->view == NULL || !ts_project_view_get_loading (bench->view)))
    bench->painted_at = g_get_monotonic_time ();
}

/* ", NAME: the milliseconds from @from to @to", or null when a step was
 * not seen. */
static void
append_span (GString    *json,
             const char *name,
             gint64      from,
             gint64      to)
{
  if (from != 0 && to >= from)
    g_string_append_printf (json, ", \"%s\": %.1f", name, (to - from) / 1000.0);
  else
    g_string_append_printf (json, ", \"%s\": null", name);
}

static gboolean
painted (gpointer data)
{
  return ((Bench *)data)->painted_at != 0;
}

static gboolean
on_tick (gpointer data)
{
  Bench *bench = data;
  gint64 now = g_get_monotonic_time ();

  if (bench->last_tick != 0)
    bench->max_gap = MAX (bench->max_gap, now - bench->last_tick);
  bench->last_tick = now;

  return G_SOURCE_CONTINUE;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GString) json = NULL;
  Bench bench = { 0 };
  TsWindow *window;
  GdkFrameClock *clock;
  double cold_start_ms;
  gint64 dropped_at;
  guint tick;

  ts_gui_test_init (&argc, &argv);
  g_mutex_init (&bench.lock);

  if (argc != 2)
    {
      g_printerr ("usage: %s PROJECT\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);

  window = ts_gui_new_window ();
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &bench);
  if (!ts_gui_wait_for (painted, &bench, 30000))
    {
      g_printerr ("the window was never drawn\n");
      return 1;
    }
  cold_start_ms = process_age_ms ();

  bench.painted_at = 0;
  g_signal_connect (clock, "update", G_CALLBACK (on_update), &bench);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout), &bench);
  g_signal_connect (clock, "paint", G_CALLBACK (on_paint), &bench);
  ts_stage_probe_set (on_stage, &bench);
  tick = g_timeout_add (1, on_tick, &bench);
  dropped_at = g_get_monotonic_time ();
  ts_gui_drop_files (window, &file, 1);
  bench.view = ts_window_get_current_view (window);
  g_signal_connect (ts_project_view_get_document (bench.view), "notify::loading",
                    G_CALLBACK (on_loading_changed), &bench);
  if (!ts_gui_wait_for (painted, &bench, 60000))
    {
      g_printerr ("%s was not shown within a minute\n", argv[1]);
      return 1;
    }
  if (ts_document_get_tracklist (ts_project_view_get_document (bench.view)) == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], ts_document_get_error (ts_project_view_get_document (bench.view))->message);
      return 1;
    }

  /* The frames after it, where the graph and list settle, count too. */
  ts_gui_wait_for (never, NULL, 500);
  g_source_remove (tick);

  ts_stage_probe_set (NULL, NULL);
  json = g_string_new (NULL);
  g_string_append_printf (json, "{\"cold_start_ms\": %.1f, \"open_ms\": %.1f, \"max_stall_ms\": %.1f",
                          cold_start_ms, (bench.painted_at - dropped_at) / 1000.0, bench.max_gap / 1000.0);
  append_span (json, "read_ms", dropped_at, bench.stage_at[TS_STAGE_TEMPO_MAP]);
  append_span (json, "tracklist_ms", bench.stage_at[TS_STAGE_TEMPO_MAP], bench.loaded_at);
  append_span (json, "rows_ms", bench.loaded_at, bench.frame_at);
  append_span (json, "layout_ms", bench.frame_at, bench.laid_out_at);
  append_span (json, "paint_ms", bench.laid_out_at, bench.paint_done_at);
  g_print ("%s}\n", json->str);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, &bench);
  g_signal_handlers_disconnect_by_func (clock, on_update, &bench);
  g_signal_handlers_disconnect_by_func (clock, on_layout, &bench);
  g_signal_handlers_disconnect_by_func (clock, on_paint, &bench);
  gtk_window_destroy (GTK_WINDOW (window));
  g_mutex_clear (&bench.lock);

  return 0;
}
