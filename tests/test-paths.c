/* test-paths.c - projects under names with spaces and non-ASCII letters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DJs keep sets in folders like "Sets — Été 2024" on every platform; on
 * Windows the loader gets such a name in UTF-8 from GLib and must not
 * pass it to a narrow-character C call. Each project is written by the
 * fixture writers under such a folder and read back through both loaders.
 */

#include <glib/gstdio.h>
#include <string.h>

#include "ts-als-writer.h"
#include "ts-flp-writer.h"
#include "ts-project.h"
#include "ts-test-files.h"
#include "ts-tracklist.h"

/* Spaces, Latin letters with accents, an em dash and CJK. */
#define FOLDER "Sets — Été 2024/Rüfüs Du Sol 東京"

typedef struct {
  char *root;
  char *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("ts-paths-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->folder = g_build_filename (fixture->root, FOLDER, NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->folder, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  ts_test_remove_tree (fixture->root);
  g_free (fixture->folder);
  g_free (fixture->root);
}

static char *
write_fixture (Fixture    *fixture,
               const char *name,
               GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->folder, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  return path;
}

/* Reads @path both ways and checks the one track each fixture has. */
static void
assert_loads (const char *path,
              TsFormat    format,
              const char *title,
              double      seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TsProject) by_path = ts_project_load_path (path, NULL, &error);
  g_autoptr(TsProject) by_file = NULL;

  g_assert_no_error (error);
  by_file = ts_project_load_file (file, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      TsProject *project = i == 0 ? by_path : by_file;
      g_autoptr(TsTracklist) tracklist = ts_tracklist_new_for_project (project, path, 0, TS_TEMPO_MODE_DAW);
      const TsTrack *track;

      g_assert_cmpint (project->format, ==, format);
      g_assert_cmpuint (ts_tracklist_get_n_tracks (tracklist), ==, 1);
      track = ts_tracklist_get_track (tracklist, 0);
      g_assert_cmpstr (track->title, ==, title);
      g_assert_cmpfloat (track->seconds, ==, seconds);
    }
}

static void
test_ableton (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (11, 120.0);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  /* 8 beats at 120 BPM: 4 s. */
  ts_als_writer_add_locator (writer, 8.0, "Rüfüs Du Sol - Innerbloom");
  bytes = ts_als_writer_to_bytes (writer, TRUE);
  path = write_fixture (fixture, "Mix 1 (Été).als", bytes);
  assert_loads (path, TS_FORMAT_ABLETON, "Rüfüs Du Sol - Innerbloom", 4.0);
}

static void
test_fl_studio (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (96, TS_FLP_TEXT_UTF16);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  /* 7 beats at 140 BPM: 3 s. */
  ts_flp_writer_version (writer, "20.0.5.91");
  ts_flp_writer_tempo (writer, 140000);
  ts_flp_writer_marker (writer, 0, 96 * 7, "東京 - Night");
  bytes = ts_flp_writer_finish (writer);
  path = write_fixture (fixture, "projet d’été.flp", bytes);
  assert_loads (path, TS_FORMAT_FL_STUDIO, "東京 - Night", 3.0);
}

static void
test_cue_sheet (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char sheet[] =
    "TITLE \"Été\"\n"
    "FILE \"Mix Été.wav\" WAVE\n"
    "  TRACK 01 AUDIO\n"
    "    TITLE \"Innerbloom\"\n"
    "    PERFORMER \"Rüfüs Du Sol\"\n"
    "    INDEX 01 01:02:00\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (sheet, strlen (sheet));
  g_autofree char *path = write_fixture (fixture, "Mix Été.cue", bytes);

  assert_loads (path, TS_FORMAT_CUE, "Rüfüs Du Sol - Innerbloom", 62.0);
}

/* The error names the file as the user wrote it, accents included. */
static void
test_missing_file_is_named (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "Ça n’existe pas.als", NULL);
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);
  g_autoptr(TsProject) project = ts_project_load_path (path, NULL, &error);

  g_assert_null (project);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/paths/ableton", Fixture, NULL, fixture_set_up, test_ableton, fixture_tear_down);
  g_test_add ("/paths/fl-studio", Fixture, NULL, fixture_set_up, test_fl_studio, fixture_tear_down);
  g_test_add ("/paths/cue-sheet", Fixture, NULL, fixture_set_up, test_cue_sheet, fixture_tear_down);
  g_test_add ("/paths/missing-file-is-named", Fixture, NULL, fixture_set_up, test_missing_file_is_named, fixture_tear_down);
  return g_test_run ();
}
