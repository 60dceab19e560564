/* test-cli-sync.c - `timestamps-cli sync …` against Apache httpd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test has a folder of its own for XDG_CONFIG_HOME (licence, sync
 * settings) and XDG_DATA_HOME (the library). Without a session bus the
 * password goes to a file, which the tests check.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ts-library.h"
#include "ts-license-issuer.h"
#include "ts-test-cli.h"
#include "ts-test-files.h"
#include "ts-test-service.h"

typedef struct {
  char *root;
  char *config;
  char *data;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("ts-cli-sync-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->config = g_build_filename (fixture->root, "config", NULL);
  fixture->data = g_build_filename (fixture->root, "data", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->config);
  g_free (fixture->data);
}

static int
run_cli (Fixture             *fixture,
         const char * const  *args,
         const char          *input,
         char               **out,
         char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher = ts_test_cli_launcher_new ();

  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", fixture->config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->data, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  return ts_test_cli_run (launcher, args, input, out, err);
}

static gboolean
skip_unless_test_key (void)
{
  if (TS_LICENSE_KEY_IS_TEST)
    return FALSE;
  g_test_skip ("built with -Dlicense_key=production, which test licences do not verify against");
  return TRUE;
}

static void
activate_pro (Fixture *fixture)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *key = ts_license_issuer_key_for (issuer, "lic-1", "pro", "\"2099-01-01T00:00:00Z\"");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *activate[] = { "license", "activate", key, NULL };

  g_assert_cmpint (run_cli (fixture, activate, NULL, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

static int
configure (Fixture     *fixture,
           const char  *url,
           const char  *password,
           char       **out,
           char       **err)
{
  g_autofree char *input = g_strconcat (password, "\n", NULL);
  const char *args[] = { "sync", "configure", url, TS_TEST_WEBDAV_USER, NULL };

  return run_cli (fixture, args, input, out, err);
}

/* A document in the library of fixture's XDG_DATA_HOME; returns its id. */
static char *
add_document (Fixture *fixture)
{
  g_autofree char *directory = g_build_filename (fixture->data, "timestamps", "library", NULL);
  g_autoptr(TsLibrary) library = ts_library_new (directory);
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_CUE);
  g_autoptr(TsLibraryDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  ts_tracklist_add (tracklist, 0.0, 0.0, "Artist - One");
  ts_tracklist_add (tracklist, 245.0, 0.0, "Artist - Two");
  document = ts_library_document_new (tracklist);
  g_assert_true (ts_library_save (library, document, &error));
  g_assert_no_error (error);
  return g_strdup (document->id);
}

static void
test_needs_pro (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ini_path = g_build_filename (fixture->config, "timestamps", "sync.ini", NULL);
  const char *sync[] = { "sync", NULL };

  g_assert_cmpint (run_cli (fixture, sync, NULL, &out, &err), ==, 3);
  g_assert_nonnull (strstr (err, "Pro"));
  g_assert_cmpint (configure (fixture, "http://127.0.0.1:9/", "secret", &out, &err), ==, 3);
  g_assert_false (g_file_test (ini_path, G_FILE_TEST_EXISTS));
}

static void
test_configure (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ini = NULL;
  g_autofree char *ini_path = g_build_filename (fixture->config, "timestamps", "sync.ini", NULL);
  g_autofree char *password_path = g_build_filename (fixture->config, "timestamps", "sync-password", NULL);
  const char *sync[] = { "sync", NULL };

  if (skip_unless_test_key ())
    return;
  activate_pro (fixture);

  g_assert_cmpint (run_cli (fixture, sync, NULL, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "sync configure"));

  g_assert_cmpint (configure (fixture, "http://cloud.example.com/dav", "secret", &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "https://"));
  g_assert_false (g_file_test (ini_path, G_FILE_TEST_EXISTS));

  g_assert_cmpint (configure (fixture, "http://127.0.0.1:9/dav", "a secret", &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "sync set up with http://127.0.0.1:9/dav/ as dj\n");
  g_assert_true (g_file_get_contents (ini_path, &ini, NULL, NULL));
  g_assert_null (strstr (ini, "secret"));
#ifdef G_OS_UNIX
  {
    GStatBuf info;

    g_assert_cmpint (g_stat (password_path, &info), ==, 0);
    g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  }
#endif

  /* Nothing listens there: the server cannot be reached. */
  g_assert_cmpint (run_cli (fixture, sync, NULL, &out, &err), ==, 4);
  g_assert_nonnull (strstr (err, "cannot reach the sync server"));
}

static void
test_sync (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TsTestService) server = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  const char *sync_json[] = { "sync", "--format", "json", NULL };
  const char *sync_text[] = { "sync", NULL };

  if (skip_unless_test_key ())
    return;
  server = ts_test_apache_new (FALSE);
  if (server == NULL)
    return;
  activate_pro (fixture);
  id = add_document (fixture);

  g_assert_cmpint (configure (fixture, ts_test_service_get_url (server), "wrong", &out, &err), ==, 0);
  g_assert_cmpint (run_cli (fixture, sync_text, NULL, &out, &err), ==, 4);
  g_assert_nonnull (strstr (err, "refused the user name or password"));
  g_assert_cmpstr (out, ==, "");

  g_assert_cmpint (configure (fixture, ts_test_service_get_url (server), TS_TEST_WEBDAV_PASSWORD, &out, &err), ==, 0);
  g_assert_cmpint (run_cli (fixture, sync_json, NULL, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  expected = g_strdup_printf ("{\"actions\":[{\"action\":\"uploaded\",\"id\":\"%s\"}],"
                              "\"unchanged\":0,\"conflicts\":0,\"retries\":0,\"problems\":[]}\n", id);
  g_assert_cmpstr (out, ==, expected);
  root = json_from_string (out, NULL);
  g_assert_nonnull (root);

  g_assert_cmpint (run_cli (fixture, sync_text, NULL, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0 uploaded, 0 downloaded, 0 merged, 0 conflicted copies, 1 unchanged\n");

  ts_test_service_command_ok (server, "stop");
  g_assert_cmpint (run_cli (fixture, sync_text, NULL, &out, &err), ==, 4);
  g_assert_nonnull (strstr (err, ts_test_service_get_url (server)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-sync/needs-pro", Fixture, NULL, fixture_set_up, test_needs_pro, fixture_tear_down);
  g_test_add ("/cli-sync/configure", Fixture, NULL, fixture_set_up, test_configure, fixture_tear_down);
  g_test_add ("/cli-sync/sync", Fixture, NULL, fixture_set_up, test_sync, fixture_tear_down);

  return g_test_run ();
}
