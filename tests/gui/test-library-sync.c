/* test-library-sync.c - the Library view while the app syncs by itself
 * with Apache httpd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XDG_CONFIG_HOME is a folder of the test's own, set before GTK starts,
 * with a Pro licence and sync settings for a private Apache; a second
 * library synced directly plays the other computer. Every state the
 * rows and the sync bar show comes from a real sync.
 */

#include "config.h"

#include <string.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "ts-gui-test-utils.h"
#include "ts-library-page-private.h"
#include "ts-license-issuer.h"
#include "ts-sync-engine.h"
#include "ts-test-files.h"
#include "ts-test-library.h"
#include "ts-test-service.h"
#include "ts-window-private.h"

static char *test_dir;

typedef struct {
  TsLibraryPage *page;
  const char    *id;
  const char    *prefix;
} Expected;

static void
sync_other (TsLibrary     *other,
            TsTestService *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsWebdavClient) client = ts_webdav_client_new (ts_test_service_get_url (server),
                                                           TS_TEST_WEBDAV_USER,
                                                           TS_TEST_WEBDAV_PASSWORD, &error);
  g_autoptr(TsSyncReport) report = ts_sync_report_new ();

  g_assert_no_error (error);
  g_assert_true (ts_sync_run (other, client, report, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
row_says (gpointer data)
{
  Expected *expected = data;
  const char *state = _ts_library_page_get_sync_state (expected->page, expected->id);

  return state != NULL && g_str_has_prefix (state, expected->prefix);
}

static gboolean
bar_says (gpointer data)
{
  Expected *expected = data;
  const char *summary = _ts_library_page_get_sync_summary (expected->page);

  return summary != NULL && g_str_has_prefix (summary, expected->prefix);
}

static void
wait_row (TsLibraryPage *page,
          const char    *id,
          const char    *prefix)
{
  Expected expected = { page, id, prefix };

  if (!ts_gui_wait_for (row_says, &expected, TS_GUI_HANG_GUARD_MS))
    g_error ("the row of %s says “%s”, not “%s…”", id,
             _ts_library_page_get_sync_state (page, id), prefix);
}

static void
wait_bar (TsLibraryPage *page,
          const char    *prefix)
{
  Expected expected = { page, NULL, prefix };

  if (!ts_gui_wait_for (bar_says, &expected, TS_GUI_HANG_GUARD_MS))
    g_error ("the sync bar says “%s”, not “%s…”", _ts_library_page_get_sync_summary (page), prefix);
}

typedef struct {
  TsLibrary   *library;
  const char **known;
  char        *found;
} Search;

/* Whether the library has a document that is none of the known ones. */
static gboolean
found_copy (gpointer data)
{
  Search *search = data;
  g_autoptr(GPtrArray) documents = ts_library_list (search->library, NULL, NULL);

  for (guint i = 0; documents != NULL && i < documents->len && search->found == NULL; i++)
    {
      TsLibraryDocument *document = g_ptr_array_index (documents, i);

      if (!g_strv_contains (search->known, document->id))
        search->found = g_strdup (document->id);
    }
  return search->found != NULL;
}

static void
test_states (void)
{
  g_autoptr(TsTestService) server = NULL;
  g_autoptr(TsLibrary) other = NULL;
  g_autoptr(TsLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a tracklist", 15);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(TsWebdavClient) client = NULL;
  g_autofree char *other_dir = g_build_filename (test_dir, "other", "timestamps", "library", NULL);
  g_autofree char *from_other = NULL;
  g_autofree char *here = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *name = NULL;
  g_autofree char *etag = NULL;
  const char *known[3] = { NULL };
  Search search = { NULL, known, NULL };
  TsLibraryPage *page;
  TsWindow *window;

  if (!TS_LICENSE_KEY_IS_TEST)
    {
      g_test_skip ("built with -Dlicense_key=production, which test licences do not verify against");
      return;
    }
  server = ts_test_apache_new (FALSE);
  if (server == NULL)
    return;
  ts_license_issuer_activate_pro ();
  ts_test_sync_settings_save (server, TS_TEST_WEBDAV_PASSWORD);
  other = ts_library_new (other_dir);
  from_other = ts_test_library_add_cue (other, "From the other computer.als");
  sync_other (other, server);

  /* At start the window syncs: what is here goes up, the other's comes down. */
  window = ts_gui_new_window ();
  g_object_get (window, "library", &library, NULL);
  here = ts_test_library_add_cue (library, "Here.als");
  known[0] = here;
  known[1] = from_other;
  search.library = library;
  page = TS_LIBRARY_PAGE (_ts_window_get_library_page (window));
  ts_window_set_library_shown (window, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  wait_row (page, here, "Synced");
  wait_row (page, from_other, "Synced");
  wait_bar (page, "Last synced today at ");

  /* The server down: the edit waits, the bar says why. */
  ts_test_service_command_ok (server, "stop");
  ts_test_library_rename_first (library, here, "Edited here");
  wait_row (page, here, "Waiting to upload");
  wait_bar (page, "Sync failed: cannot reach the sync server");
  g_assert_nonnull (strstr (_ts_library_page_get_sync_summary (page), "Last synced today at "));

  /* Back, and Sync Now: up it goes. */
  ts_test_service_command_ok (server, "start");
  g_assert_true (gtk_widget_is_sensitive (_ts_library_page_get_sync_button (page)));
  gtk_widget_activate (_ts_library_page_get_sync_button (page));
  wait_row (page, here, "Synced");
  wait_bar (page, "Last synced today at ");

  /* Both computers rename the same marker: this one's version is kept
   * as a conflicted copy. */
  sync_other (other, server);
  ts_test_library_rename_first (other, here, "Renamed on the other computer");
  sync_other (other, server);
  ts_test_library_rename_first (library, here, "Renamed here");
  g_assert_true (ts_gui_wait_for (found_copy, &search, TS_GUI_HANG_GUARD_MS));
  copy = g_steal_pointer (&search.found);
  wait_row (page, copy, "Conflicted copy");
  wait_row (page, here, "Synced");

  /* The server's copy damaged: that tracklist says it is not synced, and why. */
  client = ts_webdav_client_new (ts_test_service_get_url (server), TS_TEST_WEBDAV_USER,
                                 TS_TEST_WEBDAV_PASSWORD, &error);
  g_assert_no_error (error);
  name = g_strconcat (from_other, ".json", NULL);
  ts_test_service_command_ok (server, "age");
  body = ts_webdav_client_get (client, name, &etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ts_webdav_client_put (client, name, garbage, etag, NULL, &error));
  g_assert_no_error (error);
  ts_test_library_rename_first (library, from_other, "Edited while damaged there");
  wait_row (page, from_other, "Not synced: ");
  g_assert_nonnull (strstr (_ts_library_page_get_sync_state (page, from_other), name));

  /* A wrong password saved: said in words. */
  ts_test_sync_settings_save (server, "not the password");
  wait_bar (page, "Sync failed: the sync server refused the user name or password");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_idle (gpointer data)
{
  return !ts_sync_scheduler_is_running (data);
}

/* The application's windows share one scheduler: closing one leaves the
 * others syncing. */
static void
test_shared_scheduler (void)
{
  g_autofree char *folder = g_build_filename (test_dir, "shared", "timestamps", "library", NULL);
  g_autoptr(TsLibrary) library = ts_library_new (folder);
  g_autoptr(TsSyncScheduler) scheduler = ts_sync_scheduler_new (library, NULL);
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  TsWindow *first;
  TsWindow *second;
  TsSyncScheduler *used = NULL;

  if (!TS_LICENSE_KEY_IS_TEST)
    {
      g_test_skip ("built with -Dlicense_key=production, which test licences do not verify against");
      return;
    }
  /* The licence and settings of the test before. */
  first = ts_window_new (NULL, settings, library, scheduler);
  second = ts_window_new (NULL, settings, library, scheduler);
  g_object_get (second, "sync-scheduler", &used, NULL);
  g_assert_true (used == scheduler);
  g_object_unref (used);
  g_assert_true (ts_sync_scheduler_is_active (scheduler));
  gtk_window_destroy (GTK_WINDOW (first));
  g_assert_true (ts_sync_scheduler_is_active (scheduler));
  g_assert_nonnull (_ts_library_page_get_sync_summary (TS_LIBRARY_PAGE (_ts_window_get_library_page (second))));
  gtk_window_destroy (GTK_WINDOW (second));
  g_assert_true (ts_sync_scheduler_is_active (scheduler));

  ts_sync_scheduler_set_enabled (scheduler, FALSE);
  g_assert_true (ts_gui_wait_for (is_idle, scheduler, TS_GUI_HANG_GUARD_MS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  test_dir = g_dir_make_tmp ("ts-gui-library-sync-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", test_dir, TRUE);
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  ts_gui_test_init (&argc, &argv);

  g_test_add_func ("/library-sync/states", test_states);
  g_test_add_func ("/library-sync/shared-scheduler", test_shared_scheduler);
  status = g_test_run ();

  ts_test_remove_tree (test_dir);
  g_free (test_dir);
  return status;
}
