/* test-window.c - the main window with real projects dropped on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ts-als-writer.h"
#include "ts-export.h"
#include "ts-flp-writer.h"
#include "ts-gui-test-utils.h"
#include "ts-project-view-private.h"
#include "ts-quiet-tooltips.h"
#include "ts-template.h"
#include "ts-track-row.h"
#include "ts-window-private.h"
#include "ts-youtube.h"

typedef struct
{
  char     *dir;
  char     *path;
  TsWindow *window;
} Fixture;

/* A Live 10 set with its locators out of order and a tempo ramp, so the
 * two timing modes give different times. */
static void
write_set (const char *path,
           double      moved_beat)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (10, 120.0);
  g_autoptr(GError) error = NULL;

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 120.0);
  ts_als_writer_add_tempo_event (writer, 16.0, 120.0);
  ts_als_writer_add_tempo_event (writer, 48.0, 136.0);
  ts_als_writer_add_locator (writer, 64.0, "Artist B - Second");
  ts_als_writer_add_locator (writer, 0.0, "Intro");
  ts_als_writer_add_locator (writer, moved_beat, "Artist C - Third");
  ts_als_writer_add_locator (writer, 30.5, "Artist A - First");
  ts_als_writer_add_locator (writer, 200.0, "");
  g_assert_true (ts_als_writer_write_file (writer, path, TRUE, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ts-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "Sunset Mix.als", NULL);
  write_set (fixture->path, 130.25);

  fixture->window = ts_gui_new_window ();
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static TsProjectView *
drop_path (Fixture    *fixture,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TsProjectView *view;

  ts_gui_drop_files (fixture->window, &file, 1);
  view = ts_window_get_current_view (fixture->window);
  g_assert_nonnull (view);
  g_assert_true (g_file_equal (ts_document_get_file (ts_project_view_get_document (view)), file));
  ts_gui_wait_loaded (view);

  return view;
}

static GtkWidget *
find_widget_of_type (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
widget_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_height (data) > 0;
}

static void
test_drop_shows_core_rows (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(TsTracklist) expected = ts_gui_core_tracklist (fixture->path, G_MAXUINT, TS_TEMPO_MODE_DAW);
  TsProjectView *view = drop_path (fixture, fixture->path);
  GtkColumnView *column_view;
  GtkSelectionModel *selection;
  const TsTrack *first;
  g_autofree char *first_time = NULL;
  TsTimeFormat format = TS_TIME_FORMAT_INIT;

  g_assert_no_error ((GError *)ts_document_get_error (ts_project_view_get_document (view)));
  g_assert_true (ts_document_get_tracklist (ts_project_view_get_document (view)) != NULL);
  g_assert_cmpstr (ts_document_get_title (ts_project_view_get_document (view)), ==, "Sunset Mix.als");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Sunset Mix.als");

  ts_gui_assert_rows_match (view, expected);

  /* The list on screen is that model, and its cells show the times. */
  column_view = GTK_COLUMN_VIEW (find_widget_of_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (column_view);
  selection = gtk_column_view_get_model (column_view);
  g_assert_true (gtk_no_selection_get_model (GTK_NO_SELECTION (selection)) == ts_project_view_get_rows (view));
  g_assert_true (ts_gui_wait_for (widget_drawn, column_view, TS_GUI_HANG_GUARD_MS));

  first = ts_tracklist_get_track (expected, 1);
  first_time = ts_format_time (first->seconds, &format);
  g_assert_nonnull (ts_gui_find_label (GTK_WIDGET (column_view), first_time));
}

static void
test_copy_puts_exact_text (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(TsTracklist) expected = ts_gui_core_tracklist (fixture->path, G_MAXUINT, TS_TEMPO_MODE_DAW);
  TsExportOptions options = { NULL, TS_TIME_FORMAT_INIT };
  g_autofree char *expected_text = ts_export (expected, TS_EXPORT_TEXT, &options);
  g_autofree char *clipboard = NULL;
  g_autofree char *cli_output = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { TS_CLI_PATH, fixture->path, NULL };
  int status;

  drop_path (fixture, fixture->path);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-timestamps", NULL));
  clipboard = ts_gui_read_clipboard (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (clipboard, ==, expected_text);

  /* Same defaults, same text as the command line tool. */
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &cli_output, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (clipboard, ==, cli_output);
}

static void
test_copy_leaves_out_hidden_and_uses_edits (Fixture       *fixture,
                                            gconstpointer  user_data)
{
  g_autoptr(TsTracklist) core = ts_gui_core_tracklist (fixture->path, G_MAXUINT, TS_TEMPO_MODE_DAW);
  TsProjectView *view = drop_path (fixture, fixture->path);
  GListModel *rows = ts_project_view_get_rows (view);
  g_autoptr(TsTrackRow) second = g_list_model_get_item (rows, 1);
  g_autoptr(TsTrackRow) last = g_list_model_get_item (rows, g_list_model_get_n_items (rows) - 1);
  g_autoptr(GString) expected = g_string_new (NULL);
  TsTimeFormat format = TS_TIME_FORMAT_INIT;
  g_autofree char *clipboard = NULL;
  guint index = 0;

  ts_track_row_set_title (second, "Edited - Title");
  ts_track_row_set_shown (last, FALSE);
  g_assert_cmpuint (ts_project_view_copy (view), ==, ts_tracklist_get_n_tracks (core) - 1);

  for (guint i = 0; i + 1 < ts_tracklist_get_n_tracks (core); i++)
    {
      TsTrack track = *ts_tracklist_get_track (core, i);
      g_autofree char *line = NULL;

      track.index = ++index;
      if (i == 1)
        track.title = (char *)"Edited - Title";
      line = ts_template_expand (TS_TEMPLATE_DEFAULT, &track, &format);
      g_string_append_printf (expected, "%s\n", line);
    }

  clipboard = ts_gui_read_clipboard (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (clipboard, ==, expected->str);
}

static void
test_junk_shows_error_then_good_file_opens (Fixture       *fixture,
                                            gconstpointer  user_data)
{
  g_autofree char *junk = g_build_filename (fixture->dir, "notes.als", NULL);
  g_autoptr(TsTracklist) expected = ts_gui_core_tracklist (fixture->path, G_MAXUINT, TS_TEMPO_MODE_DAW);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) junk_file = NULL;
  g_autoptr(TsProject) core_project = NULL;
  TsProjectView *view;
  GtkWidget *copy_button;
  const GError *shown;

  g_assert_true (g_file_set_contents (junk, "shopping list: milk, eggs\n", -1, &error));
  junk_file = g_file_new_for_path (junk);
  core_project = ts_project_load_file (junk_file, NULL, &error);
  g_assert_null (core_project);
  g_assert_nonnull (error);

  view = drop_path (fixture, junk);
  shown = ts_document_get_error (ts_project_view_get_document (view));
  g_assert_nonnull (shown);
  g_assert_false (ts_document_get_tracklist (ts_project_view_get_document (view)) != NULL);
  g_assert_cmpstr (shown->message, ==, error->message);
  g_assert_true (g_error_matches (shown, error->domain, error->code));
  g_assert_nonnull (ts_gui_find_label (GTK_WIDGET (view), error->message));
  /* The window's title names the file; the page need not again. */
  g_assert_nonnull (ts_gui_find_label (GTK_WIDGET (view), "Could Not Open the Project"));
  copy_button = ts_gui_find_label (GTK_WIDGET (fixture->window), "_Copy");
  g_assert_nonnull (copy_button);
  g_assert_false (gtk_widget_is_sensitive (copy_button));

  view = drop_path (fixture, fixture->path);
  g_assert_cmpuint (ts_window_get_n_views (fixture->window), ==, 2);
  g_assert_true (ts_document_get_tracklist (ts_project_view_get_document (view)) != NULL);
  ts_gui_assert_rows_match (view, expected);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-timestamps", NULL));
}

/* Files made to break readers, each written here: the app shows its error
 * page for every one, and the good file dropped next opens as usual. */
static void
test_hostile_files_show_errors_then_good_file_opens (Fixture       *fixture,
                                                     gconstpointer  user_data)
{
  g_autoptr(TsTracklist) expected = ts_gui_core_tracklist (fixture->path, G_MAXUINT, TS_TEMPO_MODE_DAW);
  g_autoptr(GPtrArray) hostile = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *good_contents = NULL;
  g_autofree guint8 *zeros = g_malloc0 (8 * 1024 * 1024);
  GString *deep = g_string_new ("<?xml version=\"1.0\"?><Ableton><LiveSet>");
  gsize good_length = 0;
  static const guint8 truncated_flp[] = { 'F', 'L', 'h', 'd', 6, 0, 0, 0, 0, 0, 1, 0, 96, 0,
                                          'F', 'L', 'd', 't', 0xff, 0xff, 0, 0, 199, 0x85 };
  static const guint8 zero_ppq_flp[] = { 'F', 'L', 'h', 'd', 6, 0, 0, 0, 0, 0, 1, 0, 0, 0,
                                         'F', 'L', 'd', 't', 0, 0, 0, 0 };
  static const guint8 apple_double[] = { 0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00 };

  g_assert_true (g_file_get_contents (fixture->path, &good_contents, &good_length, NULL));

#define ADD_HOSTILE(name, bytes) \
  G_STMT_START { g_ptr_array_add (names, (gpointer) (name)); g_ptr_array_add (hostile, (bytes)); } G_STMT_END
  ADD_HOSTILE ("empty.als", g_bytes_new_static ("", 0));
  ADD_HOSTILE ("junk.flp", g_bytes_new_static ("\x00\x01\x02 junk", 9));
  ADD_HOSTILE ("truncated.als", g_bytes_new (good_contents, good_length / 2));
  ADD_HOSTILE ("zero-bomb.als", ts_als_gzip (zeros, 8 * 1024 * 1024));
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "<a>");
  ADD_HOSTILE ("deep.als", ts_als_gzip (deep->str, deep->len));
  ADD_HOSTILE ("laughs.als", g_bytes_new_static ("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a \"aaaaaaaa\">"
                                                 "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><Ableton>&b;</Ableton>", 118));
  ADD_HOSTILE ("truncated.flp", g_bytes_new_static (truncated_flp, sizeof truncated_flp));
  ADD_HOSTILE ("zero-ppq.flp", g_bytes_new_static (zero_ppq_flp, sizeof zero_ppq_flp));
  ADD_HOSTILE ("damaged.cue", g_bytes_new_static ("TRACK 01 AUDIO\n INDEX 01 99:99:99\n", 34));
  ADD_HOSTILE ("pointer.als", g_bytes_new_static ("version https://git-lfs.github.com/spec/v1\noid sha256:00\nsize 9\n", 64));
  ADD_HOSTILE ("._mix.als", g_bytes_new_static (apple_double, sizeof apple_double));
  ADD_HOSTILE ("mix.wav", g_bytes_new_static ("RIFF\x24\x00\x00\x00WAVEfmt ", 16));
  ADD_HOSTILE ("mix.zip", g_bytes_new_static ("PK\x05\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
                                              "\x00\x00\x00\x00\x00\x00", 22));
#undef ADD_HOSTILE
  g_string_free (deep, TRUE);

  for (guint i = 0; i < hostile->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      GBytes *bytes = g_ptr_array_index (hostile, i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *good_name = g_strdup_printf ("Good %u.als", i);
      g_autofree char *good_path = g_build_filename (fixture->dir, good_name, NULL);
      g_autoptr(GError) error = NULL;
      TsProjectView *view;
      const GError *shown;

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
      g_assert_no_error (error);
      view = drop_path (fixture, path);
      shown = ts_document_get_error (ts_project_view_get_document (view));
      if (shown == NULL)
        g_error ("%s: opened without an error", name);
      g_test_message ("%s: %s", name, shown->message);
      g_assert_null (ts_document_get_tracklist (ts_project_view_get_document (view)));
      g_assert_nonnull (ts_gui_find_label (GTK_WIDGET (view), "Could Not Open the Project"));
      g_assert_nonnull (ts_gui_find_label (GTK_WIDGET (view), shown->message));

      g_assert_true (g_file_set_contents (good_path, good_contents, good_length, &error));
      view = drop_path (fixture, good_path);
      g_assert_no_error ((GError *) ts_document_get_error (ts_project_view_get_document (view)));
      ts_gui_assert_rows_match (view, expected);
      g_assert_cmpuint (ts_window_get_n_views (fixture->window), ==, 2);

      /* Both closed, so every pair starts from the same window. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.close-tab", NULL));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.close-tab", NULL));
      g_assert_cmpuint (ts_window_get_n_views (fixture->window), ==, 0);
    }
}

static TsTrackRow *
find_row (GListModel *rows,
          const char *original_title)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TsTrackRow) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (ts_track_row_get_original_title (row), original_title) == 0)
        return g_steal_pointer (&row);
    }

  return NULL;
}

typedef struct
{
  GListModel *rows;
  const char *title;
  double      seconds;
} RowMoved;

/* Rows are replaced on reload: look the marker up again each time. */
static gboolean
row_moved (gpointer data)
{
  RowMoved *moved = data;
  g_autoptr(TsTrackRow) row = find_row (moved->rows, moved->title);

  return row != NULL && ts_track_row_get_seconds (row) != moved->seconds;
}

static void
test_live_reload_moves_row_and_keeps_edits (Fixture       *fixture,
                                            gconstpointer  user_data)
{
  TsProjectView *view = drop_path (fixture, fixture->path);
  GListModel *rows = ts_project_view_get_rows (view);
  g_autoptr(TsTrackRow) third = find_row (rows, "Artist C - Third");
  g_autoptr(TsTrackRow) first = find_row (rows, "Artist A - First");
  g_autoptr(TsTrackRow) reloaded_third = NULL;
  g_autoptr(TsTrackRow) reloaded_first = NULL;
  g_autoptr(TsTracklist) expected = NULL;
  RowMoved moved;

  g_assert_nonnull (third);
  ts_track_row_set_title (first, "Artist A - First (Edit)");
  ts_track_row_set_shown (third, FALSE);

  moved.rows = rows;
  moved.title = "Artist C - Third";
  moved.seconds = ts_track_row_get_seconds (third);
  write_set (fixture->path, 150.0);
  g_assert_true (ts_gui_wait_for (row_moved, &moved, TS_GUI_HANG_GUARD_MS));
  ts_gui_wait_loaded (view);

  expected = ts_gui_core_tracklist (fixture->path, G_MAXUINT, TS_TEMPO_MODE_DAW);
  ts_gui_assert_rows_match (view, expected);

  reloaded_third = find_row (rows, "Artist C - Third");
  reloaded_first = find_row (rows, "Artist A - First");
  g_assert_cmpfloat (ts_track_row_get_seconds (reloaded_third), !=, ts_track_row_get_seconds (third));
  g_assert_false (ts_track_row_get_shown (reloaded_third));
  g_assert_cmpstr (ts_track_row_get_title (reloaded_first), ==, "Artist A - First (Edit)");
}

static void
test_mode_switch (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(TsTracklist) daw = ts_gui_core_tracklist (fixture->path, G_MAXUINT, TS_TEMPO_MODE_DAW);
  g_autoptr(TsTracklist) exact = ts_gui_core_tracklist (fixture->path, G_MAXUINT, TS_TEMPO_MODE_EXACT);
  TsProjectView *view = drop_path (fixture, fixture->path);
  gboolean differ = FALSE;

  for (guint i = 0; i < ts_tracklist_get_n_tracks (daw); i++)
    differ |= ts_tracklist_get_track (daw, i)->seconds != ts_tracklist_get_track (exact, i)->seconds;
  g_assert_true (differ);

  g_assert_cmpint (ts_document_get_mode (ts_project_view_get_document (view)), ==, TS_TEMPO_MODE_DAW);
  ts_gui_assert_rows_match (view, daw);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "page.mode", "s", "exact"));
  ts_gui_wait_loaded (view);
  g_assert_cmpint (ts_document_get_mode (ts_project_view_get_document (view)), ==, TS_TEMPO_MODE_EXACT);
  g_assert_cmpint (ts_document_get_tracklist (ts_project_view_get_document (view))->mode, ==, TS_TEMPO_MODE_EXACT);
  ts_gui_assert_rows_match (view, exact);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "page.mode", "s", "daw"));
  ts_gui_wait_loaded (view);
  ts_gui_assert_rows_match (view, daw);
}

static void
test_template_and_time_format (Fixture       *fixture,
                               gconstpointer  user_data)
{
  const char *template_ = "{index}. {artist} – {track} [{time}]";
  g_autoptr(TsTracklist) expected = ts_gui_core_tracklist (fixture->path, G_MAXUINT, TS_TEMPO_MODE_DAW);
  TsExportOptions options = { template_, { TS_HOURS_ALWAYS, TRUE, TS_ROUND_DOWN } };
  g_autofree char *expected_text = ts_export (expected, TS_EXPORT_TEXT, &options);
  g_autofree char *clipboard = NULL;
  TsProjectView *view = drop_path (fixture, fixture->path);
  TsTimeFormat format;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "page.template", "s", template_));
  g_assert_cmpstr (ts_document_get_template (ts_project_view_get_document (view)), ==, template_);

  ts_document_get_time_format (ts_project_view_get_document (view), &format);
  format.hours = TS_HOURS_ALWAYS;
  format.milliseconds = TRUE;
  ts_document_set_time_format (ts_project_view_get_document (view), &format);
  ts_gui_assert_rows_match (view, expected);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-timestamps", NULL));
  clipboard = ts_gui_read_clipboard (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (clipboard, ==, expected_text);
}

/* An FL 20 project whose two arrangements hold different markers; the
 * second one is the arrangement FL had open. */
static char *
write_fl_project (const char *dir)
{
  g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (96, TS_FLP_TEXT_UTF16);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "two arrangements.flp", NULL);

  ts_flp_writer_version (writer, "20.8.4.2576");
  ts_flp_writer_tempo (writer, 126000);
  ts_flp_writer_arrangement (writer, 0, "Warm-up & <Chill>");
  ts_flp_writer_marker (writer, 0, 0, "Opener - One");
  ts_flp_writer_marker (writer, 0, 96 * 64, "Warm - Two");
  ts_flp_writer_marker (writer, 0, 96 * 160, "Warm - Three");
  ts_flp_writer_arrangement (writer, 1, "Peak time");
  ts_flp_writer_marker (writer, 0, 0, "Peak - One");
  ts_flp_writer_marker (writer, 0, 96 * 32, "Peak - Two");
  ts_flp_writer_current_arrangement (writer, 1);
  bytes = ts_flp_writer_finish (writer);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);

  return path;
}

static void
test_arrangement_switch (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *path = write_fl_project (fixture->dir);
  g_autoptr(TsTracklist) first = ts_gui_core_tracklist (path, 0, TS_TEMPO_MODE_DAW);
  g_autoptr(TsTracklist) second = ts_gui_core_tracklist (path, 1, TS_TEMPO_MODE_DAW);
  TsProjectView *view = drop_path (fixture, path);

  g_assert_no_error ((GError *)ts_document_get_error (ts_project_view_get_document (view)));
  g_assert_cmpuint (ts_document_get_n_arrangements (ts_project_view_get_document (view)), ==, 2);
  g_assert_cmpuint (ts_document_get_arrangement (ts_project_view_get_document (view)), ==, 1);
  ts_gui_assert_rows_match (view, second);
  g_assert_nonnull (ts_gui_find_label (GTK_WIDGET (view), "Peak time"));

  ts_document_set_arrangement (ts_project_view_get_document (view), 0);
  ts_gui_wait_loaded (view);
  g_assert_cmpuint (ts_document_get_arrangement (ts_project_view_get_document (view)), ==, 0);
  g_assert_cmpint (ts_document_get_tracklist (ts_project_view_get_document (view))->arrangement, ==, 0);
  ts_gui_assert_rows_match (view, first);
}

/* Saved while an arrangement without markers was current, the project
 * opens on the one with markers and says so; picking the empty one then
 * shows it, with nothing left to explain. */
static void
test_arrangement_passed_over_is_named (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (96, TS_FLP_TEXT_UTF16);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "saved on the empty one.flp", NULL);
  TsProjectView *view;
  TsDocument *document;

  ts_flp_writer_version (writer, "20.8.4.2576");
  ts_flp_writer_tempo (writer, 126000);
  ts_flp_writer_arrangement (writer, 0, "Just tracks");
  ts_flp_writer_arrangement (writer, 1, "Just timemarkers");
  ts_flp_writer_marker (writer, 0, 0, "Opener - One");
  ts_flp_writer_marker (writer, 0, 96 * 64, "Closer - Two");
  ts_flp_writer_current_arrangement (writer, 0);
  bytes = ts_flp_writer_finish (writer);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);

  view = drop_path (fixture, path);
  document = ts_project_view_get_document (view);
  g_assert_cmpuint (ts_document_get_arrangement (document), ==, 1);
  g_assert_cmpuint (ts_tracklist_get_n_tracks (ts_document_get_tracklist (document)), ==, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view->arrangement_row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (view->arrangement_row)), ==,
                   "Markers from arrangement “Just timemarkers”; “Just tracks” has none");

  ts_document_set_arrangement (document, 0);
  ts_gui_wait_loaded (view);
  g_assert_cmpuint (ts_document_get_arrangement (document), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (view->arrangement_row)), ==, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view->list_stack), ==, "no-markers");
}

static gboolean
label_shown (gpointer data)
{
  gpointer *args = data;

  return ts_gui_find_label (args[0], args[1]) != NULL;
}

static void
test_youtube_check_and_fix (Fixture       *fixture,
                            gconstpointer  user_data)
{
  TsProjectView *view = drop_path (fixture, fixture->path);
  GListModel *rows = ts_project_view_get_rows (view);
  g_autoptr(TsTrackRow) intro = find_row (rows, "Intro");
  g_autoptr(TsTracklist) shown = NULL;
  g_autoptr(TsTracklist) fixed = NULL;
  g_autoptr(GArray) problems = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *clipboard = NULL;
  g_autofree char *success = NULL;
  TsExportOptions options = { NULL, TS_TIME_FORMAT_INIT };
  const TsYoutubeProblem *problem = NULL;
  gpointer args[2];

  /* Without the 0:00 marker, YouTube would not make chapters. */
  ts_track_row_set_shown (intro, FALSE);
  shown = ts_document_build_tracklist (ts_project_view_get_document (view));
  problems = ts_youtube_check (shown);
  for (guint i = 0; i < problems->len; i++)
    if (g_array_index (problems, TsYoutubeProblem, i).rule == TS_YOUTUBE_RULE_FIRST_AT_ZERO)
      problem = &g_array_index (problems, TsYoutubeProblem, i);
  g_assert_nonnull (problem);

  args[0] = view;
  args[1] = problem->message;
  g_assert_true (ts_gui_wait_for (label_shown, args, TS_GUI_HANG_GUARD_MS));

  options.template_ = ts_document_get_template (ts_project_view_get_document (view));
  fixed = ts_youtube_fix (shown);
  expected = ts_export (fixed, TS_EXPORT_YOUTUBE, &options);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "page.copy-youtube-fix", NULL));
  clipboard = ts_gui_read_clipboard (GTK_WIDGET (view));
  g_assert_cmpstr (clipboard, ==, expected);

  /* Nothing is left to fix, so the toast may say it is fixed. */
  success = g_strdup_printf ("Copied %u fixed YouTube chapters", ts_tracklist_get_n_tracks (fixed));
  args[0] = fixture->window;
  args[1] = success;
  g_assert_true (ts_gui_wait_for (label_shown, args, TS_GUI_HANG_GUARD_MS));
}

/* With two named chapters left, no fix makes YouTube accept the list:
 * Copy Fixed still copies, but says what is left instead of success. */
static void
test_youtube_fix_says_what_is_left (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  TsProjectView *view = drop_path (fixture, fixture->path);
  GListModel *rows = ts_project_view_get_rows (view);
  g_autoptr(TsTrackRow) second = find_row (rows, "Artist B - Second");
  g_autoptr(TsTrackRow) third = find_row (rows, "Artist C - Third");
  g_autoptr(TsTracklist) shown = NULL;
  g_autoptr(GArray) left = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *success = NULL;
  g_autofree char *clipboard = NULL;
  gpointer args[2];

  ts_track_row_set_shown (second, FALSE);
  ts_track_row_set_shown (third, FALSE);
  shown = ts_document_build_tracklist (ts_project_view_get_document (view));
  left = ts_youtube_check_fixed (shown);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpint (g_array_index (left, TsYoutubeProblem, 0).rule, ==, TS_YOUTUBE_RULE_MIN_CHAPTERS);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "page.copy-youtube-fix", NULL));
  clipboard = ts_gui_read_clipboard (GTK_WIDGET (view));
  g_assert_true (g_str_has_prefix (clipboard, "0:00 Intro\n"));

  expected = g_strconcat ("Copied, but not ready for YouTube: ",
                          g_array_index (left, TsYoutubeProblem, 0).message, NULL);
  args[0] = fixture->window;
  args[1] = expected;
  g_assert_true (ts_gui_wait_for (label_shown, args, TS_GUI_HANG_GUARD_MS));
  success = g_strdup_printf ("Copied %u fixed YouTube chapters", 2);
  g_assert_null (ts_gui_find_label (GTK_WIDGET (fixture->window), success));
}

static void
test_same_file_twice_is_one_tab (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autofree char *uri = g_filename_to_uri (fixture->path, NULL, NULL);
  g_autofree char *mangled = g_strconcat ("file%3A", uri + strlen ("file:"), NULL);
  g_autoptr(GFile) file = g_file_new_for_uri (mangled);

  drop_path (fixture, fixture->path);
  ts_gui_drop_files (fixture->window, &file, 1);
  g_assert_cmpuint (ts_window_get_n_views (fixture->window), ==, 1);
}

/* A cue sheet has no tempo map; its page opens all the same, without a
 * warning (fatal in the tests). When it does not say what wrote it, the
 * page shows its format as people call it, never the JSON output's id. */
static void
test_cue_sheet_opens (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const char sheet[] =
    "FILE \"mix.wav\" WAVE\n  TRACK 01 AUDIO\n    TITLE \"Opener\"\n    INDEX 01 00:00:00\n";
  g_autofree char *path = g_build_filename (fixture->dir, "mix.cue", NULL);
  g_autoptr(TsTracklist) expected = NULL;
  g_autoptr(GError) error = NULL;
  TsProjectView *view;

  g_assert_true (g_file_set_contents (path, sheet, -1, &error));
  g_assert_no_error (error);
  expected = ts_gui_core_tracklist (path, G_MAXUINT, TS_TEMPO_MODE_DAW);
  view = drop_path (fixture, path);

  g_assert_no_error ((GError *)ts_document_get_error (ts_project_view_get_document (view)));
  g_assert_true (ts_document_get_tracklist (ts_project_view_get_document (view)) != NULL);
  ts_gui_assert_rows_match (view, expected);
  g_assert_nonnull (ts_gui_find_label (GTK_WIDGET (view), "Cue sheet"));
  g_assert_null (ts_gui_find_label (GTK_WIDGET (view), "cue"));

  /* No tempo: nothing shows one or lets a timing be picked for it. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view->tempo_graph)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view->mode_row)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view->automation_row)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view->list_stack), ==, "tracks");
}

/* A sheet cut off inside its last track opens with the complete tracks,
 * and its page says which track was left out. */
static void
test_cut_off_cue_sheet_warns (Fixture       *fixture,
                              gconstpointer  user_data)
{
  static const char sheet[] =
    "FILE \"mix.wav\" WAVE\n  TRACK 01 AUDIO\n    TITLE \"Opener\"\n    INDEX 01 00:00:00\n"
    "  TRACK 02 AUDIO\n    TITLE \"Clo";
  g_autofree char *path = g_build_filename (fixture->dir, "cut.cue", NULL);
  g_autoptr(TsTracklist) expected = NULL;
  g_autoptr(GError) error = NULL;
  TsProjectView *view;
  GtkWidget *heading;
  GtkWidget *warning;

  g_assert_true (g_file_set_contents (path, sheet, -1, &error));
  g_assert_no_error (error);
  expected = ts_gui_core_tracklist (path, G_MAXUINT, TS_TEMPO_MODE_DAW);
  g_assert_cmpuint (g_strv_length (expected->warnings), ==, 1);
  view = drop_path (fixture, path);

  g_assert_no_error ((GError *)ts_document_get_error (ts_project_view_get_document (view)));
  ts_gui_assert_rows_match (view, expected);
  heading = ts_gui_find_label (GTK_WIDGET (view), "Part of the file is missing");
  warning = ts_gui_find_label (GTK_WIDGET (view), expected->warnings[0]);
  g_assert_nonnull (heading);
  g_assert_nonnull (warning);
  g_assert_true (strstr (expected->warnings[0], "track 2") != NULL);
  g_assert_true (ts_gui_wait_for (widget_drawn, warning, TS_GUI_HANG_GUARD_MS));
}

/* A gzip set missing its last bytes, after the locators, opens with all
 * its markers, and its page says what is missing. */
static void
test_cut_off_set_warns (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "Cut.als", NULL);
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (11, 124.0);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TsTracklist) expected = NULL;
  g_autoptr(GError) error = NULL;
  TsProjectView *view;
  GtkWidget *warning;

  ts_als_writer_add_locator (writer, 0.0, "Intro");
  ts_als_writer_add_locator (writer, 64.0, "Artist - Track");
  bytes = ts_als_writer_to_bytes (writer, TRUE);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes) - 4, &error));
  g_assert_no_error (error);
  expected = ts_gui_core_tracklist (path, G_MAXUINT, TS_TEMPO_MODE_DAW);
  g_assert_cmpuint (ts_tracklist_get_n_tracks (expected), ==, 2);
  g_assert_cmpuint (g_strv_length (expected->warnings), ==, 1);
  view = drop_path (fixture, path);

  g_assert_no_error ((GError *)ts_document_get_error (ts_project_view_get_document (view)));
  ts_gui_assert_rows_match (view, expected);
  g_assert_nonnull (ts_gui_find_label (GTK_WIDGET (view), "Part of the file is missing"));
  warning = ts_gui_find_label (GTK_WIDGET (view), expected->warnings[0]);
  g_assert_nonnull (warning);
  g_assert_true (strstr (expected->warnings[0], "after its locators") != NULL);
  g_assert_true (ts_gui_wait_for (widget_drawn, warning, TS_GUI_HANG_GUARD_MS));
}

/* A set without locators says how to make them, and offers nothing to
 * copy or export (the Copy button holds the export menu); the set with
 * markers then offers both. */
static void
test_no_markers_shows_how_to_add_them (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "Blank.als", NULL);
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (11, 124.0);
  g_autoptr(GError) error = NULL;
  GtkWidget *copy_button = ts_gui_find_label (GTK_WIDGET (fixture->window), "_Copy");
  GtkWidget *split_button;
  TsProjectView *view;

  g_assert_true (ts_als_writer_write_file (writer, path, TRUE, &error));
  g_assert_no_error (error);
  g_assert_nonnull (copy_button);
  split_button = gtk_widget_get_ancestor (copy_button, ADW_TYPE_SPLIT_BUTTON);
  g_assert_nonnull (split_button);

  view = drop_path (fixture, path);
  g_assert_no_error ((GError *)ts_document_get_error (ts_project_view_get_document (view)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view->list_stack), ==, "no-markers");
  g_assert_true (strstr (adw_status_page_get_description (view->no_markers_page), "Add Locator") != NULL);
  g_assert_true (gtk_widget_get_visible (split_button));
  g_assert_false (gtk_widget_is_sensitive (copy_button));
  g_assert_false (gtk_widget_get_sensitive (split_button));

  view = drop_path (fixture, fixture->path);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view->list_stack), ==, "tracks");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view->tempo_graph)));
  g_assert_true (gtk_widget_is_sensitive (copy_button));
  g_assert_true (gtk_widget_get_sensitive (split_button));
}

/* Where a drop lands, GTK offers it down the widget tree (capture phase),
 * then up (bubble phase); the first drop target on that way takes it. */
static GtkDropTarget *
first_drop_target_at (GtkWidget *widget)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (path, 0, w);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < path->len; i++)
      {
        GtkWidget *w = g_ptr_array_index (path, pass == 0 ? i : path->len - 1 - i);
        g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);
        guint n = g_list_model_get_n_items (controllers);

        for (guint j = 0; j < n; j++)
          {
            g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, j);
            GtkPropagationPhase phase = gtk_event_controller_get_propagation_phase (controller);

            if (GTK_IS_DROP_TARGET (controller) &&
                (pass == 0 ? phase == GTK_PHASE_CAPTURE : phase == GTK_PHASE_BUBBLE))
              return GTK_DROP_TARGET (controller);
          }
      }

  return NULL;
}

/* The first lines of the project with the template as typed; a mistake
 * instead, marked on the entry, until it is fixed. */
static void
test_template_preview_and_errors (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  const char *template_ = "{index}. {title} [{time}]";
  g_autoptr(TsTracklist) expected = ts_gui_core_tracklist (fixture->path, G_MAXUINT, TS_TEMPO_MODE_DAW);
  TsExportOptions options = { template_, TS_TIME_FORMAT_INIT };
  g_autofree char *text = ts_export (expected, TS_EXPORT_TEXT, &options);
  g_auto(GStrv) lines = g_strsplit (text, "\n", 4);
  g_autofree char *first_lines = NULL;
  TsProjectView *view = drop_path (fixture, fixture->path);

  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_clear_pointer (&lines[3], g_free);
  first_lines = g_strjoinv ("\n", lines);

  gtk_editable_set_text (GTK_EDITABLE (view->template_row), template_);
  g_assert_cmpstr (gtk_label_get_label (view->template_preview), ==, first_lines);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (view->template_row), "error"));

  gtk_editable_set_text (GTK_EDITABLE (view->template_row), "{index}. {titel}");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (view->template_row), "error"));
  g_assert_cmpstr (gtk_label_get_label (view->template_preview), ==,
                   "“{titel}” is not a field; the fields are {time} {title} {artist} {track} {index} {beat} {bar}");

  gtk_editable_set_text (GTK_EDITABLE (view->template_row), template_);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (view->template_row), "error"));
  g_assert_cmpstr (gtk_label_get_label (view->template_preview), ==, first_lines);
}

/* The popover lists core's presets, no more and no fewer, each by its
 * name with the syntax below it, and picking one sets the template. */
static void
test_template_presets_by_name (Fixture       *fixture,
                               gconstpointer  user_data)
{
  TsProjectView *view = drop_path (fixture, fixture->path);
  GtkWidget *list = gtk_popover_get_child (view->template_popover);
  GtkListBoxRow *numbered = NULL;
  guint n_rows = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      g_assert_nonnull (ts_template_presets[n_rows].template_);
      g_assert_cmpstr (subtitle, ==, ts_template_presets[n_rows].template_);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       ts_template_presets[n_rows].name);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), !=, subtitle);
      if (g_strcmp0 (subtitle, "{index}. {title} [{time}]") == 0)
        numbered = GTK_LIST_BOX_ROW (row);
      n_rows++;
    }
  g_assert_null (ts_template_presets[n_rows].template_);
  g_assert_nonnull (numbered);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (numbered)), ==, "Numbered, Time After");

  g_signal_emit_by_name (numbered, "activate");
  g_assert_cmpstr (ts_document_get_template (ts_project_view_get_document (view)), ==, "{index}. {title} [{time}]");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (view->template_row)), ==, "{index}. {title} [{time}]");
}

static void
count_visible_open_buttons (GtkWidget *root,
                            guint     *n)
{
  if (!gtk_widget_get_visible (root))
    return;

  if (GTK_IS_ACTIONABLE (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "win.open") == 0)
    (*n)++;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    count_visible_open_buttons (child, n);
}

/* The empty window offers one Open button, the page's. */
static void
test_empty_window_has_one_open_button (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  guint n = 0;

  count_visible_open_buttons (GTK_WIDGET (fixture->window), &n);
  g_assert_cmpuint (n, ==, 1);
}

/* A screen reader hears which track each cell is for, and follows a
 * rename. */
static void
test_cells_announce_their_track (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  TsProjectView *view = drop_path (fixture, fixture->path);
  g_autoptr(TsTrackRow) row = g_list_model_get_item (ts_project_view_get_rows (view), 0);
  GtkWidget *check;
  GtkWidget *title;

  g_assert_true (ts_gui_wait_for (widget_drawn, view, TS_GUI_HANG_GUARD_MS));
  ts_gui_wait_frame (GTK_WIDGET (view));
  check = find_widget_of_type (GTK_WIDGET (view->column_view), GTK_TYPE_CHECK_BUTTON);
  title = find_widget_of_type (GTK_WIDGET (view->column_view), GTK_TYPE_EDITABLE_LABEL);
  g_assert_nonnull (check);
  g_assert_nonnull (title);
  g_assert_cmpstr (ts_track_row_get_title (row), ==, "Intro");

  gtk_test_accessible_assert_property (check, GTK_ACCESSIBLE_PROPERTY_LABEL, "Include track 1, Intro");
  gtk_test_accessible_assert_property (title, GTK_ACCESSIBLE_PROPERTY_LABEL, "Title of track 1, Intro");

  ts_track_row_set_title (row, "Hook");
  gtk_test_accessible_assert_property (check, GTK_ACCESSIBLE_PROPERTY_LABEL, "Include track 1, Hook");
  gtk_test_accessible_assert_property (title, GTK_ACCESSIBLE_PROPERTY_LABEL, "Title of track 1, Hook");
}

/* A project dropped on a title opens; the title, an editable label that
 * takes text drops, stays as it was and is not being edited. */
static void
test_drop_on_title_opens_project (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "Other Mix.als", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (other);
  g_auto(GValue) value = G_VALUE_INIT;
  TsProjectView *view = drop_path (fixture, fixture->path);
  GtkDropTarget *window_target = ts_window_get_drop_target (fixture->window);
  GtkWidget *title;
  GtkWidget *label;
  g_autofree char *before = NULL;
  graphene_point_t point;
  gboolean accepted = FALSE;

  write_set (other, 96.0);
  g_assert_true (ts_gui_wait_for (widget_drawn, view, TS_GUI_HANG_GUARD_MS));
  title = find_widget_of_type (GTK_WIDGET (view), GTK_TYPE_EDITABLE_LABEL);
  g_assert_nonnull (title);
  ts_gui_wait_frame (title);
  before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (title)));
  label = find_widget_of_type (title, GTK_TYPE_LABEL);
  g_assert_nonnull (label);

  g_assert_true (first_drop_target_at (label) == window_target);

  g_assert_true (gtk_widget_compute_point (label, GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (4, 4), &point));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (&(GSList) { .data = file }));
  g_signal_emit_by_name (window_target, "drop", &value, (double)point.x, (double)point.y, &accepted);

  g_assert_true (accepted);
  g_assert_cmpuint (ts_window_get_n_views (fixture->window), ==, 2);
  g_assert_true (g_file_equal (ts_document_get_file (ts_project_view_get_document (
                                 ts_window_get_current_view (fixture->window))), file));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, before);
  g_assert_false (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (title)));
}

/* A drag the window can open shows where it goes, until it leaves. */
static void
test_drag_shows_highlight (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GtkDropTarget *target = ts_window_get_drop_target (fixture->window);
  GtkWidget *highlight = ts_gui_find_label (GTK_WIDGET (fixture->window), "Drop to Open");
  GdkDragAction action = 0;

  g_assert_nonnull (highlight);
  g_assert_false (gtk_widget_is_visible (highlight));

  g_signal_emit_by_name (target, "enter", 10.0, 10.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_assert_true (gtk_widget_is_visible (highlight));
  g_assert_false (gtk_widget_get_can_target (gtk_widget_get_parent (highlight)));

  g_signal_emit_by_name (target, "leave");
  g_assert_false (gtk_widget_is_visible (highlight));
}

/* GNOME's title bar has a close button only, where Xvfb's default has
 * three; returns the layout to restore. */
static char *
use_gnome_title_bar (void)
{
  char *layout = NULL;

  g_object_get (gtk_settings_get_default (), "gtk-decoration-layout", &layout, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);

  return layout;
}

static void
restore_title_bar (const char *layout)
{
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);
}

static int
measure_min_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);

  return minimum;
}

/* However long a title, the window can stay as narrow as a phone: its
 * minimum width is the same as with short titles, and the cell shows the
 * whole title in its tooltip. */
static void
test_long_title_keeps_window_narrow (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  TsProjectView *view = drop_path (fixture, fixture->path);
  g_autoptr(TsTrackRow) row = g_list_model_get_item (ts_project_view_get_rows (view), 0);
  g_autofree char *long_title = g_strnfill (300, 'W');
  GtkWidget *title;
  int short_minimum;

  g_autofree char *layout = use_gnome_title_bar ();

  ts_gui_wait_frame (GTK_WIDGET (fixture->window));
  g_assert_true (ts_gui_wait_for (widget_drawn, view, TS_GUI_HANG_GUARD_MS));
  ts_gui_wait_frame (GTK_WIDGET (view));
  short_minimum = measure_min_width (GTK_WIDGET (fixture->window));
  g_assert_cmpint (short_minimum, <=, 360);

  ts_track_row_set_title (row, long_title);
  ts_gui_wait_frame (GTK_WIDGET (view));

  g_assert_cmpint (measure_min_width (GTK_WIDGET (fixture->window)), ==, short_minimum);
  title = find_widget_of_type (GTK_WIDGET (view), GTK_TYPE_EDITABLE_LABEL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, long_title);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (title), ==, long_title);

  restore_title_bar (layout);
}

static gboolean
flap_folded (gpointer data)
{
  return adw_flap_get_folded (data);
}

/* At the narrowest width the settings column folds away behind its
 * button; the tracklist and Copy stay. */
static void
test_narrow_window_folds_settings (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  TsProjectView *view = drop_path (fixture, fixture->path);
  AdwFlap *flap = ts_project_view_get_settings_flap (view);
  GtkWidget *settings_button = NULL;
  GtkWidget *copy_button = ts_gui_find_label (GTK_WIDGET (fixture->window), "_Copy");

  g_autofree char *layout = use_gnome_title_bar ();

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  g_assert_true (ts_gui_wait_for (flap_folded, flap, TS_GUI_HANG_GUARD_MS));
  ts_gui_wait_frame (GTK_WIDGET (view));

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (fixture->window)); w != NULL && settings_button == NULL;
       w = gtk_widget_get_next_sibling (w))
    settings_button = find_widget_of_type (w, GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (settings_button);
  g_assert_true (gtk_widget_get_visible (settings_button));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_true (gtk_widget_get_mapped (copy_button));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view->column_view)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view->column_view)), >, 0);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (settings_button), TRUE);
  g_assert_true (adw_flap_get_reveal_flap (flap));

  restore_title_bar (layout);
}

/* Checks each button in @root whose label has a mnemonic; counts them. */
static void
assert_names_without_mnemonics (GtkWidget *root,
                                guint     *n_checked)
{
  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    {
      /* No label here writes a literal underline ("__"). */
      g_auto(GStrv) parts = g_strsplit (gtk_button_get_label (GTK_BUTTON (root)), "_", -1);
      g_autofree char *shown = g_strjoinv ("", parts);

      gtk_test_accessible_assert_property (root, GTK_ACCESSIBLE_PROPERTY_LABEL, shown);
      (*n_checked)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    assert_names_without_mnemonics (child, n_checked);
}

/* A screen reader says "Open…", not "underscore Open…": the empty page's
 * button, Copy and the page's buttons are named as they are shown. */
static void
test_names_without_mnemonics (Fixture       *fixture,
                              gconstpointer  user_data)
{
  GtkWidget *open_button = ts_gui_find_label (GTK_WIDGET (fixture->window), "_Open…");
  guint n_checked = 0;

  g_assert_nonnull (open_button);
  gtk_test_accessible_assert_property (open_button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Open…");

  drop_path (fixture, fixture->path);
  assert_names_without_mnemonics (GTK_WIDGET (fixture->window), &n_checked);
  /* At least Copy's own button and the page's. */
  g_assert_cmpuint (n_checked, >=, 2);
}

static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      GtkEventController *controller = g_list_model_get_item (controllers, i);

      /* The widget keeps its own reference. */
      g_object_unref (controller);
      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }

  return NULL;
}

/* The header bar's Open button: the one with a tooltip. */
static GtkWidget *
find_open_button (GtkWidget *root)
{
  if (GTK_IS_ACTIONABLE (root) && gtk_widget_get_tooltip_text (root) != NULL &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "win.open") == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_open_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A window opening under a resting pointer pops up no tooltip: the Open
 * button's waits for the pointer to move. */
static void
test_no_tooltip_before_pointer_moves (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  GtkWidget *open_button = find_open_button (GTK_WIDGET (fixture->window));
  GtkEventController *motion = find_controller (GTK_WIDGET (fixture->window), TS_QUIET_TOOLTIPS_CONTROLLER);

  g_assert_nonnull (open_button);
  g_assert_false (gtk_widget_get_has_tooltip (open_button));
  g_assert_nonnull (motion);

  g_signal_emit_by_name (motion, "motion", 12.0, 12.0);
  g_assert_true (gtk_widget_get_has_tooltip (open_button));
}

int
main (int   argc,
      char *argv[])
{
  ts_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/drop-shows-core-rows", test_drop_shows_core_rows);
  ADD ("/window/copy-puts-exact-text", test_copy_puts_exact_text);
  ADD ("/window/copy-leaves-out-hidden-and-uses-edits", test_copy_leaves_out_hidden_and_uses_edits);
  ADD ("/window/junk-shows-error-then-good-file-opens", test_junk_shows_error_then_good_file_opens);
  ADD ("/window/hostile-files-show-errors-then-good-file-opens",
       test_hostile_files_show_errors_then_good_file_opens);
  ADD ("/window/live-reload", test_live_reload_moves_row_and_keeps_edits);
  ADD ("/window/mode-switch", test_mode_switch);
  ADD ("/window/template-and-time-format", test_template_and_time_format);
  ADD ("/window/arrangement-switch", test_arrangement_switch);
  ADD ("/window/arrangement-passed-over-is-named", test_arrangement_passed_over_is_named);
  ADD ("/window/youtube-check-and-fix", test_youtube_check_and_fix);
  ADD ("/window/youtube-fix-says-what-is-left", test_youtube_fix_says_what_is_left);
  ADD ("/window/same-file-twice-is-one-tab", test_same_file_twice_is_one_tab);
  ADD ("/window/cue-sheet-opens", test_cue_sheet_opens);
  ADD ("/window/cut-off-cue-sheet-warns", test_cut_off_cue_sheet_warns);
  ADD ("/window/cut-off-set-warns", test_cut_off_set_warns);
  ADD ("/window/template-preview-and-errors", test_template_preview_and_errors);
  ADD ("/window/template-presets-by-name", test_template_presets_by_name);
  ADD ("/window/empty-window-has-one-open-button", test_empty_window_has_one_open_button);
  ADD ("/window/cells-announce-their-track", test_cells_announce_their_track);
  ADD ("/window/drop-on-title-opens-project", test_drop_on_title_opens_project);
  ADD ("/window/drag-shows-highlight", test_drag_shows_highlight);
  ADD ("/window/no-markers-shows-how-to-add-them", test_no_markers_shows_how_to_add_them);
  ADD ("/window/long-title-keeps-window-narrow", test_long_title_keeps_window_narrow);
  ADD ("/window/narrow-window-folds-settings", test_narrow_window_folds_settings);
  ADD ("/window/names-without-mnemonics", test_names_without_mnemonics);
  ADD ("/window/no-tooltip-before-pointer-moves", test_no_tooltip_before_pointer_moves);

#undef ADD

  return g_test_run ();
}
