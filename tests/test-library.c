/* test-library.c - the tracklist library on disk, as the app, the CLI
 * and sync use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-library"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ts-ableton-set.h"
#include "ts-als-writer.h"
#include "ts-json-writer.h"
#include "ts-library.h"
#include "ts-test-files.h"

typedef struct
{
  char      *root;
  char      *set;
  GFile     *file;
  TsLibrary *library;
  guint      n_changed;
} Fixture;

/* A Live 10 set at 120 BPM; "Gone - Soon" only when @with_gone, and
 * "Third" at @third_beat, so that a second save moves or drops markers. */
static void
write_set (const char *path,
           double      third_beat,
           gboolean    with_gone)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (10, 120.0);
  g_autoptr(GError) error = NULL;

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 120.0);
  ts_als_writer_add_locator (writer, 0.0, "Intro");
  ts_als_writer_add_locator (writer, 32.0, "Artist A - First");
  ts_als_writer_add_locator (writer, 64.0, "Same");
  ts_als_writer_add_locator (writer, third_beat, "Artist C - Third");
  ts_als_writer_add_locator (writer, 160.0, "Same");
  if (with_gone)
    ts_als_writer_add_locator (writer, 180.0, "Gone - Soon");
  g_assert_true (ts_als_writer_write_file (writer, path, TRUE, &error));
  g_assert_no_error (error);
}

static void
on_document_changed (TsLibrary  *library,
                     const char *id,
                     Fixture    *fixture)
{
  g_assert_true (g_uuid_string_is_valid (id));
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = NULL;

  fixture->root = g_dir_make_tmp ("ts-library-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->set = g_build_filename (fixture->root, "Sunset Mix.als", NULL);
  write_set (fixture->set, 128.0, TRUE);
  fixture->file = g_file_new_for_path (fixture->set);
  directory = g_build_filename (fixture->root, "timestamps", "library", NULL);
  fixture->library = ts_library_new (directory);
  g_signal_connect (fixture->library, "document-changed", G_CALLBACK (on_document_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->file);
  ts_test_remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->set);
}

static char *
path_of (Fixture    *fixture,
         const char *id,
         const char *suffix)
{
  g_autofree char *name = g_strconcat (id, ".json", suffix, NULL);

  return g_build_filename (ts_library_get_directory (fixture->library), name, NULL);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static TsLibraryDocument *
add_set (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  TsLibraryDocument *document = ts_library_add_file (fixture->library, fixture->file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* Everything written reads back the same, the file is what to_json()
 * says, and its hash is the hash of its content. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(TsLibraryDocument) added = add_set (fixture);
  g_autoptr(TsLibraryDocument) loaded = NULL;
  g_autoptr(TsTracklist) tracklist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_of (fixture, added->id, "");
  g_autofree char *on_disk = read_text (path);
  g_autofree char *again = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *expected_source = g_file_get_path (fixture->file);
  g_autofree char *source_hash = ts_library_hash_file (fixture->file, NULL, &error);
  g_autoptr(GPtrArray) keys = NULL;
  GStatBuf info;

  g_assert_no_error (error);
  g_assert_cmpuint (added->revision, ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  loaded = ts_library_load (fixture->library, added->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->id, ==, added->id);
  g_assert_cmpuint (loaded->revision, ==, 1);
  g_assert_cmpstr (loaded->hash, ==, added->hash);
  g_assert_cmpint (loaded->created, ==, added->created);
  g_assert_cmpint (loaded->modified, ==, added->modified);
  g_assert_false (loaded->deleted);
  g_assert_cmpstr (loaded->source_path, ==, expected_source);
  g_assert_cmpstr (loaded->source_hash, ==, source_hash);
  g_assert_cmpuint (strlen (source_hash), ==, 64);
  g_assert_cmpstr (loaded->tracklist->file, ==, "Sunset Mix.als");
  g_assert_cmpint (loaded->tracklist->format, ==, TS_FORMAT_ABLETON);
  g_assert_cmpstr (loaded->tracklist->daw_version, ==, added->tracklist->daw_version);
  g_assert_cmpfloat (loaded->tracklist->bpm, ==, 120.0);
  g_assert_cmpint (loaded->tracklist->arrangement, ==, -1);
  g_assert_null (loaded->tracklist->arrangements);
  g_assert_cmpint (loaded->tracklist->mode, ==, TS_TEMPO_MODE_DAW);
  g_assert_cmpstr (loaded->template_, ==, "{time} {title}");

  g_assert_cmpuint (ts_tracklist_get_n_tracks (loaded->tracklist), ==, 6);
  g_assert_cmpfloat (ts_tracklist_get_track (loaded->tracklist, 1)->seconds, ==, 16.0);
  g_assert_cmpfloat (ts_tracklist_get_track (loaded->tracklist, 1)->beat, ==, 32.0);
  g_assert_cmpstr (ts_tracklist_get_track (loaded->tracklist, 3)->title, ==, "Artist C - Third");

  again = ts_library_document_to_json (loaded);
  g_assert_cmpstr (again, ==, on_disk);
  hash = ts_library_document_compute_hash (loaded);
  g_assert_cmpstr (hash, ==, loaded->hash);

  /* Edits of every kind, and settings, survive a save and a load. */
  keys = ts_library_document_get_keys (loaded);
  ts_edits_set_title (loaded->edits, g_ptr_array_index (keys, 2), "Artist B - \"Quoted\"\n");
  ts_edits_set_hidden (loaded->edits, g_ptr_array_index (keys, 0), TRUE);
  loaded->time_format.milliseconds = TRUE;
  loaded->time_format.hours = TS_HOURS_ALWAYS;
  g_free (loaded->template_);
  loaded->template_ = g_strdup ("{index}. {title}");
  ts_library_save (fixture->library, loaded, &error);
  g_assert_no_error (error);
  g_clear_pointer (&added, ts_library_document_free);
  added = ts_library_load (fixture->library, loaded->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->revision, ==, 2);
  g_assert_cmpstr (added->template_, ==, "{index}. {title}");
  g_assert_true (added->time_format.milliseconds);
  g_assert_cmpint (added->time_format.hours, ==, TS_HOURS_ALWAYS);
  tracklist = ts_library_document_build_tracklist (added);
  g_assert_cmpuint (ts_tracklist_get_n_tracks (tracklist), ==, 5);
  g_assert_cmpstr (ts_tracklist_get_track (tracklist, 1)->title, ==, "Artist B - \"Quoted\"\n");

  /* Only the user reads the library. */
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
}

/* Every write leaves a complete file and nothing beside it, and refuses
 * to write over a revision it did not read. */
static void
test_atomic_write (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(TsLibraryDocument) document = add_set (fixture);
  g_autoptr(TsLibraryDocument) stale = ts_library_document_copy (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *path = path_of (fixture, document->id, "");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_files = 0;

  ts_edits_set_title (document->edits, "0\x1fIntro", "Welcome");
  g_assert_true (ts_library_save (fixture->library, document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (document->revision, ==, 2);
  before = read_text (path);

  /* Another program's copy, read before that save. */
  ts_edits_set_title (stale->edits, "0\x1fIntro", "Hello");
  g_assert_false (ts_library_save (fixture->library, stale, &error));
  g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpuint (stale->revision, ==, 1);
  after = read_text (path);
  g_assert_cmpstr (after, ==, before);

  /* Sync writes a document as it is, when it knows what is on disk. */
  stale->revision = 7;
  g_assert_false (ts_library_store (fixture->library, stale, 1, &error));
  g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_true (ts_library_store (fixture->library, stale, 2, &error));
  g_assert_no_error (error);
  g_clear_pointer (&document, ts_library_document_free);
  document = ts_library_load (fixture->library, stale->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (document->revision, ==, 7);
  g_assert_cmpstr (ts_edits_get_title (document->edits, "0\x1fIntro"), ==, "Hello");
  g_assert_cmpuint (fixture->n_changed, ==, 3);

  dir = g_dir_open (ts_library_get_directory (fixture->library), 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

/* A file that is not a document is renamed, kept byte for byte, and
 * reported; a second one does not replace the first. */
static void
test_broken_kept_aside (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const char *id = "4a0b6c2e-8d1f-4e3a-9b5c-7d6e5f4a3b2c";
  g_autofree char *path = path_of (fixture, id, "");
  g_autofree char *broken = path_of (fixture, id, ".broken");
  g_autofree char *broken_1 = path_of (fixture, id, ".broken.1");
  g_autofree char *kept = NULL;
  g_autofree char *kept_1 = NULL;
  g_autoptr(TsLibraryDocument) document = add_set (fixture);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  const GError *problem;

  g_assert_cmpint (g_mkdir_with_parents (ts_library_get_directory (fixture->library), 0700), ==, 0);
  write_text (path, "{\"schema\": 1, \"id\": \"4a0b");
  documents = ts_library_list (fixture->library, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpstr (((TsLibraryDocument *) g_ptr_array_index (documents, 0))->id, ==, document->id);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_error (problem, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED);
  g_assert_nonnull (strstr (problem->message, path));
  g_assert_nonnull (strstr (problem->message, broken));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  kept = read_text (broken);
  g_assert_cmpstr (kept, ==, "{\"schema\": 1, \"id\": \"4a0b");

  /* A valid document whose content does not match its hash is damaged. */
  {
    g_autofree char *text = ts_library_document_to_json (document);
    g_autofree char *other = path_of (fixture, document->id, "");
    char *bpm = strstr (text, "\"bpm\": 120.0");

    g_assert_nonnull (bpm);
    memcpy (bpm, "\"bpm\": 121.0", strlen ("\"bpm\": 121.0"));
    write_text (other, text);
    g_assert_null (ts_library_load (fixture->library, document->id, &error));
    g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED);
    g_assert_nonnull (strstr (error->message, "“hash”"));
    g_clear_error (&error);
  }

  write_text (path, "[]");
  g_assert_null (ts_library_load (fixture->library, id, &error));
  g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED);
  kept_1 = read_text (broken_1);
  g_assert_cmpstr (kept_1, ==, "[]");
  g_clear_pointer (&kept, g_free);
  kept = read_text (broken);
  g_assert_cmpstr (kept, ==, "{\"schema\": 1, \"id\": \"4a0b");
}

/* A newer Timestamps' document stays where it is and is never written
 * over, so that the newer version finds it again. */
static void
test_future_version_left_alone (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(TsLibraryDocument) document = add_set (fixture);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_of (fixture, document->id, "");
  g_autofree char *future = g_strdup_printf ("{\"schema\": 2, \"id\": \"%s\", \"shape\": \"new\"}\n",
                                             document->id);
  g_autofree char *broken = path_of (fixture, document->id, ".broken");
  g_autofree char *after = NULL;

  write_text (path, future);
  g_assert_null (ts_library_load (fixture->library, document->id, &error));
  g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_FUTURE_VERSION);
  g_clear_error (&error);

  documents = ts_library_list (fixture->library, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_error ((GError *) g_ptr_array_index (problems, 0), TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_FUTURE_VERSION);

  g_assert_false (ts_library_save (fixture->library, document, &error));
  g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_FUTURE_VERSION);
  g_clear_error (&error);
  g_assert_false (ts_library_store (fixture->library, document, 1, &error));
  g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_FUTURE_VERSION);
  g_clear_error (&error);

  after = read_text (path);
  g_assert_cmpstr (after, ==, future);
  g_assert_false (g_file_test (broken, G_FILE_TEST_EXISTS));
}

/* The same project, read again or saved again, keeps one document. */
static void
test_reopen_updates_same_document (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(TsLibraryDocument) first = add_set (fixture);
  g_autoptr(TsLibraryDocument) again = add_set (fixture);
  g_autoptr(TsLibraryDocument) moved = NULL;
  g_autoptr(TsLibraryDocument) copied = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->root, "Copy of Sunset Mix.als", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);

  /* Nothing changed: nothing written. */
  g_assert_cmpstr (again->id, ==, first->id);
  g_assert_cmpuint (again->revision, ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* Saved again with a marker moved: same path, new content. */
  write_set (fixture->set, 136.0, TRUE);
  moved = add_set (fixture);
  g_assert_cmpstr (moved->id, ==, first->id);
  g_assert_cmpuint (moved->revision, ==, 2);
  g_assert_cmpfloat (ts_tracklist_get_track (moved->tracklist, 3)->beat, ==, 136.0);
  g_assert_cmpstr (moved->source_hash, !=, first->source_hash);

  /* The same bytes under another name: the same project. */
  g_assert_true (g_file_copy (fixture->file, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  copied = ts_library_add_file (fixture->library, copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copied->id, ==, first->id);
  g_assert_cmpstr (copied->source_path, ==, copy_path);

  documents = ts_library_list (fixture->library, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
}

/* Renames and hides outlive a new read where the marker still is; those
 * of a marker that is gone go with it. */
static void
test_edits_survive_reread (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(TsLibraryDocument) document = add_set (fixture);
  g_autoptr(TsLibraryDocument) reread = NULL;
  g_autoptr(TsTracklist) tracklist = NULL;
  g_autoptr(GError) error = NULL;

  ts_edits_set_title (document->edits, "1\x1fSame", "Second Same");
  ts_edits_set_title (document->edits, "0\x1f" "Artist C - Third", "Artist C - Renamed");
  ts_edits_set_hidden (document->edits, "0\x1fGone - Soon", TRUE);
  ts_edits_set_hidden (document->edits, "0\x1fIntro", TRUE);
  document->tracklist->mode = TS_TEMPO_MODE_EXACT;
  g_assert_true (ts_library_save (fixture->library, document, &error));
  g_assert_no_error (error);

  write_set (fixture->set, 140.0, FALSE);
  reread = add_set (fixture);
  g_assert_cmpstr (reread->id, ==, document->id);
  g_assert_cmpuint (reread->revision, ==, 3);
  g_assert_cmpint (reread->tracklist->mode, ==, TS_TEMPO_MODE_EXACT);
  g_assert_cmpstr (ts_edits_get_title (reread->edits, "1\x1fSame"), ==, "Second Same");
  g_assert_true (ts_edits_get_hidden (reread->edits, "0\x1fIntro"));
  g_assert_false (ts_edits_get_hidden (reread->edits, "0\x1fGone - Soon"));
  g_assert_cmpuint (g_hash_table_size (reread->edits->hidden), ==, 1);

  tracklist = ts_library_document_build_tracklist (reread);
  g_assert_cmpuint (ts_tracklist_get_n_tracks (tracklist), ==, 4);
  g_assert_cmpstr (ts_tracklist_get_track (tracklist, 0)->title, ==, "Artist A - First");
  g_assert_cmpstr (ts_tracklist_get_track (tracklist, 2)->title, ==, "Artist C - Renamed");
  g_assert_cmpfloat (ts_tracklist_get_track (tracklist, 2)->seconds, ==, 70.0);
  g_assert_cmpstr (ts_tracklist_get_track (tracklist, 3)->title, ==, "Second Same");
}

/* A deletion is a new revision that says so; undoing it is another. */
static void
test_tombstone (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(TsLibraryDocument) document = add_set (fixture);
  g_autoptr(TsLibraryDocument) loaded = NULL;
  g_autoptr(TsLibraryDocument) found = NULL;
  g_autoptr(TsLibraryDocument) fresh = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = ts_library_hash_file (fixture->file, NULL, &error);

  ts_edits_set_title (document->edits, "0\x1fIntro", "Welcome");
  g_assert_true (ts_library_save (fixture->library, document, &error));
  g_assert_true (ts_library_delete (fixture->library, document, &error));
  g_assert_no_error (error);
  g_assert_true (document->deleted);
  g_assert_cmpuint (document->revision, ==, 3);

  loaded = ts_library_load (fixture->library, document->id, &error);
  g_assert_no_error (error);
  g_assert_true (loaded->deleted);
  g_assert_cmpuint (loaded->revision, ==, 3);
  g_assert_cmpstr (ts_edits_get_title (loaded->edits, "0\x1fIntro"), ==, "Welcome");

  documents = ts_library_list (fixture->library, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_true (((TsLibraryDocument *) g_ptr_array_index (documents, 0))->deleted);

  found = ts_library_find_source (fixture->library, hash, fixture->set, &error);
  g_assert_no_error (error);
  g_assert_null (found);

  /* Undo, as the app's toast does it. */
  loaded->deleted = FALSE;
  g_assert_true (ts_library_save (fixture->library, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->revision, ==, 4);
  found = ts_library_find_source (fixture->library, hash, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->id, ==, document->id);

  /* Deleted for good, the project opened again starts a new document. */
  g_assert_true (ts_library_delete (fixture->library, loaded, &error));
  fresh = add_set (fixture);
  g_assert_cmpstr (fresh->id, !=, document->id);
  g_assert_cmpuint (fresh->revision, ==, 1);
  g_assert_cmpuint (g_hash_table_size (fresh->edits->titles), ==, 0);
}

/* Hostile documents get an error each, quickly, without a crash or
 * reading more than the cap. */
static void
test_hostile_documents (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TsLibraryDocument) document = add_set (fixture);
  g_autofree char *good = ts_library_document_to_json (document);
  g_autofree char *path = path_of (fixture, document->id, "");
  g_autofree char *broken = path_of (fixture, document->id, ".broken");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);
  struct {
    const char *from;
    const char *to;
  } edits[] = {
    { "\"arrangement\": -1", "\"arrangement\": 5" },
    { "\"arrangements\": null", "\"arrangements\": []" },
    { "\"revision\": 1", "\"revision\": -1" },
    { "\"schema\": 1", "\"schema\": \"1\"" },
    { "\"format\": \"ableton\"", "\"format\": \"reaper\"" },
    { "\"mode\": \"daw\"", "\"mode\": 7" },
    { "\"deleted\": false", "\"deleted\": 0" },
    { "\"seconds\": 0.0", "\"seconds\": null" },
    { "\"hidden\": []", "\"hidden\": [1]" },
    { "\"titles\": {}", "\"titles\": {\"0\\u001fIntro\": null}" },
    { "\"created\": \"", "\"created\": \"yesterday" },
    /* Half a surrogate pair: json-glib 1.6 would leak the string. */
    { "\"name\": \"", "\"name\": \"\\ud800\\u001f" },
    { "\"name\": \"", "\"name\": \"\\udc00" },
    { "\"name\": \"", "\"name\": \"\\ud800" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GString) text = g_string_new (good);

      g_assert_cmpuint (g_string_replace (text, edits[i].from, edits[i].to, 1), ==, 1);
      g_assert_null (ts_library_document_from_json (text->str, text->len, "hostile.json", &error));
      g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED);
      g_assert_true (g_str_has_prefix (error->message, "hostile.json is a damaged library document"));
      g_clear_error (&error);
    }

  g_string_append (deep, "{\"markers\": ");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  g_assert_null (ts_library_document_from_json (deep->str, deep->len, "deep.json", &error));
  g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED);
  g_clear_error (&error);

  /* A second value after the document: json-glib 1.6 would take the
   * document and drop the rest, leaking what it had built of it. */
  {
    g_autofree char *twice = g_strconcat (good, " []", NULL);

    g_assert_null (ts_library_document_from_json (twice, strlen (twice), "twice.json", &error));
    g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED);
    g_clear_error (&error);
  }

  g_assert_null (ts_library_document_from_json ("\xff\xfe{}", 4, "bytes.json", &error));
  g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED);
  g_clear_error (&error);

  /* A file larger than the cap is refused by its size: a sparse file, so
   * that the test writes nothing of it. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (g_seekable_truncate (G_SEEKABLE (stream), TS_LIBRARY_MAX_DOCUMENT_SIZE + 1, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));
  }
  g_assert_null (ts_library_load (fixture->library, document->id, &error));
  g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_true (g_file_test (broken, G_FILE_TEST_EXISTS));

  g_assert_null (ts_library_load (fixture->library, "../../etc/passwd", &error));
  g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_BAD_ID);
}

/* Sync's last synced version: written and read verbatim, outside the
 * library folder. */
static void
test_sync_base (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(TsLibraryDocument) document = add_set (fixture);
  g_autoptr(TsLibraryDocument) base = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_sync = g_build_filename (fixture->root, "timestamps", "sync", NULL);

  g_assert_cmpstr (ts_library_get_sync_directory (fixture->library), ==, expected_sync);
  g_assert_null (ts_library_load_base (fixture->library, document->id, &error));
  g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  document->revision = 41;
  g_assert_true (ts_library_save_base (fixture->library, document, &error));
  g_assert_no_error (error);
  base = ts_library_load_base (fixture->library, document->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (base->revision, ==, 41);

  documents = ts_library_list (fixture->library, NULL, &error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpuint (((TsLibraryDocument *) g_ptr_array_index (documents, 0))->revision, ==, 1);

  g_assert_true (ts_library_delete_base (fixture->library, document->id, &error));
  g_assert_true (ts_library_delete_base (fixture->library, document->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&base, ts_library_document_free);
  g_assert_null (ts_library_load_base (fixture->library, document->id, &error));
  g_assert_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_NOT_FOUND);
}

/* A cue sheet's markers have no beats; its document says null. */
static void
test_cue_sheet (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->root, "mix.cue", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TsLibraryDocument) document = NULL;
  g_autoptr(TsLibraryDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  write_text (path, "FILE \"mix.wav\" WAVE\n  TRACK 01 AUDIO\n    TITLE \"One\"\n"
                    "    INDEX 01 00:00:00\n  TRACK 02 AUDIO\n    TITLE \"Two\"\n"
                    "    INDEX 01 01:30:00\n");
  document = ts_library_add_file (fixture->library, file, NULL, &error);
  g_assert_no_error (error);
  text = ts_library_document_to_json (document);
  g_assert_nonnull (strstr (text, "{\"seconds\": 90.0, \"beat\": null, \"title\": \"Two\"}"));
  loaded = ts_library_load (fixture->library, document->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->tracklist->format, ==, TS_FORMAT_CUE);
  g_assert_true (isnan (ts_tracklist_get_track (loaded->tracklist, 1)->beat));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/library/round-trip", test_round_trip);
  ADD ("/library/atomic-write", test_atomic_write);
  ADD ("/library/broken-kept-aside", test_broken_kept_aside);
  ADD ("/library/future-version-left-alone", test_future_version_left_alone);
  ADD ("/library/reopen-updates-same-document", test_reopen_updates_same_document);
  ADD ("/library/edits-survive-reread", test_edits_survive_reread);
  ADD ("/library/tombstone", test_tombstone);
  ADD ("/library/hostile-documents", test_hostile_documents);
  ADD ("/library/sync-base", test_sync_base);
  ADD ("/library/cue-sheet", test_cue_sheet);
#undef ADD

  return g_test_run ();
}
