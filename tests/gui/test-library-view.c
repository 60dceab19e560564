/* test-library-view.c - the Library view, and projects the window records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-library-view"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ts-als-writer.h"
#include "ts-gui-test-utils.h"
#include "ts-library-page-private.h"
#include "ts-library.h"
#include "ts-window-private.h"

typedef struct
{
  char      *dir;
  char      *path;
  TsWindow  *window;
  TsLibrary *library;
} Fixture;

static void
write_set (const char *path)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (10, 120.0);
  g_autoptr(GError) error = NULL;

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 120.0);
  ts_als_writer_add_locator (writer, 0.0, "Intro");
  ts_als_writer_add_locator (writer, 32.0, "Artist A - First");
  ts_als_writer_add_locator (writer, 96.0, "Artist B - Second");
  g_assert_true (ts_als_writer_write_file (writer, path, TRUE, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ts-gui-library-view-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "Sunset Mix.als", NULL);
  write_set (fixture->path);

  fixture->window = ts_gui_new_window ();
  g_object_get (fixture->window, "library", &fixture->library, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->library);
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static TsProjectView *
open_set (Fixture *fixture)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  TsProjectView *view;

  ts_window_open_files (fixture->window, &file, 1);
  view = ts_window_get_current_view (fixture->window);
  ts_gui_wait_loaded (view);
  return view;
}

/* The one live document, or NULL while there is none. */
static TsLibraryDocument *
stored_document (TsLibrary *library)
{
  g_autoptr(GPtrArray) documents = ts_library_list (library, NULL, NULL);

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    if (!((TsLibraryDocument *) g_ptr_array_index (documents, i))->deleted)
      return g_ptr_array_steal_index (documents, i);
  return NULL;
}

static gboolean
has_document (gpointer data)
{
  g_autoptr(TsLibraryDocument) document = stored_document (data);

  return document != NULL;
}

static guint
count_visible_rows (GtkListBox *list_box)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n += gtk_widget_get_child_visible (row);
  return n;
}

static gboolean
one_row (gpointer data)
{
  return count_visible_rows (data) == 1;
}

static gboolean
no_visible_row (gpointer data)
{
  return count_visible_rows (data) == 0;
}

/* The stored edits came back to the project opened again. */
static gboolean
intro_hidden (gpointer data)
{
  return !ts_document_get_loading (data) &&
         ts_edits_get_hidden (ts_document_get_edits (data), "0\x1fIntro");
}

static gboolean
no_row (gpointer data)
{
  return gtk_widget_get_first_child (GTK_WIDGET (data)) == NULL;
}

static GtkWidget *
find_delete_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "user-trash-symbolic") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_delete_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkStack *
get_stack (Fixture *fixture)
{
  return GTK_STACK (gtk_widget_get_ancestor (_ts_window_get_library_page (fixture->window), GTK_TYPE_STACK));
}

/* An opened project is recorded, its edits saved, and the Library view
 * shows it. */
static void
test_opened_project_listed (Fixture       *fixture,
                            gconstpointer  user_data)
{
  TsProjectView *view = open_set (fixture);
  TsDocument *document = ts_project_view_get_document (view);
  TsLibraryPage *page = TS_LIBRARY_PAGE (_ts_window_get_library_page (fixture->window));
  GtkListBox *list_box = _ts_library_page_get_list_box (page);
  g_autoptr(TsLibraryDocument) stored = NULL;
  GtkListBoxRow *row;

  g_assert_true (ts_gui_wait_for (has_document, fixture->library, TS_GUI_HANG_GUARD_MS));
  ts_document_set_marker_title (document, ts_document_get_marker_key (document, 1), "Artist A - Renamed");
  stored = stored_document (fixture->library);
  g_assert_cmpstr (ts_edits_get_title (stored->edits, "0\x1f" "Artist A - First"), ==, "Artist A - Renamed");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-library", NULL));
  g_assert_true (gtk_stack_get_visible_child (get_stack (fixture)) == GTK_WIDGET (page));
  g_assert_true (ts_gui_wait_for (one_row, list_box, TS_GUI_HANG_GUARD_MS));
  row = gtk_list_box_get_row_at_index (list_box, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Sunset Mix.als");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "3 markers · "));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), fixture->path));

  /* Search by name or folder, in any case. */
  gtk_editable_set_text (_ts_library_page_get_search (page), "no such mix");
  g_assert_true (ts_gui_wait_for (no_visible_row, list_box, TS_GUI_HANG_GUARD_MS));
  gtk_editable_set_text (_ts_library_page_get_search (page), "SUNSET");
  g_assert_true (ts_gui_wait_for (one_row, list_box, TS_GUI_HANG_GUARD_MS));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list_box, 0));

  /* Sync is not set up: no state, no sync bar (test-library-sync.c has them). */
  g_assert_null (_ts_library_page_get_sync_state (page, stored->id));
  g_assert_null (_ts_library_page_get_sync_summary (page));
}

/* Delete, undo, and open from the list: the project comes back with
 * its edits. */
static void
test_delete_undo_open (Fixture       *fixture,
                       gconstpointer  user_data)
{
  TsProjectView *view = open_set (fixture);
  TsDocument *document = ts_project_view_get_document (view);
  TsLibraryPage *page = TS_LIBRARY_PAGE (_ts_window_get_library_page (fixture->window));
  GtkListBox *list_box = _ts_library_page_get_list_box (page);
  g_autoptr(TsLibraryDocument) stored = NULL;
  g_autoptr(TsLibraryDocument) tombstone = NULL;
  g_autoptr(TsTracklist) reopened = NULL;
  g_autoptr(GError) error = NULL;
  AdwTabView *tab_view;
  AdwToast *toast;

  g_assert_true (ts_gui_wait_for (has_document, fixture->library, TS_GUI_HANG_GUARD_MS));
  ts_document_set_marker_hidden (document, ts_document_get_marker_key (document, 0), TRUE);
  stored = stored_document (fixture->library);

  ts_window_set_library_shown (fixture->window, TRUE);
  g_assert_true (ts_gui_wait_for (one_row, list_box, TS_GUI_HANG_GUARD_MS));
  g_signal_emit_by_name (find_delete_button (GTK_WIDGET (list_box)), "clicked");
  tombstone = ts_library_load (fixture->library, stored->id, &error);
  g_assert_no_error (error);
  g_assert_true (tombstone->deleted);
  g_assert_true (ts_gui_wait_for (no_row, list_box, TS_GUI_HANG_GUARD_MS));

  toast = _ts_library_page_get_last_toast (page);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "“Sunset Mix.als” deleted");
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_true (ts_gui_wait_for (one_row, list_box, TS_GUI_HANG_GUARD_MS));

  /* Closed, then opened from the Library. */
  tab_view = ADW_TAB_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_TAB_VIEW));
  adw_tab_view_close_page (tab_view, adw_tab_view_get_selected_page (tab_view));
  g_assert_cmpuint (ts_window_get_n_views (fixture->window), ==, 0);
  g_signal_emit_by_name (list_box, "row-activated", gtk_list_box_get_row_at_index (list_box, 0));
  g_assert_cmpuint (ts_window_get_n_views (fixture->window), ==, 1);
  g_assert_false (gtk_stack_get_visible_child (get_stack (fixture)) == GTK_WIDGET (page));

  view = ts_window_get_current_view (fixture->window);
  ts_gui_wait_loaded (view);
  document = ts_project_view_get_document (view);
  g_assert_true (ts_gui_wait_for (intro_hidden, document, TS_GUI_HANG_GUARD_MS));
  reopened = ts_document_build_tracklist (document);
  g_assert_cmpuint (ts_tracklist_get_n_tracks (reopened), ==, 2);
  g_assert_cmpstr (ts_tracklist_get_track (reopened, 0)->title, ==, "Artist A - First");
}

int
main (int   argc,
      char *argv[])
{
  ts_gui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/library-view/opened-project-listed", test_opened_project_listed);
  ADD ("/library-view/delete-undo-open", test_delete_undo_open);
#undef ADD

  return g_test_run ();
}
