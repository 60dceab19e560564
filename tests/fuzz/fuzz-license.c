/* fuzz-license.c - the licence key and licence file parsers over any input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built twice: as the key parser (TS_FUZZ_LICENSE_KEY) and as the
 * licence file parser. A fuzzer cannot forge a signature, so the first
 * byte chooses: even, the rest is the key or file as pasted or dropped;
 * odd, the rest is the signed content, which the test key signs into a
 * key or file first, so that the claims behind the signature get fuzzed
 * too.
 */
#include "config.h"

#include <string.h>

#include "ts-fuzz.h"
#include "ts-license-issuer.h"
#include "ts-license-private.h"

static TsLicenseIssuer *
get_issuer (void)
{
  static TsLicenseIssuer *issuer;

  /* Kept for the whole run: reading the key from disk per input would
   * be most of the work. */
  if (issuer == NULL)
    issuer = ts_license_issuer_new_test ();
  return issuer;
}

#ifdef TS_FUZZ_LICENSE_KEY
static char *
sign (const char *content)
{
  return ts_license_issuer_sign_key (get_issuer (), content, FALSE);
}

static TsLicenseClaims *
parse (const char  *text,
       gsize        length,
       GError     **error)
{
  return ts_license_claims_from_key (text, length, ts_license_issuer_public_key (get_issuer ()), error);
}
#else
/* A licence file as Keygen writes it around @content. */
static char *
sign (const char *content)
{
  g_autofree char *enc = g_base64_encode ((const guchar *) content, strlen (content));
  g_autofree char *signed_part = g_strconcat ("license/", enc, NULL);
  g_autofree char *sig = ts_license_issuer_sign (get_issuer (), signed_part);
  g_autofree char *envelope = g_strdup_printf ("{\"enc\": \"%s\", \"sig\": \"%s\", \"alg\": \"base64+ed25519\"}",
                                               enc, sig);
  g_autofree char *body = g_base64_encode ((const guchar *) envelope, strlen (envelope));

  return g_strdup_printf ("-----BEGIN LICENSE FILE-----\n%s\n-----END LICENSE FILE-----\n", body);
}

static TsLicenseClaims *
parse (const char  *text,
       gsize        length,
       GError     **error)
{
  return ts_license_claims_from_file (text, length, ts_license_issuer_public_key (get_issuer ()), error);
}
#endif

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsLicenseClaims) claims = NULL;
  g_autofree char *text = NULL;
  gsize length;

  ts_fuzz_init ();

  if (size == 0)
    return 0;

  if (data[0] % 2 == 0)
    {
      text = g_memdup2 (data + 1, size - 1);
      length = size - 1;
    }
  else
    {
      /* Signed text ends at its first NUL, as a C string does. */
      g_autofree char *content = g_strndup ((const char *) data + 1, size - 1);

      text = sign (content);
      length = strlen (text);
    }

  claims = parse (text, length, &error);
  if (claims == NULL && (error == NULL || error->message == NULL || error->message[0] == '\0'))
    ts_fuzz_fail ("a rejected licence has no error message");
  if (claims != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      ts_license_claims_evaluate (claims, now, NULL);
    }
  return 0;
}
