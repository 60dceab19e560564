/* ts-license-response.c - trusting an answer of the licence server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keygen signs each answer as in draft-cavage-http-signatures: the
 * Keygen-Signature header holds an Ed25519 signature, by the key that
 * signs licences, of
 *
 *   (request-target): post /v1/accounts/…/licenses/actions/validate-key
 *   host: api.timestamps.me
 *   date: Wed, 02 Dec 2026 15:00:00 GMT
 *   digest: sha-256=<base64 of the body's SHA-256>
 *
 * so an answer cannot be forged, changed, replayed for another request
 * or, thanks to the Date, replayed much later. TLS alone would trust any
 * certificate authority, and a proxy the user was made to install.
 */

#define G_LOG_DOMAIN "ts-license"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ts-license-private.h"
#include "ts-license-refresh-private.h"

/* The headers Keygen signs, in its order. */
#define SIGNED_HEADERS "(request-target) host date digest"
/* Clocks drift; Keygen's SDKs allow this much. */
#define MAX_DATE_SKEW (5 * G_TIME_SPAN_MINUTE)

static void
set_untrusted (GError **error)
{
  g_set_error_literal (error, TS_LICENSE_REFRESH_ERROR, TS_LICENSE_REFRESH_ERROR_UNTRUSTED,
                       _("the answer of the licence server could not be verified; "
                         "something on the network may have changed it, try again later"));
}

static char *
body_digest (GBytes *body)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  gsize size;
  const guint8 *data = g_bytes_get_data (body, &size);

  g_checksum_update (checksum, data, size);
  g_checksum_get_digest (checksum, digest, &length);
  return g_base64_encode (digest, length);
}

/* The Host header the request was sent with: the port only when it is
 * not the scheme's own. */
static char *
request_host (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);
  int port = g_uri_get_port (uri);

  if (port == -1 ||
      (g_ascii_strcasecmp (scheme, "https") == 0 && port == 443) ||
      (g_ascii_strcasecmp (scheme, "http") == 0 && port == 80))
    return g_strdup (g_uri_get_host (uri));
  return g_strdup_printf ("%s:%d", g_uri_get_host (uri), port);
}

static char *
signing_string (SoupMessage *message,
                const char  *date,
                const char  *digest)
{
  GUri *uri = soup_message_get_uri (message);
  g_autofree char *method = g_ascii_strdown (soup_message_get_method (message), -1);
  g_autofree char *host = request_host (uri);
  const char *query = g_uri_get_query (uri);

  return g_strdup_printf ("(request-target): %s %s%s%s\nhost: %s\ndate: %s\ndigest: sha-256=%s",
                          method, g_uri_get_path (uri), query != NULL ? "?" : "", query != NULL ? query : "",
                          host, date, digest);
}

static gboolean
signature_holds (const char   *header,
                 const char   *message,
                 const guint8 *public_key)
{
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GBytes) signature = NULL;
  const char *encoded;

  if (header == NULL)
    return FALSE;
  params = soup_header_parse_param_list_strict (header);
  if (params == NULL ||
      g_strcmp0 (g_hash_table_lookup (params, "algorithm"), "ed25519") != 0 ||
      g_strcmp0 (g_hash_table_lookup (params, "headers"), SIGNED_HEADERS) != 0 ||
      (encoded = g_hash_table_lookup (params, "signature")) == NULL)
    return FALSE;
  /* keyid is not looked at: one key is trusted, whatever the id says. */
  signature = ts_license_base64_decode (encoded, strlen (encoded), FALSE, NULL);
  return signature != NULL &&
         ts_license_signature_holds (public_key, "", message, strlen (message), signature);
}

gboolean
ts_license_response_verify (SoupMessage   *message,
                            GBytes        *body,
                            const guint8  *public_key,
                            GDateTime     *now,
                            GDateTime    **server_date,
                            GError       **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *date_header = soup_message_headers_get_one (headers, "Date");
  const char *digest_header = soup_message_headers_get_one (headers, "Digest");
  g_autofree char *digest = body_digest (body);
  g_autofree char *expected_digest = g_strconcat ("sha-256=", digest, NULL);
  g_autofree char *signed_text = NULL;
  g_autoptr(GDateTime) date = NULL;

  if (date_header == NULL || g_strcmp0 (digest_header, expected_digest) != 0)
    {
      set_untrusted (error);
      return FALSE;
    }
  signed_text = signing_string (message, date_header, digest);
  if (!signature_holds (soup_message_headers_get_one (headers, "Keygen-Signature"), signed_text, public_key) ||
      (date = soup_date_time_new_from_http_string (date_header)) == NULL)
    {
      set_untrusted (error);
      return FALSE;
    }

  /* A signed answer sent long ago may be a replay; or the clock is off. */
  if (ABS (g_date_time_difference (date, now)) > MAX_DATE_SKEW)
    {
      g_set_error_literal (error, TS_LICENSE_REFRESH_ERROR, TS_LICENSE_REFRESH_ERROR_CLOCK,
                           _("the licence server’s time and this computer’s clock differ by more than "
                             "5 minutes; set the clock right and try again"));
      return FALSE;
    }
  *server_date = g_steal_pointer (&date);
  return TRUE;
}
