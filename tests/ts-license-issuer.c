/* ts-license-issuer.c - licences for tests, issued as the licence
 * service would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signs with libsodium, independently of the code under test, so that a
 * bug in the verifier cannot hide behind the same bug here.
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "ts-license-issuer.h"
#include "ts-license.h"

struct _TsLicenseIssuer {
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 secret_key[crypto_sign_SECRETKEYBYTES];
};

TsLicenseIssuer *
ts_license_issuer_new_test (void)
{
  TsLicenseIssuer *self = g_new0 (TsLicenseIssuer, 1);
  g_autofree char *path = g_build_filename (TS_TEST_KEYS_DIR, "test-license.key", NULL);
  g_autofree char *hex = NULL;
  g_autoptr(GError) error = NULL;
  size_t length = 0;

  g_assert_cmpint (sodium_init (), >=, 0);
  g_assert_true (g_file_get_contents (path, &hex, NULL, &error));
  g_assert_no_error (error);
  g_strstrip (hex);
  g_assert_cmpint (sodium_hex2bin (self->secret_key, sizeof self->secret_key, hex, strlen (hex),
                                   NULL, &length, NULL), ==, 0);
  g_assert_cmpuint (length, ==, sizeof self->secret_key);
  g_assert_cmpint (crypto_sign_ed25519_sk_to_pk (self->public_key, self->secret_key), ==, 0);
  return self;
}

TsLicenseIssuer *
ts_license_issuer_new_random (void)
{
  TsLicenseIssuer *self = g_new0 (TsLicenseIssuer, 1);

  g_assert_cmpint (sodium_init (), >=, 0);
  g_assert_cmpint (crypto_sign_keypair (self->public_key, self->secret_key), ==, 0);
  return self;
}

void
ts_license_issuer_free (TsLicenseIssuer *self)
{
  sodium_memzero (self, sizeof *self);
  g_free (self);
}

const guint8 *
ts_license_issuer_public_key (TsLicenseIssuer *self)
{
  return self->public_key;
}

static char *
base64 (const guint8 *data,
        gsize         length,
        int           variant)
{
  size_t size = sodium_base64_encoded_len (length, variant);
  char *text = g_malloc (size);

  sodium_bin2base64 (text, size, data, length, variant);
  return text;
}

static char *
sign (TsLicenseIssuer *self,
      const char      *message,
      int              variant)
{
  guint8 signature[crypto_sign_BYTES];

  crypto_sign_detached (signature, NULL, (const guint8 *) message, strlen (message), self->secret_key);
  return base64 (signature, sizeof signature, variant);
}

char *
ts_license_issuer_sign (TsLicenseIssuer *self,
                        const char      *message)
{
  return sign (self, message, sodium_base64_VARIANT_ORIGINAL);
}

char *
ts_license_issuer_sign_key (TsLicenseIssuer *self,
                            const char      *data,
                            gboolean         padded)
{
  int variant = padded ? sodium_base64_VARIANT_URLSAFE : sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  g_autofree char *encoded = base64 ((const guint8 *) data, strlen (data), variant);
  g_autofree char *signed_part = g_strconcat ("key/", encoded, NULL);
  g_autofree char *signature = sign (self, signed_part, variant);

  return g_strconcat (signed_part, ".", signature, NULL);
}

char *
ts_license_issuer_key_for (TsLicenseIssuer *self,
                           const char      *id,
                           const char      *plan,
                           const char      *expiry)
{
  g_autofree char *data = g_strdup_printf ("{\"id\": \"%s\", \"email\": \"dj@example.com\", "
                                           "\"plan\": \"%s\", \"expiry\": %s}", id, plan, expiry);

  return ts_license_issuer_sign_key (self, data, FALSE);
}

char *
ts_license_issuer_file_for (TsLicenseIssuer *self,
                            const char      *id,
                            const char      *key,
                            const char      *status,
                            const char      *issued,
                            const char      *meta_expiry,
                            gint64           ttl,
                            const char      *alg,
                            gboolean         flip_enc)
{
  int variant = sodium_base64_VARIANT_ORIGINAL;
  g_autofree char *payload = g_strdup_printf (
    "{\"data\": {\"id\": \"%s\", \"type\": \"licenses\", \"attributes\": "
    "{\"key\": \"%s\", \"expiry\": \"2030-01-01T00:00:00Z\", \"status\": \"%s\"}}, "
    "\"meta\": {\"issued\": \"%s\", \"expiry\": %s, \"ttl\": %" G_GINT64_FORMAT "}}",
    id, key, status, issued, meta_expiry, ttl);
  g_autofree char *enc = base64 ((const guint8 *) payload, strlen (payload), variant);
  g_autofree char *signed_part = g_strconcat ("license/", enc, NULL);
  g_autofree char *sig = sign (self, signed_part, variant);
  g_autofree char *envelope = NULL;
  g_autofree char *encoded = NULL;
  GString *file = g_string_new ("-----BEGIN LICENSE FILE-----\n");

  if (flip_enc)
    enc[10] = enc[10] == 'A' ? 'B' : 'A';
  envelope = g_strdup_printf ("{\"enc\": \"%s\", \"sig\": \"%s\", \"alg\": \"%s\"}", enc, sig, alg);
  encoded = base64 ((const guint8 *) envelope, strlen (envelope), variant);

  /* Wrapped at 64 columns, as Keygen writes it. */
  for (gsize i = 0, n = strlen (encoded); i < n; i += 64)
    g_string_append_printf (file, "%.64s\n", encoded + i);
  g_string_append (file, "-----END LICENSE FILE-----\n");
  return g_string_free (file, FALSE);
}

void
ts_license_issuer_activate_pro (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *key = ts_license_issuer_key_for (issuer, "lic-1", "pro", "\"2099-01-01T00:00:00Z\"");
  g_autofree char *path = ts_license_get_default_path ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(TsLicense) license = ts_license_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_license_activate (license, key, NULL, now, &error));
  g_assert_no_error (error);
  g_assert_true (ts_license_save (license, path, &error));
  g_assert_no_error (error);
}
