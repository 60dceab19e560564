/* ts-license-file.c - Keygen's licence files, for machines offline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Between `-----BEGIN LICENSE FILE-----` and `-----END LICENSE FILE-----`
 * lies line-wrapped base64 of {"enc", "sig", "alg"}. With `alg`
 * base64+ed25519, `sig` signs `license/` + `enc`, and `enc` is base64 of
 * the licence as JSON:API: {"data": {"id", "type": "licenses",
 * "attributes": {"key", "expiry", "status"}}, "meta": {"issued",
 * "expiry", "ttl"}}. The licence's `key` is itself a signed key: it
 * names the licensee and the plan, which the file does not.
 */

#define G_LOG_DOMAIN "ts-license"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ts-license-private.h"

#define BEGIN_LINE "-----BEGIN LICENSE FILE-----"
#define END_LINE   "-----END LICENSE FILE-----"
#define LINE_BREAKS "\r\n"

static void
set_malformed (GError **error)
{
  g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_MALFORMED,
                       _("this is not a Timestamps licence file; check that it was saved whole"));
}

static void
set_unreadable (GError **error)
{
  /* Signed by the licence service, so this is its bug, not the user's. */
  g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_MALFORMED,
                       _("this licence file holds data Timestamps cannot read; ask for a new one"));
}

static gboolean
status_from_string (const char      *text,
                    TsLicenseStatus *status)
{
  static const struct { const char *name; TsLicenseStatus status; } statuses[] = {
    { "ACTIVE", TS_LICENSE_STATUS_ACTIVE },
    { "EXPIRED", TS_LICENSE_STATUS_EXPIRED },
    { "SUSPENDED", TS_LICENSE_STATUS_SUSPENDED },
    { "BANNED", TS_LICENSE_STATUS_BANNED },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (statuses); i++)
    {
      if (strcmp (text, statuses[i].name) == 0)
        {
          *status = statuses[i].status;
          return TRUE;
        }
    }
  return FALSE;
}

/* `meta.ttl` is whole seconds, or null or 0 when the file never needs a
 * refresh. */
static gboolean
get_ttl (JsonObject *meta,
         gint64     *ttl)
{
  JsonNode *node = json_object_get_member (meta, "ttl");

  *ttl = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *ttl = json_node_get_int (node);
  return *ttl >= 0;
}

static TsLicenseClaims *
claims_from_payload (GBytes        *payload,
                     const guint8  *public_key,
                     GError       **error)
{
  g_autoptr(JsonNode) root = ts_license_parse_json_object (payload);
  g_autoptr(TsLicenseClaims) claims = NULL;
  g_autoptr(GDateTime) expiry = NULL;
  g_autoptr(GDateTime) issued = NULL;
  g_autoptr(GDateTime) file_expiry = NULL;
  JsonObject *data, *attributes, *meta;
  const char *id, *key;
  TsLicenseStatus status;
  gint64 ttl;

  if (root == NULL ||
      !json_object_has_member (json_node_get_object (root), "data") ||
      !json_object_has_member (json_node_get_object (root), "meta") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "data")) ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "meta")))
    goto unreadable;
  data = json_object_get_object_member (json_node_get_object (root), "data");
  meta = json_object_get_object_member (json_node_get_object (root), "meta");
  if (!json_object_has_member (data, "attributes") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (data, "attributes")))
    goto unreadable;
  attributes = json_object_get_object_member (data, "attributes");

  id = ts_license_json_get_string (data, "id");
  key = ts_license_json_get_string (attributes, "key");
  if (id == NULL || g_strcmp0 (ts_license_json_get_string (data, "type"), "licenses") != 0 || key == NULL ||
      !status_from_string (ts_license_json_get_string (attributes, "status"), &status) ||
      !ts_license_json_get_time (attributes, "expiry", TRUE, &expiry) ||
      !ts_license_json_get_time (meta, "issued", FALSE, &issued) ||
      !get_ttl (meta, &ttl) ||
      !ts_license_json_get_time (meta, "expiry", ttl == 0, &file_expiry))
    goto unreadable;

  claims = ts_license_claims_from_key (key, strlen (key), public_key, NULL);
  if (claims == NULL || g_strcmp0 (claims->id, id) != 0)
    goto unreadable;

  /* The file is newer than the key: its expiry follows renewals. */
  g_clear_pointer (&claims->expiry, g_date_time_unref);
  claims->expiry = g_steal_pointer (&expiry);
  claims->status = status;
  claims->issued = g_steal_pointer (&issued);
  if (ttl != 0)
    claims->file_expiry = g_steal_pointer (&file_expiry);
  return g_steal_pointer (&claims);

unreadable:
  set_unreadable (error);
  return NULL;
}

TsLicenseClaims *
ts_license_claims_from_file (const char    *text,
                             gsize          length,
                             const guint8  *public_key,
                             GError       **error)
{
  g_autoptr(GBytes) envelope = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GBytes) payload = NULL;
  JsonObject *object;
  const char *enc, *sig, *alg;
  const char *body;
  gsize body_length;

  if (length > TS_LICENSE_MAX_FILE_SIZE)
    {
      g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_TOO_LARGE,
                           _("this is not a licence file: it is larger than any licence"));
      return NULL;
    }

  while (length > 0 && g_ascii_isspace (text[0]))
    text++, length--;
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;
  if (length < strlen (BEGIN_LINE) + strlen (END_LINE) ||
      memcmp (text, BEGIN_LINE, strlen (BEGIN_LINE)) != 0 ||
      memcmp (text + length - strlen (END_LINE), END_LINE, strlen (END_LINE)) != 0)
    {
      set_malformed (error);
      return NULL;
    }
  body = text + strlen (BEGIN_LINE);
  body_length = length - strlen (BEGIN_LINE) - strlen (END_LINE);

  envelope = ts_license_base64_decode (body, body_length, FALSE, LINE_BREAKS);
  if (envelope == NULL || (root = ts_license_parse_json_object (envelope)) == NULL)
    {
      set_malformed (error);
      return NULL;
    }
  object = json_node_get_object (root);
  enc = ts_license_json_get_string (object, "enc");
  sig = ts_license_json_get_string (object, "sig");
  alg = ts_license_json_get_string (object, "alg");
  if (enc == NULL || sig == NULL || alg == NULL)
    {
      set_malformed (error);
      return NULL;
    }

  if (strcmp (alg, "aes-256-gcm+ed25519") == 0)
    {
      g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_UNSUPPORTED,
                           _("encrypted licence files are not supported yet"));
      return NULL;
    }
  if (strcmp (alg, "base64+ed25519") != 0)
    {
      g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_UNSUPPORTED,
                           _("this licence file is signed in a way Timestamps does not know; ask for a new one"));
      return NULL;
    }

  signature = ts_license_base64_decode (sig, strlen (sig), FALSE, NULL);
  if (signature == NULL ||
      !ts_license_signature_holds (public_key, "license/", enc, strlen (enc), signature))
    {
      g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_BAD_SIGNATURE,
                           _("this licence file was not issued by Timestamps, or it was changed since"));
      return NULL;
    }

  payload = ts_license_base64_decode (enc, strlen (enc), FALSE, NULL);
  if (payload == NULL)
    {
      set_unreadable (error);
      return NULL;
    }
  return claims_from_payload (payload, public_key, error);
}
