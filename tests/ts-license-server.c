/* ts-license-server.c - a licence server for tests, answering as Keygen
 * does, on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signs its answers as Keygen does, with the test key and independently
 * of the verifier under test: the Host header as received, the path as
 * requested, the Date it sends and the SHA-256 of the body it sends.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "ts-license-server.h"

#define ACCOUNT_PATH "/v1/accounts/test"
#define LICENCE_ID   "lic-1"

struct _TsTestServer {
  TsTestServerMode  mode;
  gint64            ttl;
  TsLicenseIssuer  *issuer;
  TsLicenseIssuer  *stranger;   /* a key nobody trusts */
  GThread          *thread;
  GMainContext     *context;
  GMainLoop        *loop;
  char             *base_url;
  guint             requests;   /* atomic */
  GMutex            mutex;
  GCond             ready;
};

static char *
sha256_base64 (const char *data,
               gsize       length)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize size = sizeof digest;

  g_checksum_update (checksum, (const guchar *) data, length);
  g_checksum_get_digest (checksum, digest, &size);
  return g_base64_encode (digest, size);
}

static void
respond (TsTestServer      *self,
         SoupServerMessage *message,
         guint              status,
         const char        *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  const char *host = soup_message_headers_get_one (soup_server_message_get_request_headers (message), "Host");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) sent = g_date_time_add_minutes (now, self->mode == TS_TEST_SERVER_STALE_DATE ? -10 : 0);
  g_autofree char *date = soup_date_time_to_string (sent, SOUP_DATE_HTTP);
  g_autofree char *digest = sha256_base64 (body, strlen (body));
  g_autofree char *method = g_ascii_strdown (soup_server_message_get_method (message), -1);
  g_autofree char *signed_text = g_strdup_printf ("(request-target): %s %s\nhost: %s\ndate: %s\ndigest: sha-256=%s",
                                                  method, g_uri_get_path (soup_server_message_get_uri (message)),
                                                  host, date, digest);
  g_autofree char *signature = ts_license_issuer_sign (self->mode == TS_TEST_SERVER_BAD_SIGNATURE ? self->stranger
                                                                                                 : self->issuer,
                                                       signed_text);
  g_autofree char *signature_header = g_strdup_printf ("keyid=\"test\", algorithm=\"ed25519\", signature=\"%s\", "
                                                       "headers=\"(request-target) host date digest\"", signature);
  g_autofree char *digest_header = g_strconcat ("sha-256=", digest, NULL);
  g_autofree char *sent_body = g_strdup (body);

  if (self->mode == TS_TEST_SERVER_TAMPERED)
    {
      char *valid = strstr (sent_body, "true");

      /* Same length, other meaning: only the digest can tell. */
      if (valid != NULL)
        memcpy (valid, "TRUE", 4);
      else
        sent_body[strlen (sent_body) - 1] = ' ';
    }

  soup_message_headers_replace (headers, "Date", date);
  soup_message_headers_replace (headers, "Digest", digest_header);
  if (self->mode != TS_TEST_SERVER_NO_SIGNATURE)
    soup_message_headers_replace (headers, "Keygen-Signature", signature_header);
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/vnd.api+json", SOUP_MEMORY_COPY,
                                    sent_body, strlen (sent_body));
}

static char *
validation_body (TsTestServer *self)
{
  static const char * const codes[] = {
    [TS_TEST_SERVER_NOT_FOUND] = "NOT_FOUND",
    [TS_TEST_SERVER_EXPIRED] = "EXPIRED",
    [TS_TEST_SERVER_SUSPENDED] = "SUSPENDED",
    [TS_TEST_SERVER_BANNED] = "BANNED",
  };

  if (self->mode == TS_TEST_SERVER_NOT_FOUND)
    return g_strdup ("{\"meta\": {\"valid\": false, \"detail\": \"does not exist\", \"code\": \"NOT_FOUND\"}, "
                     "\"data\": null, \"errors\": []}");
  if (self->mode < G_N_ELEMENTS (codes) && codes[self->mode] != NULL)
    return g_strdup_printf ("{\"meta\": {\"valid\": false, \"detail\": \"is not valid\", \"code\": \"%s\"}, "
                            "\"data\": {\"id\": \"" LICENCE_ID "\", \"type\": \"licenses\"}}",
                            codes[self->mode]);
  return g_strdup ("{\"meta\": {\"valid\": true, \"detail\": \"is valid\", \"code\": \"VALID\"}, "
                   "\"data\": {\"id\": \"" LICENCE_ID "\", \"type\": \"licenses\", "
                   "\"attributes\": {\"status\": \"ACTIVE\"}}}");
}

static char *
check_out_body (TsTestServer *self,
                const char   *key)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) issued = g_date_time_add_minutes (now, -1);
  g_autoptr(GDateTime) expiry = g_date_time_add_seconds (issued, self->ttl);
  g_autofree char *issued_text = g_date_time_format_iso8601 (issued);
  g_autofree char *expiry_text = g_date_time_format_iso8601 (expiry);
  g_autofree char *expiry_json = g_strdup_printf ("\"%s\"", expiry_text);
  g_autofree char *certificate = ts_license_issuer_file_for (self->issuer, LICENCE_ID, key, "ACTIVE", issued_text,
                                                             expiry_json, self->ttl, "base64+ed25519", FALSE);
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), certificate);
  g_autofree char *quoted = json_to_string (node, FALSE);

  return g_strdup_printf ("{\"data\": {\"id\": \"file-1\", \"type\": \"license-files\", "
                          "\"attributes\": {\"certificate\": %s, \"ttl\": %" G_GINT64_FORMAT "}}}",
                          quoted, self->ttl);
}

/* The key the validation was asked for, from {"meta": {"key"}}. */
static char *
requested_key (SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *meta;

  g_assert_true (json_parser_load_from_data (parser, body->data, body->length, NULL));
  meta = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "meta");
  return g_strdup (json_object_get_string_member (meta, "key"));
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  TsTestServer *self = user_data;
  const char *authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                            "Authorization");

  g_atomic_int_inc (&self->requests);
  g_assert_cmpstr (soup_server_message_get_method (message), ==, "POST");

  switch (self->mode)
    {
    case TS_TEST_SERVER_HANG:
      soup_server_message_pause (message);
      return;
    case TS_TEST_SERVER_HTTP_401:
      respond (self, message, 401, "{\"errors\": [{\"title\": \"Unauthorized\", \"code\": \"TOKEN_INVALID\"}]}");
      return;
    case TS_TEST_SERVER_HTTP_500:
      respond (self, message, 500, "{\"errors\": [{\"title\": \"Internal server error\"}]}");
      return;
    case TS_TEST_SERVER_HUGE:
      {
        g_autofree char *padding = g_strnfill (2 * 1024 * 1024, ' ');
        g_autofree char *body = g_strdup_printf ("{\"meta\": {\"valid\": true}%s}", padding);

        respond (self, message, 200, body);
      }
      return;
    case TS_TEST_SERVER_VALID:
    case TS_TEST_SERVER_NOT_FOUND:
    case TS_TEST_SERVER_EXPIRED:
    case TS_TEST_SERVER_SUSPENDED:
    case TS_TEST_SERVER_BANNED:
    case TS_TEST_SERVER_BAD_SIGNATURE:
    case TS_TEST_SERVER_NO_SIGNATURE:
    case TS_TEST_SERVER_STALE_DATE:
    case TS_TEST_SERVER_TAMPERED:
      break;
    }

  if (g_strcmp0 (path, ACCOUNT_PATH "/licenses/actions/validate-key") == 0)
    {
      g_autofree char *key = requested_key (message);
      g_autofree char *body = validation_body (self);

      g_assert_nonnull (key);
      respond (self, message, 200, body);
    }
  else if (g_strcmp0 (path, ACCOUNT_PATH "/licenses/" LICENCE_ID "/actions/check-out") == 0 &&
           authorization != NULL && g_str_has_prefix (authorization, "License "))
    {
      g_autofree char *body = check_out_body (self, authorization + strlen ("License "));

      respond (self, message, 200, body);
    }
  else
    respond (self, message, 404, "{\"errors\": [{\"title\": \"Not found\"}]}");
}

static gpointer
serve (gpointer data)
{
  TsTestServer *self = data;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, ACCOUNT_PATH, handle, self, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);

  g_mutex_lock (&self->mutex);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%d" ACCOUNT_PATH, g_uri_get_port (uris->data));
  g_cond_signal (&self->ready);
  g_mutex_unlock (&self->mutex);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (self->loop);
  soup_server_disconnect (server);
  g_clear_object (&server);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

TsTestServer *
ts_test_server_new (TsTestServerMode mode,
                    gint64           ttl)
{
  TsTestServer *self = g_new0 (TsTestServer, 1);

  self->mode = mode;
  self->ttl = ttl;
  self->issuer = ts_license_issuer_new_test ();
  self->stranger = ts_license_issuer_new_random ();
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->ready);

  g_mutex_lock (&self->mutex);
  self->thread = g_thread_new ("licence-server", serve, self);
  while (self->base_url == NULL)
    g_cond_wait (&self->ready, &self->mutex);
  g_mutex_unlock (&self->mutex);
  return self;
}

static gboolean
quit (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
ts_test_server_free (TsTestServer *self)
{
  g_main_context_invoke (self->context, quit, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->ready);
  ts_license_issuer_free (self->issuer);
  ts_license_issuer_free (self->stranger);
  g_free (self->base_url);
  g_free (self);
}

const char *
ts_test_server_get_base_url (TsTestServer *self)
{
  return self->base_url;
}

guint
ts_test_server_get_requests (TsTestServer *self)
{
  return g_atomic_int_get (&self->requests);
}

char *
ts_test_server_closed_url (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  /* Bound, so the system picks a free port, then closed: nothing listens. */
  g_assert_nonnull (socket);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_close (socket, &error));
  return g_strdup_printf ("http://127.0.0.1:%u" ACCOUNT_PATH,
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
}
