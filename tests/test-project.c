/* test-project.c - format detection, the tracklist and its JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <math.h>

#include "ts-ableton-set.h"
#include "ts-als-writer.h"
#include "ts-flp-writer.h"
#include "ts-json-writer.h"
#include "ts-project.h"
#include "ts-tempo-map-private.h"
#include "ts-tracklist.h"

static GBytes *
small_set (gboolean gzip)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (10, 120.0);

  ts_als_writer_add_locator (writer, 8.0, "B");
  ts_als_writer_add_locator (writer, 8.0, "A");
  ts_als_writer_add_locator (writer, 2.0, "  Padded  ");
  return ts_als_writer_to_bytes (writer, gzip);
}

static GBytes *
small_flp (void)
{
  g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (96, TS_FLP_TEXT_UTF16);

  ts_flp_writer_version (writer, "20.0.5.91");
  ts_flp_writer_tempo (writer, 140000);
  ts_flp_writer_marker (writer, 0, 96 * 7, "Seven");
  return ts_flp_writer_finish (writer);
}

/* Content decides, whatever the name says. */
static void
test_detect_by_content (void)
{
  struct {
    GBytes     *bytes;
    const char *name;
    TsFormat    format;
  } cases[] = {
    { small_set (TRUE), "set.als", TS_FORMAT_ABLETON },
    { small_set (TRUE), "renamed.flp", TS_FORMAT_ABLETON },
    { small_set (FALSE), "plain.xml", TS_FORMAT_ABLETON },
    { small_set (FALSE), "no-extension", TS_FORMAT_ABLETON },
    { small_flp (), "project.flp", TS_FORMAT_FL_STUDIO },
    { small_flp (), "project.als", TS_FORMAT_FL_STUDIO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TsProject) project = ts_project_load_bytes (cases[i].bytes, cases[i].name, &error);

      g_assert_no_error (error);
      g_assert_cmpint (project->format, ==, cases[i].format);
      g_bytes_unref (cases[i].bytes);
    }
}

/* Unrecognisable content: the extension picks the reader, so the error is
 * the precise one; without a known extension the message lists what is
 * supported. Every message starts with the file's name. */
static void
test_detect_errors (void)
{
  g_autoptr(GBytes) junk = g_bytes_new_static ("JUNK\n", 5);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  TsProject *project;

  project = ts_project_load_bytes (junk, "mix.als", &error);
  g_assert_null (project);
  g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, "mix.als: "));
  g_clear_error (&error);

  project = ts_project_load_bytes (junk, "mix.flp", &error);
  g_assert_null (project);
  g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, "mix.flp: "));
  g_clear_error (&error);

  project = ts_project_load_bytes (junk, "notes.txt", &error);
  g_assert_null (project);
  g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, "notes.txt: this is not "));
  g_assert_nonnull (strstr (error->message, "Ableton Live set"));
  g_assert_nonnull (strstr (error->message, "FL Studio project"));
  g_clear_error (&error);

  project = ts_project_load_bytes (empty, "nothing.als", &error);
  g_assert_null (project);
  g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "nothing.als: the file is empty");
}

static void
test_load_path_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-project-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "missing.als", NULL);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  TsProject *project;

  g_assert_no_error (error);

  project = ts_project_load_path (missing, "missing.als", &error);
  g_assert_null (project);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, "missing.als: "));
  g_clear_error (&error);

  project = ts_project_load_path (dir, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_clear_error (&error);

  project = ts_project_load_file (dir_file, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_clear_error (&error);

  g_rmdir (dir);
}

/* A file past the limit is refused from its size alone: sparse here, so
 * the test writes nothing, and the loader must not read it either. */
static void
write_sparse (const char *path,
              goffset     size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                        NULL, &error);

  g_assert_no_error (error);
  g_assert_true (g_seekable_truncate (G_SEEKABLE (stream), size, NULL, &error));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));
}

static void
test_load_path_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-project-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "huge.als", NULL);
  TsProject *project;

  write_sparse (path, TS_PROJECT_MAX_FILE_SIZE + 1);

  project = ts_project_load_path (path, "huge.als", &error);
  g_assert_null (project);
  g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE);
  /* g_format_size() puts a no-break space before the unit. */
  g_assert_cmpstr (error->message, ==,
                   "huge.als: the file is 1.1\u00a0GB, larger than any project Timestamps can read");

  g_unlink (path);
  g_rmdir (dir);
}

static GBytes *
cut (GBytes *bytes,
     gsize   length)
{
  g_assert_cmpuint (length, <, g_bytes_get_size (bytes));
  return g_bytes_new_from_bytes (bytes, 0, length);
}

/* A plain set whose LiveSet element is closed by the wrong end tag. */
static GBytes *
damaged_set (void)
{
  g_autoptr(GBytes) plain = small_set (FALSE);
  gsize length = 0;
  char *xml = g_bytes_unref_to_data (g_bytes_ref (plain), &length);
  char *end_tag = g_strrstr_len (xml, length, "</LiveSet>");

  g_assert_nonnull (end_tag);
  end_tag[2] = 'X';
  return g_bytes_new_take (xml, length);
}

/* One real file of each kind the app tells apart, through both loaders:
 * the code is the one the UI acts on, whichever format's reader ran, and
 * the message starts with the file's name. */
static void
test_load_error_codes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-project-XXXXXX", &error);
  g_autoptr(GBytes) gzip_set = small_set (TRUE);
  g_autoptr(GBytes) flp = small_flp ();
  struct {
    const char     *name;
    GBytes         *bytes;  /* NULL: a sparse file past the size limit */
    TsProjectError  code;
  } cases[] = {
    { "empty.als", g_bytes_new_static ("", 0), TS_PROJECT_ERROR_EMPTY },
    { "huge.flp", NULL, TS_PROJECT_ERROR_TOO_LARGE },
    { "unknown.bin", g_bytes_new_static ("\x01\x02junk", 6), TS_PROJECT_ERROR_UNKNOWN_FORMAT },
    { "cut.als", cut (gzip_set, g_bytes_get_size (gzip_set) / 2), TS_PROJECT_ERROR_TRUNCATED },
    { "cut.flp", cut (flp, g_bytes_get_size (flp) - 3), TS_PROJECT_ERROR_TRUNCATED },
    { "damaged.als", damaged_set (), TS_PROJECT_ERROR_DAMAGED },
  };

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autofree char *prefix = g_strconcat (cases[i].name, ": ", NULL);
      g_autofree char *path_prefix = g_strconcat (path, ": ", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) path_error = NULL;
      g_autoptr(GError) file_error = NULL;
      TsProject *project;

      g_test_message ("%s", cases[i].name);
      if (cases[i].bytes != NULL)
        g_assert_true (g_file_set_contents (path, g_bytes_get_data (cases[i].bytes, NULL),
                                            g_bytes_get_size (cases[i].bytes), &error));
      else
        write_sparse (path, TS_PROJECT_MAX_FILE_SIZE + 1);
      g_assert_no_error (error);

      /* Without a display name, the path names the file... */
      project = ts_project_load_path (path, NULL, &path_error);
      g_assert_null (project);
      g_assert_error (path_error, TS_PROJECT_ERROR, (int) cases[i].code);
      g_assert_true (g_str_has_prefix (path_error->message, path_prefix));

      /* ...and through GIO its name does. */
      project = ts_project_load_file (file, NULL, &file_error);
      g_assert_null (project);
      g_assert_error (file_error, TS_PROJECT_ERROR, (int) cases[i].code);
      g_assert_true (g_str_has_prefix (file_error->message, prefix));
      g_test_message ("%s", file_error->message);

      g_unlink (path);
      g_clear_pointer (&cases[i].bytes, g_bytes_unref);
    }

  g_rmdir (dir);
}

static void
test_load_file_reads_like_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-project-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mix.als", NULL);
  g_autoptr(GBytes) bytes = small_set (TRUE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TsProject) project = NULL;
  g_auto(TsProjectFacts) facts = TS_PROJECT_FACTS_INIT;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  project = ts_project_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (project->format, ==, TS_FORMAT_ABLETON);
  g_assert_cmpuint (ts_project_get_n_arrangements (project), ==, 1);
  ts_project_derive (project, 0, &facts);
  g_assert_null (facts.arrangements);
  /* One timeline, no arrangement of its own, so no made-up name. */
  g_assert_false (ts_project_has_arrangements (project));
  g_assert_null (ts_project_get_arrangement_name (project, 0));
  g_assert_true (ts_project_arrangement_has_markers (project, 0));
  g_assert_false (ts_project_default_skips_saved_arrangement (project, NULL));

  g_unlink (path);
  g_rmdir (dir);
}

/* Sorted by time, ties by title, renumbered, names trimmed. */
static void
test_tracklist_order (void)
{
  g_autoptr(GBytes) bytes = small_set (TRUE);
  g_autoptr(TsProject) project = ts_project_load_bytes (bytes, "set.als", NULL);
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new_for_project (project, "set.als", 0, TS_TEMPO_MODE_DAW);
  const char *titles[] = { "Padded", "A", "B" };
  const double seconds[] = { 1.0, 4.0, 4.0 };

  g_assert_cmpuint (ts_tracklist_get_n_tracks (tracklist), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);

      g_assert_cmpuint (track->index, ==, i + 1);
      g_assert_cmpstr (track->title, ==, titles[i]);
      g_assert_cmpfloat (track->seconds, ==, seconds[i]);
    }
  g_assert_cmpint (tracklist->format, ==, TS_FORMAT_ABLETON);
  g_assert_cmpfloat (tracklist->bpm, ==, 120.0);
  g_assert_false (tracklist->tempo_automation);
  g_assert_cmpint (tracklist->arrangement, ==, -1);
  g_assert_null (tracklist->arrangements);
}

/* Tempo shapes through the whole pipeline, times worked out by hand. */
static void
test_tempo_shapes_end_to_end (void)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (11, 120.0);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TsProject) project = NULL;
  g_autoptr(TsTracklist) daw = NULL;
  g_autoptr(TsTracklist) exact = NULL;

  /* 120 until beat 8, step to 60 until beat 16.1 (off the grid: the DAW
   * switches at 16.25), then a ramp 60 -> 120 over beats 16.1 .. 32. */
  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 120.0);
  ts_als_writer_add_tempo_event (writer, 8.0, 120.0);
  ts_als_writer_add_tempo_event (writer, 8.0, 60.0);
  ts_als_writer_add_tempo_event (writer, 16.1, 60.0);
  ts_als_writer_add_tempo_event (writer, 32.0, 120.0);
  ts_als_writer_add_locator (writer, 8.0, "Step");
  ts_als_writer_add_locator (writer, 16.0, "Before ramp");
  ts_als_writer_add_locator (writer, 40.0, "After ramp");
  bytes = ts_als_writer_to_bytes (writer, TRUE);
  project = ts_project_load_bytes (bytes, "shapes.als", NULL);
  daw = ts_tracklist_new_for_project (project, NULL, 0, TS_TEMPO_MODE_DAW);
  exact = ts_tracklist_new_for_project (project, NULL, 0, TS_TEMPO_MODE_EXACT);

  g_assert_true (daw->tempo_automation);
  g_assert_cmpfloat_with_epsilon (ts_tracklist_get_track (daw, 0)->seconds, 4.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ts_tracklist_get_track (daw, 1)->seconds, 12.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ts_tracklist_get_track (exact, 1)->seconds, 12.0, 1e-12);

  /* Exact: 12 + 0.1 s, the ramp 60*15.9/60*ln 2, then 8 beats at 120. */
  g_assert_cmpfloat_with_epsilon (ts_tracklist_get_track (exact, 2)->seconds,
                                  12.1 + 60.0 * 15.9 / 60.0 * log (2.0) + 4.0, 1e-9);
  /* DAW: 60 holds until 16.25 (the ramp's sample at 16.0 is still the
   * step's 60), then one sample per 16th of the ramp, then 120. */
  {
    double expected = 12.0 + 0.25;
    double slope = 60.0 / 15.9;

    for (double line = 16.25; line < 32.0; line += 0.25)
      expected += 15.0 / (60.0 + slope * (line - 16.1));
    expected += 4.0;
    g_assert_cmpfloat_with_epsilon (ts_tracklist_get_track (daw, 2)->seconds, expected, 1e-9);
  }
}

/* The end is the last arrangement clip's, timed like the markers, and
 * never before the last marker. */
static void
test_end_of_ableton_set (void)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (12, 120.0);
  g_autoptr(TsAlsWriter) late = ts_als_writer_new (12, 120.0);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) late_bytes = NULL;
  g_autoptr(GBytes) clipless = small_set (TRUE);
  g_autoptr(TsProject) project = NULL;
  g_autoptr(TsProject) late_project = NULL;
  g_autoptr(TsProject) clipless_project = NULL;
  g_autoptr(TsTracklist) tracklist = NULL;
  g_autoptr(TsTracklist) late_list = NULL;
  g_autoptr(TsTracklist) clipless_list = NULL;
  g_auto(TsProjectFacts) facts = TS_PROJECT_FACTS_INIT;

  ts_als_writer_add_locator (writer, 16.0, "Second");
  ts_als_writer_add_clip (writer, TS_ALS_TRACK_AUDIO, 0.0, 48.0, FALSE);
  ts_als_writer_add_clip (writer, TS_ALS_TRACK_MIDI, 40.0, 64.0, FALSE);
  ts_als_writer_add_clip (writer, TS_ALS_TRACK_MIDI, 0.0, 400.0, TRUE);
  bytes = ts_als_writer_to_bytes (writer, TRUE);
  project = ts_project_load_bytes (bytes, "clips.als", NULL);
  tracklist = ts_tracklist_new_for_project (project, NULL, 0, TS_TEMPO_MODE_DAW);
  ts_project_derive (project, 0, &facts);
  g_assert_cmpfloat (facts.end_beat, ==, 64.0);
  g_assert_cmpfloat (tracklist->end_seconds, ==, 32.0);

  ts_als_writer_add_locator (late, 80.0, "End");
  ts_als_writer_add_clip (late, TS_ALS_TRACK_AUDIO, 0.0, 64.0, FALSE);
  late_bytes = ts_als_writer_to_bytes (late, TRUE);
  late_project = ts_project_load_bytes (late_bytes, "late.als", NULL);
  late_list = ts_tracklist_new_for_project (late_project, NULL, 0, TS_TEMPO_MODE_DAW);
  g_assert_cmpfloat (late_list->end_seconds, ==, 40.0);

  clipless_project = ts_project_load_bytes (clipless, "set.als", NULL);
  clipless_list = ts_tracklist_new_for_project (clipless_project, NULL, 0, TS_TEMPO_MODE_DAW);
  g_assert_true (isnan (clipless_list->end_seconds));
}

static void
test_end_of_fl_arrangement (void)
{
  g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (96, TS_FLP_TEXT_UTF16);
  const TsFlpItem items[] = {
    { .start = 0, .length = 96 * 8, .index = 0x5000 + 1 },
    { .start = 96 * 4, .length = 96 * 10, .index = 0x5000 + 2 },
  };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TsProject) project = NULL;
  g_autoptr(TsTracklist) tracklist = NULL;

  ts_flp_writer_version (writer, "20.8.4.2576");
  ts_flp_writer_tempo (writer, 150000);
  ts_flp_writer_arrangement (writer, 0, "Arrangement");
  ts_flp_writer_marker (writer, 0, 96 * 2, "Two");
  ts_flp_writer_playlist (writer, items, G_N_ELEMENTS (items), 32);
  bytes = ts_flp_writer_finish (writer);
  project = ts_project_load_bytes (bytes, "end.flp", NULL);
  tracklist = ts_tracklist_new_for_project (project, NULL, 0, TS_TEMPO_MODE_EXACT);

  /* 14 beats at 150 BPM. */
  g_assert_cmpfloat_with_epsilon (tracklist->end_seconds, 5.6, 1e-12);
}

/* Each format's derive fills every fact, from its own data. */
static void
test_derive_per_format (void)
{
  static const char sheet[] =
    "FILE \"mix.wav\" WAVE\n  TRACK 01 AUDIO\n    TITLE \"Opener\"\n    INDEX 01 01:02:15\n";
  g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (96, TS_FLP_TEXT_UTF16);
  g_autoptr(GBytes) als = small_set (TRUE);
  g_autoptr(GBytes) flp = NULL;
  g_autoptr(GBytes) cue = g_bytes_new_static (sheet, strlen (sheet));
  g_autoptr(TsProject) als_project = ts_project_load_bytes (als, "set.als", NULL);
  g_autoptr(TsProject) flp_project = NULL;
  g_autoptr(TsProject) cue_project = ts_project_load_bytes (cue, "mix.cue", NULL);
  g_auto(TsProjectFacts) facts = TS_PROJECT_FACTS_INIT;

  ts_flp_writer_tempo (writer, 120000);
  ts_flp_writer_arrangement (writer, 0, "Warm-up");
  ts_flp_writer_marker (writer, 0, 96 * 2, "A");
  ts_flp_writer_arrangement (writer, 1, "Peak time");
  ts_flp_writer_marker (writer, 0, 96 * 4, "B");
  flp = ts_flp_writer_finish (writer);
  flp_project = ts_project_load_bytes (flp, "set.flp", NULL);

  ts_project_derive (als_project, 0, &facts);
  g_assert_cmpfloat (ts_tempo_map_get_grid (facts.tempo_map), ==,
                     ts_format_info_get (TS_FORMAT_ABLETON)->tempo_grid);
  g_assert_cmpuint (facts.markers->len, ==, 3);
  g_assert_true (isnan (facts.end_beat));
  g_assert_false (facts.curved_automation);
  g_assert_null (facts.arrangements);
  ts_project_facts_clear (&facts);

  ts_project_derive (flp_project, 1, &facts);
  g_assert_cmpfloat (ts_tempo_map_get_grid (facts.tempo_map), ==,
                     ts_format_info_get (TS_FORMAT_FL_STUDIO)->tempo_grid);
  g_assert_cmpuint (facts.markers->len, ==, 1);
  g_assert_cmpstr (g_array_index (facts.markers, TsMarker, 0).title, ==, "B");
  g_assert_cmpfloat (g_array_index (facts.markers, TsMarker, 0).beat, ==, 4.0);
  g_assert_cmpuint (g_strv_length (facts.arrangements), ==, 2);
  g_assert_cmpstr (facts.arrangements[0], ==, "Warm-up");
  g_assert_cmpstr (facts.arrangements[1], ==, "Peak time");
  ts_project_facts_clear (&facts);
  g_assert_null (facts.arrangements);
  g_assert_true (isnan (facts.end_beat));

  /* 1 min 2 s and 15 frames of 75. */
  ts_project_derive (cue_project, 0, &facts);
  g_assert_null (facts.tempo_map);
  g_assert_cmpuint (facts.markers->len, ==, 1);
  g_assert_true (isnan (g_array_index (facts.markers, TsMarker, 0).beat));
  g_assert_cmpfloat (g_array_index (facts.markers, TsMarker, 0).seconds, ==, 62.2);
  g_assert_true (isnan (facts.end_beat));
  g_assert_null (facts.arrangements);
}

static void
test_json_writer (void)
{
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_ABLETON);
  g_autofree char *json = NULL;

  tracklist->file = g_strdup ("dir/my \"mix\".als");
  tracklist->daw_version = g_strdup ("Ableton Live 12.1");
  tracklist->bpm = 128.0;
  ts_tracklist_add (tracklist, 0.1, 0.2, "Tab\there\nnew line \\ \x01 ü 🎵");
  ts_tracklist_add (tracklist, 1e21, NAN, "far");
  json = ts_tracklist_to_json (tracklist);

  g_assert_cmpstr (json, ==,
                   "{\"file\": \"dir/my \\\"mix\\\".als\", \"format\": \"ableton\", "
                   "\"daw_version\": \"Ableton Live 12.1\", \"mode\": \"daw\", \"bpm\": 128.0, "
                   "\"tempo_automation\": false, \"curved_automation\": false, \"markers\": ["
                   "{\"time\": 0.10000000000000001, \"beat\": 0.20000000000000001, "
                   "\"title\": \"Tab\\there\\nnew line \\\\ \\u0001 ü 🎵\"}, "
                   "{\"time\": 1e+21, \"beat\": null, \"title\": \"far\"}]}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/detect/by-content", test_detect_by_content);
  g_test_add_func ("/project/detect/errors", test_detect_errors);
  g_test_add_func ("/project/load/path-errors", test_load_path_errors);
  g_test_add_func ("/project/load/too-large", test_load_path_too_large);
  g_test_add_func ("/project/load/file", test_load_file_reads_like_path);
  g_test_add_func ("/project/load/error-codes", test_load_error_codes);
  g_test_add_func ("/project/tracklist/order", test_tracklist_order);
  g_test_add_func ("/project/tracklist/tempo-shapes", test_tempo_shapes_end_to_end);
  g_test_add_func ("/project/end/ableton", test_end_of_ableton_set);
  g_test_add_func ("/project/end/fl-studio", test_end_of_fl_arrangement);
  g_test_add_func ("/project/derive", test_derive_per_format);
  g_test_add_func ("/project/json-writer", test_json_writer);

  return g_test_run ();
}
