/* test-license-refresh.c - the online refresh of a Pro licence, against
 * a licence server on 127.0.0.1 that answers as Keygen does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server signs with the test key and dates its answers with the real
 * clock, so licences here are issued relative to the real clock too.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ts-license.h"
#include "ts-license-features.h"
#include "ts-license-issuer.h"
#include "ts-license-refresh.h"
#include "ts-license-server.h"

#define TTL_DAY  86400
#define TTL_WEEK (7 * 86400)
/* Long enough for any loaded machine; a test that hangs fails instead. */
#define HANG_GUARD_SECONDS 20

typedef struct {
  TsLicenseRefresh *refresh;
  GError           *error;
  gboolean          done;
} Outcome;

static gboolean
skip_unless_test_key (void)
{
  if (TS_LICENSE_KEY_IS_TEST)
    return FALSE;
  g_test_skip ("built with -Dlicense_key=production, which the test server's signatures do not verify against");
  return TRUE;
}

/* A Pro licence file issued an hour ago whose time to live is a day. */
static TsLicense *
licence_file (void)
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
  return g_steal_pointer (&license);
}

static void
refreshed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->refresh = ts_license_client_refresh_finish (TS_LICENSE_CLIENT (source), result, &outcome->error);
  outcome->done = TRUE;
  g_main_context_wakeup (NULL);
}

static gboolean
hang_guard (gpointer data)
{
  g_error ("the refresh did not finish within %d seconds", HANG_GUARD_SECONDS);
  return G_SOURCE_REMOVE;
}

/* Refreshes @license from @base_url on the test's main context; a
 * refresh or an error. */
static TsLicenseRefresh *
refresh (const char  *base_url,
         TsLicense   *license,
         guint        timeout,
         GError     **error)
{
  g_autoptr(TsLicenseClient) client = ts_license_client_new (base_url);
  Outcome outcome = { 0 };
  guint guard = g_timeout_add_seconds (HANG_GUARD_SECONDS, hang_guard, NULL);

  if (timeout != 0)
    ts_license_client_set_timeout (client, timeout);
  ts_license_client_refresh_async (client, license, NULL, refreshed, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);

  g_assert_true ((outcome.refresh == NULL) != (outcome.error == NULL));
  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);
  return outcome.refresh;
}

/* Refreshes a licence file from a server in @mode: the licence is left
 * as it was, and the error has @code. */
static void
assert_unchanged_after (TsTestServerMode       mode,
                        TsLicenseRefreshError  code)
{
  g_autoptr(TsTestServer) server = NULL;
  g_autoptr(TsLicense) license = NULL;
  g_autoptr(TsLicenseRefresh) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (skip_unless_test_key ())
    return;
  server = ts_test_server_new (mode, TTL_WEEK);
  license = licence_file ();
  before = ts_license_status_to_json (license);
  result = refresh (ts_test_server_get_base_url (server), license, mode == TS_TEST_SERVER_HANG ? 1 : 0, &error);

  g_assert_error (error, TS_LICENSE_REFRESH_ERROR, (int) code);
  g_assert_null (strstr (error->message, "key/"));
  after = ts_license_status_to_json (license);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (ts_license_allows (license, TS_FEATURES_PRO));
}

static void
test_valid (void)
{
  g_autoptr(TsTestServer) server = NULL;
  g_autoptr(TsLicense) license = NULL;
  g_autoptr(TsLicenseRefresh) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) due_before = NULL;
  g_autoptr(GDateTime) due_after = NULL;

  if (skip_unless_test_key ())
    return;
  server = ts_test_server_new (TS_TEST_SERVER_VALID, TTL_WEEK);
  license = licence_file ();
  due_before = ts_license_get_refresh_due (license);
  result = refresh (ts_test_server_get_base_url (server), license, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_license_refresh_get_verdict (result), ==, TS_LICENSE_VERDICT_VALID);
  /* Validation, then the check-out. */
  g_assert_cmpuint (ts_test_server_get_requests (server), ==, 2);

  g_assert_true (ts_license_apply_refresh (license, result, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ts_license_get_state (license), ==, TS_LICENSE_STATE_ACTIVE);
  g_assert_true (g_date_time_equal (ts_license_get_checked (license), now));
  g_assert_cmpstr (ts_license_get_licensee (license), ==, "dj@example.com");
  /* The new file lives a week, due three days before its end; the old
   * one a day, due half-way: 3.5 days apart. */
  due_after = ts_license_get_refresh_due (license);
  g_assert_cmpint (g_date_time_difference (due_after, due_before), >, 3 * G_TIME_SPAN_DAY);
  g_assert_cmpint (g_date_time_difference (due_after, due_before), <, 4 * G_TIME_SPAN_DAY);
}

/* A signed key never goes out of date, but a refresh turns it into a
 * licence file, which the server can refresh from then on. */
static void
test_valid_from_key (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autoptr(TsTestServer) server = NULL;
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(TsLicenseRefresh) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *key = ts_license_issuer_key_for (issuer, "lic-1", "pro", "null");

  if (skip_unless_test_key ())
    return;
  g_assert_true (ts_license_activate (license, key, NULL, now, &error));
  g_assert_null (ts_license_get_refresh_due (license));

  server = ts_test_server_new (TS_TEST_SERVER_VALID, 30 * TTL_DAY);
  result = refresh (ts_test_server_get_base_url (server), license, 0, &error);
  g_assert_no_error (error);
  g_assert_true (ts_license_apply_refresh (license, result, now, &error));
  g_assert_no_error (error);

  /* Thirty days to live, refreshed three days before. */
  due = ts_license_get_refresh_due (license);
  g_assert_nonnull (due);
  g_assert_cmpint (g_date_time_difference (due, now), >, 26 * G_TIME_SPAN_DAY);
  g_assert_cmpint (g_date_time_difference (due, now), <, 27 * G_TIME_SPAN_DAY);
}

/* The server locks the licence: Pro stops, with why and what to do; the
 * licence stays, stored as locked, until a refresh finds it valid again. */
static void
assert_locked_after (TsTestServerMode  mode,
                     TsLicenseState    state,
                     TsLicenseError    code,
                     const char       *words)
{
  g_autoptr(TsTestServer) server = NULL;
  g_autoptr(TsTestServer) renewed = NULL;
  g_autoptr(TsLicense) license = NULL;
  g_autoptr(TsLicense) loaded = NULL;
  g_autoptr(TsLicenseRefresh) result = NULL;
  g_autoptr(TsLicenseRefresh) renewal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;

  if (skip_unless_test_key ())
    return;
  server = ts_test_server_new (mode, TTL_WEEK);
  license = licence_file ();
  result = refresh (ts_test_server_get_base_url (server), license, 0, &error);
  g_assert_no_error (error);
  /* No licence file for a licence that is not valid. */
  g_assert_cmpuint (ts_test_server_get_requests (server), ==, 1);

  g_assert_false (ts_license_apply_refresh (license, result, now, &error));
  g_assert_error (error, TS_LICENSE_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, words));
  g_clear_error (&error);
  g_assert_cmpint (ts_license_get_state (license), ==, state);
  g_assert_false (ts_license_allows (license, TS_FEATURE_BATCH));
  g_assert_cmpstr (ts_license_get_licensee (license), ==, "dj@example.com");
  g_assert_null (ts_license_get_refresh_due (license));

  folder = g_dir_make_tmp ("ts-license-refresh-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, "license", NULL);
  g_assert_true (ts_license_save (license, path, &error));
  g_assert_no_error (error);
  loaded = ts_license_load (path, NULL, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_license_get_state (loaded), ==, state);

  renewed = ts_test_server_new (TS_TEST_SERVER_VALID, TTL_WEEK);
  renewal = refresh (ts_test_server_get_base_url (renewed), loaded, 0, &error);
  g_assert_no_error (error);
  g_assert_true (ts_license_apply_refresh (loaded, renewal, now, &error));
  g_assert_no_error (error);
  g_assert_true (ts_license_allows (loaded, TS_FEATURES_PRO));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static void
test_not_found (void)
{
  assert_locked_after (TS_TEST_SERVER_NOT_FOUND, TS_LICENSE_STATE_REVOKED, TS_LICENSE_ERROR_REVOKED, "revoked");
}

static void
test_expired (void)
{
  assert_locked_after (TS_TEST_SERVER_EXPIRED, TS_LICENSE_STATE_EXPIRED, TS_LICENSE_ERROR_EXPIRED, "renew");
}

static void
test_suspended (void)
{
  assert_locked_after (TS_TEST_SERVER_SUSPENDED, TS_LICENSE_STATE_REVOKED, TS_LICENSE_ERROR_REVOKED, "suspended");
}

static void
test_banned (void)
{
  assert_locked_after (TS_TEST_SERVER_BANNED, TS_LICENSE_STATE_REVOKED, TS_LICENSE_ERROR_REVOKED, "banned");
}

static void
test_http_401 (void)
{
  assert_unchanged_after (TS_TEST_SERVER_HTTP_401, TS_LICENSE_REFRESH_ERROR_REFUSED);
}

static void
test_http_500 (void)
{
  assert_unchanged_after (TS_TEST_SERVER_HTTP_500, TS_LICENSE_REFRESH_ERROR_REFUSED);
}

static void
test_timeout (void)
{
  assert_unchanged_after (TS_TEST_SERVER_HANG, TS_LICENSE_REFRESH_ERROR_UNREACHABLE);
}

static void
test_bad_signature (void)
{
  assert_unchanged_after (TS_TEST_SERVER_BAD_SIGNATURE, TS_LICENSE_REFRESH_ERROR_UNTRUSTED);
}

static void
test_no_signature (void)
{
  assert_unchanged_after (TS_TEST_SERVER_NO_SIGNATURE, TS_LICENSE_REFRESH_ERROR_UNTRUSTED);
}

static void
test_stale_date (void)
{
  assert_unchanged_after (TS_TEST_SERVER_STALE_DATE, TS_LICENSE_REFRESH_ERROR_CLOCK);
}

static void
test_tampered (void)
{
  assert_unchanged_after (TS_TEST_SERVER_TAMPERED, TS_LICENSE_REFRESH_ERROR_UNTRUSTED);
}

static void
test_huge (void)
{
  assert_unchanged_after (TS_TEST_SERVER_HUGE, TS_LICENSE_REFRESH_ERROR_UNTRUSTED);
}

/* Offline: Pro keeps working until the licence file's time to live runs
 * out, then waits for a refresh. */
static void
test_unreachable (void)
{
  g_autofree char *url = ts_test_server_closed_url ();
  g_autoptr(TsLicense) license = NULL;
  g_autoptr(TsLicense) later = NULL;
  g_autoptr(TsLicenseRefresh) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after_ttl = g_date_time_add_days (now, 2);
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;

  if (skip_unless_test_key ())
    return;
  license = licence_file ();
  result = refresh (url, license, 0, &error);
  g_assert_error (error, TS_LICENSE_REFRESH_ERROR, TS_LICENSE_REFRESH_ERROR_UNREACHABLE);
  g_clear_error (&error);
  g_assert_true (ts_license_allows (license, TS_FEATURES_PRO));

  folder = g_dir_make_tmp ("ts-license-refresh-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, "license", NULL);
  g_assert_true (ts_license_save (license, path, &error));
  later = ts_license_load (path, NULL, after_ttl, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_license_get_state (later), ==, TS_LICENSE_STATE_NEEDS_REFRESH);
  g_assert_false (ts_license_allows (later, TS_FEATURE_SYNC));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* A signed, recent server time is trusted like an issue time: a clock
 * set back before it cannot activate a licence. */
static void
test_server_time_trusted (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *key = ts_license_issuer_key_for (issuer, "lic-1", "pro", "null");
  g_autoptr(TsTestServer) server = NULL;
  g_autoptr(TsLicense) license = NULL;
  g_autoptr(TsLicense) loaded = NULL;
  g_autoptr(TsLicenseRefresh) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) set_back = g_date_time_add_hours (now, -1);
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;

  if (skip_unless_test_key ())
    return;
  server = ts_test_server_new (TS_TEST_SERVER_EXPIRED, TTL_WEEK);
  license = licence_file ();
  result = refresh (ts_test_server_get_base_url (server), license, 0, &error);
  g_assert_no_error (error);
  g_assert_false (ts_license_apply_refresh (license, result, now, &error));
  g_clear_error (&error);
  ts_license_deactivate (license);

  folder = g_dir_make_tmp ("ts-license-refresh-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, "license", NULL);
  g_assert_true (ts_license_save (license, path, &error));
  g_assert_no_error (error);
  loaded = ts_license_load (path, NULL, set_back, &error);
  g_assert_no_error (error);
  /* A key has no issue time: only the server's time can refuse it. */
  g_assert_false (ts_license_activate (loaded, key, NULL, set_back, &error));
  g_assert_error (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_CLOCK);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* Free features never touch the network. */
static void
test_free_stays_offline (void)
{
  g_autoptr(TsTestServer) server = ts_test_server_new (TS_TEST_SERVER_VALID, TTL_WEEK);
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(TsLicenseRefresh) result = NULL;
  g_autoptr(GError) error = NULL;

  result = refresh (ts_test_server_get_base_url (server), license, 0, &error);
  g_assert_error (error, TS_LICENSE_REFRESH_ERROR, TS_LICENSE_REFRESH_ERROR_NO_LICENCE);
  g_assert_cmpuint (ts_test_server_get_requests (server), ==, 0);
}

/* Fixed times: three days before the file's expiry, or half a short
 * time to live. */
static void
test_due (void)
{
  static const struct { gint64 ttl; const char *due; } cases[] = {
    { 30 * TTL_DAY, "2026-01-28T00:00:00Z" },
    { TTL_DAY, "2026-01-01T12:00:00Z" },
  };
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *key = ts_license_issuer_key_for (issuer, "lic-1", "pro", "null");
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-01-01T01:00:00Z", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) issued = g_date_time_new_from_iso8601 ("2026-01-01T00:00:00Z", NULL);
      g_autoptr(GDateTime) expiry = g_date_time_add_seconds (issued, cases[i].ttl);
      g_autofree char *expiry_text = g_date_time_format_iso8601 (expiry);
      g_autofree char *expiry_json = g_strdup_printf ("\"%s\"", expiry_text);
      g_autofree char *file = ts_license_issuer_file_for (issuer, "lic-1", key, "ACTIVE", "2026-01-01T00:00:00Z",
                                                          expiry_json, cases[i].ttl, "base64+ed25519", FALSE);
      g_autoptr(TsLicense) license = ts_license_new ();
      g_autoptr(GDateTime) due = NULL;
      g_autofree char *due_text = NULL;
      g_autoptr(GError) error = NULL;

      if (!ts_license_import (license, file, strlen (file), ts_license_issuer_public_key (issuer), now, &error))
        g_assert_no_error (error);
      due = ts_license_get_refresh_due (license);
      due_text = g_date_time_format_iso8601 (due);
      g_assert_cmpstr (due_text, ==, cases[i].due);
    }
}

static void
test_client_properties (void)
{
  g_autoptr(TsLicenseClient) fallback = ts_license_client_new (NULL);
  g_autoptr(TsLicenseClient) client = ts_license_client_new ("http://127.0.0.1:1/v1/accounts/test/");
  guint timeout = 0;

  g_assert_cmpstr (ts_license_client_get_base_url (fallback), ==, TS_LICENSE_DEFAULT_SERVER);
  g_assert_cmpuint (ts_license_client_get_timeout (fallback), ==, TS_LICENSE_DEFAULT_TIMEOUT);
  g_assert_cmpstr (ts_license_client_get_base_url (client), ==, "http://127.0.0.1:1/v1/accounts/test");
  g_object_set (client, "timeout", 5, NULL);
  g_object_get (client, "timeout", &timeout, NULL);
  g_assert_cmpuint (timeout, ==, 5);
}

int
main (int    argc,
      char **argv)
{
  /* Nothing here may leave 127.0.0.1, proxy or not. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/license-refresh/valid", test_valid);
  g_test_add_func ("/license-refresh/valid-from-key", test_valid_from_key);
  g_test_add_func ("/license-refresh/not-found", test_not_found);
  g_test_add_func ("/license-refresh/expired", test_expired);
  g_test_add_func ("/license-refresh/suspended", test_suspended);
  g_test_add_func ("/license-refresh/banned", test_banned);
  g_test_add_func ("/license-refresh/http-401", test_http_401);
  g_test_add_func ("/license-refresh/http-500", test_http_500);
  g_test_add_func ("/license-refresh/timeout", test_timeout);
  g_test_add_func ("/license-refresh/bad-signature", test_bad_signature);
  g_test_add_func ("/license-refresh/no-signature", test_no_signature);
  g_test_add_func ("/license-refresh/stale-date", test_stale_date);
  g_test_add_func ("/license-refresh/tampered", test_tampered);
  g_test_add_func ("/license-refresh/huge", test_huge);
  g_test_add_func ("/license-refresh/unreachable", test_unreachable);
  g_test_add_func ("/license-refresh/server-time-trusted", test_server_time_trusted);
  g_test_add_func ("/license-refresh/free-stays-offline", test_free_stays_offline);
  g_test_add_func ("/license-refresh/due", test_due);
  g_test_add_func ("/license-refresh/client-properties", test_client_properties);
  return g_test_run ();
}
