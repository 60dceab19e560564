/* test-document.c - one open project, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-document"

#include "config.h"

#include <glib/gstdio.h>

#include "ts-ableton-set.h"
#include "ts-als-writer.h"
#include "ts-document.h"
#include "ts-stage-probe.h"
#include "ts-template.h"

/* Not a time limit: only how long a broken test may hang. */
#define HANG_GUARD_MS 20000

typedef struct
{
  char       *dir;
  char       *path;
  GFile      *file;
  TsDocument *document;
  guint       n_changed;
  guint       n_edited;
  guint       want_changed;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture);

/* A Live 10 set with a tempo ramp; @moved_beat is where "Artist C -
 * Third" sits, and the "Gone - Soon" marker is only there when asked. */
static void
write_set (const char *path,
           double      moved_beat,
           gboolean    with_gone)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (10, 120.0);
  g_autoptr(GError) error = NULL;

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 120.0);
  ts_als_writer_add_tempo_event (writer, 16.0, 120.0);
  ts_als_writer_add_tempo_event (writer, 48.0, 136.0);
  ts_als_writer_add_locator (writer, 0.0, "Intro");
  ts_als_writer_add_locator (writer, 30.5, "Artist A - First");
  ts_als_writer_add_locator (writer, 64.0, "Same");
  ts_als_writer_add_locator (writer, moved_beat, "Artist C - Third");
  ts_als_writer_add_locator (writer, 160.0, "Same");
  if (with_gone)
    ts_als_writer_add_locator (writer, 180.0, "Gone - Soon");
  g_assert_true (ts_als_writer_write_file (writer, path, TRUE, &error));
  g_assert_no_error (error);
}

static void
on_changed (TsDocument *document,
            Fixture    *fixture)
{
  fixture->n_changed++;
}

static void
on_edited (TsDocument *document,
           Fixture    *fixture)
{
  fixture->n_edited++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ts-document-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "Sunset Mix.als", NULL);
  write_set (fixture->path, 130.25, TRUE);
  fixture->file = g_file_new_for_path (fixture->path);
  fixture->document = ts_document_new (fixture->file);
  g_signal_connect (fixture->document, "changed", G_CALLBACK (on_changed), fixture);
  g_signal_connect (fixture->document, "edited", G_CALLBACK (on_edited), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->document);
  g_clear_object (&fixture->file);

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gboolean
on_hang_guard (gpointer data)
{
  gboolean *hung = data;

  *hung = TRUE;

  return G_SOURCE_REMOVE;
}

static void
wait_for (Condition  condition,
          Fixture   *fixture)
{
  gboolean hung = FALSE;
  guint guard = g_timeout_add (HANG_GUARD_MS, on_hang_guard, &hung);

  while (!condition (fixture) && !hung)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (hung);
  g_source_remove (guard);
}

static gboolean
idle (Fixture *fixture)
{
  return !ts_document_get_loading (fixture->document);
}

static gboolean
changed_enough (Fixture *fixture)
{
  return fixture->n_changed >= fixture->want_changed && idle (fixture);
}

/* Reloads are asynchronous: each caller says how many it expects. */
static void
wait_changed (Fixture *fixture,
              guint    n_changed)
{
  fixture->want_changed = n_changed;
  wait_for (changed_enough, fixture);
}

static void
load (Fixture *fixture)
{
  ts_document_reload (fixture->document);
  g_assert_true (ts_document_get_loading (fixture->document));
  wait_for (idle, fixture);
  g_assert_no_error ((GError *)ts_document_get_error (fixture->document));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

/* The index of the track whose marker is called @title, or -1. */
static int
find_track (const TsTracklist *tracklist,
            const char        *title)
{
  for (guint i = 0; i < ts_tracklist_get_n_tracks (tracklist); i++)
    if (g_strcmp0 (ts_tracklist_get_track (tracklist, i)->title, title) == 0)
      return i;

  return -1;
}

static const char *
key_of (Fixture    *fixture,
        const char *title)
{
  int index = find_track (ts_document_get_tracklist (fixture->document), title);

  g_assert_cmpint (index, >=, 0);

  return ts_document_get_marker_key (fixture->document, index);
}

static TsTracklist *
core_tracklist (const char  *path,
                TsTempoMode  mode)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsProject) project = ts_project_load_file (file, NULL, &error);
  g_autofree char *name = g_file_get_basename (file);

  g_assert_no_error (error);

  return ts_tracklist_new_for_project (project, name, ts_project_get_default_arrangement (project), mode);
}

static void
assert_tracklists_equal (const TsTracklist *tracklist,
                         const TsTracklist *expected)
{
  g_assert_cmpuint (ts_tracklist_get_n_tracks (tracklist), ==, ts_tracklist_get_n_tracks (expected));
  g_assert_cmpint (tracklist->mode, ==, expected->mode);
  g_assert_cmpstr (tracklist->file, ==, expected->file);

  for (guint i = 0; i < ts_tracklist_get_n_tracks (expected); i++)
    {
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);
      const TsTrack *want = ts_tracklist_get_track (expected, i);

      g_assert_cmpuint (track->index, ==, want->index);
      g_assert_cmpfloat (track->seconds, ==, want->seconds);
      g_assert_cmpfloat (track->beat, ==, want->beat);
      g_assert_cmpstr (track->title, ==, want->title);
    }
}

/* Nothing is read until asked; then the tracklist is core's, and the
 * export is what timestamps-cli prints with the same options. */
static void
test_load (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(TsTracklist) expected = core_tracklist (fixture->path, TS_TEMPO_MODE_DAW);
  TsExportOptions options = { TS_TEMPLATE_DEFAULT, TS_TIME_FORMAT_INIT };
  g_autofree char *expected_text = ts_export (expected, TS_EXPORT_TEXT, &options);
  g_autofree char *text = NULL;
  guint n_tracks = 0;

  g_assert_cmpstr (ts_document_get_title (fixture->document), ==, "Sunset Mix.als");
  g_assert_false (ts_document_get_loading (fixture->document));
  g_assert_null (ts_document_get_tracklist (fixture->document));
  g_assert_null (ts_document_export (fixture->document, TS_EXPORT_TEXT, NULL));

  load (fixture);

  assert_tracklists_equal (ts_document_get_tracklist (fixture->document), expected);
  g_assert_nonnull (ts_document_get_tempo_map (fixture->document));
  g_assert_cmpuint (ts_document_get_n_arrangements (fixture->document), ==, 1);

  /* Equally named markers are told apart by which one they are. */
  g_assert_cmpstr (ts_document_get_marker_key (fixture->document, 0), ==, "0\x1fIntro");
  g_assert_cmpstr (ts_document_get_marker_key (fixture->document, 2), ==, "0\x1fSame");
  g_assert_cmpstr (ts_document_get_marker_key (fixture->document, 4), ==, "1\x1fSame");

  text = ts_document_export (fixture->document, TS_EXPORT_TEXT, &n_tracks);
  g_assert_cmpstr (text, ==, expected_text);
  g_assert_cmpuint (n_tracks, ==, ts_tracklist_get_n_tracks (expected));
}

static gboolean
third_moved (Fixture *fixture)
{
  const TsTracklist *tracklist = ts_document_get_tracklist (fixture->document);
  int index = find_track (tracklist, "Artist C - Third");

  return index >= 0 && ts_tracklist_get_track (tracklist, index)->beat == 150.0;
}

/* Saving the project again with a locator moved: the file monitor reads
 * it again, the locator moves and the user's edits stay on their markers. */
static void
test_reload_keeps_edits (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TsTracklist) expected = NULL;
  g_autoptr(TsTracklist) shown = NULL;
  const TsEdits *edits;
  double third_seconds;

  load (fixture);
  third_seconds = ts_tracklist_get_track (ts_document_get_tracklist (fixture->document),
                                          find_track (ts_document_get_tracklist (fixture->document),
                                                      "Artist C - Third"))->seconds;

  ts_document_set_marker_title (fixture->document, key_of (fixture, "Artist A - First"),
                                "Artist A - First (Edit)");
  ts_document_set_marker_hidden (fixture->document, key_of (fixture, "Artist C - Third"), TRUE);
  ts_document_set_marker_hidden (fixture->document, key_of (fixture, "Artist C - Third"), TRUE);
  g_assert_cmpuint (fixture->n_edited, ==, 2);

  write_set (fixture->path, 150.0, TRUE);
  wait_for (third_moved, fixture);
  wait_for (idle, fixture);
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  expected = core_tracklist (fixture->path, TS_TEMPO_MODE_DAW);
  assert_tracklists_equal (ts_document_get_tracklist (fixture->document), expected);
  g_assert_cmpfloat (ts_tracklist_get_track (expected, find_track (expected, "Artist C - Third"))->seconds,
                     !=, third_seconds);

  edits = ts_document_get_edits (fixture->document);
  g_assert_cmpstr (ts_edits_get_title (edits, "0\x1f" "Artist A - First"), ==, "Artist A - First (Edit)");
  g_assert_true (ts_edits_get_hidden (edits, "0\x1f" "Artist C - Third"));

  /* The tracklist the user copies has the edits in it. */
  shown = ts_document_build_tracklist (fixture->document);
  g_assert_cmpuint (ts_tracklist_get_n_tracks (shown), ==, ts_tracklist_get_n_tracks (expected) - 1);
  g_assert_cmpint (find_track (shown, "Artist C - Third"), ==, -1);
  g_assert_cmpint (find_track (shown, "Artist A - First"), ==, -1);
  g_assert_cmpint (find_track (shown, "Artist A - First (Edit)"), >=, 0);
  for (guint i = 0; i < ts_tracklist_get_n_tracks (shown); i++)
    g_assert_cmpuint (ts_tracklist_get_track (shown, i)->index, ==, i + 1);

  /* Typing the marker's own title back is no edit. */
  ts_document_set_marker_title (fixture->document, key_of (fixture, "Artist A - First"), NULL);
  ts_document_set_marker_hidden (fixture->document, key_of (fixture, "Artist C - Third"), FALSE);
  g_assert_cmpuint (fixture->n_edited, ==, 4);
  g_assert_cmpuint (g_hash_table_size (edits->titles), ==, 0);
  g_assert_cmpuint (g_hash_table_size (edits->hidden), ==, 0);
}

/* A marker deleted in the DAW takes its edits along; the second of two
 * equally named markers is a marker of its own. */
static void
test_edits_dropped_when_marker_gone (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  const TsEdits *edits;

  load (fixture);
  ts_document_set_marker_title (fixture->document, key_of (fixture, "Gone - Soon"), "Renamed - Gone");
  ts_document_set_marker_hidden (fixture->document, key_of (fixture, "Gone - Soon"), TRUE);
  ts_document_set_marker_title (fixture->document, "1\x1fSame", "Second Same");
  ts_document_set_marker_hidden (fixture->document, "0\x1fSame", TRUE);

  write_set (fixture->path, 130.25, FALSE);
  ts_document_reload (fixture->document);
  wait_changed (fixture, 2);

  g_assert_cmpint (find_track (ts_document_get_tracklist (fixture->document), "Gone - Soon"), ==, -1);
  edits = ts_document_get_edits (fixture->document);
  g_assert_null (ts_edits_get_title (edits, "0\x1fGone - Soon"));
  g_assert_false (ts_edits_get_hidden (edits, "0\x1fGone - Soon"));
  g_assert_cmpstr (ts_edits_get_title (edits, "1\x1fSame"), ==, "Second Same");
  g_assert_true (ts_edits_get_hidden (edits, "0\x1fSame"));
  g_assert_cmpuint (g_hash_table_size (edits->titles), ==, 1);
  g_assert_cmpuint (g_hash_table_size (edits->hidden), ==, 1);

  /* Back in the project, the marker starts without edits. */
  write_set (fixture->path, 130.25, TRUE);
  ts_document_reload (fixture->document);
  wait_changed (fixture, 3);
  g_assert_cmpint (find_track (ts_document_get_tracklist (fixture->document), "Gone - Soon"), >=, 0);
  g_assert_null (ts_edits_get_title (edits, "0\x1fGone - Soon"));
}

/* Stored edits given to a new document: those of markers the project
 * still has apply, the others are dropped once it is read. */
static void
test_set_edits (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(TsEdits) stored = ts_edits_new ();
  g_autoptr(TsTracklist) shown = NULL;
  const TsEdits *edits;

  ts_edits_set_title (stored, "0\x1fIntro", "Welcome");
  ts_edits_set_hidden (stored, "1\x1fSame", TRUE);
  ts_edits_set_title (stored, "0\x1fNot - There", "Nothing");
  ts_document_set_edits (fixture->document, stored);
  g_assert_cmpuint (fixture->n_edited, ==, 1);

  load (fixture);

  edits = ts_document_get_edits (fixture->document);
  g_assert_true (edits != stored);
  g_assert_cmpuint (g_hash_table_size (edits->titles), ==, 1);
  g_assert_cmpstr (ts_edits_get_title (edits, "0\x1fIntro"), ==, "Welcome");
  g_assert_true (ts_edits_get_hidden (edits, "1\x1fSame"));

  shown = ts_document_build_tracklist (fixture->document);
  g_assert_cmpstr (ts_tracklist_get_track (shown, 0)->title, ==, "Welcome");
  g_assert_cmpuint (ts_tracklist_get_n_tracks (shown), ==,
                    ts_tracklist_get_n_tracks (ts_document_get_tracklist (fixture->document)) - 1);
}

/* Another mode computes the tracklist again; the edits stay. */
static void
test_mode_keeps_edits (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(TsTracklist) exact = core_tracklist (fixture->path, TS_TEMPO_MODE_EXACT);

  load (fixture);
  ts_document_set_marker_title (fixture->document, "0\x1fIntro", "Welcome");

  ts_document_set_mode (fixture->document, TS_TEMPO_MODE_EXACT);
  g_assert_true (ts_document_get_loading (fixture->document));
  wait_changed (fixture, 2);

  g_assert_cmpint (ts_document_get_mode (fixture->document), ==, TS_TEMPO_MODE_EXACT);
  assert_tracklists_equal (ts_document_get_tracklist (fixture->document), exact);
  g_assert_cmpstr (ts_edits_get_title (ts_document_get_edits (fixture->document), "0\x1fIntro"), ==, "Welcome");
}

/* A file that is no project: the error says which file and why, in the
 * reader's words, and no tracklist appears. */
/* What the stage probe saw; written from worker threads. */
typedef struct
{
  GThread *main_thread;
  int      n_reached[TS_N_STAGES];
  int      n_on_main_thread;
} StageWatch;

static void
on_stage (TsStage  stage,
          gpointer user_data)
{
  StageWatch *watch = user_data;

  g_atomic_int_inc (&watch->n_reached[stage]);
  if (g_thread_self () == watch->main_thread)
    g_atomic_int_inc (&watch->n_on_main_thread);
}

static void
on_stage_wake (TsStage  stage,
               gpointer user_data)
{
  on_stage (stage, user_data);
  g_main_context_wakeup (NULL);
}

/* A document that goes leaves freeing its project to a worker, so closing
 * a huge set or quitting with it open never waits for the free; a reload
 * frees the project it replaces there too. */
static void
test_free_off_main_thread (Fixture       *fixture,
                           gconstpointer  user_data)
{
  StageWatch watch = { g_thread_self () };
  gboolean hung = FALSE;
  guint guard;

  load (fixture);
  ts_stage_probe_set (on_stage_wake, &watch);
  ts_document_reload (fixture->document);
  wait_changed (fixture, 2);
  g_clear_object (&fixture->document);

  guard = g_timeout_add (HANG_GUARD_MS, on_hang_guard, &hung);
  while (g_atomic_int_get (&watch.n_reached[TS_STAGE_FREE]) < 2 && !hung)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (hung);
  g_source_remove (guard);
  ts_stage_probe_set (NULL, NULL);

  g_assert_cmpint (g_atomic_int_get (&watch.n_reached[TS_STAGE_FREE]), ==, 2);
  g_assert_cmpint (g_atomic_int_get (&watch.n_on_main_thread), ==, 0);
}

/* Reading, the tempo map and the tracklist run in the document's worker,
 * on a load and on a change of mode, never on the caller's thread; a new
 * mode computes again from the project read before. */
static void
test_stages_off_main_thread (Fixture       *fixture,
                             gconstpointer  user_data)
{
  StageWatch watch = { g_thread_self () };

  ts_stage_probe_set (on_stage, &watch);
  load (fixture);
  ts_document_set_mode (fixture->document, TS_TEMPO_MODE_EXACT);
  wait_changed (fixture, 2);
  ts_stage_probe_set (NULL, NULL);

  g_assert_cmpint (g_atomic_int_get (&watch.n_reached[TS_STAGE_READ]), ==, 1);
  g_assert_cmpint (g_atomic_int_get (&watch.n_reached[TS_STAGE_TEMPO_MAP]), >=, 2);
  g_assert_cmpint (g_atomic_int_get (&watch.n_reached[TS_STAGE_TRACKLIST]), ==, 2);
  g_assert_cmpint (g_atomic_int_get (&watch.n_on_main_thread), ==, 0);
}

static void
test_junk_file_error (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "notes.als", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const GError *shown;

  g_assert_true (g_file_set_contents (path, "shopping list: milk, eggs\n", -1, &error));
  g_assert_no_error (error);

  g_clear_object (&fixture->document);
  fixture->document = ts_document_new (file);
  g_signal_connect (fixture->document, "changed", G_CALLBACK (on_changed), fixture);
  ts_document_reload (fixture->document);
  wait_for (idle, fixture);

  shown = ts_document_get_error (fixture->document);
  g_assert_error ((GError *)shown, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT);
  g_assert_cmpstr (shown->message, ==, "notes.als: this is not an Ableton Live set (the content is not XML)");
  g_assert_null (ts_document_get_tracklist (fixture->document));
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static int file_was_released;

/* The job's last reference on the file may go in the worker thread, which
 * does not wake the main loop: the notification wakes it. */
static void
on_file_released (gpointer  data,
                  GObject  *where_the_file_was)
{
  g_atomic_int_set (&file_was_released, 1);
  g_main_context_wakeup (NULL);
}

static gboolean
file_released (Fixture *fixture)
{
  return g_atomic_int_get (&file_was_released);
}

/* The last unref while the worker reads: the document goes at once, the
 * read is cancelled, and nothing arrives after (under ASan, a delivery to
 * the freed document or a result never freed fails the test). */
static void
test_dispose_cancels (Fixture       *fixture,
                      gconstpointer  user_data)
{
  TsDocument *document = fixture->document;

  ts_document_reload (document);
  g_assert_true (ts_document_get_loading (document));

  /* The job's own reference on the file goes when the task is done. */
  g_object_weak_ref (G_OBJECT (fixture->file), on_file_released, NULL);
  g_clear_object (&fixture->file);
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *)&fixture->document);
  g_object_unref (document);
  g_assert_null (fixture->document);

  wait_for (file_released, fixture);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/document/load", test_load);
  ADD ("/document/reload-keeps-edits", test_reload_keeps_edits);
  ADD ("/document/edits-dropped-when-marker-gone", test_edits_dropped_when_marker_gone);
  ADD ("/document/set-edits", test_set_edits);
  ADD ("/document/mode-keeps-edits", test_mode_keeps_edits);
  ADD ("/document/stages-off-main-thread", test_stages_off_main_thread);
  ADD ("/document/free-off-main-thread", test_free_off_main_thread);
  ADD ("/document/junk-file-error", test_junk_file_error);
  ADD ("/document/dispose-cancels", test_dispose_cancels);

#undef ADD

  return g_test_run ();
}
