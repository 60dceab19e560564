/* ts-gui-test-utils.c - running the app's widgets in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-gui-test"

#include "config.h"

#include <locale.h>
#include <stdlib.h>

/* For g_memory_settings_backend_new(). */
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "ts-application.h"
#include "ts-gui-test-utils.h"
#include "ts-i18n.h"
#include "ts-library.h"
#include "ts-test-files.h"
#include "ts-track-row.h"

/* The windows' libraries, removed when the test ends. */
static char *library_root;
static guint n_libraries;

static void
remove_libraries (void)
{
  ts_test_remove_tree (library_root);
  g_clear_pointer (&library_root, g_free);
}

void
ts_gui_test_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;

  library_root = g_dir_make_tmp ("ts-gui-library-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_libraries);

  /* Not gtk_test_init(): it forces the C locale, and the translation test
   * needs the one from the environment. No G_TEST_OPTION_ISOLATE_DIRS
   * either: it hides the shared-mime-info database, without which
   * gdk-pixbuf cannot tell an SVG icon from any other file. */
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
  ts_i18n_init ();
  gtk_init ();
  adw_init ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/me/timestamps/Timestamps/icons");
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @condition holds; FALSE when it never did. */
gboolean
ts_gui_wait_for (TsGuiCondition condition,
                 gpointer       data,
                 guint          timeout_ms)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_ms, on_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (source);

  return condition (data);
}

static gboolean
view_is_idle (gpointer data)
{
  return !ts_project_view_get_loading (data);
}

/* A window with settings and a library of its own, as fresh as on a new
 * account: no test sees what another one chose or opened. */
TsWindow *
ts_gui_new_window (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  g_autofree char *name = g_strdup_printf ("library-%u", ++n_libraries);
  g_autofree char *directory = g_build_filename (library_root, name, NULL);
  g_autoptr(TsLibrary) library = ts_library_new (directory);

  return g_object_new (TS_TYPE_WINDOW,
                       "settings", settings,
                       "library", library,
                       NULL);
}

void
ts_gui_wait_loaded (TsProjectView *view)
{
  g_assert_true (ts_gui_wait_for (view_is_idle, view, TS_GUI_HANG_GUARD_MS));
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

/* Redraws @widget and waits until the frame that drew it is painted, so
 * what the test did before is on screen whatever the machine's speed. */
void
ts_gui_wait_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (ts_gui_wait_for (is_true, &painted, TS_GUI_HANG_GUARD_MS));
  g_signal_handler_disconnect (clock, handler);
}

/* What a drag from the file manager does in the end. */
void
ts_gui_drop_files (TsWindow  *window,
                   GFile    **files,
                   guint      n_files)
{
  GtkDropTarget *target = ts_window_get_drop_target (window);
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *list = NULL;
  gboolean accepted = FALSE;

  for (guint i = n_files; i > 0; i--)
    list = g_slist_prepend (list, files[i - 1]);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free (list);

  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
}

typedef struct
{
  char     *text;
  GError   *error;
  gboolean  done;
} ClipboardRead;

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &read->error);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *)data)->done;
}

char *
ts_gui_read_clipboard (GtkWidget *widget)
{
  ClipboardRead read = { 0 };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, read_text_cb, &read);
  g_assert_true (ts_gui_wait_for (read_done, &read, TS_GUI_HANG_GUARD_MS));
  g_assert_no_error (read.error);

  return read.text;
}

/* Renders @widget the way it is on screen, without a screen grabber. */
gboolean
ts_gui_save_png (GtkWidget   *widget,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "nothing was drawn");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write %s", path);
      return FALSE;
    }

  return TRUE;
}

/* The first mapped label-like widget below @root showing @text. */
GtkWidget *
ts_gui_find_label (GtkWidget  *root,
                   const char *text)
{
  const char *shown = NULL;

  if (GTK_IS_LABEL (root))
    shown = gtk_label_get_label (GTK_LABEL (root));
  else if (GTK_IS_BUTTON (root))
    shown = gtk_button_get_label (GTK_BUTTON (root));

  if (shown != NULL && g_strcmp0 (shown, text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ts_gui_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What core says about @path on its own, for the view to be checked
 * against; G_MAXUINT means the project's default arrangement. */
TsTracklist *
ts_gui_core_tracklist (const char  *path,
                       guint        arrangement,
                       TsTempoMode  mode)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsProject) project = ts_project_load_file (file, NULL, &error);
  g_autofree char *name = g_file_get_basename (file);

  g_assert_no_error (error);
  if (arrangement == G_MAXUINT)
    arrangement = ts_project_get_default_arrangement (project);

  return ts_tracklist_new_for_project (project, name, arrangement, mode);
}

/* The marker list shows what core computes, row for row. */
void
ts_gui_assert_rows_match (TsProjectView     *view,
                          const TsTracklist *expected)
{
  GListModel *rows = ts_project_view_get_rows (view);
  TsTimeFormat format;

  ts_document_get_time_format (ts_project_view_get_document (view), &format);
  g_assert_cmpuint (ts_tracklist_get_n_tracks (expected), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, ts_tracklist_get_n_tracks (expected));

  for (guint i = 0; i < ts_tracklist_get_n_tracks (expected); i++)
    {
      const TsTrack *track = ts_tracklist_get_track (expected, i);
      g_autoptr(TsTrackRow) row = g_list_model_get_item (rows, i);
      g_autofree char *time = ts_format_time (track->seconds, &format);

      g_assert_cmpuint (ts_track_row_get_index (row), ==, track->index);
      g_assert_cmpfloat (ts_track_row_get_seconds (row), ==, track->seconds);
      g_assert_cmpstr (ts_track_row_get_time (row), ==, time);
      g_assert_cmpstr (ts_track_row_get_original_title (row), ==, track->title);
    }
}
