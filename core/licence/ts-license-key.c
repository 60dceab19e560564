/* ts-license-key.c - Keygen's signed licence keys (scheme ED25519_SIGN)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A key is `key/<base64url(data)>.<base64url(signature)>`; the signature
 * covers the text before the dot, `key/` included, and data is the JSON
 * object {"id", "email", "plan", "expiry"}.
 */

#define G_LOG_DOMAIN "ts-license"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ts-license-private.h"

#define KEY_PREFIX "key/"

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void
set_malformed (GError **error)
{
  g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_MALFORMED,
                       _("this is not a Timestamps licence key; check that it was copied whole"));
}

static TsLicenseClaims *
claims_from_data (GBytes  *data,
                  GError **error)
{
  g_autoptr(JsonNode) root = ts_license_parse_json_object (data);
  g_autoptr(TsLicenseClaims) claims = g_new0 (TsLicenseClaims, 1);
  JsonObject *object;
  const char *id, *email, *plan;

  if (root == NULL)
    goto unreadable;
  object = json_node_get_object (root);
  id = ts_license_json_get_string (object, "id");
  email = ts_license_json_get_string (object, "email");
  plan = ts_license_json_get_string (object, "plan");
  if (id == NULL || email == NULL || plan == NULL ||
      !ts_license_json_get_time (object, "expiry", TRUE, &claims->expiry))
    goto unreadable;

  claims->id = g_strdup (id);
  claims->email = g_strdup (email);
  claims->plan = g_strdup (plan);
  claims->status = TS_LICENSE_STATUS_ACTIVE;
  return g_steal_pointer (&claims);

unreadable:
  /* Signed by the licence service, so this is its bug, not the user's. */
  g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_MALFORMED,
                       _("this licence key holds data Timestamps cannot read; ask for a new key"));
  return NULL;
}

TsLicenseClaims *
ts_license_claims_from_key (const char    *key,
                            gsize          length,
                            const guint8  *public_key,
                            GError       **error)
{
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GBytes) data = NULL;
  TsLicenseClaims *claims;
  const char *dot;
  const char *encoded_data;

  if (length > TS_LICENSE_MAX_KEY_SIZE)
    {
      g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_TOO_LARGE,
                           _("this is not a licence key: it is far longer than one"));
      return NULL;
    }

  /* A key pasted from a mail often comes with spaces or a line break. */
  while (length > 0 && is_space (key[0]))
    key++, length--;
  while (length > 0 && is_space (key[length - 1]))
    length--;

  if (length < strlen (KEY_PREFIX) || memcmp (key, KEY_PREFIX, strlen (KEY_PREFIX)) != 0)
    {
      set_malformed (error);
      return NULL;
    }
  encoded_data = key + strlen (KEY_PREFIX);
  dot = memchr (encoded_data, '.', length - strlen (KEY_PREFIX));
  if (dot == NULL)
    {
      set_malformed (error);
      return NULL;
    }

  /* Neither part may be empty; base64url has no dot, so a second dot
   * makes the signature fail to decode. */
  signature = ts_license_base64_decode (dot + 1, key + length - (dot + 1), TRUE, NULL);
  data = ts_license_base64_decode (encoded_data, dot - encoded_data, TRUE, NULL);
  if (dot == encoded_data || signature == NULL || data == NULL)
    {
      set_malformed (error);
      return NULL;
    }

  if (!ts_license_signature_holds (public_key, "", key, dot - key, signature))
    {
      g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_BAD_SIGNATURE,
                           _("this licence key was not issued by Timestamps, or it was changed since"));
      return NULL;
    }
  claims = claims_from_data (data, error);
  if (claims != NULL)
    claims->key = g_strndup (key, length);
  return claims;
}
