/* test-sync-page.c - the Sync page of Preferences against Apache httpd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XDG_CONFIG_HOME is a folder of the test's own, set before GTK starts;
 * without a session bus the password goes to a file there. The tests run
 * in order: the first without a licence, then one is stored.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ts-gui-test-utils.h"
#include "ts-license-issuer.h"
#include "ts-sync-page.h"
#include "ts-test-files.h"
#include "ts-test-service.h"

static char *test_dir;

static GtkWindow *
show_page (TsSyncPage **page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  *page = g_object_new (TS_TYPE_SYNC_PAGE, NULL);
  gtk_window_set_child (window, GTK_WIDGET (*page));
  gtk_window_present (window);
  return window;
}

/* The entry row titled title. */
static GtkEditable *
row (TsSyncPage *page,
     const char *title)
{
  GtkWidget *label = ts_gui_find_label (GTK_WIDGET (page), title);

  g_assert_nonnull (label);
  return GTK_EDITABLE (gtk_widget_get_ancestor (label, ADW_TYPE_ENTRY_ROW));
}

static void
fill (TsSyncPage *page,
      const char *url,
      const char *password)
{
  gtk_editable_set_text (row (page, "Folder address (https://…)"), url);
  gtk_editable_set_text (row (page, "User name"), TS_TEST_WEBDAV_USER);
  gtk_editable_set_text (row (page, "Password or app token"), password);
}

static gboolean
tested (gpointer data)
{
  return g_strcmp0 (ts_sync_page_get_status (data), "Testing…") != 0;
}

static void
test_without_pro (void)
{
  TsSyncPage *page;
  GtkWindow *window = show_page (&page);

  g_assert_nonnull (strstr (ts_sync_page_get_status (page), "Timestamps Pro"));
  g_assert_false (gtk_widget_is_sensitive (ts_gui_find_label (GTK_WIDGET (page), "Save and Test")));
  gtk_window_destroy (window);
}

static void
test_connection (void)
{
  g_autoptr(TsTestService) server = NULL;
  g_autofree char *ini = g_build_filename (test_dir, "timestamps", "sync.ini", NULL);
  g_autofree char *saved = NULL;
  TsSyncPage *page;
  GtkWindow *window;

  if (!TS_LICENSE_KEY_IS_TEST)
    {
      g_test_skip ("built with -Dlicense_key=production, which test licences do not verify against");
      return;
    }
  server = ts_test_apache_new (FALSE);
  if (server == NULL)
    return;
  ts_license_issuer_activate_pro ();
  window = show_page (&page);
  g_assert_true (gtk_widget_is_sensitive (ts_gui_find_label (GTK_WIDGET (page), "Save and Test")));

  /* Refused at once, without a request. */
  fill (page, "http://cloud.example.com/dav", TS_TEST_WEBDAV_PASSWORD);
  ts_sync_page_test_connection (page);
  g_assert_nonnull (strstr (ts_sync_page_get_status (page), "https://"));

  /* The server says no: said in words, nothing saved. */
  fill (page, ts_test_service_get_url (server), "not the password");
  ts_sync_page_test_connection (page);
  g_assert_true (ts_gui_wait_for (tested, page, TS_GUI_HANG_GUARD_MS));
  g_assert_nonnull (strstr (ts_sync_page_get_status (page), "refused the user name or password"));
  g_assert_false (g_file_test (ini, G_FILE_TEST_EXISTS));

  fill (page, ts_test_service_get_url (server), TS_TEST_WEBDAV_PASSWORD);
  ts_sync_page_test_connection (page);
  g_assert_true (ts_gui_wait_for (tested, page, TS_GUI_HANG_GUARD_MS));
  g_assert_true (g_str_has_prefix (ts_sync_page_get_status (page), "Connected and saved"));
  g_assert_true (g_file_get_contents (ini, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, ts_test_service_get_url (server)));
  gtk_window_destroy (window);

  /* A new page shows what was saved. */
  window = show_page (&page);
  g_assert_cmpstr (gtk_editable_get_text (row (page, "User name")), ==, TS_TEST_WEBDAV_USER);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  test_dir = g_dir_make_tmp ("ts-gui-sync-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", test_dir, TRUE);
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  ts_gui_test_init (&argc, &argv);

  g_test_add_func ("/sync-page/without-pro", test_without_pro);
  g_test_add_func ("/sync-page/connection", test_connection);
  status = g_test_run ();

  ts_test_remove_tree (test_dir);
  g_free (test_dir);
  return status;
}
