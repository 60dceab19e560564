/* test-webdav.c - the WebDAV client against Apache httpd with mod_dav
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ts-webdav-client.h"
#include "ts-webdav-etag.h"
#include "ts-webdav-multistatus.h"
#include "ts-test-service.h"

static TsWebdavClient *
new_client (TsTestService *server,
            const char     *password)
{
  g_autoptr(GError) error = NULL;
  TsWebdavClient *client = ts_webdav_client_new (ts_test_service_get_url (server), TS_TEST_WEBDAV_USER,
                                                 password, &error);

  g_assert_no_error (error);
  return client;
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* The listing's ETag of name, or NULL. */
static char *
listed_etag (TsWebdavClient *client,
             const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = ts_webdav_client_list (client, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      TsWebdavEntry *entry = g_ptr_array_index (entries, i);

      if (strcmp (entry->name, name) == 0)
        {
          g_assert_false (entry->is_collection);
          return g_strdup (entry->etag);
        }
    }
  return NULL;
}

static void
assert_body (TsWebdavClient *client,
             const char     *name,
             const char     *expected,
             char          **etag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = ts_webdav_client_get (client, name, etag, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), expected, strlen (expected));
}

static void
test_etag_normalise (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "\"3-661b701ab11a8\"", "\"3-661b701ab11a8\"" },
    { "W/\"3-661b701ab11a8\"", "\"3-661b701ab11a8\"" },
    { "\"3-661b701ab11a8-gzip\"", "\"3-661b701ab11a8\"" },
    { "W/\"3-661b701ab11a8-gzip\"", "\"3-661b701ab11a8\"" },
    { "\"abc-br\"", "\"abc\"" },
    { "\"abc-deflate\"", "\"abc\"" },
    { " abc ", "\"abc\"" },
    { "\"-gzip\"", "\"-gzip\"" },
    { "\"\"", NULL },
    { "W/", NULL },
    { "\"a\"b\"", NULL },
    { "\"a\r\nIf-Match: *\"", NULL },
    { "\"a\x7f\"", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normal = ts_webdav_etag_normalise (cases[i].in);

      g_assert_cmpstr (normal, ==, cases[i].out);
    }
  g_assert_null (ts_webdav_etag_normalise (NULL));
}

static GPtrArray *
parse (const char  *xml,
       GError     **error)
{
  g_autoptr(GBytes) body = bytes_of (xml);

  return ts_webdav_multistatus_parse (body, "/dav/Time stamps/", error);
}

static void
test_multistatus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = parse (
    "<?xml version=\"1.0\"?><a:multistatus xmlns:a=\"DAV:\">"
    "<a:response><a:href>/dav/Time%20stamps</a:href><a:propstat><a:prop><a:resourcetype><a:collection/></a:resourcetype></a:prop>"
    "<a:status>HTTP/1.1 200 OK</a:status></a:propstat></a:response>"
    "<a:response><a:href>https://cloud.example.com/dav/Time%20stamps/%C3%BC%20x.json</a:href>"
    "<a:propstat><a:prop><a:getetag>W/\"1-2-gzip\"</a:getetag><a:resourcetype/></a:prop>"
    "<a:status>HTTP/1.1 200 OK</a:status></a:propstat></a:response>"
    "<a:response><a:href>/dav/Time%20stamps/old/</a:href>"
    "<a:propstat><a:prop><a:resourcetype><a:collection/></a:resourcetype></a:prop><a:status>HTTP/1.1 200 OK</a:status></a:propstat>"
    "<a:propstat><a:prop><a:getetag/></a:prop><a:status>HTTP/1.1 404 Not Found</a:status></a:propstat></a:response>"
    "</a:multistatus>", &error);
  TsWebdavEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->name, ==, "ü x.json");
  g_assert_cmpstr (entry->etag, ==, "\"1-2\"");
  g_assert_false (entry->is_collection);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->name, ==, "old");
  g_assert_null (entry->etag);
  g_assert_true (entry->is_collection);
}

static void
test_multistatus_hostile (void)
{
  static const char *const hostile[] = {
    "",
    "not xml at all",
    "<?xml version=\"1.0\"?><multistatus/>",
    "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
    "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/dav/Time%20stamps/&d;</d:href></d:response></d:multistatus>",
    "<?xml version=\"1.0\"?><!DOCTYPE m SYSTEM \"file:///etc/passwd\"><d:multistatus xmlns:d=\"DAV:\"/>",
    "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/elsewhere/x.json</d:href></d:response></d:multistatus>",
    "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/dav/Time%20stamps/a/b.json</d:href></d:response></d:multistatus>",
    "<d:multistatus xmlns:d=\"DAV:\"><d:response></d:response></d:multistatus>",
    "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/dav/Time%20stamps/a.json</d:href>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) entries = parse (hostile[i], &error);

      g_assert_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_INVALID_ANSWER);
      g_assert_null (entries);
      g_assert_nonnull (strstr (error->message, "folder listing"));
    }
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new ("<d:multistatus xmlns:d=\"DAV:\">");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<d:x>");
  entries = parse (xml->str, &error);
  g_assert_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_INVALID_ANSWER);
}

static void
test_insecure (void)
{
  static const char *const refused[] = {
    "http://cloud.example.com/dav/", "ftp://127.0.0.1/", "cloud.example.com/dav", "", "https://",
  };
  static const char *const accepted[] = {
    "https://cloud.example.com/remote.php/dav/files/dj/Timestamps", "http://127.0.0.1:8080/dav/",
    "http://localhost/", "http://[::1]:81/x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TsWebdavClient) client = ts_webdav_client_new (refused[i], "dj", "pw", &error);

      g_assert_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_INSECURE);
      g_assert_null (client);
    }
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TsWebdavClient) client = ts_webdav_client_new (accepted[i], "dj", "pw", &error);

      g_assert_no_error (error);
      g_assert_true (g_str_has_suffix (ts_webdav_client_get_url (client), "/"));
    }
}

/* Create, create again, update with the right and a stale ETag, delete. */
static void
check_conditional_requests (gboolean deflate)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (deflate);
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *got_etag = NULL;
  g_autofree char *new_etag = NULL;
  g_autoptr(GString) long_text = g_string_new ("{\"markers\": [");

  if (server == NULL)
    return;
  client = new_client (server, TS_TEST_WEBDAV_PASSWORD);
  entries = ts_webdav_client_list (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);

  /* Long enough for mod_deflate to compress it. */
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (long_text, "{\"title\": \"Track %u\"},", i);
  g_string_append (long_text, "{}]}");
  first = bytes_of (long_text->str);
  g_assert_true (ts_webdav_client_put (client, "a b.json", first, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ts_webdav_client_put (client, "a b.json", first, NULL, NULL, &error));
  g_assert_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_CONFLICT);
  g_clear_error (&error);

  ts_test_service_command_ok (server, "age");
  etag = listed_etag (client, "a b.json");
  g_assert_nonnull (etag);
  g_assert_false (g_str_has_prefix (etag, "W/"));
  assert_body (client, "a b.json", long_text->str, &got_etag);
  /* With mod_deflate the GET's ETag ends in -gzip; normalised, it is the listing's. */
  g_assert_cmpstr (got_etag, ==, etag);

  second = bytes_of ("{\"markers\": []}");
  g_assert_false (ts_webdav_client_put (client, "a b.json", second, "\"0-0\"", NULL, &error));
  g_assert_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (ts_webdav_client_put (client, "a b.json", second, etag, NULL, &error));
  g_assert_no_error (error);
  assert_body (client, "a b.json", "{\"markers\": []}", NULL);

  ts_test_service_command_ok (server, "age");
  new_etag = listed_etag (client, "a b.json");
  g_assert_cmpstr (new_etag, !=, etag);
  g_assert_false (ts_webdav_client_delete (client, "a b.json", etag, NULL, &error));
  g_assert_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (ts_webdav_client_delete (client, "a b.json", new_etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (listed_etag (client, "a b.json"));

  g_assert_null (ts_webdav_client_get (client, "a b.json", NULL, NULL, &error));
  g_assert_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_NOT_FOUND);
}

static void
test_conditional_requests (void)
{
  check_conditional_requests (FALSE);
}

static void
test_conditional_requests_deflate (void)
{
  check_conditional_requests (TRUE);
}

static void
test_wrong_password (void)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = bytes_of ("{}");

  if (server == NULL)
    return;
  client = new_client (server, "not the password");
  g_assert_null (ts_webdav_client_list (client, NULL, &error));
  g_assert_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "password"));
  g_assert_false (ts_webdav_error_is_retryable (error));
  g_clear_error (&error);
  g_assert_false (ts_webdav_client_put (client, "x.json", body, NULL, NULL, &error));
  g_assert_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_CREDENTIALS);
  g_clear_error (&error);

  g_clear_object (&client);
  client = new_client (server, TS_TEST_WEBDAV_PASSWORD);
  g_assert_null (listed_etag (client, "x.json"));
}

static void
test_unreachable (void)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  if (server == NULL)
    return;
  client = new_client (server, TS_TEST_WEBDAV_PASSWORD);
  ts_test_service_command_ok (server, "stop");
  g_assert_null (ts_webdav_client_list (client, NULL, &error));
  g_assert_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, ts_test_service_get_url (server)));
  g_assert_true (ts_webdav_error_is_retryable (error));
  g_clear_error (&error);

  ts_test_service_command_ok (server, "start");
  entries = ts_webdav_client_list (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (void)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = bytes_of ("{\"a\": 1}");
  g_autoptr(GBytes) got = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *etag = NULL;
  GAsyncResult *result = NULL;

  if (server == NULL)
    return;
  client = new_client (server, TS_TEST_WEBDAV_PASSWORD);

  ts_webdav_client_put_async (client, "a.json", body, NULL, NULL, got_result, &result);
  g_assert_true (ts_webdav_client_put_finish (client, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  ts_webdav_client_list_async (client, NULL, got_result, &result);
  entries = ts_webdav_client_list_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_object (&result);

  ts_webdav_client_get_async (client, "a.json", NULL, got_result, &result);
  got = ts_webdav_client_get_finish (client, wait_result (&result), &etag, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (got, body));
  g_assert_cmpstr (etag, ==, ((TsWebdavEntry *) g_ptr_array_index (entries, 0))->etag);
  g_clear_object (&result);

  g_cancellable_cancel (cancellable);
  ts_webdav_client_delete_async (client, "a.json", etag, cancellable, got_result, &result);
  g_assert_false (ts_webdav_client_delete_finish (client, wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
}

/* The number after name in the proxy's "counts" line. */
static guint
count_of (const char *counts,
          const char *name)
{
  g_auto(GStrv) words = g_strsplit (counts, " ", -1);

  for (guint i = 0; words[i] != NULL && words[i + 1] != NULL; i += 2)
    if (strcmp (words[i], name) == 0)
      return (guint) g_ascii_strtoull (words[i + 1], NULL, 10);
  g_assert_not_reached ();
}

/* Every fault the proxy injects is a retryable error, never a wrong
 * listing; with the faults off, every request works. */
static void
test_faults (void)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(TsTestService) proxy = NULL;
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = bytes_of ("{\"a\": 1}");
  g_autofree char *counts = NULL;
  guint failures = 0;

  if (server == NULL)
    return;
  client = new_client (server, TS_TEST_WEBDAV_PASSWORD);
  g_assert_true (ts_webdav_client_put (client, "a.json", body, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&client);

  proxy = ts_test_fault_proxy_new (ts_test_service_get_port (server), 7, 0.5);
  client = new_client (proxy, TS_TEST_WEBDAV_PASSWORD);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GPtrArray) entries = ts_webdav_client_list (client, NULL, &error);

      if (entries == NULL)
        {
          g_assert_true (ts_webdav_error_is_retryable (error));
          g_clear_error (&error);
          failures++;
          continue;
        }
      g_assert_cmpuint (entries->len, ==, 1);
      g_assert_cmpstr (((TsWebdavEntry *) g_ptr_array_index (entries, 0))->name, ==, "a.json");
    }
  counts = ts_test_service_command (proxy, "counts");
  g_test_message ("fault proxy, seed 7: %s", counts);
  g_assert_cmpuint (count_of (counts, "requests"), ==, 40);
  g_assert_cmpuint (failures, ==, count_of (counts, "faults") - count_of (counts, "delay"));
  g_assert_cmpuint (failures, >, 0);

  ts_test_service_command_ok (proxy, "off");
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GPtrArray) entries = ts_webdav_client_list (client, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, 1);
    }
}

/* A full or locked server, and a server error: clear, retryable errors. */
static void
test_retryable_statuses (void)
{
  static const struct { const char *status; TsWebdavError code; const char *words; } cases[] = {
    { "status 507", TS_WEBDAV_ERROR_QUOTA, "full" },
    { "status 423", TS_WEBDAV_ERROR_LOCKED, "locked" },
    { "status 503", TS_WEBDAV_ERROR_SERVER, "HTTP 503" },
  };
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(TsTestService) proxy = NULL;
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(GBytes) body = bytes_of ("{}");

  if (server == NULL)
    return;
  proxy = ts_test_fault_proxy_new (ts_test_service_get_port (server), 1, 0.0);
  client = new_client (proxy, TS_TEST_WEBDAV_PASSWORD);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      ts_test_service_command_ok (proxy, cases[i].status);
      g_assert_false (ts_webdav_client_put (client, "a.json", body, NULL, NULL, &error));
      g_assert_error (error, TS_WEBDAV_ERROR, (gint) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].words));
      g_assert_true (ts_webdav_error_is_retryable (error));
      g_clear_error (&error);
      /* Nothing reached the server. */
      g_assert_null (listed_etag (client, "a.json"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/webdav/etag-normalise", test_etag_normalise);
  g_test_add_func ("/webdav/multistatus", test_multistatus);
  g_test_add_func ("/webdav/multistatus-hostile", test_multistatus_hostile);
  g_test_add_func ("/webdav/deep-nesting", test_deep_nesting);
  g_test_add_func ("/webdav/insecure", test_insecure);
  g_test_add_func ("/webdav/conditional-requests", test_conditional_requests);
  g_test_add_func ("/webdav/conditional-requests-deflate", test_conditional_requests_deflate);
  g_test_add_func ("/webdav/wrong-password", test_wrong_password);
  g_test_add_func ("/webdav/unreachable", test_unreachable);
  g_test_add_func ("/webdav/async", test_async);
  g_test_add_func ("/webdav/faults", test_faults);
  g_test_add_func ("/webdav/retryable-statuses", test_retryable_statuses);

  return g_test_run ();
}
