/* test-license-watch.c - the app's licence watch against a licence
 * server on 127.0.0.1 that answers as Keygen does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The watch checks at once when it is made, with the real clock, so the
 * stored licence is issued long enough ago to be due now, and still
 * within its time to live.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ts-license.h"
#include "ts-license-features.h"
#include "ts-license-issuer.h"
#include "ts-license-server.h"
#include "ts-license-updater.h"
#include "ts-license-watch.h"

#define TTL_DAY  86400
#define TTL_WEEK (7 * 86400)
/* Long enough for any loaded machine; a test that hangs fails instead. */
#define HANG_GUARD_SECONDS 20

typedef struct {
  char  *folder;
  char  *path;
} Fixture;

/* What one watch said about its first check. */
typedef struct {
  guint      n_checked;
  gboolean   refreshed;
  guint      n_locked;
  char      *locked_message;
} Heard;

static gboolean
skip_unless_test_key (void)
{
  if (TS_LICENSE_KEY_IS_TEST)
    return FALSE;
  g_test_skip ("built with -Dlicense_key=production, which the test server's signatures do not verify against");
  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("ts-license-watch-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "license", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unlink (fixture->path);
  g_assert_cmpint (g_rmdir (fixture->folder), ==, 0);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* A Pro licence file issued 20 hours ago that lives a day: due for a
 * refresh since it was half-way, and usable for 4 more hours. */
static void
store_due_licence (const char *path)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) issued = g_date_time_add_hours (now, -20);
  g_autoptr(GDateTime) expiry = g_date_time_add_seconds (issued, TTL_DAY);
  g_autofree char *issued_text = g_date_time_format_iso8601 (issued);
  g_autofree char *expiry_text = g_date_time_format_iso8601 (expiry);
  g_autofree char *expiry_json = g_strdup_printf ("\"%s\"", expiry_text);
  g_autofree char *key = ts_license_issuer_key_for (issuer, "lic-1", "pro", "\"2030-01-01T00:00:00Z\"");
  g_autofree char *file = ts_license_issuer_file_for (issuer, "lic-1", key, "ACTIVE", issued_text, expiry_json,
                                                      TTL_DAY, "base64+ed25519", FALSE);
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_license_import (license, file, strlen (file), NULL, now, &error));
  g_assert_no_error (error);
  g_assert_true (ts_license_save (license, path, &error));
  g_assert_no_error (error);

  due = ts_license_stored_get_refresh_due (path, now);
  g_assert_nonnull (due);
  g_assert_cmpint (g_date_time_compare (due, now), <, 0);
}

static char *
read_stored (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static TsLicense *
load_stored (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  TsLicense *license = ts_license_load (path, NULL, now, &error);

  g_assert_no_error (error);
  return license;
}

static void
on_checked (TsLicenseWatch *watch,
            gboolean        refreshed,
            Heard          *heard)
{
  heard->n_checked++;
  heard->refreshed = refreshed;
  g_main_context_wakeup (NULL);
}

static void
on_locked (TsLicenseWatch *watch,
           const char     *message,
           Heard          *heard)
{
  heard->n_locked++;
  g_free (heard->locked_message);
  heard->locked_message = g_strdup (message);
}

static gboolean
hang_guard (gpointer data)
{
  g_error ("the watch's check did not finish within %d seconds", HANG_GUARD_SECONDS);
  return G_SOURCE_REMOVE;
}

/* Makes a watch of @path against @base_url and waits for its first check,
 * which it starts itself; its next check is an hour away at least. */
static void
watch_once (const char *path,
            const char *base_url,
            Heard      *heard)
{
  g_autoptr(TsLicenseClient) client = ts_license_client_new (base_url);
  g_autoptr(TsLicenseWatch) watch = ts_license_watch_new (path, client);
  guint guard = g_timeout_add_seconds (HANG_GUARD_SECONDS, hang_guard, NULL);

  g_signal_connect (watch, "checked", G_CALLBACK (on_checked), heard);
  g_signal_connect (watch, "locked", G_CALLBACK (on_locked), heard);
  while (heard->n_checked == 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);

  g_assert_cmpuint (heard->n_checked, ==, 1);
}

static void
heard_clear (Heard *heard)
{
  g_clear_pointer (&heard->locked_message, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Heard, heard_clear)

/* A due licence is refreshed and stored, and Pro stays, unannounced. */
static void
test_due_is_refreshed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TsTestServer) server = NULL;
  g_autoptr(TsLicense) loaded = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Heard) heard = { 0 };

  if (skip_unless_test_key ())
    return;
  server = ts_test_server_new (TS_TEST_SERVER_VALID, TTL_WEEK);
  store_due_licence (fixture->path);
  before = read_stored (fixture->path);

  watch_once (fixture->path, ts_test_server_get_base_url (server), &heard);
  g_assert_true (heard.refreshed);
  g_assert_cmpuint (heard.n_locked, ==, 0);
  /* Validation, then the check-out. */
  g_assert_cmpuint (ts_test_server_get_requests (server), ==, 2);

  after = read_stored (fixture->path);
  g_assert_cmpstr (after, !=, before);
  loaded = load_stored (fixture->path);
  g_assert_cmpint (ts_license_get_state (loaded), ==, TS_LICENSE_STATE_ACTIVE);
  g_assert_true (ts_license_allows (loaded, TS_FEATURES_PRO));
  /* The new licence file lives a week: not due again for days. */
  now = g_date_time_new_now_utc ();
  due = ts_license_stored_get_refresh_due (fixture->path, now);
  g_assert_nonnull (due);
  g_assert_cmpint (g_date_time_difference (due, now), >, 2 * G_TIME_SPAN_DAY);
}

/* Revoked: Pro locks, ::locked says why, and the next watch (the app's
 * next start) neither asks the server nor says it again. */
static void
test_revoked_locks_once (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TsTestServer) server = NULL;
  g_autoptr(TsLicense) loaded = NULL;
  g_auto(Heard) heard = { 0 };
  g_auto(Heard) again = { 0 };

  if (skip_unless_test_key ())
    return;
  server = ts_test_server_new (TS_TEST_SERVER_NOT_FOUND, TTL_WEEK);
  store_due_licence (fixture->path);

  watch_once (fixture->path, ts_test_server_get_base_url (server), &heard);
  g_assert_false (heard.refreshed);
  g_assert_cmpuint (heard.n_locked, ==, 1);
  g_assert_nonnull (strstr (heard.locked_message, "revoked"));
  g_assert_cmpuint (ts_test_server_get_requests (server), ==, 1);

  loaded = load_stored (fixture->path);
  g_assert_cmpint (ts_license_get_state (loaded), ==, TS_LICENSE_STATE_REVOKED);
  g_assert_false (ts_license_allows (loaded, TS_FEATURES_PRO));

  watch_once (fixture->path, ts_test_server_get_base_url (server), &again);
  g_assert_false (again.refreshed);
  g_assert_cmpuint (again.n_locked, ==, 0);
  g_assert_cmpuint (ts_test_server_get_requests (server), ==, 1);
}

/* Offline within the time to live: nothing changes, Pro keeps working,
 * and nothing is said. */
static void
test_offline_keeps_pro (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *url = ts_test_server_closed_url ();
  g_autoptr(TsLicense) loaded = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Heard) heard = { 0 };

  if (skip_unless_test_key ())
    return;
  store_due_licence (fixture->path);
  before = read_stored (fixture->path);

  watch_once (fixture->path, url, &heard);
  g_assert_false (heard.refreshed);
  g_assert_cmpuint (heard.n_locked, ==, 0);

  after = read_stored (fixture->path);
  g_assert_cmpstr (after, ==, before);
  loaded = load_stored (fixture->path);
  g_assert_cmpint (ts_license_get_state (loaded), ==, TS_LICENSE_STATE_ACTIVE);
  g_assert_true (ts_license_allows (loaded, TS_FEATURES_PRO));
}

/* A free user's watch never touches the network. */
static void
test_free_asks_nothing (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TsTestServer) server = ts_test_server_new (TS_TEST_SERVER_VALID, TTL_WEEK);
  g_auto(Heard) heard = { 0 };

  watch_once (fixture->path, ts_test_server_get_base_url (server), &heard);
  g_assert_false (heard.refreshed);
  g_assert_cmpuint (heard.n_locked, ==, 0);
  g_assert_cmpuint (ts_test_server_get_requests (server), ==, 0);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  /* Nothing here may leave 127.0.0.1, proxy or not. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/license-watch/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("due-is-refreshed", test_due_is_refreshed);
  ADD ("revoked-locks-once", test_revoked_locks_once);
  ADD ("offline-keeps-pro", test_offline_keeps_pro);
  ADD ("free-asks-nothing", test_free_asks_nothing);
#undef ADD
  return g_test_run ();
}
