/* test-license-updater.c - the stored licence refreshed when it is due,
 * against a licence server on 127.0.0.1 that answers as Keygen does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server signs with the test key and dates its answers with the real
 * clock; the stored licence is issued an hour before it, and `now` moves
 * past the time its refresh is due instead of the clock.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ts-license.h"
#include "ts-license-features.h"
#include "ts-license-issuer.h"
#include "ts-license-server.h"
#include "ts-license-updater.h"

#define TTL_DAY  86400
#define TTL_WEEK (7 * 86400)
/* Long enough for any loaded machine; a test that hangs fails instead. */
#define HANG_GUARD_SECONDS 20

typedef struct {
  char  *folder;
  char  *path;
} Fixture;

typedef struct {
  gboolean  did_refresh;
  GError   *error;
  gboolean  done;
} Outcome;

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

  fixture->folder = g_dir_make_tmp ("ts-license-updater-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "timestamps", "license", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *inner = g_path_get_dirname (fixture->path);

  g_unlink (fixture->path);
  g_rmdir (inner);
  g_assert_cmpint (g_rmdir (fixture->folder), ==, 0);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* Stores a Pro licence file issued an hour ago whose time to live is a
 * day: due for a refresh half-way, 11 hours from now. */
static void
store_licence_file (const char *path)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) issued = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) expiry = g_date_time_add_seconds (issued, TTL_DAY);
  g_autofree char *issued_text = g_date_time_format_iso8601 (issued);
  g_autofree char *expiry_text = g_date_time_format_iso8601 (expiry);
  g_autofree char *expiry_json = g_strdup_printf ("\"%s\"", expiry_text);
  g_autofree char *key = ts_license_issuer_key_for (issuer, "lic-1", "pro", "\"2030-01-01T00:00:00Z\"");
  g_autofree char *file = ts_license_issuer_file_for (issuer, "lic-1", key, "ACTIVE", issued_text, expiry_json,
                                                      TTL_DAY, "base64+ed25519", FALSE);
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_license_import (license, file, strlen (file), NULL, now, &error));
  g_assert_no_error (error);
  g_assert_true (ts_license_save (license, path, &error));
  g_assert_no_error (error);
}

/* Past the time the stored licence is due, still within its time to live. */
static GDateTime *
when_due (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_add_hours (now, 13);
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

static void
updated (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->did_refresh = ts_license_update_stored_finish (TS_LICENSE_CLIENT (source), result, &outcome->error);
  outcome->done = TRUE;
  g_main_context_wakeup (NULL);
}

static gboolean
hang_guard (gpointer data)
{
  g_error ("the update did not finish within %d seconds", HANG_GUARD_SECONDS);
  return G_SOURCE_REMOVE;
}

/* Updates the licence at @path from @base_url at @now, on the test's
 * main context. */
static gboolean
update (const char  *base_url,
        const char  *path,
        GDateTime   *now,
        GError     **error)
{
  g_autoptr(TsLicenseClient) client = ts_license_client_new (base_url);
  Outcome outcome = { 0 };
  guint guard = g_timeout_add_seconds (HANG_GUARD_SECONDS, hang_guard, NULL);

  ts_license_update_stored_async (client, path, now, NULL, updated, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);

  g_assert_true (!outcome.did_refresh || outcome.error == NULL);
  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);
  return outcome.did_refresh;
}

static void
test_due (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(TsTestServer) server = NULL;
  g_autoptr(GDateTime) now = when_due ();
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(TsLicense) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GStatBuf info;

  if (skip_unless_test_key ())
    return;
  server = ts_test_server_new (TS_TEST_SERVER_VALID, TTL_WEEK);
  store_licence_file (fixture->path);
  before = read_stored (fixture->path);
  due = ts_license_stored_get_refresh_due (fixture->path, now);
  g_assert_nonnull (due);
  g_assert_cmpint (g_date_time_compare (due, now), <, 0);

  g_assert_true (update (ts_test_server_get_base_url (server), fixture->path, now, &error));
  g_assert_no_error (error);
  /* Validation, then the check-out. */
  g_assert_cmpuint (ts_test_server_get_requests (server), ==, 2);

  after = read_stored (fixture->path);
  g_assert_cmpstr (after, !=, before);
  loaded = ts_license_load (fixture->path, NULL, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_license_get_state (loaded), ==, TS_LICENSE_STATE_ACTIVE);
  g_assert_true (g_date_time_equal (ts_license_get_checked (loaded), now));
  /* The new licence file lives a week: due days from now, not past. */
  g_clear_pointer (&due, g_date_time_unref);
  due = ts_license_stored_get_refresh_due (fixture->path, now);
  g_assert_nonnull (due);
  g_assert_cmpint (g_date_time_difference (due, now), >, 2 * G_TIME_SPAN_DAY);
  g_assert_cmpint (g_stat (fixture->path, &info), ==, 0);
#ifdef G_OS_UNIX
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
#endif
}

static void
test_not_due (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TsTestServer) server = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (skip_unless_test_key ())
    return;
  server = ts_test_server_new (TS_TEST_SERVER_VALID, TTL_WEEK);
  store_licence_file (fixture->path);
  before = read_stored (fixture->path);
  due = ts_license_stored_get_refresh_due (fixture->path, now);
  g_assert_nonnull (due);
  g_assert_cmpint (g_date_time_compare (due, now), >, 0);

  g_assert_false (update (ts_test_server_get_base_url (server), fixture->path, now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ts_test_server_get_requests (server), ==, 0);
  after = read_stored (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

/* Free users never touch the network, and get no licence file. */
static void
test_free (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TsTestServer) server = ts_test_server_new (TS_TEST_SERVER_VALID, TTL_WEEK);
  g_autoptr(GDateTime) now = when_due ();
  g_autoptr(GError) error = NULL;

  g_assert_null (ts_license_stored_get_refresh_due (fixture->path, now));
  g_assert_false (update (ts_test_server_get_base_url (server), fixture->path, now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ts_test_server_get_requests (server), ==, 0);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* Revoked: stored locked, so Pro stops, with why and what to do; the
 * locked licence is not due again. */
static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TsTestServer) server = NULL;
  g_autoptr(GDateTime) now = when_due ();
  g_autoptr(TsLicense) loaded = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_unless_test_key ())
    return;
  server = ts_test_server_new (TS_TEST_SERVER_NOT_FOUND, TTL_WEEK);
  store_licence_file (fixture->path);

  g_assert_false (update (ts_test_server_get_base_url (server), fixture->path, now, &error));
  g_assert_error (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_REVOKED);
  g_assert_nonnull (strstr (error->message, "revoked"));
  g_assert_cmpuint (ts_test_server_get_requests (server), ==, 1);
  g_clear_error (&error);

  loaded = ts_license_load (fixture->path, NULL, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_license_get_state (loaded), ==, TS_LICENSE_STATE_REVOKED);
  g_assert_false (ts_license_allows (loaded, TS_FEATURES_PRO));
  g_assert_null (ts_license_stored_get_refresh_due (fixture->path, now));
}

/* Offline: nothing changes, and Pro keeps working until the time to live. */
static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *url = ts_test_server_closed_url ();
  g_autoptr(GDateTime) now = when_due ();
  g_autoptr(TsLicense) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (skip_unless_test_key ())
    return;
  store_licence_file (fixture->path);
  before = read_stored (fixture->path);

  g_assert_false (update (url, fixture->path, now, &error));
  g_assert_error (error, TS_LICENSE_REFRESH_ERROR, TS_LICENSE_REFRESH_ERROR_UNREACHABLE);
  g_clear_error (&error);

  after = read_stored (fixture->path);
  g_assert_cmpstr (after, ==, before);
  loaded = ts_license_load (fixture->path, NULL, now, &error);
  g_assert_no_error (error);
  g_assert_true (ts_license_allows (loaded, TS_FEATURES_PRO));
}

int
main (int    argc,
      char **argv)
{
  /* Nothing here may leave 127.0.0.1, proxy or not. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/license-updater/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("due", test_due);
  ADD ("not-due", test_not_due);
  ADD ("free", test_free);
  ADD ("not-found", test_not_found);
  ADD ("unreachable", test_unreachable);
#undef ADD
  return g_test_run ();
}
