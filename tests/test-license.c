/* test-license.c - Pro licences: keys, licence files, time rules,
 * storage and the gate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Licences are issued here with the test secret key; "now" is a fixed
 * time, so nothing depends on the clock.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ts-license.h"
#include "ts-license-features.h"
#include "ts-license-issuer.h"

#define FUTURE "\"2027-11-26T00:00:00Z\""
#define ISSUED "2026-01-01T00:00:00Z"

static GDateTime *
at (const char *iso8601)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (time);
  return time;
}

/* The reference "now" of these tests: an hour after ISSUED. */
static GDateTime *
now (void)
{
  return at ("2026-01-01T01:00:00Z");
}

static char *
valid_key (TsLicenseIssuer *issuer)
{
  return ts_license_issuer_key_for (issuer, "lic-1", "pro", FUTURE);
}

static char *
valid_file (TsLicenseIssuer *issuer,
            const char      *issued)
{
  g_autofree char *key = valid_key (issuer);

  return ts_license_issuer_file_for (issuer, "lic-1", key, "ACTIVE", issued,
                                     "\"2026-02-01T00:00:00Z\"", 2678400, "base64+ed25519", FALSE);
}

/* Activates @key with the test public key at now(); the error, if any. */
static GError *
activate (TsLicense  *license,
          const char *key)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autoptr(GDateTime) time = now ();
  GError *error = NULL;

  if (ts_license_activate (license, key, ts_license_issuer_public_key (issuer), time, &error))
    g_assert_no_error (error);
  return error;
}

static GError *
import (TsLicense  *license,
        const char *text,
        gsize       length)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autoptr(GDateTime) time = now ();
  GError *error = NULL;

  if (ts_license_import (license, text, length, ts_license_issuer_public_key (issuer), time, &error))
    g_assert_no_error (error);
  return error;
}

static void
assert_refused (const char     *key,
                TsLicenseError  code)
{
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(GError) error = activate (license, key);

  g_assert_error (error, TS_LICENSE_ERROR, (int) code);
  g_assert_cmpint (ts_license_get_state (license), ==, TS_LICENSE_STATE_FREE);
  /* The key is its owner's secret: never in a message. */
  g_assert_null (strstr (error->message, "key/"));
}

static void
assert_file_refused (const char     *text,
                     TsLicenseError  code)
{
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(GError) error = import (license, text, strlen (text));

  g_assert_error (error, TS_LICENSE_ERROR, (int) code);
  g_assert_cmpint (ts_license_get_state (license), ==, TS_LICENSE_STATE_FREE);
}

static void
test_valid_key (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autofree char *key = valid_key (issuer);
  g_autoptr(GError) error = activate (license, key);
  g_autoptr(GDateTime) time = now ();
  g_autofree char *expiry = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (ts_license_get_state (license), ==, TS_LICENSE_STATE_ACTIVE);
  g_assert_cmpstr (ts_license_get_plan (license), ==, "pro");
  g_assert_cmpstr (ts_license_get_licensee (license), ==, "dj@example.com");
  expiry = g_date_time_format_iso8601 (ts_license_get_expiry (license));
  g_assert_cmpstr (expiry, ==, "2027-11-26T00:00:00Z");
  g_assert_true (g_date_time_equal (ts_license_get_checked (license), time));
}

/* The build the tests run in trusts the test key. */
static void
test_build_trusts_test_key (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autofree char *key = valid_key (issuer);
  g_autoptr(GDateTime) time = now ();
  g_autoptr(GError) error = NULL;

  if (!TS_LICENSE_KEY_IS_TEST)
    {
      g_test_skip ("built with -Dlicense_key=production");
      return;
    }
  g_assert_true (ts_license_activate (license, key, NULL, time, &error));
  g_assert_no_error (error);
}

static void
test_padding (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  /* 64 bytes of signature always need "==" in padded base64url. */
  g_autofree char *padded = ts_license_issuer_sign_key (issuer,
    "{\"id\": \"lic-1\", \"email\": \"dj@example.com\", \"plan\": \"pro\", \"expiry\": null}", TRUE);
  g_autofree char *unpadded = ts_license_issuer_sign_key (issuer,
    "{\"id\": \"lic-1\", \"email\": \"dj@example.com\", \"plan\": \"pro\", \"expiry\": null}", FALSE);
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_suffix (padded, "=="));
  g_assert_null (strchr (unpadded, '='));
  error = activate (license, padded);
  g_assert_no_error (error);
  g_assert_null (ts_license_get_expiry (license));
  error = activate (license, unpadded);
  g_assert_no_error (error);
  g_assert_cmpint (ts_license_get_state (license), ==, TS_LICENSE_STATE_ACTIVE);
}

static void
test_expired_key (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *key = ts_license_issuer_key_for (issuer, "lic-1", "pro", "\"2025-12-31T23:59:59Z\"");
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(GError) error = activate (license, key);

  g_assert_error (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_EXPIRED);
  g_assert_cmpstr (error->message, ==, "this licence expired on 2025-12-31");
  g_assert_cmpint (ts_license_get_state (license), ==, TS_LICENSE_STATE_FREE);
}

static void
test_wrong_public_key (void)
{
  g_autoptr(TsLicenseIssuer) stranger = ts_license_issuer_new_random ();
  g_autofree char *key = valid_key (stranger);

  assert_refused (key, TS_LICENSE_ERROR_BAD_SIGNATURE);
}

static void
test_flipped_bytes (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *in_data = valid_key (issuer);
  g_autofree char *in_signature = valid_key (issuer);
  char *dot = strchr (in_signature, '.');

  in_data[10] = in_data[10] == 'A' ? 'B' : 'A';
  dot[20] = dot[20] == 'A' ? 'B' : 'A';
  assert_refused (in_data, TS_LICENSE_ERROR_BAD_SIGNATURE);
  assert_refused (in_signature, TS_LICENSE_ERROR_BAD_SIGNATURE);
}

static void
test_truncated_key (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *key = valid_key (issuer);
  char *dot = strchr (key, '.');

  key[strlen (key) - 6] = '\0';
  assert_refused (key, TS_LICENSE_ERROR_BAD_SIGNATURE);
  *dot = '\0';
  assert_refused (key, TS_LICENSE_ERROR_MALFORMED);
  assert_refused ("key/", TS_LICENSE_ERROR_MALFORMED);
  assert_refused ("key/.", TS_LICENSE_ERROR_MALFORMED);
  assert_refused ("", TS_LICENSE_ERROR_MALFORMED);
}

static void
test_bad_base64 (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *key = valid_key (issuer);
  g_autofree char *file = valid_file (issuer, ISSUED);

  /* Standard base64 is not base64url, and junk is not skipped. */
  key[6] = '+';
  assert_refused (key, TS_LICENSE_ERROR_MALFORMED);
  key[6] = '!';
  assert_refused (key, TS_LICENSE_ERROR_MALFORMED);
  file[40] = '*';
  assert_file_refused (file, TS_LICENSE_ERROR_MALFORMED);
}

static void
test_oversized (void)
{
  gsize size = 1024 * 1024;
  g_autofree char *huge = g_malloc (size + 1);
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(GError) error = NULL;

  memset (huge, 'A', size);
  memcpy (huge, "key/", 4);
  huge[size] = '\0';
  assert_refused (huge, TS_LICENSE_ERROR_TOO_LARGE);

  memcpy (huge, "-----BEGIN LICENSE FILE-----\n", strlen ("-----BEGIN LICENSE FILE-----\n"));
  error = import (license, huge, size);
  g_assert_error (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_TOO_LARGE);
}

/* Deep nesting cannot exhaust the JSON parser's stack. */
static void
test_deep_json (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autoptr(GString) data = g_string_new ("{\"id\": ");
  g_autofree char *key = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_c (data, '[');
  key = ts_license_issuer_sign_key (issuer, data->str, FALSE);
  assert_refused (key, TS_LICENSE_ERROR_MALFORMED);
}

static void
test_valid_file (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *file = valid_file (issuer, ISSUED);
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(GError) error = import (license, file, strlen (file));
  g_autofree char *expiry = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (ts_license_get_state (license), ==, TS_LICENSE_STATE_ACTIVE);
  g_assert_cmpstr (ts_license_get_plan (license), ==, "pro");
  g_assert_cmpstr (ts_license_get_licensee (license), ==, "dj@example.com");
  /* The file's expiry, not the key's: it follows renewals. */
  expiry = g_date_time_format_iso8601 (ts_license_get_expiry (license));
  g_assert_cmpstr (expiry, ==, "2030-01-01T00:00:00Z");
}

static void
test_file_refused (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autoptr(TsLicenseIssuer) stranger = ts_license_issuer_new_random ();
  g_autofree char *key = valid_key (issuer);
  g_autofree char *flipped = ts_license_issuer_file_for (issuer, "lic-1", key, "ACTIVE", ISSUED, "null", 0,
                                                         "base64+ed25519", TRUE);
  g_autofree char *foreign = ts_license_issuer_file_for (stranger, "lic-1", key, "ACTIVE", ISSUED, "null", 0,
                                                         "base64+ed25519", FALSE);
  g_autofree char *encrypted = ts_license_issuer_file_for (issuer, "lic-1", key, "ACTIVE", ISSUED, "null", 0,
                                                           "aes-256-gcm+ed25519", FALSE);
  g_autofree char *other_licence = ts_license_issuer_file_for (issuer, "lic-2", key, "ACTIVE", ISSUED, "null", 0,
                                                               "base64+ed25519", FALSE);
  g_autofree char *suspended = ts_license_issuer_file_for (issuer, "lic-1", key, "SUSPENDED", ISSUED, "null", 0,
                                                           "base64+ed25519", FALSE);
  g_autofree char *truncated = g_strndup (flipped, strlen (flipped) / 2);
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(GError) error = NULL;

  assert_file_refused (flipped, TS_LICENSE_ERROR_BAD_SIGNATURE);
  assert_file_refused (foreign, TS_LICENSE_ERROR_BAD_SIGNATURE);
  assert_file_refused (other_licence, TS_LICENSE_ERROR_MALFORMED);
  assert_file_refused (suspended, TS_LICENSE_ERROR_REVOKED);
  assert_file_refused (truncated, TS_LICENSE_ERROR_MALFORMED);
  assert_file_refused (key, TS_LICENSE_ERROR_MALFORMED);

  error = import (license, encrypted, strlen (encrypted));
  g_assert_error (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_UNSUPPORTED);
  g_assert_cmpstr (error->message, ==, "encrypted licence files are not supported yet");
}

/* A few minutes of drift are forgiven; more means the clock is wrong. */
static void
test_future_issued (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *soon = valid_file (issuer, "2026-01-01T01:04:00Z");
  g_autofree char *later = valid_file (issuer, "2026-01-01T01:06:00Z");
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(GError) error = NULL;

  assert_file_refused (later, TS_LICENSE_ERROR_CLOCK);
  error = import (license, soon, strlen (soon));
  g_assert_no_error (error);
  g_assert_cmpint (ts_license_get_state (license), ==, TS_LICENSE_STATE_ACTIVE);
}

static void
test_storage (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *file = valid_file (issuer, ISSUED);
  g_autofree char *path = ts_license_get_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_config_dir (), "timestamps", "license", NULL);
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(TsLicense) loaded = NULL;
  g_autoptr(TsLicense) missing = NULL;
  g_autoptr(GDateTime) time = now ();
  g_autoptr(GError) error = import (license, file, strlen (file));
  GStatBuf info;

  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, expected);

  missing = ts_license_load (path, ts_license_issuer_public_key (issuer), time, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_license_get_state (missing), ==, TS_LICENSE_STATE_FREE);

  g_assert_true (ts_license_save (license, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  loaded = ts_license_load (path, ts_license_issuer_public_key (issuer), time, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_license_get_state (loaded), ==, TS_LICENSE_STATE_ACTIVE);
  g_assert_cmpstr (ts_license_get_licensee (loaded), ==, "dj@example.com");
  g_assert_true (g_date_time_equal (ts_license_get_checked (loaded), time));
  g_unlink (path);
}

/* What a stored licence file becomes as time passes, or goes back. */
static void
test_stored_time_rules (void)
{
  struct { const char *now; TsLicenseState state; } cases[] = {
    { "2026-01-15T00:00:00Z", TS_LICENSE_STATE_ACTIVE },
    { "2026-02-01T00:00:00Z", TS_LICENSE_STATE_NEEDS_REFRESH },
    { "2030-01-01T00:00:00Z", TS_LICENSE_STATE_EXPIRED },
    { "2025-12-31T23:56:00Z", TS_LICENSE_STATE_ACTIVE },
    { "2025-12-31T23:54:00Z", TS_LICENSE_STATE_EXPIRED },
  };
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *file = valid_file (issuer, ISSUED);
  g_autofree char *path = ts_license_get_default_path ();
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(GError) error = import (license, file, strlen (file));

  g_assert_no_error (error);
  g_assert_true (ts_license_save (license, path, &error));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) time = at (cases[i].now);
      g_autoptr(TsLicense) loaded = ts_license_load (path, ts_license_issuer_public_key (issuer), time, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (ts_license_state_to_string (ts_license_get_state (loaded)), ==,
                       ts_license_state_to_string (cases[i].state));
    }
  g_unlink (path);
}

/* The newest issue time seen outlives the licence: a key without one
 * cannot be activated with the clock set back before it. */
static void
test_clock_set_back (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *file = valid_file (issuer, ISSUED);
  g_autofree char *key = valid_key (issuer);
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(GDateTime) back = at ("2025-06-01T00:00:00Z");
  g_autoptr(GError) error = import (license, file, strlen (file));

  g_assert_no_error (error);
  ts_license_deactivate (license);
  g_assert_cmpint (ts_license_get_state (license), ==, TS_LICENSE_STATE_FREE);
  g_assert_false (ts_license_activate (license, key, ts_license_issuer_public_key (issuer), back, &error));
  g_assert_error (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_CLOCK);
}

static void
test_tampered_storage (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *key = valid_key (issuer);
  g_autofree char *path = ts_license_get_default_path ();
  g_autofree char *contents = NULL;
  g_autofree char *huge = g_malloc0 (1024 * 1024);
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(TsLicense) loaded = NULL;
  g_autoptr(GDateTime) time = now ();
  g_autoptr(GError) error = activate (license, key);
  char *data;

  g_assert_no_error (error);
  g_assert_true (ts_license_save (license, path, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  data = strstr (contents, "key/") + 10;
  *data = *data == 'A' ? 'B' : 'A';
  g_assert_true (g_file_set_contents (path, contents, -1, &error));

  loaded = ts_license_load (path, ts_license_issuer_public_key (issuer), time, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_license_get_state (loaded), ==, TS_LICENSE_STATE_INVALID);
  g_assert_null (ts_license_get_plan (loaded));
  g_clear_pointer (&loaded, ts_license_free);

  g_assert_true (g_file_set_contents (path, huge, 1024 * 1024, &error));
  loaded = ts_license_load (path, ts_license_issuer_public_key (issuer), time, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_license_get_state (loaded), ==, TS_LICENSE_STATE_INVALID);
  g_unlink (path);
}

static void
test_status_json (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *key = valid_key (issuer);
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autofree char *free_json = ts_license_status_to_json (license);
  g_autofree char *active_json = NULL;
  g_autoptr(GError) error = activate (license, key);

  g_assert_no_error (error);
  active_json = ts_license_status_to_json (license);
  g_assert_cmpstr (free_json, ==,
                   "{\"state\": \"free\", \"plan\": null, \"licensee\": null, \"expires\": null, \"checked\": null}");
  g_assert_cmpstr (active_json, ==,
                   "{\"state\": \"active\", \"plan\": \"pro\", \"licensee\": \"dj@example.com\", "
                   "\"expires\": \"2027-11-26T00:00:00Z\", \"checked\": \"2026-01-01T01:00:00Z\"}");
}

static void
test_gate (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *pro = valid_key (issuer);
  g_autofree char *basic = ts_license_issuer_key_for (issuer, "lic-2", "basic", FUTURE);
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (ts_license_allows (license, TS_FEATURE_BATCH));
  g_assert_false (ts_license_require (license, TS_FEATURE_BATCH, &error));
  g_assert_error (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_NEEDS_PRO);
  g_assert_cmpstr (error->message, ==, "Batch export needs Timestamps Pro; activate a Pro licence to use it");
  g_clear_error (&error);

  error = activate (license, basic);
  g_assert_no_error (error);
  g_assert_false (ts_license_allows (license, TS_FEATURE_SYNC));

  error = activate (license, pro);
  g_assert_no_error (error);
  g_assert_true (ts_license_allows (license, TS_FEATURE_SYNC | TS_FEATURE_BATCH));
  g_assert_true (ts_license_require (license, TS_FEATURE_SYNC, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = g_dir_make_tmp ("ts-license-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (config, "timestamps", NULL);
  int status;

  /* Set before GLib reads it; G_TEST_OPTION_ISOLATE_DIRS would do it per
   * test, but leaks what it replaces, which LeakSanitizer reports. */
  g_assert_nonnull (config);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/license/key/valid", test_valid_key);
  g_test_add_func ("/license/key/build-trusts-test-key", test_build_trusts_test_key);
  g_test_add_func ("/license/key/padding", test_padding);
  g_test_add_func ("/license/key/expired", test_expired_key);
  g_test_add_func ("/license/key/wrong-public-key", test_wrong_public_key);
  g_test_add_func ("/license/key/flipped-bytes", test_flipped_bytes);
  g_test_add_func ("/license/key/truncated", test_truncated_key);
  g_test_add_func ("/license/bad-base64", test_bad_base64);
  g_test_add_func ("/license/oversized", test_oversized);
  g_test_add_func ("/license/deep-json", test_deep_json);
  g_test_add_func ("/license/file/valid", test_valid_file);
  g_test_add_func ("/license/file/refused", test_file_refused);
  g_test_add_func ("/license/file/future-issued", test_future_issued);
  g_test_add_func ("/license/storage/mode", test_storage);
  g_test_add_func ("/license/storage/time-rules", test_stored_time_rules);
  g_test_add_func ("/license/storage/tampered", test_tampered_storage);
  g_test_add_func ("/license/clock-set-back", test_clock_set_back);
  g_test_add_func ("/license/status-json", test_status_json);
  g_test_add_func ("/license/gate", test_gate);

  status = g_test_run ();
  g_rmdir (folder);
  g_rmdir (config);
  return status;
}
