/* ts-webdav-client.c - the few WebDAV requests sync needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PROPFIND with Depth 1 only (ownCloud and nginx refuse "infinity"), GET,
 * PUT and DELETE with the preconditions that make concurrent writers
 * safe. Each request is blocking at heart, for the sync worker thread;
 * the asynchronous forms run it in a GTask thread, which libsoup allows
 * since 3.2. Every answer is read up to a size limit, and every failure
 * becomes a TsWebdavError a user can act on. The password is sent as
 * HTTP Basic on each request and never logged.
 */

#define G_LOG_DOMAIN "ts-webdav"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "ts-webdav-client.h"
#include "ts-webdav-etag.h"
#include "ts-webdav-multistatus.h"

/* A tracklist document is a few kilobytes; this is room for thousands of markers. */
#define MAX_DOCUMENT_SIZE (8 * 1024 * 1024)
#define MAX_OTHER_SIZE    (64 * 1024)
#define READ_CHUNK        (64 * 1024)
#define TIMEOUT_SECONDS   30

#define PROPFIND_BODY \
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" \
  "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>\n"

G_DEFINE_QUARK (ts-webdav-error-quark, ts_webdav_error)

struct _TsWebdavClient {
  GObject      parent_instance;
  SoupSession *session;
  char        *url;             /* ends in a slash */
  char        *collection_path; /* unescaped, ends in a slash */
  char        *authorization;
};

G_DEFINE_FINAL_TYPE (TsWebdavClient, ts_webdav_client, G_TYPE_OBJECT)

gboolean
ts_webdav_error_is_retryable (const GError *error)
{
  if (error == NULL || error->domain != TS_WEBDAV_ERROR)
    return FALSE;
  switch ((TsWebdavError) error->code)
    {
    case TS_WEBDAV_ERROR_UNREACHABLE:
    case TS_WEBDAV_ERROR_QUOTA:
    case TS_WEBDAV_ERROR_LOCKED:
    case TS_WEBDAV_ERROR_SERVER:
    case TS_WEBDAV_ERROR_INVALID_ANSWER:
      return TRUE;
    case TS_WEBDAV_ERROR_INSECURE:
    case TS_WEBDAV_ERROR_CREDENTIALS:
    case TS_WEBDAV_ERROR_NOT_FOUND:
    case TS_WEBDAV_ERROR_CONFLICT:
      return FALSE;
    }
  return FALSE;
}

void
ts_webdav_entry_free (TsWebdavEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry->etag);
  g_free (entry);
}

static void
wipe_string (char **string)
{
  if (*string != NULL)
    memset (*string, 0, strlen (*string));
  g_clear_pointer (string, g_free);
}

static void
ts_webdav_client_finalize (GObject *object)
{
  TsWebdavClient *self = TS_WEBDAV_CLIENT (object);

  g_clear_object (&self->session);
  g_free (self->url);
  g_free (self->collection_path);
  wipe_string (&self->authorization);
  G_OBJECT_CLASS (ts_webdav_client_parent_class)->finalize (object);
}

static void
ts_webdav_client_class_init (TsWebdavClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_webdav_client_finalize;
}

static void
ts_webdav_client_init (TsWebdavClient *self)
{
}

static gboolean
is_this_computer (const char *host)
{
  return g_strcmp0 (host, "127.0.0.1") == 0 || g_strcmp0 (host, "localhost") == 0
         || g_strcmp0 (host, "::1") == 0;
}

TsWebdavClient *
ts_webdav_client_new (const char  *url,
                      const char  *user,
                      const char  *password,
                      GError     **error)
{
  g_autoptr(TsWebdavClient) self = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *credentials = NULL;
  g_autofree char *encoded = NULL;
  const char *scheme;

  g_return_val_if_fail (url != NULL && user != NULL && password != NULL, NULL);

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED_PATH, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'
      || (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    {
      g_set_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_INSECURE,
                   /* Translators: the address the user typed. */
                   _("“%s” is not a web address; give the WebDAV folder’s address, "
                     "such as https://cloud.example.com/remote.php/dav/files/NAME/Timestamps"), url);
      return NULL;
    }
  if (g_strcmp0 (scheme, "http") == 0 && !is_this_computer (g_uri_get_host (uri)))
    {
      g_set_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_INSECURE,
                   /* Translators: the address the user typed. */
                   _("“%s” is not encrypted: sync sends your password, so it needs an https:// address"),
                   url);
      return NULL;
    }

  path = g_str_has_suffix (g_uri_get_path (uri), "/") ? g_strdup (g_uri_get_path (uri))
                                                      : g_strconcat (g_uri_get_path (uri), "/", NULL);
  folder = g_uri_build (G_URI_FLAGS_ENCODED_PATH, scheme, NULL, g_uri_get_host (uri),
                        g_uri_get_port (uri), path, NULL, NULL);

  self = g_object_new (TS_TYPE_WEBDAV_CLIENT, NULL);
  self->url = g_uri_to_string (folder);
  self->collection_path = g_uri_unescape_string (path, NULL);
  if (self->collection_path == NULL)
    {
      g_set_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_INSECURE,
                   _("“%s” is not a web address; give the WebDAV folder’s address, "
                     "such as https://cloud.example.com/remote.php/dav/files/NAME/Timestamps"), url);
      return NULL;
    }
  credentials = g_strconcat (user, ":", password, NULL);
  encoded = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  self->authorization = g_strconcat ("Basic ", encoded, NULL);
  wipe_string (&credentials);
  wipe_string (&encoded);
  self->session = soup_session_new_with_options ("timeout", TIMEOUT_SECONDS,
                                                 "user-agent", "Timestamps/" PACKAGE_VERSION,
                                                 NULL);
  return g_steal_pointer (&self);
}

const char *
ts_webdav_client_get_url (TsWebdavClient *self)
{
  g_return_val_if_fail (TS_IS_WEBDAV_CLIENT (self), NULL);

  return self->url;
}

static char *
member_url (TsWebdavClient *self,
            const char     *name)
{
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);

  return g_strconcat (self->url, escaped, NULL);
}

/* The error for an HTTP status that is not the success expected. */
static void
set_status_error (GError     **error,
                  guint        status,
                  const char  *name)
{
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
    case SOUP_STATUS_FORBIDDEN:
      g_set_error_literal (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_CREDENTIALS,
                           _("the sync server refused the user name or password; "
                             "check them (or the app password) in the sync settings"));
      return;
    case SOUP_STATUS_NOT_FOUND:
      g_set_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_NOT_FOUND,
                   /* Translators: a file or folder name on the server. */
                   _("“%s” is not on the sync server; if it is the sync folder, create it there first"),
                   name);
      return;
    case SOUP_STATUS_PRECONDITION_FAILED:
      g_set_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_CONFLICT,
                   /* Translators: a file name on the server. */
                   _("“%s” changed on the sync server meanwhile"), name);
      return;
    case SOUP_STATUS_LOCKED:
      g_set_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_LOCKED,
                   /* Translators: a file name on the server. */
                   _("the sync server has locked “%s”; sync tries again later"), name);
      return;
    case SOUP_STATUS_INSUFFICIENT_STORAGE:
      g_set_error_literal (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_QUOTA,
                           _("the sync server is full (the storage quota is used up); "
                             "free some space there, sync tries again later"));
      return;
    default:
      g_set_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_SERVER,
                   SOUP_STATUS_IS_SERVER_ERROR (status)
                     /* Translators: an HTTP status, e.g. 500. */
                     ? _("the sync server has a problem (HTTP %u); sync tries again later")
                     /* Translators: an HTTP status, e.g. 405. */
                     : _("the sync server refused the request (HTTP %u); check that the address is a WebDAV folder"),
                   status);
      return;
    }
}

static void
set_unreachable (TsWebdavClient *self,
                 GError        **error,
                 const GError   *cause)
{
  g_set_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_UNREACHABLE,
               /* Translators: the server's address, then the system's reason,
                * e.g. "Connection refused". */
               _("cannot reach the sync server at %s (%s); check the address and the connection"),
               self->url, cause->message);
}

/* Reads the whole answer up to max_size. */
static GBytes *
read_body (TsWebdavClient *self,
           GInputStream   *stream,
           gsize           max_size,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) chunk = g_input_stream_read_bytes (stream, READ_CHUNK, cancellable, &local_error);

      if (chunk == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            set_unreachable (self, error, local_error);
          return NULL;
        }
      if (g_bytes_get_size (chunk) == 0)
        break;
      if (body->len + g_bytes_get_size (chunk) > max_size)
        {
          g_set_error_literal (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_INVALID_ANSWER,
                               _("the sync server sent far more than a tracklist; "
                                 "check that the address is the sync folder"));
          return NULL;
        }
      g_byte_array_append (body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

typedef struct {
  guint  status;
  char  *etag;
  GBytes *body;
} Answer;

static void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->etag, g_free);
  g_clear_pointer (&answer->body, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Answer, answer_clear)

/* One request: headers are name/value pairs, NULL-terminated. */
static gboolean
exchange (TsWebdavClient *self,
          const char     *method,
          const char     *url,
          const char    **headers,
          GBytes         *body,
          const char     *content_type,
          gsize           max_size,
          Answer         *answer,
          GCancellable   *cancellable,
          GError        **error)
{
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  SoupMessageHeaders *request_headers;

  if (message == NULL)
    {
      g_set_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_INSECURE,
                   _("“%s” is not a web address; give the WebDAV folder’s address, "
                     "such as https://cloud.example.com/remote.php/dav/files/NAME/Timestamps"), url);
      return FALSE;
    }
  request_headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (request_headers, "Authorization", self->authorization);
  for (guint i = 0; headers != NULL && headers[i] != NULL; i += 2)
    soup_message_headers_replace (request_headers, headers[i], headers[i + 1]);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (message, content_type, body);

  stream = soup_session_send (self->session, message, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_unreachable (self, error, local_error);
      return FALSE;
    }
  answer->body = read_body (self, stream, max_size, cancellable, error);
  if (answer->body == NULL)
    return FALSE;
  answer->status = soup_message_get_status (message);
  answer->etag = ts_webdav_etag_normalise (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                                         "ETag"));
  g_debug ("%s %s: %u", method, url, answer->status);
  return TRUE;
}

GPtrArray *
ts_webdav_client_list (TsWebdavClient  *self,
                       GCancellable    *cancellable,
                       GError         **error)
{
  const char *headers[] = { "Depth", "1", NULL };
  g_autoptr(GBytes) request = g_bytes_new_static (PROPFIND_BODY, strlen (PROPFIND_BODY));
  g_auto(Answer) answer = { 0 };

  g_return_val_if_fail (TS_IS_WEBDAV_CLIENT (self), NULL);

  if (!exchange (self, "PROPFIND", self->url, headers, request, "application/xml; charset=utf-8",
                 TS_WEBDAV_MAX_LISTING_SIZE, &answer, cancellable, error))
    return NULL;
  if (answer.status != SOUP_STATUS_MULTI_STATUS)
    {
      if (SOUP_STATUS_IS_SUCCESSFUL (answer.status))
        g_set_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_SERVER,
                     /* Translators: an HTTP status, e.g. 200. */
                     _("the sync server refused the request (HTTP %u); check that the address is a WebDAV folder"),
                     answer.status);
      else
        set_status_error (error, answer.status, self->collection_path);
      return NULL;
    }
  return ts_webdav_multistatus_parse (answer.body, self->collection_path, error);
}

GBytes *
ts_webdav_client_get (TsWebdavClient  *self,
                      const char      *name,
                      char           **etag,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autofree char *url = NULL;
  g_auto(Answer) answer = { 0 };

  g_return_val_if_fail (TS_IS_WEBDAV_CLIENT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  url = member_url (self, name);
  if (!exchange (self, SOUP_METHOD_GET, url, NULL, NULL, NULL, MAX_DOCUMENT_SIZE, &answer, cancellable, error))
    return NULL;
  if (answer.status != SOUP_STATUS_OK)
    {
      set_status_error (error, answer.status, name);
      return NULL;
    }
  if (etag != NULL)
    *etag = g_steal_pointer (&answer.etag);
  return g_steal_pointer (&answer.body);
}

gboolean
ts_webdav_client_put (TsWebdavClient  *self,
                      const char      *name,
                      GBytes          *body,
                      const char      *if_match,
                      GCancellable    *cancellable,
                      GError         **error)
{
  const char *headers[] = { if_match != NULL ? "If-Match" : "If-None-Match",
                            if_match != NULL ? if_match : "*", NULL };
  g_autofree char *url = NULL;
  g_auto(Answer) answer = { 0 };

  g_return_val_if_fail (TS_IS_WEBDAV_CLIENT (self), FALSE);
  g_return_val_if_fail (name != NULL && body != NULL, FALSE);

  url = member_url (self, name);
  if (!exchange (self, SOUP_METHOD_PUT, url, headers, body, "application/json", MAX_OTHER_SIZE,
                 &answer, cancellable, error))
    return FALSE;
  if (!SOUP_STATUS_IS_SUCCESSFUL (answer.status))
    {
      set_status_error (error, answer.status, name);
      return FALSE;
    }
  return TRUE;
}

gboolean
ts_webdav_client_delete (TsWebdavClient  *self,
                         const char      *name,
                         const char      *if_match,
                         GCancellable    *cancellable,
                         GError         **error)
{
  const char *headers[] = { "If-Match", if_match, NULL };
  g_autofree char *url = NULL;
  g_auto(Answer) answer = { 0 };

  g_return_val_if_fail (TS_IS_WEBDAV_CLIENT (self), FALSE);
  g_return_val_if_fail (name != NULL && if_match != NULL, FALSE);

  url = member_url (self, name);
  if (!exchange (self, SOUP_METHOD_DELETE, url, headers, NULL, NULL, MAX_OTHER_SIZE, &answer,
                 cancellable, error))
    return FALSE;
  if (!SOUP_STATUS_IS_SUCCESSFUL (answer.status))
    {
      set_status_error (error, answer.status, name);
      return FALSE;
    }
  return TRUE;
}

/* The asynchronous forms: the blocking request in a GTask thread. */

typedef enum {
  OPERATION_LIST,
  OPERATION_GET,
  OPERATION_PUT,
  OPERATION_DELETE,
} Operation;

typedef struct {
  Operation  operation;
  char      *name;
  GBytes    *body;
  char      *if_match;
  char      *etag;  /* what GET answered */
} Request;

static void
request_free (Request *request)
{
  g_free (request->name);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request->if_match);
  g_free (request->etag);
  g_free (request);
}

static void
run_request (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TsWebdavClient *self = source_object;
  Request *request = task_data;
  GError *error = NULL;

  switch (request->operation)
    {
    case OPERATION_LIST:
      {
        GPtrArray *entries = ts_webdav_client_list (self, cancellable, &error);

        if (entries == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
      }
      return;
    case OPERATION_GET:
      {
        GBytes *body = ts_webdav_client_get (self, request->name, &request->etag, cancellable, &error);

        if (body == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, body, (GDestroyNotify) g_bytes_unref);
      }
      return;
    case OPERATION_PUT:
      if (ts_webdav_client_put (self, request->name, request->body, request->if_match, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    case OPERATION_DELETE:
      if (ts_webdav_client_delete (self, request->name, request->if_match, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }
}

static void
start_request (TsWebdavClient      *self,
               Operation            operation,
               const char          *name,
               GBytes              *body,
               const char          *if_match,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->operation = operation;
  request->name = g_strdup (name);
  request->body = body != NULL ? g_bytes_ref (body) : NULL;
  request->if_match = g_strdup (if_match);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, run_request);
}

void
ts_webdav_client_list_async (TsWebdavClient      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (TS_IS_WEBDAV_CLIENT (self));

  start_request (self, OPERATION_LIST, NULL, NULL, NULL, ts_webdav_client_list_async,
                 cancellable, callback, user_data);
}

GPtrArray *
ts_webdav_client_list_finish (TsWebdavClient  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ts_webdav_client_get_async (TsWebdavClient      *self,
                            const char          *name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (TS_IS_WEBDAV_CLIENT (self));
  g_return_if_fail (name != NULL);

  start_request (self, OPERATION_GET, name, NULL, NULL, ts_webdav_client_get_async,
                 cancellable, callback, user_data);
}

GBytes *
ts_webdav_client_get_finish (TsWebdavClient  *self,
                             GAsyncResult    *result,
                             char           **etag,
                             GError         **error)
{
  Request *request;
  GBytes *body;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  request = g_task_get_task_data (G_TASK (result));
  body = g_task_propagate_pointer (G_TASK (result), error);
  if (body != NULL && etag != NULL)
    *etag = g_steal_pointer (&request->etag);
  return body;
}

void
ts_webdav_client_put_async (TsWebdavClient      *self,
                            const char          *name,
                            GBytes              *body,
                            const char          *if_match,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (TS_IS_WEBDAV_CLIENT (self));
  g_return_if_fail (name != NULL && body != NULL);

  start_request (self, OPERATION_PUT, name, body, if_match, ts_webdav_client_put_async,
                 cancellable, callback, user_data);
}

gboolean
ts_webdav_client_put_finish (TsWebdavClient  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ts_webdav_client_delete_async (TsWebdavClient      *self,
                               const char          *name,
                               const char          *if_match,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (TS_IS_WEBDAV_CLIENT (self));
  g_return_if_fail (name != NULL && if_match != NULL);

  start_request (self, OPERATION_DELETE, name, NULL, if_match, ts_webdav_client_delete_async,
                 cancellable, callback, user_data);
}

gboolean
ts_webdav_client_delete_finish (TsWebdavClient  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
