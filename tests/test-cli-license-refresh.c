/* test-cli-license-refresh.c - `timestamps-cli license refresh`, as a
 * user runs it, against a licence server on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tool runs with XDG_CONFIG_HOME in a folder of its own and
 * TIMESTAMPS_LICENSE_SERVER pointing at the test server, which serves
 * from a thread of its own while the test waits for the tool.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ts-license.h"
#include "ts-license-refresh.h"
#include "ts-license-issuer.h"
#include "ts-license-server.h"
#include "ts-test-cli.h"

#define TTL_DAY 86400

typedef struct {
  char *config;
  char *stored;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->config = g_dir_make_tmp ("ts-cli-refresh-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->stored = g_build_filename (fixture->config, "timestamps", "license", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->stored);

  g_unlink (fixture->stored);
  g_rmdir (folder);
  g_rmdir (fixture->config);
  g_free (fixture->stored);
  g_free (fixture->config);
}

/* Stores a Pro licence file issued @hours_ago, living a day. */
static void
store_licence_issued (Fixture *fixture,
                      int      hours_ago)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) issued = g_date_time_add_hours (now, -hours_ago);
  g_autoptr(GDateTime) expiry = g_date_time_add_seconds (issued, TTL_DAY);
  g_autofree char *issued_text = g_date_time_format_iso8601 (issued);
  g_autofree char *expiry_text = g_date_time_format_iso8601 (expiry);
  g_autofree char *expiry_json = g_strdup_printf ("\"%s\"", expiry_text);
  g_autofree char *key = ts_license_issuer_key_for (issuer, "lic-1", "pro", "\"2099-01-01T00:00:00Z\"");
  g_autofree char *file = ts_license_issuer_file_for (issuer, "lic-1", key, "ACTIVE", issued_text, expiry_json,
                                                      TTL_DAY, "base64+ed25519", FALSE);
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_license_import (license, file, strlen (file), NULL, now, &error));
  g_assert_no_error (error);
  g_assert_true (ts_license_save (license, fixture->stored, &error));
  g_assert_no_error (error);
}

static void
store_licence (Fixture *fixture)
{
  store_licence_issued (fixture, 1);
}

static int
run_cli (Fixture     *fixture,
         const char  *base_url,
         const char  *first,
         const char  *second,
         char       **out,
         char       **err)
{
  g_autoptr(GSubprocessLauncher) launcher = ts_test_cli_launcher_new ();
  const char *args[] = { first, second, NULL };

  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", fixture->config, TRUE);
  g_subprocess_launcher_setenv (launcher, "TIMESTAMPS_LICENSE_SERVER", base_url, TRUE);
  g_subprocess_launcher_setenv (launcher, "GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  return ts_test_cli_run (launcher, args, NULL, out, err);
}

static int
run_refresh (Fixture     *fixture,
             const char  *base_url,
             char       **out,
             char       **err)
{
  return run_cli (fixture, base_url, "license", "refresh", out, err);
}

static gboolean
skip_unless_test_key (void)
{
  if (TS_LICENSE_KEY_IS_TEST)
    return FALSE;
  g_test_skip ("built with -Dlicense_key=production, which the test server's signatures do not verify against");
  return TRUE;
}

static void
test_valid (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TsTestServer) server = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (skip_unless_test_key ())
    return;
  server = ts_test_server_new (TS_TEST_SERVER_VALID, 7 * TTL_DAY);
  store_licence (fixture);
  g_assert_cmpint (run_refresh (fixture, ts_test_server_get_base_url (server), &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "{\"state\": \"active\", \"plan\": \"pro\", \"licensee\": \"dj@example.com\", "
                                        "\"expires\": \"2030-01-01T00:00:00Z\", \"checked\": \""));
  g_assert_cmpuint (ts_test_server_get_requests (server), ==, 2);
}

static void
test_revoked (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TsTestServer) server = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (skip_unless_test_key ())
    return;
  server = ts_test_server_new (TS_TEST_SERVER_NOT_FOUND, 7 * TTL_DAY);
  store_licence (fixture);
  g_assert_cmpint (run_refresh (fixture, ts_test_server_get_base_url (server), &out, &err), ==, 4);
  g_assert_true (g_str_has_prefix (out, "{\"state\": \"revoked\", \"plan\": \"pro\""));
  g_assert_cmpstr (err, ==, "timestamps-cli: the licence server no longer knows this licence: it was revoked "
                            "or refunded; contact support if this is a mistake\n");
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *url = ts_test_server_closed_url ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (skip_unless_test_key ())
    return;
  store_licence (fixture);
  g_assert_true (g_file_get_contents (fixture->stored, &before, NULL, NULL));
  g_assert_cmpint (run_refresh (fixture, url, &out, &err), ==, 4);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "timestamps-cli: cannot reach the licence server ("));
  g_assert_true (g_file_get_contents (fixture->stored, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

/* Without a licence there is nothing to ask: no request is made. */
static void
test_free (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TsTestServer) server = ts_test_server_new (TS_TEST_SERVER_VALID, TTL_DAY);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_refresh (fixture, ts_test_server_get_base_url (server), &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "timestamps-cli: there is no Pro licence to refresh; activate one first\n");
  g_assert_cmpuint (ts_test_server_get_requests (server), ==, 0);
}

static void
assert_refresh_due (Fixture *fixture)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TsLicense) stored = ts_license_load (fixture->stored, NULL, now, &error);
  g_autoptr(GDateTime) due = NULL;

  g_assert_no_error (error);
  due = ts_license_get_refresh_due (stored);
  g_assert_nonnull (due);
  g_assert_cmpint (g_date_time_compare (due, now), <=, 0);
}

/* Reading and exporting a project is free: even a Pro user whose licence
 * is due for a refresh gets the tracklist without a request. */
static void
test_export_stays_offline (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TsTestServer) server = ts_test_server_new (TS_TEST_SERVER_VALID, TTL_DAY);
  g_autofree char *sheet = g_build_filename (fixture->config, "mix.cue", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_unless_test_key ())
    return;

  store_licence_issued (fixture, 20);
  assert_refresh_due (fixture);
  g_assert_true (g_file_set_contents (sheet, "FILE \"mix.wav\" WAVE\n  TRACK 01 AUDIO\n"
                                      "    TITLE \"Opener\"\n    INDEX 01 00:00:00\n", -1, &error));
  g_assert_no_error (error);

  g_assert_cmpint (run_cli (fixture, ts_test_server_get_base_url (server), sheet, "--ms", &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:00.000 Opener\n");
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (ts_test_server_get_requests (server), ==, 0);
  g_unlink (sheet);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-license-refresh/valid", Fixture, NULL, fixture_set_up, test_valid, fixture_tear_down);
  g_test_add ("/cli-license-refresh/revoked", Fixture, NULL, fixture_set_up, test_revoked, fixture_tear_down);
  g_test_add ("/cli-license-refresh/unreachable", Fixture, NULL, fixture_set_up, test_unreachable, fixture_tear_down);
  g_test_add ("/cli-license-refresh/free", Fixture, NULL, fixture_set_up, test_free, fixture_tear_down);
  g_test_add ("/cli-license-refresh/export-stays-offline", Fixture, NULL, fixture_set_up,
              test_export_stays_offline, fixture_tear_down);
  return g_test_run ();
}
