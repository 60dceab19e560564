/* test-pro.c - the app's Pro parts: the gate of batch export, the Pro
 * page of Preferences, and Export All
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XDG_CONFIG_HOME is a folder of the test's own, set before GTK starts:
 * GLib reads it once. The tests run in order: the first without a
 * licence, then one is stored with the test key.
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ts-gui-test-utils.h"
#include "ts-license-issuer.h"
#include "ts-license.h"
#include "ts-preferences-window.h"
#include "ts-window-batch.h"

#define CUE_SHEET \
  "FILE \"mix.wav\" WAVE\n" \
  "  TRACK 01 AUDIO\n" \
  "    PERFORMER \"Artist\"\n" \
  "    TITLE \"One\"\n" \
  "    INDEX 01 00:00:00\n" \
  "  TRACK 02 AUDIO\n" \
  "    PERFORMER \"Artist\"\n" \
  "    TITLE \"Two\"\n" \
  "    INDEX 01 04:05:00\n"

static char *test_dir;

static gboolean
skip_unless_test_key (void)
{
  if (TS_LICENSE_KEY_IS_TEST)
    return FALSE;
  g_test_skip ("built with -Dlicense_key=production, which test licences do not verify against");
  return TRUE;
}

/* The one toplevel of @type, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      {
        g_assert_null (found);
        found = l->data;
      }
  return found;
}

static void
test_gate_without_pro (void)
{
  TsWindow *window = ts_gui_new_window ();
  GtkWindow *dialog;
  GtkWindow *preferences;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-folder", NULL));

  /* The dialog says what Pro adds, and each answer leads somewhere. */
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Timestamps Pro");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "Batch export needs Timestamps Pro"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "buy"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "key"));
  /* A screen reader says "Buy Pro", not "underscore Buy Pro". */
  gtk_test_accessible_assert_property (ts_gui_find_label (GTK_WIDGET (dialog), "_Buy Pro"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Buy Pro");

  /* No batch started: there is nothing to show progress of. */
  g_assert_false (ts_window_get_batch_running (window));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "key");
  preferences = find_toplevel (TS_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (preferences)), ==, "pro");
  g_assert_nonnull (ts_gui_find_label (GTK_WIDGET (preferences), "No licence"));

  gtk_window_destroy (preferences);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_page_shows_licence (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  g_autoptr(GDateTime) expires = g_date_time_new_utc (2099, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) expires_here = g_date_time_to_local (expires);
  g_autofree char *expiry = g_date_time_format (expires_here, "%e %B %Y");
  GtkWidget *preferences;

  if (skip_unless_test_key ())
    return;
  ts_license_issuer_activate_pro ();

  preferences = ts_preferences_window_new (NULL, settings);
  ts_preferences_window_show_pro (TS_PREFERENCES_WINDOW (preferences));
  gtk_window_present (GTK_WINDOW (preferences));

  g_assert_nonnull (ts_gui_find_label (preferences, "Active"));
  g_assert_nonnull (ts_gui_find_label (preferences, "pro"));
  g_assert_nonnull (ts_gui_find_label (preferences, "dj@example.com"));
  g_assert_nonnull (ts_gui_find_label (preferences, expiry));
  /* Active: nothing to buy, something to deactivate. */
  g_assert_false (gtk_widget_get_visible (ts_gui_find_label (preferences, "_Buy Pro")));
  g_assert_true (gtk_widget_get_visible (ts_gui_find_label (preferences, "_Deactivate")));

  gtk_window_destroy (GTK_WINDOW (preferences));
}

static gboolean
batch_ended (gpointer data)
{
  return !ts_window_get_batch_running (data);
}

static void
test_export_all (void)
{
  g_autofree char *project = g_build_filename (test_dir, "mix.cue", NULL);
  g_autofree char *output_dir = g_build_filename (test_dir, "out", NULL);
  g_autofree char *output = g_build_filename (output_dir, "mix.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (project);
  g_autoptr(GFile) folder = g_file_new_for_path (output_dir);
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  TsWindow *window;
  TsProjectView *view;

  if (skip_unless_test_key ())
    return;
  ts_license_issuer_activate_pro ();
  g_assert_true (g_file_set_contents (project, CUE_SHEET, -1, &error));
  g_assert_cmpint (g_mkdir (output_dir, 0700), ==, 0);

  window = ts_gui_new_window ();
  gtk_window_present (GTK_WINDOW (window));
  ts_window_open_files (window, &file, 1);
  view = ts_window_get_current_view (window);
  ts_gui_wait_loaded (view);

  ts_window_batch_run_documents (window, folder, TS_EXPORT_TEXT);
  g_assert_true (ts_window_get_batch_running (window));
  g_assert_true (ts_gui_wait_for (batch_ended, window, TS_GUI_HANG_GUARD_MS));

  /* The tab's text, as its Export… writes it. */
  expected = ts_document_export (ts_project_view_get_document (view), TS_EXPORT_TEXT, NULL);
  g_assert_true (g_file_get_contents (output, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (output);
  g_rmdir (output_dir);
  g_unlink (project);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *stored_dir = NULL;
  int status;

  test_dir = g_dir_make_tmp ("ts-gui-pro-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", test_dir, TRUE);
  ts_gui_test_init (&argc, &argv);

  g_test_add_func ("/pro/gate-without-pro", test_gate_without_pro);
  g_test_add_func ("/pro/page-shows-licence", test_page_shows_licence);
  g_test_add_func ("/pro/export-all", test_export_all);
  status = g_test_run ();

  stored = ts_license_get_default_path ();
  stored_dir = g_path_get_dirname (stored);
  g_unlink (stored);
  g_rmdir (stored_dir);
  g_rmdir (test_dir);
  g_free (test_dir);
  return status;
}
