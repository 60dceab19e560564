/* test-sync.c - the sync engine between two libraries and Apache httpd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two library folders act as two computers; each syncs with the same
 * WebDAV folder of a private Apache (tests/webdav/apache-server.py),
 * directly or through the fault proxy (tests/webdav/fault-proxy.py).
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ts-library.h"
#include "ts-sync-engine.h"
#include "ts-sync-merge.h"
#include "ts-sync-state.h"
#include "ts-sync-status.h"
#include "ts-test-files.h"
#include "ts-test-service.h"

#define N_MARKERS 4

typedef struct {
  char      *root;
  TsLibrary *a;
  TsLibrary *b;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  fixture->root = g_dir_make_tmp ("ts-sync-XXXXXX", &error);
  g_assert_no_error (error);
  a = g_build_filename (fixture->root, "a", "timestamps", "library", NULL);
  b = g_build_filename (fixture->root, "b", "timestamps", "library", NULL);
  fixture->a = ts_library_new (a);
  fixture->b = ts_library_new (b);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->a);
  g_clear_object (&fixture->b);
  ts_test_remove_tree (fixture->root);
  g_free (fixture->root);
}

static TsWebdavClient *
new_client (TsTestService *server,
            const char    *password)
{
  g_autoptr(GError) error = NULL;
  TsWebdavClient *client = ts_webdav_client_new (ts_test_service_get_url (server), TS_TEST_WEBDAV_USER,
                                                 password, &error);

  g_assert_no_error (error);
  return client;
}

static TsSyncReport *
sync_ok (TsLibrary      *library,
         TsWebdavClient *client)
{
  g_autoptr(GError) error = NULL;
  TsSyncReport *report = ts_sync_report_new ();

  g_assert_true (ts_sync_run (library, client, report, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_test_message ("problem: %s", ((GError *) g_ptr_array_index (report->problems, i))->message);
  g_assert_cmpuint (report->problems->len, ==, 0);
  return report;
}

static guint
n_actions (TsSyncReport *report)
{
  return report->actions->len;
}

static TsLibraryDocument *
new_document (const char *name)
{
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_CUE);

  g_free (tracklist->file);
  tracklist->file = g_strdup (name);
  for (guint i = 0; i < N_MARKERS; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s track %u", name, i + 1);

      ts_tracklist_add (tracklist, 180.0 * i, 0.0, title);
    }
  return ts_library_document_new (tracklist);
}

/* A new document in library; returns its id. */
static char *
add_document (TsLibrary  *library,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsLibraryDocument) document = new_document (name);

  g_assert_true (ts_library_save (library, document, &error));
  g_assert_no_error (error);
  return g_strdup (document->id);
}

static TsLibraryDocument *
load (TsLibrary  *library,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  TsLibraryDocument *document = ts_library_load (library, id, &error);

  g_assert_no_error (error);
  return document;
}

static char *
key_of (const TsLibraryDocument *document,
        guint                    index)
{
  g_autoptr(GPtrArray) keys = ts_library_document_get_keys (document);

  g_assert_cmpuint (index, <, keys->len);
  return g_strdup (g_ptr_array_index (keys, index));
}

static void
rename_marker (TsLibrary  *library,
               const char *id,
               guint       index,
               const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsLibraryDocument) document = load (library, id);
  g_autofree char *key = key_of (document, index);

  ts_edits_set_title (document->edits, key, title);
  g_assert_true (ts_library_save (library, document, &error));
  g_assert_no_error (error);
}

static void
set_hidden (TsLibrary  *library,
            const char *id,
            guint       index,
            gboolean    hidden)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsLibraryDocument) document = load (library, id);
  g_autofree char *key = key_of (document, index);

  ts_edits_set_hidden (document->edits, key, hidden);
  g_assert_true (ts_library_save (library, document, &error));
  g_assert_no_error (error);
}

static void
delete_document (TsLibrary  *library,
                 const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsLibraryDocument) document = load (library, id);

  g_assert_true (ts_library_delete (library, document, &error));
  g_assert_no_error (error);
}

static void
undelete_document (TsLibrary  *library,
                   const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsLibraryDocument) document = load (library, id);

  document->deleted = FALSE;
  g_assert_true (ts_library_save (library, document, &error));
  g_assert_no_error (error);
}

static const char *
title_in (const TsLibraryDocument *document,
          guint                    index)
{
  g_autofree char *key = key_of (document, index);

  return ts_edits_get_title (document->edits, key);
}

static gboolean
is_hidden (const TsLibraryDocument *document,
           guint                    index)
{
  g_autofree char *key = key_of (document, index);

  return ts_edits_get_hidden (document->edits, key);
}

static char *
title_of (TsLibrary  *library,
          const char *id,
          guint       index)
{
  g_autoptr(TsLibraryDocument) document = load (library, id);

  return g_strdup (title_in (document, index));
}

/* id → hash of every document, tombstones included. */
static GHashTable *
hashes_of (TsLibrary *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = ts_library_list (library, NULL, &error);
  GHashTable *hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      TsLibraryDocument *document = g_ptr_array_index (documents, i);

      g_hash_table_insert (hashes, g_strdup (document->id), ts_library_document_compute_hash (document));
    }
  return hashes;
}

static void
assert_same_libraries (TsLibrary *a,
                       TsLibrary *b)
{
  g_autoptr(GHashTable) hashes_a = hashes_of (a);
  g_autoptr(GHashTable) hashes_b = hashes_of (b);
  GHashTableIter iter;
  gpointer id;
  gpointer hash;

  g_assert_cmpuint (g_hash_table_size (hashes_a), ==, g_hash_table_size (hashes_b));
  g_hash_table_iter_init (&iter, hashes_a);
  while (g_hash_table_iter_next (&iter, &id, &hash))
    g_assert_cmpstr (g_hash_table_lookup (hashes_b, id), ==, hash);
}

static guint
n_documents (TsLibrary *library)
{
  g_autoptr(GHashTable) hashes = hashes_of (library);

  return g_hash_table_size (hashes);
}

/* Syncs a, b, a, b… until a round does nothing, as two computers left
 * running would; fails if that takes more than three rounds. */
static void
settle (TsLibrary      *a,
        TsWebdavClient *client_a,
        TsLibrary      *b,
        TsWebdavClient *client_b)
{
  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(TsSyncReport) report_a = sync_ok (a, client_a);
      g_autoptr(TsSyncReport) report_b = sync_ok (b, client_b);

      if (n_actions (report_a) == 0 && n_actions (report_b) == 0)
        {
          assert_same_libraries (a, b);
          return;
        }
    }
  g_assert_not_reached ();
}

/* --- the merge alone --- */

static void
test_merge (void)
{
  g_autoptr(TsLibraryDocument) base = new_document ("set.als");
  g_autoptr(TsLibraryDocument) local = NULL;
  g_autoptr(TsLibraryDocument) remote = NULL;
  g_autoptr(TsLibraryDocument) merged = NULL;
  g_autofree char *key0 = key_of (base, 0);
  g_autofree char *key1 = key_of (base, 1);
  g_autofree char *key2 = key_of (base, 2);
  gboolean conflicted;

  ts_edits_set_title (base->edits, key2, "old");
  local = ts_library_document_copy (base);
  remote = ts_library_document_copy (base);
  ts_edits_set_title (local->edits, key0, "local title");
  ts_edits_set_hidden (remote->edits, key1, TRUE);
  ts_edits_set_title (remote->edits, key2, NULL);
  remote->time_format.milliseconds = !base->time_format.milliseconds;
  g_free (local->template_);
  local->template_ = g_strdup ("{title} at {time}");

  merged = ts_sync_merge (base, local, remote, &conflicted);
  g_assert_false (conflicted);
  g_assert_cmpstr (merged->id, ==, local->id);
  g_assert_cmpstr (ts_edits_get_title (merged->edits, key0), ==, "local title");
  g_assert_true (ts_edits_get_hidden (merged->edits, key1));
  g_assert_null (ts_edits_get_title (merged->edits, key2));
  g_assert_cmpint (merged->time_format.milliseconds, ==, remote->time_format.milliseconds);
  g_assert_cmpstr (merged->template_, ==, "{title} at {time}");
  g_assert_false (merged->deleted);
  g_clear_pointer (&merged, ts_library_document_free);

  /* The same field changed on both sides: remote's kept, flagged. */
  ts_edits_set_title (remote->edits, key0, "remote title");
  merged = ts_sync_merge (base, local, remote, &conflicted);
  g_assert_true (conflicted);
  g_assert_cmpstr (ts_edits_get_title (merged->edits, key0), ==, "remote title");
  g_clear_pointer (&merged, ts_library_document_free);

  /* The same change on both sides is no conflict. */
  ts_edits_set_title (remote->edits, key0, "local title");
  merged = ts_sync_merge (base, local, remote, &conflicted);
  g_assert_false (conflicted);
  g_clear_pointer (&merged, ts_library_document_free);

  /* Deleted there, edited here: kept. Deleted there, untouched here: deleted. */
  remote->deleted = TRUE;
  merged = ts_sync_merge (base, local, remote, &conflicted);
  g_assert_false (merged->deleted);
  g_clear_pointer (&merged, ts_library_document_free);
  merged = ts_sync_merge (base, base, remote, &conflicted);
  g_assert_false (conflicted);
  g_assert_true (merged->deleted);
  g_clear_pointer (&merged, ts_library_document_free);

  /* Without a base every difference conflicts. */
  merged = ts_sync_merge (NULL, local, remote, &conflicted);
  g_assert_true (conflicted);
  g_assert_false (merged->deleted);
}

/* --- against Apache --- */

static void
test_first_and_incremental (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(TsSyncReport) report = NULL;
  g_autofree char *first = NULL;
  g_autofree char *title = NULL;

  if (server == NULL)
    return;
  client = new_client (server, TS_TEST_WEBDAV_PASSWORD);
  first = add_document (fixture->a, "one.als");
  g_free (add_document (fixture->a, "two.als"));
  g_free (add_document (fixture->a, "three.flp"));

  report = sync_ok (fixture->a, client);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_UPLOADED), ==, 3);
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (fixture->b, client);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_DOWNLOADED), ==, 3);
  assert_same_libraries (fixture->a, fixture->b);
  g_clear_pointer (&report, ts_sync_report_free);

  /* Nothing changed: nothing done. */
  report = sync_ok (fixture->a, client);
  g_assert_cmpuint (n_actions (report), ==, 0);
  g_assert_cmpuint (report->unchanged, ==, 3);
  g_clear_pointer (&report, ts_sync_report_free);

  rename_marker (fixture->a, first, 1, "Renamed on A");
  report = sync_ok (fixture->a, client);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_UPLOADED), ==, 1);
  g_assert_cmpuint (report->unchanged, ==, 2);
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (fixture->b, client);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_DOWNLOADED), ==, 1);
  title = title_of (fixture->b, first, 1);
  g_assert_cmpstr (title, ==, "Renamed on A");
  assert_same_libraries (fixture->a, fixture->b);
}

static void
test_propagation (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(TsLibraryDocument) hidden = NULL;
  g_autoptr(TsLibraryDocument) deleted = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *three = NULL;
  g_autofree char *title = NULL;

  if (server == NULL)
    return;
  client = new_client (server, TS_TEST_WEBDAV_PASSWORD);
  one = add_document (fixture->a, "one.als");
  two = add_document (fixture->a, "two.als");
  three = add_document (fixture->a, "three.als");
  settle (fixture->a, client, fixture->b, client);

  rename_marker (fixture->a, one, 0, "Opening");
  set_hidden (fixture->a, two, 2, TRUE);
  delete_document (fixture->a, three);
  settle (fixture->a, client, fixture->b, client);

  title = title_of (fixture->b, one, 0);
  g_assert_cmpstr (title, ==, "Opening");
  hidden = load (fixture->b, two);
  g_assert_true (is_hidden (hidden, 2));
  deleted = load (fixture->b, three);
  g_assert_true (deleted->deleted);

  /* And back the other way: B brings the deleted one back. */
  undelete_document (fixture->b, three);
  settle (fixture->b, client, fixture->a, client);
  g_clear_pointer (&deleted, ts_library_document_free);
  deleted = load (fixture->a, three);
  g_assert_false (deleted->deleted);
}

static void
test_edits_on_both (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (GPOINTER_TO_INT (data));
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(TsSyncReport) report = NULL;
  g_autoptr(TsLibraryDocument) merged = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *title = NULL;

  if (server == NULL)
    return;
  client = new_client (server, TS_TEST_WEBDAV_PASSWORD);
  one = add_document (fixture->a, "one.als");
  two = add_document (fixture->a, "two.als");
  settle (fixture->a, client, fixture->b, client);

  /* Different documents, and different fields of the same one. */
  rename_marker (fixture->a, one, 0, "A renamed");
  set_hidden (fixture->b, one, 3, TRUE);
  rename_marker (fixture->b, two, 1, "B renamed");
  report = sync_ok (fixture->a, client);
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (fixture->b, client);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_MERGED), ==, 1);
  g_assert_cmpuint (report->conflicts, ==, 0);
  g_clear_pointer (&report, ts_sync_report_free);
  settle (fixture->a, client, fixture->b, client);
  merged = load (fixture->a, one);
  g_assert_cmpstr (title_in (merged, 0), ==, "A renamed");
  g_assert_true (is_hidden (merged, 3));
  title = title_of (fixture->a, two, 1);
  g_assert_cmpstr (title, ==, "B renamed");
  g_assert_cmpuint (n_documents (fixture->a), ==, 2);
}

static void
test_same_field (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (GPOINTER_TO_INT (data));
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(TsSyncReport) report = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *one = NULL;
  g_autofree char *copy = NULL;
  gboolean seen_a = FALSE;
  gboolean seen_b = FALSE;

  if (server == NULL)
    return;
  client = new_client (server, TS_TEST_WEBDAV_PASSWORD);
  one = add_document (fixture->a, "one.als");
  settle (fixture->a, client, fixture->b, client);

  rename_marker (fixture->a, one, 2, "Title from A");
  rename_marker (fixture->b, one, 2, "Title from B");
  report = sync_ok (fixture->a, client);
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (fixture->b, client);
  g_assert_cmpuint (report->conflicts, ==, 1);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_CONFLICTED_COPY), ==, 1);
  g_clear_pointer (&report, ts_sync_report_free);
  settle (fixture->a, client, fixture->b, client);

  /* Both titles are kept, one in the document, one in its copy. */
  g_assert_cmpuint (n_documents (fixture->a), ==, 2);
  documents = ts_library_list (fixture->a, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      TsLibraryDocument *document = g_ptr_array_index (documents, i);

      seen_a |= g_strcmp0 (title_in (document, 2), "Title from A") == 0;
      seen_b |= g_strcmp0 (title_in (document, 2), "Title from B") == 0;
      if (strcmp (document->id, one) != 0)
        g_assert_true (g_str_has_suffix (document->tracklist->file, "(conflicted copy)"));
    }
  g_assert_true (seen_a && seen_b);
}

static void
test_delete_and_edit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(TsLibraryDocument) kept = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;

  if (server == NULL)
    return;
  client = new_client (server, TS_TEST_WEBDAV_PASSWORD);
  one = add_document (fixture->a, "one.als");
  two = add_document (fixture->a, "two.als");
  settle (fixture->a, client, fixture->b, client);

  /* The deletion reaches the server first, then the edit. */
  delete_document (fixture->a, one);
  rename_marker (fixture->b, one, 1, "Edited on B");
  /* The edit reaches the server first, then the deletion. */
  rename_marker (fixture->a, two, 1, "Edited on A");
  delete_document (fixture->b, two);
  settle (fixture->a, client, fixture->b, client);

  kept = load (fixture->a, one);
  g_assert_false (kept->deleted);
  g_assert_cmpstr (title_in (kept, 1), ==, "Edited on B");
  g_clear_pointer (&kept, ts_library_document_free);
  kept = load (fixture->b, two);
  g_assert_false (kept->deleted);
  g_assert_cmpstr (title_in (kept, 1), ==, "Edited on A");
  g_assert_cmpuint (n_documents (fixture->a), ==, 2);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(TsWebdavClient) wrong = NULL;
  g_autoptr(TsSyncReport) report = ts_sync_report_new ();
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *one = NULL;

  if (server == NULL)
    return;
  client = new_client (server, TS_TEST_WEBDAV_PASSWORD);
  wrong = new_client (server, "not the password");
  one = add_document (fixture->a, "one.als");
  before = hashes_of (fixture->a);

  g_assert_false (ts_sync_run (fixture->a, wrong, report, NULL, &error));
  g_assert_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "password"));
  g_assert_cmpuint (n_actions (report), ==, 0);
  after = hashes_of (fixture->a);
  g_assert_cmpuint (g_hash_table_size (after), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (after, one), ==, g_hash_table_lookup (before, one));
  g_clear_error (&error);
  entries = ts_webdav_client_list (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
}

/* The server goes away after some requests of a sync, and comes back. */
static void
test_server_stops (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(TsTestService) proxy = NULL;
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(TsWebdavClient) direct = NULL;
  g_autoptr(TsSyncReport) report = ts_sync_report_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  if (server == NULL)
    return;
  proxy = ts_test_fault_proxy_new (ts_test_service_get_port (server), 1, 0.0);
  client = new_client (proxy, TS_TEST_WEBDAV_PASSWORD);
  direct = new_client (server, TS_TEST_WEBDAV_PASSWORD);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("set %u.als", i);

      g_free (add_document (fixture->a, name));
    }

  /* A listing and some of the PUTs and read-backs get through. */
  ts_test_service_command_ok (proxy, "down-after 7");
  g_assert_false (ts_sync_run (fixture->a, client, report, NULL, &error));
  g_assert_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_UNREACHABLE);
  g_clear_error (&error);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_UPLOADED), >, 0);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_UPLOADED), <, 8);

  /* Apache itself stopped and started again. */
  ts_test_service_command_ok (proxy, "off");
  ts_test_service_command_ok (server, "stop");
  g_clear_pointer (&report, ts_sync_report_free);
  report = ts_sync_report_new ();
  g_assert_false (ts_sync_run (fixture->a, client, report, NULL, &error));
  g_assert_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_UNREACHABLE);
  g_clear_error (&error);
  ts_test_service_command_ok (server, "start");

  settle (fixture->a, client, fixture->b, direct);
  entries = ts_webdav_client_list (direct, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 8);
  g_assert_cmpuint (n_documents (fixture->a), ==, 8);
  g_assert_cmpuint (n_documents (fixture->b), ==, 8);
}

/* The folder emptied behind sync's back (a wiped server, a wrong folder
 * restored): nothing is deleted here, everything goes up again. */
static void
test_server_emptied (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(TsSyncReport) report = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer id;
  gpointer hash;

  if (server == NULL)
    return;
  client = new_client (server, TS_TEST_WEBDAV_PASSWORD);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("set %u.als", i);

      g_free (add_document (fixture->a, name));
    }
  settle (fixture->a, client, fixture->b, client);
  before = hashes_of (fixture->a);

  ts_test_service_command_ok (server, "age");
  entries = ts_webdav_client_list (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  for (guint i = 0; i < entries->len; i++)
    {
      TsWebdavEntry *entry = g_ptr_array_index (entries, i);

      g_assert_true (ts_webdav_client_delete (client, entry->name, entry->etag, NULL, &error));
      g_assert_no_error (error);
    }

  report = sync_ok (fixture->b, client);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_UPLOADED), ==, 3);
  g_assert_cmpuint (n_documents (fixture->b), ==, 3);
  settle (fixture->a, client, fixture->b, client);
  after = hashes_of (fixture->a);
  g_assert_cmpuint (g_hash_table_size (after), ==, 3);
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &id, &hash))
    g_assert_cmpstr (g_hash_table_lookup (after, id), ==, hash);
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

/* A full server once, then not: one retry, and the sync goes through,
 * in a worker thread while this one waits on its main context. */
static void
test_quota_then_async (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(TsTestService) proxy = NULL;
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(TsSyncReport) report = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (server == NULL)
    return;
  proxy = ts_test_fault_proxy_new (ts_test_service_get_port (server), 1, 0.0);
  client = new_client (proxy, TS_TEST_WEBDAV_PASSWORD);
  id = add_document (fixture->a, "one.als");

  ts_test_service_command_ok (proxy, "status 507");
  ts_sync_run_async (fixture->a, client, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  report = ts_sync_run_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->retries, ==, 1);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_UPLOADED), ==, 1);
  g_assert_cmpstr (((TsSyncAction *) g_ptr_array_index (report->actions, 0))->id, ==, id);
}

/* --- what each document's status says, and purging tombstones --- */

static TsSyncState *
state_of (TsLibrary      *library,
          TsWebdavClient *client)
{
  return ts_sync_state_load (ts_library_get_sync_directory (library), ts_webdav_client_get_url (client));
}

static TsSyncStatus
status_of (TsLibrary      *library,
           TsWebdavClient *client,
           const char     *id,
           const char    **detail_out)
{
  g_autoptr(TsSyncState) state = state_of (library, client);
  g_autoptr(TsLibraryDocument) document = load (library, id);
  const char *detail;
  TsSyncStatus status = ts_sync_status_of (library, state, document, &detail);

  /* The state's strings live as long as the state: the test keeps a copy. */
  if (detail_out != NULL)
    *detail_out = g_intern_string (detail);
  return status;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static guint
n_on_server (TsWebdavClient *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = ts_webdav_client_list (client, NULL, &error);

  g_assert_no_error (error);
  return entries->len;
}

/* Pending is the document against its base, which outlives the program
 * and a sync cut off after its PUT; a conflicted copy and a document the
 * server holds damaged say so. */
static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(TsSyncReport) report = NULL;
  g_autoptr(TsLibrary) restarted = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a tracklist", 15);
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *name = NULL;
  g_autofree char *base_path = NULL;
  g_autofree char *state_path = NULL;
  g_autofree char *old_base = NULL;
  g_autofree char *old_state = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GBytes) body = NULL;
  const char *detail;

  if (server == NULL)
    return;
  client = new_client (server, TS_TEST_WEBDAV_PASSWORD);
  one = add_document (fixture->a, "one.als");
  g_assert_cmpint (status_of (fixture->a, client, one, NULL), ==, TS_SYNC_STATUS_PENDING);
  report = sync_ok (fixture->a, client);
  g_assert_cmpint (status_of (fixture->a, client, one, &detail), ==, TS_SYNC_STATUS_SYNCED);
  g_assert_null (detail);

  /* An edit is pending, also for the next program that opens the library. */
  rename_marker (fixture->a, one, 1, "Renamed");
  restarted = ts_library_new (ts_library_get_directory (fixture->a));
  g_assert_cmpint (status_of (restarted, client, one, NULL), ==, TS_SYNC_STATUS_PENDING);

  /* The PUT lands, then the program stops before it records that: the
   * next sync finds the server's copy equal, and uploads nothing twice. */
  base_path = g_strdup_printf ("%s/base/%s.json", ts_library_get_sync_directory (fixture->a), one);
  state_path = g_build_filename (ts_library_get_sync_directory (fixture->a), "state.json", NULL);
  old_base = read_file (base_path);
  old_state = read_file (state_path);
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (restarted, client);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_UPLOADED), ==, 1);
  write_file (base_path, old_base);
  write_file (state_path, old_state);
  g_assert_cmpint (status_of (restarted, client, one, NULL), ==, TS_SYNC_STATUS_PENDING);
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (restarted, client);
  g_assert_cmpuint (n_actions (report), ==, 0);
  g_assert_cmpuint (report->unchanged, ==, 1);
  g_assert_cmpuint (n_on_server (client), ==, 1);
  g_assert_cmpint (status_of (restarted, client, one, NULL), ==, TS_SYNC_STATUS_SYNCED);

  /* Both change the same title: B's version becomes a conflicted copy. */
  settle (fixture->a, client, fixture->b, client);
  rename_marker (fixture->a, one, 2, "Title from A");
  rename_marker (fixture->b, one, 2, "Title from B");
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (fixture->a, client);
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (fixture->b, client);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_CONFLICTED_COPY), ==, 1);
  for (guint i = 0; i < report->actions->len; i++)
    {
      TsSyncAction *action = g_ptr_array_index (report->actions, i);

      if (action->kind == TS_SYNC_ACTION_CONFLICTED_COPY)
        copy = g_strdup (action->id);
    }
  g_assert_cmpint (status_of (fixture->b, client, copy, &detail), ==, TS_SYNC_STATUS_CONFLICTED_COPY);
  g_assert_cmpstr (detail, ==, one);
  g_assert_cmpint (status_of (fixture->b, client, one, NULL), ==, TS_SYNC_STATUS_SYNCED);

  /* The server's copy of a document edited here cannot be read: that
   * document failed, with the reason, until the server is put right. */
  two = add_document (fixture->a, "two.als");
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (fixture->a, client);
  name = g_strconcat (two, ".json", NULL);
  ts_test_service_command_ok (server, "age");
  body = ts_webdav_client_get (client, name, &etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ts_webdav_client_put (client, name, garbage, etag, NULL, &error));
  g_assert_no_error (error);
  rename_marker (fixture->a, two, 1, "Renamed two");
  g_clear_pointer (&report, ts_sync_report_free);
  report = ts_sync_report_new ();
  g_assert_true (ts_sync_run (fixture->a, client, report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_cmpint (status_of (fixture->a, client, two, &detail), ==, TS_SYNC_STATUS_FAILED);
  g_assert_nonnull (strstr (detail, name));
  g_assert_cmpint (status_of (fixture->a, client, one, NULL), ==, TS_SYNC_STATUS_SYNCED);

  g_clear_pointer (&etag, g_free);
  g_clear_pointer (&body, g_bytes_unref);
  ts_test_service_command_ok (server, "age");
  body = ts_webdav_client_get (client, name, &etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ts_webdav_client_delete (client, name, etag, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (fixture->a, client);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_UPLOADED), ==, 1);
  g_assert_cmpint (status_of (fixture->a, client, two, &detail), ==, TS_SYNC_STATUS_SYNCED);
  g_assert_null (detail);
}

/* Makes the tombstone id look synced days ago, as a month of waiting would. */
static void
age_tombstone (TsLibrary      *library,
               TsWebdavClient *client,
               const char     *id,
               gint64          days)
{
  g_autoptr(TsSyncState) state = state_of (library, client);
  g_autoptr(GError) error = NULL;
  gint64 since = ts_sync_state_get_tombstone_since (state, id);

  g_assert_cmpint (since, >, 0);
  ts_sync_state_set_tombstone_since (state, id, since - days * 24 * 60 * 60);
  g_assert_true (ts_sync_state_save (state, &error));
  g_assert_no_error (error);
}

static gboolean
has_document (TsLibrary  *library,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsLibraryDocument) document = ts_library_load (library, id, &error);

  if (document == NULL)
    g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_NOT_FOUND);
  return document != NULL;
}

static gboolean
has_base (TsLibrary  *library,
          const char *id)
{
  g_autoptr(TsLibraryDocument) base = ts_library_load_base (library, id, NULL);

  return base != NULL;
}

/* A tombstone goes 30 days after it was synced, from the server and from
 * every computer; one that comes back later with the document re-adds it. */
static void
test_tombstone_purge (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(TsSyncReport) report = NULL;
  g_autoptr(TsLibrary) c = NULL;
  g_autofree char *c_path = g_build_filename (fixture->root, "c", "timestamps", "library", NULL);
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *three = NULL;

  if (server == NULL)
    return;
  client = new_client (server, TS_TEST_WEBDAV_PASSWORD);
  c = ts_library_new (c_path);
  one = add_document (fixture->a, "one.als");
  two = add_document (fixture->a, "two.als");
  three = add_document (fixture->a, "three.als");
  settle (fixture->a, client, fixture->b, client);
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (c, client);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_DOWNLOADED), ==, 3);

  delete_document (fixture->a, one);
  delete_document (fixture->a, two);
  settle (fixture->a, client, fixture->b, client);

  /* 29 days: kept. */
  age_tombstone (fixture->a, client, one, 29);
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (fixture->a, client);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_PURGED), ==, 0);
  g_assert_true (has_document (fixture->a, one));

  /* 31 days: gone from the server and A, then from B, which finds it
   * gone; nothing comes back between the two. */
  age_tombstone (fixture->a, client, one, 2);
  /* B edited two after A deleted it; A's old tombstone is not purged
   * over that edit, which wins as ever. */
  age_tombstone (fixture->a, client, two, 31);
  undelete_document (fixture->b, two);
  rename_marker (fixture->b, two, 1, "Kept by B");
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (fixture->b, client);
  /* Files a month old have strong ETags, which If-Match needs; aging
   * them gives them new ones, which A learns first. */
  ts_test_service_command_ok (server, "age");
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (fixture->a, client);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_PURGED), ==, 0);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_DOWNLOADED), ==, 1);
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (fixture->a, client);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_PURGED), ==, 1);
  g_assert_cmpstr (((TsSyncAction *) g_ptr_array_index (report->actions, 0))->id, ==, one);
  g_assert_false (has_document (fixture->a, one));
  g_assert_false (has_base (fixture->a, one));
  g_assert_cmpuint (n_on_server (client), ==, 2);
  g_assert_true (has_document (fixture->a, two));
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (fixture->b, client);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_PURGED), ==, 1);
  g_assert_false (has_document (fixture->b, one));
  g_assert_false (has_base (fixture->b, one));
  settle (fixture->a, client, fixture->b, client);
  g_assert_false (has_document (fixture->a, one));
  g_assert_cmpuint (n_on_server (client), ==, 2);
  g_assert_cmpuint (n_documents (fixture->a), ==, 2);

  /* C slept through the month with one unchanged: to C it is a document
   * the server lacks, so it goes up again, as README says. */
  g_clear_pointer (&report, ts_sync_report_free);
  report = sync_ok (c, client);
  g_assert_cmpuint (ts_sync_report_count (report, TS_SYNC_ACTION_UPLOADED), ==, 1);
  g_assert_cmpuint (n_on_server (client), ==, 3);
  settle (fixture->a, client, fixture->b, client);
  g_assert_true (has_document (fixture->a, one));
}

/* --- the soak --- */

typedef struct {
  char  *id;
  guint  index;
  char  *title;
} Rename;

static void
rename_free (Rename *rename)
{
  g_free (rename->id);
  g_free (rename->title);
  g_free (rename);
}

/* A document of library picked at random, alive or deleted as asked;
 * NULL when there is none. */
static TsLibraryDocument *
pick_document (TsLibrary *library,
               GRand     *rand,
               gboolean   deleted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = ts_library_list (library, NULL, &error);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      TsLibraryDocument *document = g_ptr_array_index (documents, i);

      if (document->deleted == deleted)
        g_ptr_array_add (candidates, document);
    }
  if (candidates->len == 0)
    return NULL;
  return ts_library_document_copy (g_ptr_array_index (candidates, g_rand_int_range (rand, 0, candidates->len)));
}

static gboolean
library_has_title (TsLibrary  *library,
                   guint       index,
                   const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = ts_library_list (library, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    if (g_strcmp0 (title_in (g_ptr_array_index (documents, i), index), title) == 0)
      return TRUE;
  return FALSE;
}

/* The document a conflicted copy was made of, followed to the first. */
static const char *
family_of (GHashTable *copied_from,
           const char *id)
{
  const char *origin;

  while ((origin = g_hash_table_lookup (copied_from, id)) != NULL)
    id = origin;
  return id;
}

#define SOAK_OPERATIONS 200

/* Two computers edit, delete, add and sync at random through a proxy
 * that breaks requests; at the end, with the faults off, both hold the
 * same library, with every last rename of each marker in it. A
 * conflicted copy keeps the edits of its document, and a later rename of
 * the copy's marker replaces them, so a document and its copies count as
 * one family. Seeded by TS_SYNC_SOAK_SEED, else by the test's seed
 * (--seed), and printed. */
static void
test_soak (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(TsTestService) proxy = NULL;
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GHashTable) renames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) rename_free);
  g_autoptr(GHashTable) copied_from = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *counts = NULL;
  const char *seed_text = g_getenv ("TS_SYNC_SOAK_SEED");
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : (guint32) g_test_rand_int ();
  guint syncs = 0, failed_syncs = 0, conflicts = 0, retries = 0;
  GHashTableIter iter;
  gpointer value;

  if (server == NULL)
    return;
  g_test_message ("soak seed %u (TS_SYNC_SOAK_SEED=%u repeats it)", seed, seed);
  rand = g_rand_new_with_seed (seed);
  proxy = ts_test_fault_proxy_new (ts_test_service_get_port (server), seed, 0.15);
  client = new_client (proxy, TS_TEST_WEBDAV_PASSWORD);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("start %u.als", i);

      g_free (add_document (fixture->a, name));
    }

  for (guint op = 0; op < SOAK_OPERATIONS; op++)
    {
      TsLibrary *library = g_rand_boolean (rand) ? fixture->a : fixture->b;
      guint kind = g_rand_int_range (rand, 0, 100);
      g_autoptr(TsLibraryDocument) document = NULL;

      if (kind < 40 && (document = pick_document (library, rand, FALSE)) != NULL)
        {
          Rename *rename = g_new0 (Rename, 1);

          rename->id = g_strdup (document->id);
          rename->index = g_rand_int_range (rand, 0, N_MARKERS);
          rename->title = g_strdup_printf ("operation %u", op);
          rename_marker (library, rename->id, rename->index, rename->title);
          g_hash_table_insert (renames, g_strdup_printf ("%s %u", family_of (copied_from, rename->id), rename->index),
                               rename);
        }
      else if (kind < 55 && (document = pick_document (library, rand, FALSE)) != NULL)
        {
          guint index = g_rand_int_range (rand, 0, N_MARKERS);

          set_hidden (library, document->id, index, !is_hidden (document, index));
        }
      else if (kind < 62 && (document = pick_document (library, rand, FALSE)) != NULL)
        delete_document (library, document->id);
      else if (kind < 67 && (document = pick_document (library, rand, TRUE)) != NULL)
        undelete_document (library, document->id);
      else if (kind < 72)
        {
          g_autofree char *name = g_strdup_printf ("operation %u.als", op);

          g_free (add_document (library, name));
        }
      else
        {
          g_autoptr(TsSyncReport) report = ts_sync_report_new ();
          g_autoptr(GError) error = NULL;

          syncs++;
          if (!ts_sync_run (library, client, report, NULL, &error))
            {
              g_assert_true (ts_webdav_error_is_retryable (error));
              failed_syncs++;
            }
          for (guint i = 0; i < report->actions->len; i++)
            {
              TsSyncAction *action = g_ptr_array_index (report->actions, i);

              if (action->kind == TS_SYNC_ACTION_CONFLICTED_COPY)
                g_hash_table_insert (copied_from, g_strdup (action->id), g_strdup (action->other_id));
            }
          conflicts += report->conflicts;
          retries += report->retries;
        }
    }

  ts_test_service_command_ok (proxy, "off");
  settle (fixture->a, client, fixture->b, client);
  g_hash_table_iter_init (&iter, renames);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Rename *rename = value;

      if (!library_has_title (fixture->a, rename->index, rename->title)
          || !library_has_title (fixture->b, rename->index, rename->title))
        g_test_message ("lost: \"%s\" of marker %u in %s", rename->title, rename->index, rename->id);
      g_assert_true (library_has_title (fixture->a, rename->index, rename->title));
      g_assert_true (library_has_title (fixture->b, rename->index, rename->title));
    }
  counts = ts_test_service_command (proxy, "counts");
  g_test_message ("soak seed %u: %u operations, %u syncs (%u failed), %u conflicts, %u retries, "
                  "%u documents, %u last renames checked; proxy: %s",
                  seed, SOAK_OPERATIONS, syncs, failed_syncs, conflicts, retries,
                  n_documents (fixture->a), g_hash_table_size (renames), counts);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/merge", test_merge);
  g_test_add ("/sync/first-and-incremental", Fixture, NULL, fixture_set_up, test_first_and_incremental, fixture_tear_down);
  g_test_add ("/sync/propagation", Fixture, NULL, fixture_set_up, test_propagation, fixture_tear_down);
  g_test_add ("/sync/edits-on-both", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_edits_on_both, fixture_tear_down);
  g_test_add ("/sync/edits-on-both-deflate", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_edits_on_both, fixture_tear_down);
  g_test_add ("/sync/same-field", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_same_field, fixture_tear_down);
  g_test_add ("/sync/same-field-deflate", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_same_field, fixture_tear_down);
  g_test_add ("/sync/delete-and-edit", Fixture, NULL, fixture_set_up, test_delete_and_edit, fixture_tear_down);
  g_test_add ("/sync/wrong-password", Fixture, NULL, fixture_set_up, test_wrong_password, fixture_tear_down);
  g_test_add ("/sync/server-stops", Fixture, NULL, fixture_set_up, test_server_stops, fixture_tear_down);
  g_test_add ("/sync/server-emptied", Fixture, NULL, fixture_set_up, test_server_emptied, fixture_tear_down);
  g_test_add ("/sync/quota-then-async", Fixture, NULL, fixture_set_up, test_quota_then_async, fixture_tear_down);
  g_test_add ("/sync/status", Fixture, NULL, fixture_set_up, test_status, fixture_tear_down);
  g_test_add ("/sync/tombstone-purge", Fixture, NULL, fixture_set_up, test_tombstone_purge, fixture_tear_down);
  g_test_add ("/sync/soak", Fixture, NULL, fixture_set_up, test_soak, fixture_tear_down);

  return g_test_run ();
}
