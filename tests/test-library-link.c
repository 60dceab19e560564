/* test-library-link.c - an open project recorded in the library, its
 * edits saved as they are made and given back when it is opened again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-library-link"

#include "config.h"

#include <glib/gstdio.h>

#include "ts-ableton-set.h"
#include "ts-als-writer.h"
#include "ts-library-link.h"
#include "ts-test-files.h"

/* Not a time limit: only how long a broken test may hang. */
#define HANG_GUARD_MS 20000

typedef struct
{
  char      *root;
  char      *set;
  GFile     *file;
  TsLibrary *library;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

static void
write_set (const char *path)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (10, 120.0);
  g_autoptr(GError) error = NULL;

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 120.0);
  ts_als_writer_add_tempo_event (writer, 16.0, 120.0);
  ts_als_writer_add_tempo_event (writer, 48.0, 136.0);
  ts_als_writer_add_locator (writer, 0.0, "Intro");
  ts_als_writer_add_locator (writer, 32.0, "Artist A - First");
  ts_als_writer_add_locator (writer, 96.0, "Artist B - Second");
  g_assert_true (ts_als_writer_write_file (writer, path, TRUE, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = NULL;

  fixture->root = g_dir_make_tmp ("ts-library-link-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->set = g_build_filename (fixture->root, "Sunset Mix.als", NULL);
  write_set (fixture->set);
  fixture->file = g_file_new_for_path (fixture->set);
  directory = g_build_filename (fixture->root, "library", NULL);
  fixture->library = ts_library_new (directory);
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

static gboolean
on_hang_guard (gpointer data)
{
  gboolean *hung = data;

  *hung = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (Condition condition,
          gpointer  data)
{
  gboolean hung = FALSE;
  guint guard = g_timeout_add (HANG_GUARD_MS, on_hang_guard, &hung);

  while (!condition (data) && !hung)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (hung);
  g_source_remove (guard);
}

typedef struct
{
  TsLibrary   *library;
  TsDocument  *document;
  TsTempoMode  mode;
} Stored;

/* The document is read and the library has it in the mode it shows. */
static gboolean
stored_in_mode (gpointer data)
{
  Stored *stored = data;
  g_autoptr(GPtrArray) documents = NULL;
  const TsLibraryDocument *first;

  if (ts_document_get_loading (stored->document) || ts_document_get_mode (stored->document) != stored->mode)
    return FALSE;
  documents = ts_library_list (stored->library, NULL, NULL);
  if (documents == NULL || documents->len != 1)
    return FALSE;
  first = g_ptr_array_index (documents, 0);
  return first->tracklist->mode == stored->mode &&
         ts_tracklist_get_track (first->tracklist, 2)->seconds ==
         ts_tracklist_get_track (ts_document_get_tracklist (stored->document), 2)->seconds;
}

static TsLibraryDocument *
load_only (Fixture *fixture)
{
  g_autoptr(GPtrArray) documents = ts_library_list (fixture->library, NULL, NULL);

  g_assert_cmpuint (documents->len, ==, 1);
  return g_ptr_array_steal_index (documents, 0);
}

static TsDocument *
open_project (Fixture        *fixture,
              TsLibraryLink **link,
              TsTempoMode     mode)
{
  TsDocument *document = ts_document_new (fixture->file);
  Stored stored = { fixture->library, document, mode };

  *link = ts_library_link_new (fixture->library, document);
  ts_document_reload (document);
  wait_for (stored_in_mode, &stored);
  g_assert_nonnull (ts_library_link_get_id (*link));
  g_assert_null (ts_library_link_get_error (*link));
  return document;
}

static void
test_edits_persist (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(TsLibraryLink) link = NULL;
  g_autoptr(TsDocument) document = open_project (fixture, &link, TS_TEMPO_MODE_DAW);
  g_autoptr(TsLibraryDocument) stored = load_only (fixture);
  g_autoptr(TsLibraryLink) again_link = NULL;
  g_autoptr(TsDocument) again = NULL;
  g_autoptr(TsTracklist) edited = NULL;
  g_autofree char *id = g_strdup (ts_library_link_get_id (link));
  Stored wanted = { fixture->library, document, TS_TEMPO_MODE_EXACT };
  TsTimeFormat format = TS_TIME_FORMAT_INIT;
  const char *first_key;

  g_assert_cmpstr (stored->id, ==, id);
  g_assert_cmpuint (stored->revision, ==, 1);
  g_assert_cmpuint (ts_tracklist_get_n_tracks (stored->tracklist), ==, 3);

  /* Each edit and choice is saved as it is made. */
  first_key = ts_document_get_marker_key (document, 1);
  ts_document_set_marker_title (document, first_key, "Artist A - Renamed");
  ts_document_set_marker_hidden (document, ts_document_get_marker_key (document, 0), TRUE);
  ts_document_set_template (document, "{index}. {title}");
  format.milliseconds = TRUE;
  ts_document_set_time_format (document, &format);
  g_clear_pointer (&stored, ts_library_document_free);
  stored = load_only (fixture);
  g_assert_cmpstr (ts_edits_get_title (stored->edits, first_key), ==, "Artist A - Renamed");
  g_assert_true (ts_edits_get_hidden (stored->edits, "0\x1fIntro"));
  g_assert_cmpstr (stored->template_, ==, "{index}. {title}");
  g_assert_true (stored->time_format.milliseconds);

  /* A new mode computes the tracklist again, which is stored in turn. */
  ts_document_set_mode (document, TS_TEMPO_MODE_EXACT);
  wait_for (stored_in_mode, &wanted);
  g_clear_object (&link);
  g_clear_object (&document);

  /* Opened again, the project is as the user left it. */
  again = open_project (fixture, &again_link, TS_TEMPO_MODE_EXACT);
  g_assert_cmpstr (ts_library_link_get_id (again_link), ==, id);
  g_assert_cmpstr (ts_document_get_template (again), ==, "{index}. {title}");
  ts_document_get_time_format (again, &format);
  g_assert_true (format.milliseconds);
  edited = ts_document_build_tracklist (again);
  g_assert_cmpuint (ts_tracklist_get_n_tracks (edited), ==, 2);
  g_assert_cmpstr (ts_tracklist_get_track (edited, 0)->title, ==, "Artist A - Renamed");

  g_clear_pointer (&stored, ts_library_document_free);
  stored = load_only (fixture);
  g_assert_cmpstr (stored->id, ==, id);
}

/* Another program saved meanwhile: the open project's save still lands,
 * on top of the newer revision. */
static void
test_saved_elsewhere (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(TsLibraryLink) link = NULL;
  g_autoptr(TsDocument) document = open_project (fixture, &link, TS_TEMPO_MODE_DAW);
  g_autoptr(TsLibraryDocument) elsewhere = load_only (fixture);
  g_autoptr(TsLibraryDocument) stored = NULL;
  g_autoptr(GError) error = NULL;

  elsewhere->time_format.hours = TS_HOURS_ALWAYS;
  g_assert_true (ts_library_save (fixture->library, elsewhere, &error));
  g_assert_no_error (error);

  ts_document_set_marker_title (document, ts_document_get_marker_key (document, 2), "Artist B - New");
  g_assert_null (ts_library_link_get_error (link));
  stored = load_only (fixture);
  g_assert_cmpuint (stored->revision, ==, elsewhere->revision + 1);
  g_assert_cmpstr (ts_edits_get_title (stored->edits, "0\x1f" "Artist B - Second"), ==, "Artist B - New");
}

/* Deleted in the library while open: the deletion stands. */
static void
test_deleted_while_open (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TsLibraryLink) link = NULL;
  g_autoptr(TsDocument) document = open_project (fixture, &link, TS_TEMPO_MODE_DAW);
  g_autoptr(TsLibraryDocument) elsewhere = load_only (fixture);
  g_autoptr(TsLibraryDocument) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_library_delete (fixture->library, elsewhere, &error));
  g_assert_no_error (error);
  ts_document_set_marker_title (document, ts_document_get_marker_key (document, 2), "Artist B - New");
  stored = load_only (fixture);
  g_assert_true (stored->deleted);
  g_assert_cmpuint (stored->revision, ==, elsewhere->revision);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/library-link/edits-persist", test_edits_persist);
  ADD ("/library-link/saved-elsewhere", test_saved_elsewhere);
  ADD ("/library-link/deleted-while-open", test_deleted_while_open);
#undef ADD

  return g_test_run ();
}
