/* ts-license-client.c - asking the licence server about a licence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two requests in Keygen's API, both asynchronous on the caller's main
 * context so that a slow network never freezes a window:
 *
 *   POST {base}/licenses/actions/validate-key   {"meta": {"key": KEY}}
 *     -> {"meta": {"valid", "code"}, "data": {"id", …} or null}
 *   POST {base}/licenses/{id}/actions/check-out  (Authorization: License KEY)
 *     -> {"data": {"type": "license-files", "attributes": {"certificate"}}}
 *
 * Every answer acted on is verified first (ts-license-response.c); the
 * licence file checked out is verified again as any imported one.
 */

#define G_LOG_DOMAIN "ts-license"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ts-license-private.h"
#include "ts-license-refresh-private.h"
#include "ts-license-store.h"

#define JSON_API_TYPE "application/vnd.api+json"
#define READ_CHUNK    (64 * 1024)

struct _TsLicenseClient {
  GObject      parent_instance;
  SoupSession *session;
  char        *base_url;
};

G_DEFINE_FINAL_TYPE (TsLicenseClient, ts_license_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum {
  STEP_VALIDATE,
  STEP_CHECK_OUT,
} Step;

typedef struct {
  char             *key;
  char             *id;
  Step              step;
  SoupMessage      *message;
  GByteArray       *body;
  TsLicenseRefresh *refresh;
} Request;

static void
request_free (Request *request)
{
  if (request->key != NULL)
    {
      memset (request->key, 0, strlen (request->key));
      g_free (request->key);
    }
  g_free (request->id);
  g_clear_object (&request->message);
  g_clear_pointer (&request->body, g_byte_array_unref);
  g_clear_pointer (&request->refresh, ts_license_refresh_free);
  g_free (request);
}

static void send_request (GTask *task);

static void
set_unreadable (GError **error)
{
  g_set_error_literal (error, TS_LICENSE_REFRESH_ERROR, TS_LICENSE_REFRESH_ERROR_REFUSED,
                       _("the licence server sent an answer Timestamps cannot read; "
                         "try again later, or check for an update of Timestamps"));
}

static gboolean
verdict_from_code (const char       *code,
                   TsLicenseVerdict *verdict)
{
  static const struct { const char *code; TsLicenseVerdict verdict; } verdicts[] = {
    { "VALID", TS_LICENSE_VERDICT_VALID },
    { "EXPIRED", TS_LICENSE_VERDICT_EXPIRED },
    { "SUSPENDED", TS_LICENSE_VERDICT_SUSPENDED },
    { "BANNED", TS_LICENSE_VERDICT_BANNED },
    { "NOT_FOUND", TS_LICENSE_VERDICT_NOT_FOUND },
  };

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (verdicts); i++)
    {
      if (strcmp (code, verdicts[i].code) == 0)
        {
          *verdict = verdicts[i].verdict;
          return TRUE;
        }
    }
  return FALSE;
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The validation: done when the licence is not valid, else on to the
 * check-out. */
static gboolean
read_validation (Request     *request,
                 JsonObject  *root,
                 gboolean    *done,
                 GError     **error)
{
  JsonObject *meta = get_object (root, "meta");
  JsonNode *valid = meta != NULL ? json_object_get_member (meta, "valid") : NULL;
  const char *code = meta != NULL ? ts_license_json_get_string (meta, "code") : NULL;
  TsLicenseVerdict verdict;

  if (valid == NULL || json_node_get_value_type (valid) != G_TYPE_BOOLEAN || code == NULL)
    {
      set_unreadable (error);
      return FALSE;
    }
  if (!verdict_from_code (code, &verdict) || (verdict == TS_LICENSE_VERDICT_VALID) != json_node_get_boolean (valid))
    {
      /* Such as a licence bound to machines, which Timestamps Pro never is. */
      g_set_error (error, TS_LICENSE_REFRESH_ERROR, TS_LICENSE_REFRESH_ERROR_REFUSED,
                   /* Translators: the server's reason, e.g. NO_MACHINE. */
                   _("the licence server did not accept this licence (%s); contact support"), code);
      return FALSE;
    }

  request->refresh->verdict = verdict;
  if (verdict != TS_LICENSE_VERDICT_VALID)
    {
      *done = TRUE;
      return TRUE;
    }
  /* A valid answer about another licence is no answer about this one. */
  if (g_strcmp0 (ts_license_json_get_string (get_object (root, "data"), "id"), request->id) != 0)
    {
      set_unreadable (error);
      return FALSE;
    }
  *done = FALSE;
  return TRUE;
}

static gboolean
read_check_out (Request     *request,
                JsonObject  *root,
                GError     **error)
{
  JsonObject *data = get_object (root, "data");
  const char *certificate = ts_license_json_get_string (get_object (data, "attributes"), "certificate");

  if (g_strcmp0 (ts_license_json_get_string (data, "type"), "license-files") != 0 || certificate == NULL)
    {
      set_unreadable (error);
      return FALSE;
    }
  request->refresh->certificate = g_strdup (certificate);
  return TRUE;
}

static gboolean
read_answer (Request     *request,
             gboolean    *done,
             GError     **error)
{
  guint status = soup_message_get_status (request->message);
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&request->body));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) server_date = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_set_error (error, TS_LICENSE_REFRESH_ERROR, TS_LICENSE_REFRESH_ERROR_REFUSED,
                   SOUP_STATUS_IS_SERVER_ERROR (status)
                     /* Translators: an HTTP status, e.g. 500. */
                     ? _("the licence server has a problem (HTTP %u); Pro keeps working, try again later")
                     /* Translators: an HTTP status, e.g. 401. */
                     : _("the licence server refused the request (HTTP %u); check for an update of Timestamps"),
                   status);
      return FALSE;
    }
  if (!ts_license_response_verify (request->message, body, ts_license_trusted_public_key (), now,
                                   &server_date, error))
    return FALSE;
  g_clear_pointer (&request->refresh->server_date, g_date_time_unref);
  request->refresh->server_date = g_steal_pointer (&server_date);

  if ((root = ts_license_parse_json_object (body)) == NULL)
    {
      set_unreadable (error);
      return FALSE;
    }
  switch (request->step)
    {
    case STEP_VALIDATE:
      return read_validation (request, json_node_get_object (root), done, error);
    case STEP_CHECK_OUT:
      *done = TRUE;
      return read_check_out (request, json_node_get_object (root), error);
    }
  g_return_val_if_reached (FALSE);
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data);

static void
read_more (GTask        *task,
           GInputStream *stream)
{
  g_input_stream_read_bytes_async (stream, READ_CHUNK, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                   read_done, task);
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  GInputStream *stream = G_INPUT_STREAM (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (stream, result, &error);
  gboolean done = FALSE;

  if (chunk == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_bytes_get_size (chunk) > 0)
    {
      if (request->body->len + g_bytes_get_size (chunk) > TS_LICENSE_MAX_RESPONSE_SIZE)
        {
          g_task_return_new_error (task, TS_LICENSE_REFRESH_ERROR, TS_LICENSE_REFRESH_ERROR_UNTRUSTED,
                                   "%s", _("the licence server sent far more than a licence; try again later"));
          return;
        }
      g_byte_array_append (request->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      read_more (g_steal_pointer (&task), stream);
      return;
    }

  if (!read_answer (request, &done, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (done)
    g_task_return_pointer (task, g_steal_pointer (&request->refresh), (GDestroyNotify) ts_license_refresh_free);
  else
    {
      request->step = STEP_CHECK_OUT;
      send_request (g_steal_pointer (&task));
    }
}

static void
set_unreachable (GError      **error,
                 const GError *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error_literal (error, TS_LICENSE_REFRESH_ERROR, TS_LICENSE_REFRESH_ERROR_UNREACHABLE,
                         _("the licence server did not answer in time; Pro keeps working, try again later"));
  else
    g_set_error (error, TS_LICENSE_REFRESH_ERROR, TS_LICENSE_REFRESH_ERROR_UNREACHABLE,
                 /* Translators: the system's reason, e.g. "Connection refused". */
                 _("cannot reach the licence server (%s); check the internet connection, "
                   "Pro keeps working meanwhile"), cause->message);
}

static void
send_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = soup_session_send_finish (SOUP_SESSION (source), result, &local_error);

  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&local_error));
      else
        {
          set_unreachable (&error, local_error);
          g_task_return_error (task, g_steal_pointer (&error));
        }
      return;
    }
  request->body = g_byte_array_new ();
  read_more (g_steal_pointer (&task), stream);
}

static void
send_request (GTask *task)
{
  TsLicenseClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autofree char *url = NULL;
  g_autofree char *escaped_id = NULL;
  g_autofree char *body = NULL;
  g_autofree char *authorization = NULL;
  SoupMessageHeaders *headers;

  switch (request->step)
    {
    case STEP_VALIDATE:
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();
        g_autoptr(JsonNode) root = NULL;

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "meta");
        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "key");
        json_builder_add_string_value (builder, request->key);
        json_builder_end_object (builder);
        json_builder_end_object (builder);
        root = json_builder_get_root (builder);
        body = json_to_string (root, FALSE);
        url = g_strconcat (self->base_url, "/licenses/actions/validate-key", NULL);
      }
      break;
    case STEP_CHECK_OUT:
      escaped_id = g_uri_escape_string (request->id, NULL, FALSE);
      url = g_strconcat (self->base_url, "/licenses/", escaped_id, "/actions/check-out", NULL);
      authorization = g_strconcat ("License ", request->key, NULL);
      break;
    }

  g_clear_object (&request->message);
  request->message = soup_message_new (SOUP_METHOD_POST, url);
  if (request->message == NULL)
    {
      g_task_return_new_error (task, TS_LICENSE_REFRESH_ERROR, TS_LICENSE_REFRESH_ERROR_UNREACHABLE,
                               /* Translators: the address, e.g. https://api.timestamps.me/v1/… */
                               _("the licence server’s address is not a web address: %s"), self->base_url);
      g_object_unref (task);
      return;
    }
  headers = soup_message_get_request_headers (request->message);
  soup_message_headers_replace (headers, "Accept", JSON_API_TYPE);
  if (authorization != NULL)
    soup_message_headers_replace (headers, "Authorization", authorization);
  if (body != NULL)
    {
      gsize length = strlen (body);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&body), length);

      soup_message_set_request_body_from_bytes (request->message, JSON_API_TYPE, bytes);
    }
  soup_session_send_async (self->session, request->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), send_done, task);
}

void
ts_license_client_refresh_async (TsLicenseClient     *self,
                                 const TsLicense     *license,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const TsLicenseClaims *claims;
  Request *request;

  g_return_if_fail (TS_IS_LICENSE_CLIENT (self));
  g_return_if_fail (license != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ts_license_client_refresh_async);

  /* Free features never ask the network: only a licence is refreshed. */
  claims = ts_license_get_claims (license);
  if (claims == NULL)
    {
      g_task_return_new_error (task, TS_LICENSE_REFRESH_ERROR, TS_LICENSE_REFRESH_ERROR_NO_LICENCE,
                               "%s", _("there is no Pro licence to refresh; activate one first"));
      return;
    }

  request = g_new0 (Request, 1);
  request->key = g_strdup (claims->key);
  request->id = g_strdup (claims->id);
  request->step = STEP_VALIDATE;
  request->refresh = g_new0 (TsLicenseRefresh, 1);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  send_request (g_steal_pointer (&task));
}

TsLicenseRefresh *
ts_license_client_refresh_finish (TsLicenseClient  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

TsLicenseClient *
ts_license_client_new (const char *base_url)
{
  return g_object_new (TS_TYPE_LICENSE_CLIENT,
                       "base-url", base_url != NULL ? base_url : TS_LICENSE_DEFAULT_SERVER,
                       NULL);
}

const char *
ts_license_client_get_base_url (TsLicenseClient *self)
{
  g_return_val_if_fail (TS_IS_LICENSE_CLIENT (self), NULL);

  return self->base_url;
}

void
ts_license_client_set_timeout (TsLicenseClient *self,
                               guint            seconds)
{
  g_return_if_fail (TS_IS_LICENSE_CLIENT (self));

  if (soup_session_get_timeout (self->session) == seconds)
    return;
  soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
ts_license_client_get_timeout (TsLicenseClient *self)
{
  g_return_val_if_fail (TS_IS_LICENSE_CLIENT (self), 0);

  return soup_session_get_timeout (self->session);
}

static void
ts_license_client_finalize (GObject *object)
{
  TsLicenseClient *self = TS_LICENSE_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  G_OBJECT_CLASS (ts_license_client_parent_class)->finalize (object);
}

static void
ts_license_client_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TsLicenseClient *self = TS_LICENSE_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, ts_license_client_get_timeout (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_license_client_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TsLicenseClient *self = TS_LICENSE_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      {
        const char *url = g_value_get_string (value);
        gsize length = url != NULL ? strlen (url) : 0;

        /* Paths are appended with their own slash. */
        while (length > 0 && url[length - 1] == '/')
          length--;
        g_free (self->base_url);
        self->base_url = url != NULL ? g_strndup (url, length) : g_strdup (TS_LICENSE_DEFAULT_SERVER);
      }
      break;
    case PROP_TIMEOUT:
      ts_license_client_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_license_client_class_init (TsLicenseClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ts_license_client_finalize;
  object_class->get_property = ts_license_client_get_property;
  object_class->set_property = ts_license_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, TS_LICENSE_DEFAULT_SERVER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, TS_LICENSE_DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ts_license_client_init (TsLicenseClient *self)
{
  self->session = soup_session_new_with_options ("timeout", TS_LICENSE_DEFAULT_TIMEOUT,
                                                 "user-agent", "Timestamps/" PACKAGE_VERSION,
                                                 NULL);
}
