/* test-cli-license.c - `timestamps-cli license …`: activation, import,
 * status and deactivation, as a user runs them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs the tool with XDG_CONFIG_HOME in a folder of its own.
 * Licences are signed with the test key and expire in 2099, so the real
 * clock the tool reads never changes a result.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ts-license-issuer.h"
#include "ts-test-cli.h"

#define FREE_STATUS "{\"state\": \"free\", \"plan\": null, \"licensee\": null, \"expires\": null, \"checked\": null}\n"

typedef struct {
  char            *config;
  char            *stored;   /* where the tool keeps the licence */
  char            *file;     /* a licence file to import */
  TsLicenseIssuer *issuer;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->config = g_dir_make_tmp ("ts-cli-license-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->stored = g_build_filename (fixture->config, "timestamps", "license", NULL);
  fixture->file = g_build_filename (fixture->config, "licence.lic", NULL);
  fixture->issuer = ts_license_issuer_new_test ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->stored);

  g_unlink (fixture->stored);
  g_unlink (fixture->file);
  g_rmdir (folder);
  g_rmdir (fixture->config);
  g_free (fixture->stored);
  g_free (fixture->file);
  g_free (fixture->config);
  ts_license_issuer_free (fixture->issuer);
}

static gboolean
skip_unless_test_key (void)
{
  if (TS_LICENSE_KEY_IS_TEST)
    return FALSE;
  g_test_skip ("built with -Dlicense_key=production, which test licences do not verify against");
  return TRUE;
}

static int
run_cli (Fixture             *fixture,
         const char * const  *args,
         char               **out,
         char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher = ts_test_cli_launcher_new ();

  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", fixture->config, TRUE);
  return ts_test_cli_run (launcher, args, NULL, out, err);
}

static char *
valid_key (Fixture *fixture)
{
  return ts_license_issuer_key_for (fixture->issuer, "lic-1", "pro", "\"2099-01-01T00:00:00Z\"");
}

/* The status line, checked member by member; "checked" is the time of
 * the run, so only its presence is known. */
static void
assert_status (const char *line,
               const char *state,
               const char *expires)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  /* One line, ending in a newline. */
  g_assert_true (g_str_has_suffix (line, "}\n"));
  g_assert_true (strchr (line, '\n') == line + strlen (line) - 1);
  g_assert_true (json_parser_load_from_data (parser, line, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (object), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, state);
  g_assert_cmpstr (json_object_get_string_member (object, "plan"), ==, "pro");
  g_assert_cmpstr (json_object_get_string_member (object, "licensee"), ==, "dj@example.com");
  g_assert_cmpstr (json_object_get_string_member (object, "expires"), ==, expires);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (object, "checked"), "Z"));
}

static void
test_status_free (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *status[] = { "license", "status", NULL };

  g_assert_cmpint (run_cli (fixture, status, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, FREE_STATUS);
  g_assert_cmpstr (err, ==, "");
  g_assert_false (g_file_test (fixture->stored, G_FILE_TEST_EXISTS));
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *key = valid_key (fixture);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *activate[] = { "license", "activate", key, NULL };
  const char *status[] = { "license", "status", NULL };
  GStatBuf info;

  if (skip_unless_test_key ())
    return;

  g_assert_cmpint (run_cli (fixture, activate, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_status (out, "active", "2099-01-01T00:00:00Z");

  g_assert_cmpint (g_stat (fixture->stored, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  g_assert_cmpint (run_cli (fixture, status, &out, &err), ==, 0);
  assert_status (out, "active", "2099-01-01T00:00:00Z");
}

static void
test_activate_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *key = valid_key (fixture);
  g_autofree char *expired = ts_license_issuer_key_for (fixture->issuer, "lic-1", "pro", "\"2020-01-01T00:00:00Z\"");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *flipped[] = { "license", "activate", key, NULL };
  const char *too_old[] = { "license", "activate", expired, NULL };
  const char *junk[] = { "license", "activate", "not-a-key", NULL };
  const char *status[] = { "license", "status", NULL };

  if (skip_unless_test_key ())
    return;

  key[12] = key[12] == 'A' ? 'B' : 'A';
  g_assert_cmpint (run_cli (fixture, flipped, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "timestamps-cli: this licence key was not issued by Timestamps, or it was changed since\n");

  g_assert_cmpint (run_cli (fixture, too_old, &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, "timestamps-cli: this licence expired on 2020-01-01\n");

  g_assert_cmpint (run_cli (fixture, junk, &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, "timestamps-cli: this is not a Timestamps licence key; check that it was copied whole\n");

  g_assert_cmpint (run_cli (fixture, status, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, FREE_STATUS);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *key = valid_key (fixture);
  g_autofree char *licence = ts_license_issuer_file_for (fixture->issuer, "lic-1", key, "ACTIVE",
                                                         "2020-01-01T00:00:00Z", "\"2099-01-01T00:00:00Z\"",
                                                         2678400, "base64+ed25519", FALSE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *import[] = { "license", "import", fixture->file, NULL };

  if (skip_unless_test_key ())
    return;

  g_assert_true (g_file_set_contents (fixture->file, licence, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run_cli (fixture, import, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_status (out, "active", "2030-01-01T00:00:00Z");
}

static void
test_import_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *key = valid_key (fixture);
  g_autofree char *encrypted = ts_license_issuer_file_for (fixture->issuer, "lic-1", key, "ACTIVE",
                                                           "2020-01-01T00:00:00Z", "null", 0,
                                                           "aes-256-gcm+ed25519", FALSE);
  g_autofree char *huge = g_malloc0 (1024 * 1024);
  g_autofree char *expected = NULL;
  g_autofree char *missing = g_build_filename (fixture->config, "missing.lic", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *import[] = { "license", "import", fixture->file, NULL };
  const char *import_missing[] = { "license", "import", missing, NULL };

  g_assert_true (g_file_set_contents (fixture->file, encrypted, -1, &error));
  g_assert_cmpint (run_cli (fixture, import, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  expected = g_strdup_printf ("%s: encrypted licence files are not supported yet\n", fixture->file);
  g_assert_cmpstr (err, ==, expected);

  g_assert_true (g_file_set_contents (fixture->file, huge, 1024 * 1024, &error));
  g_assert_cmpint (run_cli (fixture, import, &out, &err), ==, 2);
  g_free (expected);
  expected = g_strdup_printf ("%s: this is not a licence file: it is larger than any licence\n", fixture->file);
  g_assert_cmpstr (err, ==, expected);

  g_assert_cmpint (run_cli (fixture, import_missing, &out, &err), ==, 2);
  g_assert_true (g_str_has_prefix (err, missing));
  g_assert_false (g_file_test (fixture->stored, G_FILE_TEST_EXISTS));
}

static void
test_deactivate (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *key = valid_key (fixture);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *activate[] = { "license", "activate", key, NULL };
  const char *deactivate[] = { "license", "deactivate", NULL };

  if (skip_unless_test_key ())
    return;

  g_assert_cmpint (run_cli (fixture, activate, &out, &err), ==, 0);
  g_assert_cmpint (run_cli (fixture, deactivate, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, FREE_STATUS);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (fixture->stored, &stored, NULL, &error));
  g_assert_null (strstr (stored, "key/"));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  const char *cases[][4] = {
    { "license", NULL },
    { "license", "frobnicate", NULL },
    { "license", "activate", NULL },
    { "license", "status", "extra", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (fixture, cases[i], &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, ==,
                       "timestamps-cli: license needs one of: activate KEY, import FILE, status, deactivate, refresh\n");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli-license/status-free", test_status_free);
  ADD ("/cli-license/activate", test_activate);
  ADD ("/cli-license/activate-refused", test_activate_refused);
  ADD ("/cli-license/import", test_import);
  ADD ("/cli-license/import-refused", test_import_refused);
  ADD ("/cli-license/deactivate", test_deactivate);
  ADD ("/cli-license/usage", test_usage);
#undef ADD

  return g_test_run ();
}
